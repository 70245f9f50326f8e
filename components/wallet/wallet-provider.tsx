'use client';
/**
 * The connected wallet, for every page: the Local dev wallet (local network only) or any wallet of
 * Stellar Wallets Kit, loaded lazily in the browser. A wallet on another network is refused.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PublicNetwork } from '@/lib/networks/public';
import { LocalDevWalletModule } from './dev-wallet-module';
import { loadKitModules } from './kit-modules';
import { authEntryProblem, networkMismatch, refusalReason, signsAuthEntries } from './wallet-capabilities';
import {
  activeDevAccount,
  addDevAccount,
  devAccounts,
  loadDevWallet,
  parseDevWallet,
  renameDevAccount,
  saveDevWallet,
  DEV_WALLET_KEY,
  type DevAccount,
  type DevWalletData,
} from './dev-wallet-store';
import { useHydrated, useStored, writeStored } from './stored';

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

/** What this tab connected (or disconnected) since it loaded; until then, what the browser stored. */
type Session =
  { kind: 'dev' } | { kind: 'kit'; address: string; wallet: { id: string; name: string } } | { kind: null };

export function WalletProvider({ network, children }: { network: PublicNetwork; children: ReactNode }) {
  const devAvailable = network.name === 'local';
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kit = useRef<KitModule['StellarWalletsKit'] | null>(null);
  const devModule = useMemo(() => new LocalDevWalletModule(network.passphrase), [network.passphrase]);
  // The dev wallet and the stored choice are read from localStorage once hydrated, and followed.
  const ready = useHydrated();
  const devText = useStored(DEV_WALLET_KEY);
  const devData = useMemo(() => parseDevWallet(devText), [devText]);
  const choice = useStored(CHOICE_KEY);
  const storedDev = devAvailable && (choice === 'dev' || (choice === null && devData.accounts.length > 0));
  const kind = session ? session.kind : storedDev ? 'dev' : null;
  const address = kind === 'dev' ? activeDevAccount(devData) : session?.kind === 'kit' ? session.address : null;
  const kitWallet = session?.kind === 'kit' ? session.wallet : null;

  function updateDev(data: DevWalletData) {
    saveDevWallet(data);
    writeStored(CHOICE_KEY, 'dev');
    setSession({ kind: 'dev' });
  }

  // A wallet of the kit chosen in an earlier visit reconnects (the dev wallet needs nothing).
  useEffect(() => {
    const choice = localStorage.getItem(CHOICE_KEY);
    if (choice?.startsWith('kit:')) {
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
          const wallet = { id: k.selectedModule.productId, name: k.selectedModule.productName };
          setSession({ kind: 'kit', address, wallet });
        } catch {
          writeStored(CHOICE_KEY, null);
          setSession({ kind: null });
        }
      });
    }
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
      writeStored(CHOICE_KEY, 'dev');
      setSession({ kind: 'dev' });
      setError(null);
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
        writeStored(CHOICE_KEY, `kit:${k.selectedModule.productId}`);
        setSession({
          kind: 'kit',
          address,
          wallet: { id: k.selectedModule.productId, name: k.selectedModule.productName },
        });
      } catch (e) {
        setError(`The wallet did not connect: ${refusalReason(e)}`);
      }
    },
    disconnect() {
      writeStored(CHOICE_KEY, null);
      if (kind === 'kit') void kit.current?.disconnect();
      setSession({ kind: null });
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
        return publicKey;
      },
      rename(publicKey: string, name: string) {
        saveDevWallet(renameDevAccount(loadDevWallet(), publicKey, name));
      },
      switchTo(publicKey: string) {
        updateDev({ ...loadDevWallet(), active: publicKey });
      },
    },
  };

  return <WalletContext.Provider value={value}>{children}</WalletContext.Provider>;
}
