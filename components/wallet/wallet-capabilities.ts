/**
 * What a Stellar Wallets Kit wallet can do beyond signing transactions, and the network check at
 * connect. Pure, so it is unit-tested; the wallet provider and the pending-release page use it.
 */
import { Networks } from '@stellar/stellar-sdk';

/** Kit wallets whose module rejects `signAuthEntry`: they sign whole transactions only. */
const NO_AUTH_ENTRIES = new Set(['albedo', 'bitget', 'fordefi', 'lobstr', 'rabet', 'xbull']);

export function signsAuthEntries(walletId: string): boolean {
  return !NO_AUTH_ENTRIES.has(walletId);
}

/** Why this wallet cannot sign an authorisation entry, and what to do instead. */
export function authEntryProblem(walletName: string): string {
  return `${walletName} cannot sign an authorisation entry (it signs only whole transactions), so it cannot sign your part of this release here. Connect this account with a wallet that can, such as Freighter or Hana, and sign again; ${walletName} can still submit the release once everyone has signed.`;
}

const KNOWN: Record<string, string> = {
  [Networks.PUBLIC]: 'Mainnet',
  [Networks.TESTNET]: 'Testnet',
  [Networks.FUTURENET]: 'Futurenet',
  [Networks.STANDALONE]: 'a local network',
};

/** A network by name and passphrase, as a sentence part: Testnet (“Test SDF Network ; September 2015”). */
export function describeNetwork(passphrase: string, name?: string): string {
  const known = KNOWN[passphrase] ?? (name ? name.charAt(0) + name.slice(1).toLowerCase() : 'another network');
  return `${known} (“${passphrase}”)`;
}

/** The refusal when the wallet is on another network than the app, or null when they agree. */
export function networkMismatch(
  wallet: { networkPassphrase?: string; network?: string },
  app: { label: string; passphrase: string },
): string | null {
  if (!wallet.networkPassphrase || wallet.networkPassphrase === app.passphrase) return null;
  return `Your wallet is on ${describeNetwork(wallet.networkPassphrase, wallet.network)}, but this app is on ${app.label} (“${app.passphrase}”). Switch your wallet’s network and connect again.`;
}

/** A wallet's refusal (an Error, the kit's `{ code, message }` or a bare string) as the end of a sentence. */
export function refusalReason(e: unknown): string {
  const msg = typeof e === 'string' ? e : String((e as { message?: unknown })?.message ?? 'no answer from the wallet');
  return /reject|denied|cancel|closed|declined/i.test(msg) ? 'you rejected the request' : msg;
}
