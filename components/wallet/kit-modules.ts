/**
 * Stellar Wallets Kit's modules, loaded only when someone opens the wallet picker: the default
 * browser wallets plus HOT, Ledger, Trezor (with a contact e-mail for its manifest) and
 * WalletConnect (with a project id). A module that fails to load is left out, not fatal.
 */
import type { ModuleInterface } from '@creit.tech/stellar-wallets-kit/types';

export interface KitOptions {
  walletConnectProjectId: string | null;
  trezorEmail: string | null;
  mainnet: boolean;
}

export async function loadKitModules(opts: KitOptions): Promise<ModuleInterface[]> {
  const { defaultModules } = await import('@creit.tech/stellar-wallets-kit/modules/utils');
  const extra = await Promise.allSettled<ModuleInterface | null>([
    import('@creit.tech/stellar-wallets-kit/modules/hotwallet').then((m) => new m.HotWalletModule()),
    import('@creit.tech/stellar-wallets-kit/modules/ledger').then((m) => new m.LedgerModule()),
    opts.trezorEmail
      ? import('@creit.tech/stellar-wallets-kit/modules/trezor').then(
          (m) =>
            new m.TrezorModule({ appUrl: window.location.origin, appName: 'OpenEscrow', email: opts.trezorEmail! }),
        )
      : Promise.resolve(null),
    opts.walletConnectProjectId
      ? import('@creit.tech/stellar-wallets-kit/modules/wallet-connect').then(
          (m) =>
            new m.WalletConnectModule({
              projectId: opts.walletConnectProjectId!,
              metadata: {
                name: 'OpenEscrow',
                description: 'Non-custodial escrows on Stellar',
                url: window.location.origin,
                icons: [],
              },
              allowedChains: [opts.mainnet ? m.WalletConnectTargetChain.PUBLIC : m.WalletConnectTargetChain.TESTNET],
            }),
        )
      : Promise.resolve(null),
  ]);
  return [...defaultModules(), ...extra.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []))];
}
