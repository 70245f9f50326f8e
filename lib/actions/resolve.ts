'use server';
import { canResolve } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { resolveSchema, type ResolveInput } from '../schemas/steps';
import { amountInDispute, distributionRecipientsCanReceive, distributionSummary, toDistribution } from './distribution';
import { prepareStep, type StepRequest } from './step';

/** Prepares `resolve(distributions)` (single-release) for the dispute resolver. */
export async function prepareResolve(req: StepRequest<ResolveInput>) {
  let summary: string[] = [];
  return prepareStep(req, {
    schema: (ctx) => resolveSchema(ctx.token.decimals, amountInDispute(ctx, null)),
    refuse: async (ctx, input) => {
      const r =
        (ctx.source !== ctx.escrow.config.roles.disputeResolver ? 'Only the dispute resolver may resolve; connect that account' : null) ??
        canResolve(ctx.escrow) ??
        (await distributionRecipientsCanReceive(ctx, input));
      if (!r) summary = await distributionSummary(ctx, input);
      return r;
    },
    op: (ctx, input) => escrowCalls.resolve(ctx.escrowId, toDistribution(ctx, input)),
    summary: () => ['Resolve the dispute:', ...summary],
  });
}
