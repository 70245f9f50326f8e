/** Early checks shared by several steps: trustlines and balances the contract will need. */
import { parseAmount } from '../amounts';
import { shortAddress } from '../strkey';
import { hasTrustline, readBalance } from '../stellar/rpc';
import { money } from './money';
import type { StepContext } from './types';

/** Refuses when one of the payout recipients cannot hold the token (no trustline). */
export async function recipientsCanReceive(ctx: StepContext, recipients: readonly string[]): Promise<string | null> {
  const unique = [...new Set(recipients)];
  const missing: string[] = [];
  await Promise.all(
    unique.map(async (a) => {
      if (!(await hasTrustline(ctx.network, ctx.token, a))) missing.push(a);
    }),
  );
  if (missing.length === 0) return null;
  return `Missing trustline: ${missing.map(shortAddress).join(', ')} cannot receive ${ctx.token.label} until ${missing.length > 1 ? 'they add' : 'it adds'} a trustline for it`;
}

/** Refuses when the source cannot pay `amount` of the escrow's token. */
export async function sourceCanPay(ctx: StepContext, amount: bigint): Promise<string | null> {
  if (!(await hasTrustline(ctx.network, ctx.token, ctx.source))) {
    return `Missing trustline: your account has no trustline for ${ctx.token.label}. Add it first (the button below), then get some ${ctx.token.label}.`;
  }
  const balance = await readBalance(ctx.network, ctx.token.contractId, ctx.source);
  if (balance === null) return `Missing trustline: your account has no trustline for ${ctx.token.label}.`;
  if (balance < amount) return `Insufficient balance: you hold ${money(ctx, balance)}, this needs ${money(ctx, amount)}`;
  return null;
}

/** Parses a decimal field that the schema already checked. */
export const units = (ctx: StepContext, text: string) => parseAmount(text, ctx.token.decimals);

/** Everyone the escrow pays fees to, who must be able to receive the token. */
export function feeRecipients(ctx: StepContext): string[] {
  const c = ctx.escrow.config;
  return [c.protocolFee.bps > 0 ? c.protocolFee.recipient : null, c.platformFeeBps > 0 ? c.roles.platform : null].filter(
    (a): a is string => a !== null,
  );
}
