/**
 * Tokens by identity, never by symbol alone: anyone can issue an asset called USDC, and any
 * contract can answer `symbol()` with "USDC". A token is *known* when its contract id is one of
 * the network's configured tokens; anything else is shown as an unverified token with what
 * identifies it (the asset's code and issuer, or the contract id). Metadata a token reports
 * about itself is bounded before anything uses it.
 */
import { MAX_DECIMALS } from './amounts';
import type { KnownToken } from './networks/config';
import { shortAddress } from './strkey';

export const MAX_TOKEN_TEXT = 32;
/** C0/C1 controls and format characters (bidi overrides, zero-width marks). */
const CONTROL = /[\p{Cc}\p{Cf}]/u;

export interface TokenInfo {
  contractId: string;
  symbol: string;
  name: string;
  decimals: number;
  /** The classic asset behind a Stellar Asset Contract; null for XLM and non-SAC tokens. */
  asset: { code: string; issuer: string } | null;
  native: boolean;
  /** True when the contract id is one of the network's known tokens. */
  known: boolean;
  /** What to write after an amount: the code of a known token, else the symbol marked unverified. */
  label: string;
}

/** Why a token's self-reported metadata makes it unusable here, or null. `sacName`: the name is a verified `CODE:ISSUER`. */
export function tokenMetadataProblem(
  raw: { decimals: unknown; symbol: unknown; name: unknown },
  sacName = false,
): string | null {
  const d = raw.decimals;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > MAX_DECIMALS)
    return `its decimals (${String(d).slice(0, 20)}) are not a whole number from 0 to ${MAX_DECIMALS}`;
  const texts: [string, unknown][] = [
    ['symbol', raw.symbol],
    ...(sacName ? [] : ([['name', raw.name]] as [string, unknown][])),
  ];
  for (const [field, value] of texts) {
    if (typeof value !== 'string' || value.length === 0) return `its ${field} is empty`;
    if (value.length > MAX_TOKEN_TEXT) return `its ${field} is longer than ${MAX_TOKEN_TEXT} characters`;
    if (CONTROL.test(value)) return `its ${field} contains control characters`;
  }
  return null;
}

/** Marks a token known or not by its contract id among the network's tokens, and labels it. */
export function identify(t: Omit<TokenInfo, 'known' | 'label'>, knownTokens: readonly KnownToken[]): TokenInfo {
  const match = knownTokens.find((k) => k.contractId === t.contractId);
  return { ...t, known: Boolean(match), label: match ? match.code : `${t.symbol} (unverified)` };
}

/**
 * The sentence that says which token this is: for a known token its code and issuer, for any
 * other one that it is unverified, with the issuer or the contract id a person can check.
 */
export function tokenIdentity(t: TokenInfo, full = true): string {
  const who = (a: string) => (full ? a : shortAddress(a));
  if (t.known)
    return t.asset
      ? `${t.asset.code} issued by ${who(t.asset.issuer)}`
      : t.native
        ? 'XLM (the native asset)'
        : `${t.symbol} (contract ${who(t.contractId)})`;
  return t.asset
    ? `unverified token: ${t.asset.code} issued by ${who(t.asset.issuer)}`
    : `unverified token: contract ${who(t.contractId)} calling itself “${t.symbol}”`;
}

/** The summary line every step and the create form add for a token the network does not know. */
export function unverifiedTokenWarning(t: TokenInfo): string | null {
  return t.known
    ? null
    : `Token: ${tokenIdentity(t)}. It is not one of this network’s known tokens; make sure it is the one you expect.`;
}
