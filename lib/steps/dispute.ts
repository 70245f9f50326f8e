import { escrowCalls } from '../escrow/calls';
import { disputeSchema } from '../schemas/steps';
import { openForMoney, roles } from './state';
import { defineStep } from './types';

/** `dispute(by, reason)` (single-release): freezes the escrow until the resolver decides. */
export const dispute = defineStep({
  name: 'dispute',
  label: 'Raise a dispute',
  done: 'Dispute raised',
  event: 'disputed',
  title: () => 'Raise a dispute',
  path: 'dispute',
  contractFn: 'dispute',
  perMilestone: false,
  kinds: ['Single'],
  wrongKind: 'This is a multi-release escrow: dispute a milestone from its own page',
  roles: roles.disputeParty,
  precondition: ({ escrow }) => openForMoney(escrow) ?? (escrow.disputed ? 'Already in dispute' : null),
  schema: () => disputeSchema,
  call: (ctx, input) => escrowCalls.dispute(ctx.escrowId, ctx.source, input.reason),
  summary: (_ctx, input) => [
    `Raise a dispute: “${input.reason}”. Nothing can be released until the dispute resolver decides.`,
  ],
});
