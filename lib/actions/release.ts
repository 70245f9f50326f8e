'use server';
import { canRelease } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { releaseSchema, type ReleaseInput } from '../schemas/steps';
import { feeRecipients, recipientsCanReceive } from './checks';
import { money, prepareStep, type StepRequest } from './step';
import { payoutLines, signersProblem } from './release-checks';

/** Prepares `release(signers)` (single-release): pays the whole amount out, fees deducted. */
export async function prepareRelease(req: StepRequest<ReleaseInput>) {
  return prepareStep(req, {
    schema: () => releaseSchema,
    refuse: async (ctx, input) =>
      (ctx.escrow.config.kind !== 'Single' ? 'This is a multi-release escrow: release milestone by milestone' : null) ??
      signersProblem(ctx, input.signers) ??
      canRelease(ctx.escrow) ??
      (await recipientsCanReceive(ctx, [ctx.escrow.config.roles.receiver, ...feeRecipients(ctx)])),
    op: (ctx, input) => escrowCalls.release(ctx.escrowId, input.signers),
    summary: (ctx, input) => [
      `Release ${money(ctx, ctx.escrow.config.amount)} signed by ${input.signers.length} of ${ctx.escrow.config.roles.releasesRequired} required signers.`,
      ...payoutLines(ctx, ctx.escrow.config.amount, ctx.escrow.config.roles.receiver),
    ],
  });
}
