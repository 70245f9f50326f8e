'use client';
/**
 * The connected wallet, for every page: the Local dev wallet (local network only) or any wallet of
 * Stellar Wallets Kit, loaded lazily in the browser. A wallet on another network is refused.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PublicNetwork } from '@/lib/networks/public';
import { LocalDevWalletModule } from './dev-wallet-module';
import { loadKitModules } from './kit-modules';
import { authEntryProblem, networkMismatch, refusalReason, signsAuthEntries } from './wallet-capabilities';
import {
  activeDevAccount,
  addDevAccount,
  devAccounts,
  loadDevWallet,
  renameDevAccount,
  saveDevWallet,
  DEV_WALLET_KEY,
  type DevAccount,
  type DevWalletData,
} from './dev-wallet-store';

type KitModule = typeof import('@creit.tech/stellar-wallets-kit/sdk');

const CHOICE_KEY = 'openescrow:wallet';

export interface WalletContextValue {
  network: PublicNetwork;
  address: string | null;
  kind: 'dev' | 'kit' | null;
  /** The connected wallet's name (Local dev wallet, Freighter, xBull…). */
  walletName: string | null;
  /** Why this wallet cannot sign its own authorisation entries (null when it can). */
  authEntryProblem: string | null;
  ready: boolean;
  error: string | null;
  connectDev(): void;
  connectKit(): Promise<void>;
  disconnect(): void;
  signTransaction(xdr: string): Promise<string>;
  /** True when this wallet can sign an authorisation entry for `address` (dev wallet: any key it holds; a kit wallet: its own, if it signs entries at all). */
  canSignAuthFor(address: string): boolean;
  signAuthEntry(entryXdr: string, address: string, validUntilLedger: number): Promise<string>;
  dev: {
    available: boolean;
    accounts: DevAccount[];
    create(name: string): string;
    rename(publicKey: string, name: string): void;
    switchTo(publicKey: string): void;
  };
}

const WalletContext = createContext<WalletContextValue | null>(null);

export function useWallet(): WalletContextValue {
  const v = useContext(WalletContext);
  if (!v) throw new Error('useWallet outside WalletProvider');
  return v;
}

/** A wallet refusal people understand. */
export class WalletError extends Error {
  constructor(
    public readonly code: 'rejected' | 'network-mismatch' | 'no-wallet' | 'wallet',
    message: string,
  ) {
    super(message);
  }
}

export function WalletProvider({ network, children }: { network: PublicNetwork; children: ReactNode }) {
  const devAvailable = network.name === 'local';
  const [kind, setKind] = useState<'dev' | 'kit' | null>(null);
  const [address, setAddress] = useState<string | null>(null);
  const [kitWallet, setKitWallet] = useState<{ id: string; name: string } | null>(null);
  const [devData, setDevData] = useState<DevWalletData>({ accounts: [], active: null });
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kit = useRef<KitModule['StellarWalletsKit'] | null>(null);
  const devModule = useMemo(() => new LocalDevWalletModule(network.passphrase), [network.passphrase]);

  const updateDev = useCallback((data: DevWalletData) => {
    saveDevWallet(data);
    setDevData(data);
    setAddress(activeDevAccount(data));
  }, []);

  useEffect(() => {
    const data = loadDevWallet();
    setDevData(data);
    const choice = localStorage.getItem(CHOICE_KEY);
    if (devAvailable && (choice === 'dev' || (choice === null && data.accounts.length > 0))) {
      setKind('dev');
      setAddress(activeDevAccount(data));
    } else if (choice?.startsWith('kit:')) {
      void loadKit().then(async (k) => {
        try {
          k.setWallet(choice.slice(4));
          const { address } = await k.getAddress();
          // The wallet may have switched networks since: checked again, as at connect.
          const problem = networkMismatch(await k.getNetwork().catch(() => ({})), network);
          if (problem) {
            setError(problem);
            throw new Error(problem);
          }
          setKitWallet({ id: k.selectedModule.productId, name: k.selectedModule.productName });
          setKind('kit');
          setAddress(address);
        } catch {
          localStorage.removeItem(CHOICE_KEY);
        }
      });
    }
    setReady(true);
    // Another tab (or a test) changing the dev wallet is picked up.
    const onStorage = (e: StorageEvent) => {
      if (e.key === DEV_WALLET_KEY) {
        const next = loadDevWallet();
        setDevData(next);
        if (localStorage.getItem(CHOICE_KEY) === 'dev') setAddress(activeDevAccount(next));
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function loadKit(): Promise<KitModule['StellarWalletsKit']> {
    if (kit.current) return kit.current;
    const [{ StellarWalletsKit }, modules] = await Promise.all([
      import('@creit.tech/stellar-wallets-kit/sdk'),
      loadKitModules({
        walletConnectProjectId: network.walletConnectProjectId,
        trezorEmail: network.trezorEmail,
        mainnet: network.name === 'mainnet',
      }),
    ]);
    StellarWalletsKit.init({ modules, network: network.passphrase as never });
    kit.current = StellarWalletsKit;
    return StellarWalletsKit;
  }

  const value: WalletContextValue = {
    network,
    address,
    kind,
    walletName: kind === 'dev' ? 'Local dev wallet' : kind === 'kit' ? (kitWallet?.name ?? 'wallet') : null,
    authEntryProblem:
      kind === 'kit' && kitWallet && !signsAuthEntries(kitWallet.id) ? authEntryProblem(kitWallet.name) : null,
    ready,
    error,
    connectDev() {
      if (!devAvailable) return;
      localStorage.setItem(CHOICE_KEY, 'dev');
      setKind('dev');
      setError(null);
      setAddress(activeDevAccount(loadDevWallet()));
    },
    async connectKit() {
      setError(null);
      try {
        const k = await loadKit();
        // The picker lists the wallets it found last time at once, but only listens for the choice
        // after checking them all again (up to a second): a quick click was lost and the picker hung.
        // With the list emptied it shows "Loading wallets…" until it listens.
        (await import('@creit.tech/stellar-wallets-kit/state')).allowedWallets.value = [];
        const { address } = await k.authModal();
        // Wallets that cannot tell their network (xBull, Hana, LOBSTR in the kit) are given ours at each signature.
        const problem = networkMismatch(await k.getNetwork().catch(() => ({})), network);
        if (problem) {
          await k.disconnect().catch(() => undefined);
          setError(problem);
          return;
        }
        localStorage.setItem(CHOICE_KEY, `kit:${k.selectedModule.productId}`);
        setKitWallet({ id: k.selectedModule.productId, name: k.selectedModule.productName });
        setKind('kit');
        setAddress(address);
      } catch (e) {
        setError(`The wallet did not connect: ${refusalReason(e)}`);
      }
    },
    disconnect() {
      localStorage.removeItem(CHOICE_KEY);
      if (kind === 'kit') void kit.current?.disconnect();
      setKind(null);
      setAddress(null);
    },
    async signTransaction(txXdr: string) {
      if (!address || !kind) throw new WalletError('no-wallet', 'Connect a wallet first');
      try {
        if (kind === 'dev')
          return (await devModule.signTransaction(txXdr, { networkPassphrase: network.passphrase, address }))
            .signedTxXdr;
        const k = await loadKit();
        const { signedTxXdr } = await k.signTransaction(txXdr, { networkPassphrase: network.passphrase, address });
        return signedTxXdr;
      } catch (e) {
        const msg = String((e as { message?: string })?.message ?? e);
        if (/network/i.test(msg) && /passphrase|mismatch|network/i.test(msg))
          throw new WalletError(
            'network-mismatch',
            `Your wallet is on another network than ${network.label}: switch it and try again`,
          );
        throw new WalletError('rejected', `The wallet did not sign: ${refusalReason(e)}`);
      }
    },
    canSignAuthFor(a: string) {
      if (kind === 'kit') return a === address && kitWallet !== null && signsAuthEntries(kitWallet.id);
      return kind === 'dev' && devModule.holds(a);
    },
    async signAuthEntry(entryXdr: string, a: string, validUntilLedger: number) {
      if (kind === 'dev') return devModule.signAuthorizationEntry(entryXdr, a, validUntilLedger);
      if (kind !== 'kit' || a !== address)
        throw new WalletError('wallet', `Connect the wallet of ${a} to sign its authorisation`);
      const k = await loadKit();
      const { authorizeEntry, xdr } = await import('@stellar/stellar-sdk');
      try {
        const signed = await authorizeEntry(
          xdr.SorobanAuthorizationEntry.fromXdr(entryXdr, 'base64'),
          async (preimage) => {
            const { signedAuthEntry } = await k.signAuthEntry(preimage.toXdr('base64'), {
              networkPassphrase: network.passphrase,
              address: a,
            });
            return { signature: Uint8Array.from(atob(signedAuthEntry), (c) => c.charCodeAt(0)), publicKey: a };
          },
          validUntilLedger,
          network.passphrase,
          a,
        );
        return signed.toXdr('base64');
      } catch (e) {
        throw new WalletError('rejected', `The wallet did not sign the authorisation: ${refusalReason(e)}`);
      }
    },
    dev: {
      available: devAvailable,
      accounts: devAccounts(devData),
      create(name: string) {
        const { data, publicKey } = addDevAccount(loadDevWallet(), name);
        updateDev(data);
        localStorage.setItem(CHOICE_KEY, 'dev');
        setKind('dev');
        return publicKey;
      },
      rename(publicKey: string, name: string) {
        updateDev(renameDevAccount(loadDevWallet(), publicKey, name));
      },
      switchTo(publicKey: string) {
        updateDev({ ...loadDevWallet(), active: publicKey });
        localStorage.setItem(CHOICE_KEY, 'dev');
        setKind('dev');
      },
    },
  };

  return <WalletContext.Provider value={value}>{children}</WalletContext.Provider>;
}
