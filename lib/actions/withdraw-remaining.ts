'use server';
import { canWithdraw } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { withdrawSchema, type WithdrawInput } from '../schemas/steps';
import { amountInDispute, distributionRecipientsCanReceive, distributionSummary, toDistribution } from './distribution';
import { prepareStep, type StepRequest } from './step';

/** Prepares `withdraw_remaining(distributions)`: hands out what is left once the escrow is closed. */
export async function prepareWithdrawRemaining(req: StepRequest<WithdrawInput>) {
  let summary: string[] = [];
  return prepareStep(req, {
    schema: (ctx) => withdrawSchema(ctx.token.decimals, amountInDispute(ctx, null)),
    refuse: async (ctx, input) => {
      const r = ctx.escrow.config.roles;
      const who = ctx.source === r.disputeResolver || ctx.source === r.platform ? null : 'Only the dispute resolver or the platform may withdraw what remains';
      const refusal = who ?? canWithdraw(ctx.escrow) ?? (await distributionRecipientsCanReceive(ctx, input));
      if (!refusal) summary = await distributionSummary(ctx, input);
      return refusal;
    },
    op: (ctx, input) => escrowCalls.withdrawRemaining(ctx.escrowId, toDistribution(ctx, input)),
    summary: () => ['Withdraw what remains:', ...summary],
  });
}
