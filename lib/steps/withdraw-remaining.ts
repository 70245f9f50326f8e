import { escrowCalls } from '../escrow/calls';
import { withdrawSchema } from '../schemas/steps';
import { amountInDispute, distributionRecipientsCanReceive, distributionSummary, toDistribution } from './distribution';
import { isFinished, roles } from './state';
import { defineStep } from './types';

/** `withdraw_remaining(distributions)`: hands out what is left once the escrow is closed. */
export const withdrawRemaining = defineStep({
  name: 'withdraw',
  label: 'Withdraw remaining funds',
  done: 'Remaining funds withdrawn',
  event: 'withdrawn',
  title: () => 'Withdraw what remains',
  path: 'withdraw',
  contractFn: 'withdraw_remaining',
  perMilestone: false,
  kinds: ['Single', 'Multi'],
  roles: roles.resolver('Only the dispute resolver may withdraw what remains; connect that account'),
  precondition: ({ escrow }) => {
    if (escrow.balance === 0n) return 'Nothing left in the escrow';
    if (!isFinished(escrow)) return 'Only after every milestone is released or resolved';
    return null;
  },
  schema: (ctx) => withdrawSchema(ctx.token.decimals, amountInDispute(ctx, null)),
  check: (ctx, input) => distributionRecipientsCanReceive(ctx, input),
  call: (ctx, input) => escrowCalls.withdrawRemaining(ctx.escrowId, toDistribution(ctx, input)),
  summary: async (ctx, input) => ['Withdraw what remains:', ...(await distributionSummary(ctx, input))],
});
