'use server';
import { canDisputeAs, canDisputeMilestone } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { disputeSchema, type DisputeInput } from '../schemas/steps';
import { milestoneIndex } from '../schemas/fields';
import { fail } from '../stellar/result';
import { prepareStep, type StepRequest } from './step';

/** Prepares `dispute_milestone(index, by, reason)` (multi-release). */
export async function prepareDisputeMilestone(req: StepRequest<DisputeInput> & { milestone: number }) {
  const parsed = milestoneIndex.safeParse(req?.milestone);
  if (!parsed.success) return fail('bad-milestone', 'There is no such milestone');
  const index = parsed.data;
  return prepareStep(req, {
    schema: () => disputeSchema,
    refuse: async (ctx) =>
      (canDisputeAs(ctx.escrow, ctx.source) ? null : 'Only someone with a role in this escrow (not the resolver) may raise a dispute') ??
      canDisputeMilestone(ctx.escrow, index),
    op: (ctx, input) => escrowCalls.disputeMilestone(ctx.escrowId, index, ctx.source, input.reason),
    summary: (_ctx, input) => [`Dispute milestone ${index + 1}: “${input.reason}”.`],
  });
}
