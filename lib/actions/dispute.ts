'use server';
import { canDispute, canDisputeAs } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { disputeSchema, type DisputeInput } from '../schemas/steps';
import { prepareStep, type StepRequest } from './step';

/** Prepares `dispute(by, reason)` (single-release): freezes the escrow until the resolver decides. */
export async function prepareDispute(req: StepRequest<DisputeInput>) {
  return prepareStep(req, {
    schema: () => disputeSchema,
    refuse: async (ctx) =>
      (canDisputeAs(ctx.escrow, ctx.source) ? null : 'Only someone with a role in this escrow (not the resolver) may raise a dispute') ??
      canDispute(ctx.escrow),
    op: (ctx, input) => escrowCalls.dispute(ctx.escrowId, ctx.source, input.reason),
    summary: (_ctx, input) => [`Raise a dispute: “${input.reason}”. Nothing can be released until the dispute resolver decides.`],
  });
}
