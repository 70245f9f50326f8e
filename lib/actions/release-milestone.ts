'use server';
import { canReleaseMilestone } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { milestoneReceiver } from '../escrow/types';
import { releaseSchema, type ReleaseInput } from '../schemas/steps';
import { feeRecipients, recipientsCanReceive } from './checks';
import { payoutLines, signersProblem } from './release-checks';
import { milestoneIndex } from '../schemas/fields';
import { fail } from '../stellar/result';
import { money, prepareStep, type StepRequest } from './step';

/** Prepares `release_milestone(index, signers)` (multi-release). */
export async function prepareReleaseMilestone(req: StepRequest<ReleaseInput> & { milestone: number }) {
  const parsed = milestoneIndex.safeParse(req?.milestone);
  if (!parsed.success) return fail('bad-milestone', 'There is no such milestone');
  const index = parsed.data;
  return prepareStep(req, {
    schema: () => releaseSchema,
    refuse: async (ctx, input) =>
      (ctx.escrow.config.kind !== 'Multi' ? 'This is a single-release escrow: release it as a whole' : null) ??
      signersProblem(ctx, input.signers) ??
      canReleaseMilestone(ctx.escrow, index) ??
      (await recipientsCanReceive(ctx, [milestoneReceiver(ctx.escrow.config, index), ...feeRecipients(ctx)])),
    op: (ctx, input) => escrowCalls.releaseMilestone(ctx.escrowId, index, input.signers),
    summary: (ctx) => {
      const amount = ctx.escrow.config.milestones[index]!.amount;
      return [`Release milestone ${index + 1}: ${money(ctx, amount)}.`, ...payoutLines(ctx, amount, milestoneReceiver(ctx.escrow.config, index))];
    },
  });
}
