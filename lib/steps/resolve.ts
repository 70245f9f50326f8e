import { escrowCalls } from '../escrow/calls';
import { resolveSchema } from '../schemas/steps';
import { amountInDispute, distributionRecipientsCanReceive, distributionSummary, toDistribution } from './distribution';
import { roles } from './state';
import { defineStep } from './types';

/** `resolve(distributions)` (single-release): the dispute resolver divides the escrow. */
export const resolve = defineStep({
  name: 'resolve',
  label: 'Resolve dispute',
  done: 'Dispute resolved',
  event: 'resolved',
  title: () => 'Resolve the dispute',
  path: 'resolve',
  contractFn: 'resolve',
  perMilestone: false,
  kinds: ['Single'],
  wrongKind: 'This is a multi-release escrow: resolve each disputed milestone from its own page',
  roles: roles.resolver('Only the dispute resolver may resolve; connect that account'),
  precondition: ({ escrow }) => {
    if (escrow.resolved) return 'Already resolved';
    if (!escrow.disputed) return 'There is no dispute';
    return null;
  },
  schema: (ctx) => resolveSchema(ctx.token.decimals, amountInDispute(ctx, null)),
  check: (ctx, input) => distributionRecipientsCanReceive(ctx, input),
  call: (ctx, input) => escrowCalls.resolve(ctx.escrowId, toDistribution(ctx, input)),
  summary: async (ctx, input) => ['Resolve the dispute:', ...(await distributionSummary(ctx, input))],
});
