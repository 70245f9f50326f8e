import { Keypair } from '@stellar/stellar-sdk';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  activeDevAccount,
  addDevAccount,
  DEV_WALLET_KEY,
  devAccounts,
  devKeypair,
  loadDevWallet,
  renameDevAccount,
  saveDevWallet,
} from './dev-wallet-store';

// The browser's localStorage, enough for the store.
const memory = new Map<string, string>();
(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
};

describe('the Local dev wallet’s storage', () => {
  beforeEach(() => memory.clear());
  const a = Keypair.random();
  const b = Keypair.random();

  it('reads the documented format, with `active` as a public key or an index', () => {
    memory.set(
      DEV_WALLET_KEY,
      JSON.stringify({
        accounts: [
          { name: 'A', secret: a.secret() },
          { name: 'B', secret: b.secret() },
        ],
        active: b.publicKey(),
      }),
    );
    expect(activeDevAccount(loadDevWallet())).toBe(b.publicKey());
    memory.set(
      DEV_WALLET_KEY,
      JSON.stringify({
        accounts: [
          { name: 'A', secret: a.secret() },
          { name: 'B', secret: b.secret() },
        ],
        active: 0,
      }),
    );
    expect(activeDevAccount(loadDevWallet())).toBe(a.publicKey());
    expect(devAccounts(loadDevWallet())).toEqual([
      { name: 'A', publicKey: a.publicKey() },
      { name: 'B', publicKey: b.publicKey() },
    ]);
  });

  it('ignores broken entries and bad secrets instead of failing', () => {
    memory.set(DEV_WALLET_KEY, '{not json');
    expect(loadDevWallet()).toEqual({ accounts: [], active: null });
    memory.set(
      DEV_WALLET_KEY,
      JSON.stringify({
        accounts: [
          { name: 'X', secret: 'SNOTAKEY' },
          { name: 'A', secret: a.secret() },
        ],
        active: null,
      }),
    );
    expect(devAccounts(loadDevWallet()).map((x) => x.name)).toEqual(['A']);
    expect(activeDevAccount(loadDevWallet())).toBe(a.publicKey());
  });

  it('creates (active at once), renames and finds keys', () => {
    const { data, publicKey } = addDevAccount(loadDevWallet(), 'Buyer');
    saveDevWallet(renameDevAccount(data, publicKey, 'Buyer (Alice)'));
    const stored = JSON.parse(memory.get(DEV_WALLET_KEY)!);
    expect(stored.active).toBe(publicKey);
    expect(stored.accounts[0].name).toBe('Buyer (Alice)');
    expect(devKeypair(loadDevWallet(), publicKey)?.publicKey()).toBe(publicKey);
    expect(devKeypair(loadDevWallet(), a.publicKey())).toBeNull();
  });
});
