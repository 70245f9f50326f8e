import { escrowCalls } from '../escrow/calls';
import { disputeSchema } from '../schemas/steps';
import { milestoneClosed, REFUNDING, roles } from './state';
import { defineStep, milestoneOf } from './types';

/** `dispute_milestone(index, by, reason)` (multi-release): freezes one milestone. */
export const disputeMilestone = defineStep({
  name: 'dispute-milestone',
  label: 'Dispute milestone',
  done: 'Dispute raised',
  event: 'disputed',
  title: (m) => `Dispute milestone ${Number(m) + 1}`,
  path: 'dispute',
  contractFn: 'dispute_milestone',
  perMilestone: true,
  kinds: ['Multi'],
  wrongKind: 'This is a single-release escrow: dispute it as a whole',
  roles: roles.disputeParty,
  precondition: ({ escrow, milestone }) => {
    const i = milestone!;
    if (escrow.refunding) return REFUNDING;
    return milestoneClosed(escrow, i) ?? (escrow.milestones[i]!.disputed ? 'Already in dispute' : null);
  },
  schema: () => disputeSchema,
  call: (ctx, input) => escrowCalls.disputeMilestone(ctx.escrowId, milestoneOf(ctx), ctx.source, input.reason),
  summary: (ctx, input) => [`Dispute milestone ${milestoneOf(ctx) + 1}: “${input.reason}”.`],
});
