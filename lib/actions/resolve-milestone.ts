'use server';
import { canResolveMilestone } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { resolveSchema, type ResolveInput } from '../schemas/steps';
import { amountInDispute, distributionRecipientsCanReceive, distributionSummary, toDistribution } from './distribution';
import { milestoneIndex } from '../schemas/fields';
import { fail } from '../stellar/result';
import { prepareStep, type StepRequest } from './step';

/** Prepares `resolve_milestone(index, distributions)` (multi-release). */
export async function prepareResolveMilestone(req: StepRequest<ResolveInput> & { milestone: number }) {
  const parsed = milestoneIndex.safeParse(req?.milestone);
  if (!parsed.success) return fail('bad-milestone', 'There is no such milestone');
  const index = parsed.data;
  return prepareStep(req, {
    schema: (ctx) => resolveSchema(ctx.token.decimals, amountInDispute(ctx, index)),
    refuse: async (ctx, input) =>
      (ctx.source !== ctx.escrow.config.roles.disputeResolver ? 'Only the dispute resolver may resolve; connect that account' : null) ??
      canResolveMilestone(ctx.escrow, index) ??
      (await distributionRecipientsCanReceive(ctx, input)),
    op: (ctx, input) => escrowCalls.resolveMilestone(ctx.escrowId, index, toDistribution(ctx, input)),
    summary: async (ctx, input) => [`Resolve the dispute on milestone ${index + 1}:`, ...(await distributionSummary(ctx, input))],
  });
}
