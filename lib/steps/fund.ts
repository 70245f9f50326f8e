import { escrowCalls } from '../escrow/calls';
import { fundRequestSchema } from '../schemas/steps';
import { sourceCanPay, units } from './checks';
import { money } from './money';
import { deadlinePassed, fundingRoom, openForMoney } from './state';
import { defineStep } from './types';

/** `fund(from, amount, terms_version)`: anyone sends tokens into the escrow under the terms its page showed. */
export const fund = defineStep({
  name: 'fund',
  label: 'Fund',
  done: 'Funded',
  event: 'funded',
  title: () => 'Fund the escrow',
  path: 'fund',
  contractFn: 'fund',
  perMilestone: false,
  kinds: ['Single', 'Multi'],
  roles: 'anyone',
  precondition: ({ escrow, now }) => {
    const closed = openForMoney(escrow);
    if (closed) return closed;
    if (deadlinePassed(escrow, now)) return 'The deadline has passed';
    if (fundingRoom(escrow) === 0n) return 'The escrow is fully funded';
    return null;
  },
  schema: (ctx) => fundRequestSchema(ctx.token.decimals),
  // The terms changed since the page was shown: the contract's own refusal (TermsChanged, from
  // the simulation) says so; the other checks would judge the new terms instead.
  defer: (ctx, input) => input.termsVersion !== ctx.escrow.termsVersion,
  check: async (ctx, input) => {
    const amount = units(ctx, input.amount);
    const room = fundingRoom(ctx.escrow);
    if (room > 0n && amount > room) return `That is more than the escrow still needs: at most ${money(ctx, room)}`;
    return sourceCanPay(ctx, amount);
  },
  call: (ctx, input) => escrowCalls.fund(ctx.escrowId, ctx.source, units(ctx, input.amount), input.termsVersion),
  summary: (ctx, input) => [
    `Send ${money(ctx, units(ctx, input.amount))} from your account into the escrow, under the terms shown (version ${input.termsVersion}).`,
  ],
});
