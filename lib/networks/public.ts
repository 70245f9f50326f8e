import type { KnownToken, NetworkConfig } from './config';

/**
 * What the browser may know of the network: enough to label it, ask wallets for the right
 * passphrase, link to the explorer and name known tokens. Never the RPC URL (providers put API
 * keys in it), friendbot's or localnet's URLs, or the list of released builds.
 */
export interface PublicNetwork {
  name: NetworkConfig['name'];
  label: string;
  passphrase: string;
  explorerUrl: string | null;
  tokens: KnownToken[];
  walletConnectProjectId: string | null;
  trezorEmail: string | null;
}

/** The public part of a network configuration, field by field (no spreading: new fields stay server-side). */
export function publicNetwork(n: NetworkConfig): PublicNetwork {
  return {
    name: n.name,
    label: n.label,
    passphrase: n.passphrase,
    explorerUrl: n.explorerUrl,
    tokens: n.tokens.map((t) => ({
      code: t.code,
      contractId: t.contractId,
      decimals: t.decimals,
      ...(t.issuer ? { issuer: t.issuer } : {}),
    })),
    walletConnectProjectId: n.walletConnectProjectId,
    trezorEmail: n.trezorEmail,
  };
}
