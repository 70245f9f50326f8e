/**
 * The Local dev wallet's storage: keypairs in the browser under `openescrow:dev-wallet`, as
 * `{ accounts: [{ name, secret }], active }` where `active` is the active account's public key
 * (an index is accepted too, so tests can seed it either way). Local network only.
 */
import { Keypair } from '@stellar/stellar-sdk';
import { writeStored } from './stored';

export const DEV_WALLET_KEY = 'openescrow:dev-wallet';

export interface DevWalletData {
  accounts: { name: string; secret: string }[];
  active: string | number | null;
}

export interface DevAccount {
  name: string;
  publicKey: string;
}

export function loadDevWallet(): DevWalletData {
  return parseDevWallet(localStorage.getItem(DEV_WALLET_KEY));
}

/** The stored entry's text as the wallet's data; keys that are not secret keys are dropped. */
export function parseDevWallet(text: string | null): DevWalletData {
  try {
    const raw = JSON.parse(text ?? 'null') as DevWalletData | null;
    if (raw && Array.isArray(raw.accounts)) {
      return {
        accounts: raw.accounts.filter((a) => typeof a?.secret === 'string' && isSecret(a.secret)),
        active: raw.active ?? null,
      };
    }
  } catch {
    /* a broken entry is replaced below */
  }
  return { accounts: [], active: null };
}

/** Stores the wallet's data; the components reading it (useStored) re-render. */
export function saveDevWallet(data: DevWalletData): void {
  writeStored(DEV_WALLET_KEY, JSON.stringify(data));
}

function isSecret(s: string): boolean {
  try {
    Keypair.fromSecret(s);
    return true;
  } catch {
    return false;
  }
}

export function devAccounts(data: DevWalletData): DevAccount[] {
  return data.accounts.map((a) => ({ name: a.name, publicKey: Keypair.fromSecret(a.secret).publicKey() }));
}

/** The active account's public key (by key or index), or the first account's. */
export function activeDevAccount(data: DevWalletData): string | null {
  const list = devAccounts(data);
  if (typeof data.active === 'number') return list[data.active]?.publicKey ?? list[0]?.publicKey ?? null;
  return list.find((a) => a.publicKey === data.active)?.publicKey ?? list[0]?.publicKey ?? null;
}

export function devKeypair(data: DevWalletData, publicKey: string): Keypair | null {
  for (const a of data.accounts) {
    const kp = Keypair.fromSecret(a.secret);
    if (kp.publicKey() === publicKey) return kp;
  }
  return null;
}

export function addDevAccount(data: DevWalletData, name: string): { data: DevWalletData; publicKey: string } {
  const kp = Keypair.random();
  const next = {
    accounts: [...data.accounts, { name: name || `Account ${data.accounts.length + 1}`, secret: kp.secret() }],
    active: kp.publicKey(),
  };
  return { data: next, publicKey: kp.publicKey() };
}

export function renameDevAccount(data: DevWalletData, publicKey: string, name: string): DevWalletData {
  return {
    ...data,
    accounts: data.accounts.map((a) => (Keypair.fromSecret(a.secret).publicKey() === publicKey ? { ...a, name } : a)),
  };
}
