import { Keypair, Networks, StrKey } from '@stellar/stellar-sdk';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_PER_ESCROW,
  MAX_PER_STARTER,
  MAX_PROVISIONAL_PER_CLIENT,
  memoryPendingStore,
  UNSIGNED_TTL_MS,
  type NewPending,
  type PendingStore,
} from './store';

const escrow = () => StrKey.encodeContract(randomBytes(32));
const client = () => randomBytes(4).toString('hex');
/** A step whose only signer is its starter. */
const step = (over: Partial<NewPending> = {}): NewPending => {
  const starter = over.starter ?? Keypair.random().publicKey();
  return {
    escrowId: escrow(),
    starter,
    networkPassphrase: Networks.STANDALONE,
    func: 'AAAA',
    entries: [{ address: starter, entry: 'AAAA', signed: null }],
    validUntilLedger: 100,
    summary: [],
    ...over,
  };
};
const saved = (r: ReturnType<PendingStore['save']>) => {
  if ('refused' in r) throw new Error(r.refused);
  return r;
};
/** Saves a step and has its starter sign it (confirmed). */
const confirmed = (store: PendingStore, over: Partial<NewPending> = {}) => {
  const p = saved(store.save(step(over), client()));
  const r = store.setSigned(p.id, p.starter, 'signed');
  if (!r || 'refused' in r) throw new Error('not confirmed');
  return r;
};

describe('the pending store’s bounds', () => {
  it('limits confirmed steps per escrow and per starter, refusing new ones instead of evicting', () => {
    const store = memoryPendingStore();
    const id = escrow();
    const first = confirmed(store, { escrowId: id });
    for (let i = 1; i < MAX_PER_ESCROW; i++) confirmed(store, { escrowId: id });
    expect(store.save(step({ escrowId: id }), client())).toEqual({
      refused: expect.stringMatching(/already has 3 releases waiting/),
    });
    expect(store.get(first.id)).not.toBeNull();
    confirmed(store); // another escrow is not affected

    const starter = Keypair.random().publicKey();
    for (let i = 0; i < MAX_PER_STARTER; i++) confirmed(store, { starter });
    expect(store.save(step({ starter }), client())).toEqual({
      refused: expect.stringMatching(/already has 3 releases waiting/),
    });
  });

  it('a claimed starter blocks nobody: unsigned starts count against the client that made them', () => {
    const store = memoryPendingStore();
    const victim = escrow();
    const attacker = client();
    const starter = Keypair.random().publicKey();
    for (let i = 0; i < MAX_PROVISIONAL_PER_CLIENT; i++)
      saved(store.save(step({ escrowId: victim, starter }), attacker));
    expect(store.save(step({ escrowId: victim, starter }), attacker)).toEqual({
      refused: expect.stringMatching(/not signed yet/),
    });
    // The real starter, from their own connection, starts and signs as usual.
    const real = saved(store.save(step({ escrowId: victim, starter }), client()));
    expect(store.setSigned(real.id, starter, 'signed')).toMatchObject({ id: real.id });
  });

  it('checks the limits again when the starter signs', () => {
    const store = memoryPendingStore();
    const id = escrow();
    const late = saved(store.save(step({ escrowId: id }), client()));
    for (let i = 0; i < MAX_PER_ESCROW; i++) confirmed(store, { escrowId: id });
    expect(store.setSigned(late.id, late.starter, 'signed')).toEqual({
      refused: expect.stringMatching(/already has 3 releases/),
    });
    expect(store.get(late.id)!.entries[0]!.signed).toBeNull();
  });

  it('refuses oversized steps', () => {
    const store = memoryPendingStore();
    expect(store.save(step({ func: 'A'.repeat(1_000_000) }), client())).toHaveProperty('refused');
    expect(
      store.save(step({ entries: [{ address: 'G', entry: 'A'.repeat(1_000_000), signed: null }] }), client()),
    ).toHaveProperty('refused');
    expect(store.save(step({ entries: [] }), client())).toHaveProperty('refused');
    expect(
      store.save(
        step({ entries: Array.from({ length: 6 }, () => ({ address: 'G', entry: 'AAAA', signed: null })) }),
        client(),
      ),
    ).toHaveProperty('refused');
  });

  it('stores no signature given at creation, fills a slot once, and frees abandoned steps', () => {
    const store = memoryPendingStore();
    const s = step();
    const p = saved(store.save({ ...s, entries: s.entries.map((e) => ({ ...e, signed: 'forged' })) }, client(), 0));
    expect(p.entries[0]!.signed).toBeNull();
    expect(store.setSigned(p.id, p.starter, 'first')).toMatchObject({ entries: [{ signed: 'first' }] });
    expect(store.setSigned(p.id, p.starter, 'second')).toBeNull();
    expect(store.get(p.id, 0)!.entries[0]!.signed).toBe('first');

    const idle = saved(store.save(step(), client(), 0));
    expect(store.get(idle.id, UNSIGNED_TTL_MS + 1)).toBeNull();
    // A step its starter signed stays until its ledger passes.
    expect(store.get(p.id, UNSIGNED_TTL_MS + 1)).not.toBeNull();
    store.prune(101);
    expect(store.get(p.id, 0)).toBeNull();
  });

  it('never shows who asked for a step', () => {
    const store = memoryPendingStore();
    const p = saved(store.save(step(), '203.0.113.9'));
    expect(JSON.stringify(store.get(p.id))).not.toContain('203.0.113.9');
  });
});
