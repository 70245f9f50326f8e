'use server';
import { canResolve } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { resolveSchema, type ResolveInput } from '../schemas/steps';
import { amountInDispute, distributionRecipientsCanReceive, distributionSummary, toDistribution } from './distribution';
import { prepareStep, type StepRequest } from './step';

/** Prepares `resolve(distributions)` (single-release) for the dispute resolver. */
export async function prepareResolve(req: StepRequest<ResolveInput>) {
  return prepareStep(req, {
    schema: (ctx) => resolveSchema(ctx.token.decimals, amountInDispute(ctx, null)),
    refuse: async (ctx, input) =>
      (ctx.source !== ctx.escrow.config.roles.disputeResolver ? 'Only the dispute resolver may resolve; connect that account' : null) ??
      canResolve(ctx.escrow) ??
      (await distributionRecipientsCanReceive(ctx, input)),
    op: (ctx, input) => escrowCalls.resolve(ctx.escrowId, toDistribution(ctx, input)),
    summary: async (ctx, input) => ['Resolve the dispute:', ...(await distributionSummary(ctx, input))],
  });
}
