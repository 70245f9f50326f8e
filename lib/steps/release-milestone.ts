import { escrowCalls } from '../escrow/calls';
import { milestoneReceiver } from '../escrow/types';
import { releaseSchema } from '../schemas/steps';
import { feeRecipients, recipientsCanReceive } from './checks';
import { money } from './money';
import { releasePayout, signersProblem } from './payout';
import { IN_DISPUTE, milestoneClosed, REFUNDING, roles } from './state';
import { defineStep, milestoneOf } from './types';

/** `release_milestone(index, signers)` (multi-release): pays one milestone out, fees deducted. */
export const releaseMilestone = defineStep({
  name: 'release-milestone',
  label: 'Release milestone',
  done: 'Released',
  event: 'released',
  title: (m) => `Release milestone ${Number(m) + 1}`,
  path: 'release',
  contractFn: 'release_milestone',
  perMilestone: true,
  kinds: ['Multi'],
  wrongKind: 'This is a single-release escrow: release it as a whole',
  roles: roles.releaseSigner,
  precondition: ({ escrow, milestone }) => {
    const i = milestone!;
    if (escrow.refunding) return REFUNDING;
    const closed = milestoneClosed(escrow, i);
    if (closed) return closed;
    if (escrow.milestones[i]!.disputed) return IN_DISPUTE;
    if (!escrow.milestones[i]!.approved) return 'Not approved yet';
    if (escrow.balance < escrow.config.milestones[i]!.amount)
      return 'The escrow does not hold enough for this milestone yet';
    return null;
  },
  schema: () => releaseSchema,
  check: async (ctx, input) =>
    signersProblem(ctx, input.signers) ??
    (await recipientsCanReceive(ctx, [milestoneReceiver(ctx.escrow.config, milestoneOf(ctx)), ...feeRecipients(ctx)])),
  call: (ctx, input) => escrowCalls.releaseMilestone(ctx.escrowId, milestoneOf(ctx), input.signers),
  summary: (ctx) => {
    const i = milestoneOf(ctx);
    const payout = releasePayout(ctx, i);
    return [`Release milestone ${i + 1}: ${money(ctx, payout.gross)}.`, ...payout.lines];
  },
});
