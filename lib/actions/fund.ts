'use server';
import { canFund, fundingRoom } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { fundSchema, type FundInput } from '../schemas/steps';
import { sourceCanPay, units } from './checks';
import { money, prepareStep, type StepRequest } from './step';

/** Prepares `fund(from, amount)`: the connected account sends tokens into the escrow. */
export async function prepareFund(req: StepRequest<FundInput>) {
  return prepareStep(req, {
    schema: (ctx) => fundSchema(ctx.token.decimals),
    refuse: async (ctx, input) => {
      const amount = units(ctx, input.amount);
      const room = fundingRoom(ctx.escrow);
      if (room > 0n && amount > room) return `That is more than the escrow still needs: at most ${money(ctx, room)}`;
      return canFund(ctx.escrow, ctx.now) ?? (await sourceCanPay(ctx, amount));
    },
    op: (ctx, input) => escrowCalls.fund(ctx.escrowId, ctx.source, units(ctx, input.amount)),
    summary: (ctx, input) => [`Send ${money(ctx, units(ctx, input.amount))} from your account into the escrow.`],
  });
}
