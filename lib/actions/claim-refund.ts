'use server';
import { canClaimRefund } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { readFunding } from '../escrow/read';
import { refundSchema, type RefundInput } from '../schemas/steps';
import { money, prepareStep, type StepRequest } from './step';

/** Prepares `claim_refund(funder)` after the deadline. */
export async function prepareClaimRefund(req: StepRequest<RefundInput>) {
  let funding = 0n;
  return prepareStep(req, {
    schema: () => refundSchema,
    refuse: async (ctx) => {
      funding = await readFunding(ctx.network, ctx.escrowId, ctx.source);
      return canClaimRefund(ctx.escrow, ctx.now, funding);
    },
    op: (ctx) => escrowCalls.claimRefund(ctx.escrowId, ctx.source),
    summary: (ctx) => [`Get back what you funded and was not paid out: up to ${money(ctx, funding)}, fee-free.`],
  });
}
