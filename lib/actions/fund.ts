'use server';
import { canFund, fundingRoom } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { fundRequestSchema, type FundRequest } from '../schemas/steps';
import { sourceCanPay, units } from './checks';
import { money, prepareStep, type StepRequest } from './step';

/**
 * Prepares `fund(from, amount, terms_version)`: the connected account sends tokens into the
 * escrow under the terms version its page showed.
 */
export async function prepareFund(req: StepRequest<FundRequest>) {
  return prepareStep(req, {
    schema: (ctx) => fundRequestSchema(ctx.token.decimals),
    refuse: async (ctx, input) => {
      // The terms changed since the page was shown: the contract's own refusal (TermsChanged,
      // from the simulation) says so; the other checks would judge the new terms instead.
      if (input.termsVersion !== ctx.escrow.termsVersion) return null;
      const amount = units(ctx, input.amount);
      const room = fundingRoom(ctx.escrow);
      if (room > 0n && amount > room) return `That is more than the escrow still needs: at most ${money(ctx, room)}`;
      return canFund(ctx.escrow, ctx.now) ?? (await sourceCanPay(ctx, amount));
    },
    op: (ctx, input) => escrowCalls.fund(ctx.escrowId, ctx.source, units(ctx, input.amount), input.termsVersion),
    summary: (ctx, input) => [
      `Send ${money(ctx, units(ctx, input.amount))} from your account into the escrow, under the terms shown (version ${input.termsVersion}).`,
    ],
  });
}
