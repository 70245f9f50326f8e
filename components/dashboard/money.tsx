/** Amounts on the dashboard, with the token's decimals and its identity (as the escrow page shows them). */
import { displayAmount } from '@/lib/amounts';
import type { NetworkConfig } from '@/lib/networks/config';
import { readToken, type TokenInfo } from '@/lib/stellar/rpc';
import { shortAddress } from '@/lib/strkey';
import { logDetail } from '@/lib/log';

/** Every token by contract id; null for one that cannot be read now (or cannot be used at all). */
export type Tokens = Map<string, TokenInfo | null>;

/** Reads the tokens' metadata (cached per process); a token that fails is shown in base units. */
export async function readTokens(network: NetworkConfig, ids: Iterable<string>): Promise<Tokens> {
  const unique = [...new Set(ids)];
  const infos = await Promise.all(
    unique.map((id) => readToken(network, id).catch((e: unknown) => (logDetail(`token ${id}`, e), null))),
  );
  return new Map(unique.map((id, i) => [id, infos[i] ?? null]));
}

/** A token's name for headings and options: its label, or its short contract id when unreadable. */
export function tokenName(tokens: Tokens, id: string): string {
  return tokens.get(id)?.label ?? `token ${shortAddress(id)}`;
}

/** An amount as text: "1,250.5 USDC", or "12500000 base units" for a token that cannot be read. */
export function moneyText(units: bigint, token: TokenInfo | null | undefined): string {
  return token ? `${displayAmount(units, token.decimals)} ${token.label}` : `${units} base units`;
}

export function Money({ units, token }: { units: bigint; token: TokenInfo | null | undefined }) {
  return <span className="tabular-nums">{moneyText(units, token)}</span>;
}
