import { formatAmount } from '../amounts';
import type { TokenInfo } from '../stellar/rpc';

/** "12.5 USDC" for a known token, "12.5 USDC (unverified)" for any other. */
export function money(ctx: { token: TokenInfo }, units: bigint): string {
  return `${formatAmount(units, ctx.token.decimals)} ${ctx.token.label}`;
}
