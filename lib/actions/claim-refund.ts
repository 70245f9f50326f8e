'use server';
import { canClaimRefund } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { readFunding } from '../escrow/read';
import { refundSchema, type RefundInput } from '../schemas/steps';
import { money, prepareStep, type StepRequest } from './step';

/** Prepares `claim_refund(funder)` after the deadline. */
export async function prepareClaimRefund(req: StepRequest<RefundInput>) {
  return prepareStep(req, {
    schema: () => refundSchema,
    refuse: async (ctx) => canClaimRefund(ctx.escrow, ctx.now, await readFunding(ctx.network, ctx.escrowId, ctx.source)),
    op: (ctx) => escrowCalls.claimRefund(ctx.escrowId, ctx.source),
    summary: async (ctx) => [`Get back what you put in: ${money(ctx, await readFunding(ctx.network, ctx.escrowId, ctx.source))}, fee-free.`],
  });
}
