import { escrowCalls } from '../escrow/calls';
import { refundSchema } from '../schemas/steps';
import { money } from './money';
import { deadlinePassed, IN_DISPUTE } from './state';
import { defineStep } from './types';

/** `claim_refund(funder)`: after the deadline a funder takes back what they put in, fee-free. */
export const claimRefund = defineStep({
  name: 'refund',
  label: 'Claim refund',
  done: 'Refund claimed',
  event: 'refunded',
  title: () => 'Claim a refund',
  path: 'refund',
  contractFn: 'claim_refund',
  perMilestone: false,
  kinds: ['Single', 'Multi'],
  roles: 'anyone',
  fundersOnly: true,
  needsFunding: true,
  // What the caller funded decides it; a server-rendered page does not know the caller.
  callerSpecific: true,
  precondition: ({ escrow, now, funding }) => {
    if (escrow.config.deadline === null) return 'This escrow has no deadline';
    if (!deadlinePassed(escrow, now)) return 'The deadline has not passed yet';
    const closed = escrow.released || escrow.resolved || escrow.milestones.some((m) => m.released || m.resolved);
    if (closed) return 'Funds have been released or distributed, so refunds are closed';
    if (escrow.disputed || escrow.milestones.some((m) => m.disputed)) return IN_DISPUTE;
    if (funding <= 0n) return 'Nothing to refund to you';
    if (escrow.balance < funding) return 'The escrow does not hold enough to refund you';
    return null;
  },
  schema: () => refundSchema,
  call: (ctx) => escrowCalls.claimRefund(ctx.escrowId, ctx.source),
  summary: (ctx) => [`Get back what you put in: ${money(ctx, ctx.funding)}, fee-free.`],
});
