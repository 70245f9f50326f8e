import { Keypair, Networks, StrKey } from '@stellar/stellar-sdk';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_PER_ESCROW, MAX_PER_STARTER, memoryPendingStore, UNSIGNED_TTL_MS, type NewPending } from './store';

const escrow = () => StrKey.encodeContract(randomBytes(32));
const step = (over: Partial<NewPending> = {}): NewPending => ({
  escrowId: escrow(),
  starter: Keypair.random().publicKey(),
  networkPassphrase: Networks.STANDALONE,
  func: 'AAAA',
  entries: [{ address: Keypair.random().publicKey(), entry: 'AAAA', signed: null }],
  validUntilLedger: 100,
  summary: [],
  ...over,
});
const saved = (r: ReturnType<ReturnType<typeof memoryPendingStore>['save']>) => {
  if ('refused' in r) throw new Error(r.refused);
  return r;
};

describe('the pending store’s bounds', () => {
  it('limits open steps per escrow and per starter, refusing new ones instead of evicting', () => {
    const store = memoryPendingStore();
    const id = escrow();
    const first = saved(store.save(step({ escrowId: id })));
    for (let i = 1; i < MAX_PER_ESCROW; i++) saved(store.save(step({ escrowId: id })));
    expect(store.save(step({ escrowId: id }))).toEqual({ refused: expect.stringMatching(/already has 3 releases waiting/) });
    expect(store.get(first.id)).not.toBeNull();
    // Another escrow is not affected.
    saved(store.save(step()));

    const starter = Keypair.random().publicKey();
    for (let i = 0; i < MAX_PER_STARTER; i++) saved(store.save(step({ starter })));
    expect(store.save(step({ starter }))).toEqual({ refused: expect.stringMatching(/You already have 3 releases/) });
  });

  it('refuses oversized steps', () => {
    const store = memoryPendingStore();
    expect(store.save(step({ func: 'A'.repeat(1_000_000) }))).toHaveProperty('refused');
    expect(store.save(step({ entries: [{ address: 'G', entry: 'A'.repeat(1_000_000), signed: null }] }))).toHaveProperty('refused');
    expect(store.save(step({ entries: [] }))).toHaveProperty('refused');
    expect(store.save(step({ entries: Array.from({ length: 6 }, () => ({ address: 'G', entry: 'AAAA', signed: null })) }))).toHaveProperty('refused');
  });

  it('stores no signature given at creation, fills a slot once, and frees abandoned steps', () => {
    const store = memoryPendingStore();
    const s = step();
    const p = saved(store.save({ ...s, entries: s.entries.map((e) => ({ ...e, signed: 'forged' })) }, 0));
    expect(p.entries[0]!.signed).toBeNull();
    const address = p.entries[0]!.address;
    expect(store.setSigned(p.id, address, 'first')!.entries[0]!.signed).toBe('first');
    expect(store.setSigned(p.id, address, 'second')).toBeNull();
    expect(store.get(p.id, 0)!.entries[0]!.signed).toBe('first');

    const idle = saved(store.save(step(), 0));
    expect(store.get(idle.id, UNSIGNED_TTL_MS + 1)).toBeNull();
    // A step somebody signed stays until its ledger passes.
    expect(store.get(p.id, UNSIGNED_TTL_MS + 1)).not.toBeNull();
    store.prune(101);
    expect(store.get(p.id, 0)).toBeNull();
  });
});
