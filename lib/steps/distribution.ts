/** What resolve, resolve-milestone and withdraw share: a distribution, its total and its preview. */
import type { Distribution } from '../escrow/calls';
import { readFunding } from '../escrow/read';
import { splitDistribution } from '../fees';
import { formatAmount } from '../amounts';
import type { ResolveInput } from '../schemas/steps';
import { shortAddress } from '../strkey';
import { feeRecipients, recipientsCanReceive, units } from './checks';
import { money } from './money';
import type { StepContext } from './types';

/** How much a resolution must distribute: the milestone's amount (multi) or the escrow's balance. */
export function amountInDispute(ctx: Pick<StepContext, 'escrow'>, milestone: number | null): bigint {
  const e = ctx.escrow;
  if (milestone === null) return e.balance;
  const amount = e.config.milestones[milestone]?.amount ?? 0n;
  return amount < e.balance ? amount : e.balance;
}

export function toDistribution(ctx: StepContext, input: ResolveInput): Distribution {
  return input.distributions.map((s) => [s.recipient.trim(), units(ctx, s.amount)] as const);
}

/** Sentences describing who gets what, fee-free refunds marked. */
export async function distributionSummary(ctx: StepContext, input: ResolveInput): Promise<string[]> {
  const shares = toDistribution(ctx, input).map(([recipient, amount]) => ({ recipient, amount }));
  const funding = new Map(
    await Promise.all(shares.map(async (s) => [s.recipient, await readFunding(ctx.network, ctx.escrowId, s.recipient).catch(() => 0n)] as const)),
  );
  const c = ctx.escrow.config;
  const { shares: split } = splitDistribution(shares, { platformBps: c.platformFeeBps, protocolBps: c.protocolFee.bps }, (r) => funding.get(r) ?? 0n);
  return split.map(
    (s) =>
      `${shortAddress(s.recipient)} receives ${money(ctx, s.received)}` +
      (s.refund > 0n ? ` (${formatAmount(s.refund, ctx.token.decimals)} of it a fee-free refund)` : '') +
      (s.platform + s.protocol > 0n ? `; fees ${money(ctx, s.platform + s.protocol)}` : '') +
      '.',
  );
}

export async function distributionRecipientsCanReceive(ctx: StepContext, input: ResolveInput) {
  return recipientsCanReceive(ctx, [...input.distributions.map((d) => d.recipient.trim()), ...feeRecipients(ctx)]);
}

