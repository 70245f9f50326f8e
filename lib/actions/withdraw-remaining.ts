'use server';
import { canWithdraw } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { withdrawSchema, type WithdrawInput } from '../schemas/steps';
import { amountInDispute, distributionRecipientsCanReceive, distributionSummary, toDistribution } from './distribution';
import { prepareStep, type StepRequest } from './step';

/** Prepares `withdraw_remaining(distributions)`: hands out what is left once the escrow is closed. */
export async function prepareWithdrawRemaining(req: StepRequest<WithdrawInput>) {
  return prepareStep(req, {
    schema: (ctx) => withdrawSchema(ctx.token.decimals, amountInDispute(ctx, null)),
    refuse: async (ctx, input) =>
      (ctx.source !== ctx.escrow.config.roles.disputeResolver ? 'Only the dispute resolver may withdraw what remains; connect that account' : null) ??
      canWithdraw(ctx.escrow) ??
      (await distributionRecipientsCanReceive(ctx, input)),
    op: (ctx, input) => escrowCalls.withdrawRemaining(ctx.escrowId, toDistribution(ctx, input)),
    summary: async (ctx, input) => ['Withdraw what remains:', ...(await distributionSummary(ctx, input))],
  });
}
