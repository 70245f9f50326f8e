import { escrowCalls } from '../escrow/calls';
import { releaseSchema } from '../schemas/steps';
import { feeRecipients, recipientsCanReceive } from './checks';
import { money } from './money';
import { releasePayout, signersProblem } from './payout';
import { IN_DISPUTE, openForMoney, roles } from './state';
import { defineStep } from './types';

/** `release(signers)` (single-release): pays the whole amount out, fees deducted. */
export const release = defineStep({
  name: 'release',
  label: 'Release funds',
  done: 'Released',
  event: 'released',
  title: () => 'Release the funds',
  path: 'release',
  contractFn: 'release',
  perMilestone: false,
  kinds: ['Single'],
  wrongKind: 'This is a multi-release escrow: release each milestone from its own page',
  roles: roles.releaseSigner,
  precondition: ({ escrow }) => {
    const closed = openForMoney(escrow);
    if (closed) return closed;
    if (escrow.disputed) return IN_DISPUTE;
    const pending = escrow.milestones.findIndex((m) => !m.approved);
    if (pending >= 0) return `Milestone ${pending + 1} is not approved yet`;
    if (escrow.funded !== escrow.config.amount || escrow.balance < escrow.config.amount)
      return 'The escrow is not fully funded yet';
    return null;
  },
  schema: () => releaseSchema,
  check: async (ctx, input) =>
    signersProblem(ctx, input.signers) ??
    (await recipientsCanReceive(ctx, [ctx.escrow.config.roles.receiver, ...feeRecipients(ctx)])),
  call: (ctx, input) => escrowCalls.release(ctx.escrowId, input.signers),
  summary: (ctx, input) => [
    `Release ${money(ctx, ctx.escrow.config.amount)} signed by ${input.signers.length} of ${ctx.escrow.config.roles.releasesRequired} required signers.`,
    ...releasePayout(ctx, null).lines,
  ],
});
