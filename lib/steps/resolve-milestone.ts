import { escrowCalls } from '../escrow/calls';
import { resolveSchema } from '../schemas/steps';
import { amountInDispute, distributionRecipientsCanReceive, distributionSummary, toDistribution } from './distribution';
import { roles } from './state';
import { defineStep, milestoneOf } from './types';

/** `resolve_milestone(index, distributions)` (multi-release): the dispute resolver divides one milestone. */
export const resolveMilestone = defineStep({
  name: 'resolve-milestone',
  label: 'Resolve milestone dispute',
  done: 'Milestone dispute resolved',
  event: 'resolved',
  title: (m) => `Resolve the dispute on milestone ${Number(m) + 1}`,
  path: 'resolve',
  contractFn: 'resolve_milestone',
  perMilestone: true,
  kinds: ['Multi'],
  wrongKind: 'This is a single-release escrow: resolve its dispute as a whole',
  roles: roles.resolver('Only the dispute resolver may resolve; connect that account'),
  precondition: ({ escrow, milestone }) => {
    const m = escrow.milestones[milestone!];
    if (!m) return `There is no milestone ${milestone! + 1}`;
    if (m.resolved) return 'Already resolved';
    if (!m.disputed) return 'There is no dispute on this milestone';
    return null;
  },
  schema: (ctx) => resolveSchema(ctx.token.decimals, amountInDispute(ctx, milestoneOf(ctx))),
  check: (ctx, input) => distributionRecipientsCanReceive(ctx, input),
  call: (ctx, input) => escrowCalls.resolveMilestone(ctx.escrowId, milestoneOf(ctx), toDistribution(ctx, input)),
  summary: async (ctx, input) => [
    `Resolve the dispute on milestone ${milestoneOf(ctx) + 1}:`,
    ...(await distributionSummary(ctx, input)),
  ],
});
