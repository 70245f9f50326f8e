import { Keypair, Networks, StrKey } from '@stellar/stellar-sdk';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openReadModel, queryRows, type ReadModel } from '../db/client';
import { freshPostgresDatabase, testBackends } from '../db/testing';
import {
  databasePendingStore,
  MAX_PER_ESCROW,
  MAX_PER_STARTER,
  MAX_PROVISIONAL_PER_CLIENT,
  UNSIGNED_TTL_MS,
  type NewPending,
  type PendingStore,
} from './store';

// PGlite starts in seconds, and slower on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

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
const saved = async (r: ReturnType<PendingStore['save']>) => {
  const s = await r;
  if ('refused' in s) throw new Error(s.refused);
  return s;
};
/** Saves a step and has its starter sign it (confirmed). */
const confirmed = async (store: PendingStore, over: Partial<NewPending> = {}) => {
  const p = await saved(store.save(step(over), client()));
  const r = await store.setSigned(p.id, p.starter, 'signed');
  if (!r || 'refused' in r) throw new Error('not confirmed');
  return r;
};

describe.each(testBackends())('the pending store on $name', (backend) => {
  let rm: ReadModel;
  let store: PendingStore;
  beforeAll(async () => {
    rm = await backend.open();
  });
  afterAll(() => rm.close());
  // Each test its own network: the store's limits and cleanup are per network.
  const fresh = () => (store = databasePendingStore(rm.db, `n${randomBytes(4).toString('hex')}`));

  it('limits confirmed steps per escrow and per starter, refusing new ones instead of evicting', async () => {
    fresh();
    const id = escrow();
    const first = await confirmed(store, { escrowId: id });
    for (let i = 1; i < MAX_PER_ESCROW; i++) await confirmed(store, { escrowId: id });
    expect(await store.save(step({ escrowId: id }), client())).toEqual({
      refused: expect.stringMatching(/already has 3 releases waiting/),
    });
    expect(await store.get(first.id)).not.toBeNull();
    await confirmed(store); // another escrow is not affected

    const starter = Keypair.random().publicKey();
    for (let i = 0; i < MAX_PER_STARTER; i++) await confirmed(store, { starter });
    expect(await store.save(step({ starter }), client())).toEqual({
      refused: expect.stringMatching(/already has 3 releases waiting/),
    });
  });

  it('a claimed starter blocks nobody: unsigned starts count against the client that made them', async () => {
    fresh();
    const victim = escrow();
    const attacker = client();
    const starter = Keypair.random().publicKey();
    for (let i = 0; i < MAX_PROVISIONAL_PER_CLIENT; i++)
      await saved(store.save(step({ escrowId: victim, starter }), attacker));
    expect(await store.save(step({ escrowId: victim, starter }), attacker)).toEqual({
      refused: expect.stringMatching(/not signed yet/),
    });
    // The real starter, from their own connection, starts and signs as usual.
    const real = await saved(store.save(step({ escrowId: victim, starter }), client()));
    expect(await store.setSigned(real.id, starter, 'signed')).toMatchObject({ id: real.id });
  });

  it('checks the limits again when the starter signs', async () => {
    fresh();
    const id = escrow();
    const late = await saved(store.save(step({ escrowId: id }), client()));
    for (let i = 0; i < MAX_PER_ESCROW; i++) await confirmed(store, { escrowId: id });
    expect(await store.setSigned(late.id, late.starter, 'signed')).toEqual({
      refused: expect.stringMatching(/already has 3 releases/),
    });
    expect((await store.get(late.id))!.entries[0]!.signed).toBeNull();
  });

  it('refuses oversized steps, and the table refuses them too', async () => {
    fresh();
    expect(await store.save(step({ func: 'A'.repeat(1_000_000) }), client())).toHaveProperty('refused');
    expect(
      await store.save(step({ entries: [{ address: 'G', entry: 'A'.repeat(1_000_000), signed: null }] }), client()),
    ).toHaveProperty('refused');
    expect(await store.save(step({ entries: [] }), client())).toHaveProperty('refused');
    const six = Array.from({ length: 6 }, () => ({ address: 'G', entry: 'AAAA', signed: null }));
    expect(await store.save(step({ entries: six }), client())).toHaveProperty('refused');
    // A writer that skipped the store's checks still cannot store an oversized step.
    const p = await saved(store.save(step(), client()));
    await expect(
      rm.db.execute(sql`update pending_steps set entries = ${JSON.stringify(six)}::jsonb where id = ${p.id}`),
    ).rejects.toThrow();
    await expect(
      rm.db.execute(sql`update pending_steps set func = ${'A'.repeat(9_000)} where id = ${p.id}`),
    ).rejects.toThrow();
  });

  it('stores no signature given at creation, fills a slot once, and frees abandoned and expired steps', async () => {
    fresh();
    const s = step();
    const p = await saved(
      store.save({ ...s, entries: s.entries.map((e) => ({ ...e, signed: 'forged' })) }, client(), 0),
    );
    expect(p.entries[0]!.signed).toBeNull();
    expect(await store.setSigned(p.id, p.starter, 'first', 0)).toMatchObject({ entries: [{ signed: 'first' }] });
    expect(await store.setSigned(p.id, p.starter, 'second', 0)).toBeNull();
    expect((await store.get(p.id, 0))!.entries[0]!.signed).toBe('first');

    const idle = await saved(store.save(step(), client(), 0));
    expect(await store.get(idle.id, UNSIGNED_TTL_MS + 1)).toBeNull();
    expect(await store.setSigned(idle.id, idle.starter, 'late', UNSIGNED_TTL_MS + 1)).toBeNull();
    // A step its starter signed stays until its ledger passes.
    expect(await store.get(p.id, UNSIGNED_TTL_MS + 1)).not.toBeNull();
    await store.prune(101, UNSIGNED_TTL_MS + 1);
    expect(await store.get(p.id, 0)).toBeNull();
    // Both rows are gone from the table, not only hidden.
    expect(await queryRows(rm.db, sql`select id from pending_steps where id in (${p.id}, ${idle.id})`)).toEqual([]);
  });

  it('never shows who asked for a step, and answers null for ids that are not ids', async () => {
    fresh();
    const p = await saved(store.save(step(), '203.0.113.9'));
    expect(JSON.stringify(await store.get(p.id))).not.toContain('203.0.113.9');
    expect(await store.get("x' or 1=1 --")).toBeNull();
    expect(await store.setSigned('nope', p.starter, 'signed')).toBeNull();
  });

  it('keeps the steps of other networks apart', async () => {
    const a = fresh();
    const p = await saved(a.save(step(), client()));
    const b = fresh();
    expect(await b.get(p.id)).toBeNull();
    expect(await b.setSigned(p.id, p.starter, 'signed')).toBeNull();
    expect(await a.get(p.id)).not.toBeNull();
  });

  it('lets only MAX_PER_ESCROW of many concurrent confirmations through', async () => {
    fresh();
    const id = escrow();
    const starts = await Promise.all(
      Array.from({ length: 8 }, () => saved(store.save(step({ escrowId: id }), client()))),
    );
    const results = await Promise.all(starts.map((p) => store.setSigned(p.id, p.starter, 'signed')));
    expect(results.filter((r) => r && !('refused' in r))).toHaveLength(MAX_PER_ESCROW);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('two instances sharing one Postgres', () => {
  it('never both pass a limit', async () => {
    const db = await freshPostgresDatabase(process.env.DATABASE_URL!);
    const instances = await Promise.all([1, 2].map(() => openReadModel({ url: db.url })));
    try {
      const [one, two] = instances.map((i) => databasePendingStore(i.db, 'local')) as [PendingStore, PendingStore];
      const id = escrow();
      const starts = await Promise.all(
        Array.from({ length: 10 }, (_, i) => saved((i % 2 ? one : two).save(step({ escrowId: id }), client()))),
      );
      const results = await Promise.all(starts.map((p, i) => (i % 2 ? two : one).setSigned(p.id, p.starter, 'signed')));
      expect(results.filter((r) => r && !('refused' in r))).toHaveLength(MAX_PER_ESCROW);
      // A provisional quota is shared as well: one client, many saves through both instances.
      const who = client();
      const saves = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).save(step(), who)));
      expect(saves.filter((r) => !('refused' in r))).toHaveLength(MAX_PROVISIONAL_PER_CLIENT);
      // What one instance stored, the other reads.
      expect(await two.get(starts[0]!.id)).toMatchObject({ id: starts[0]!.id });
    } finally {
      await Promise.all(instances.map((i) => i.close()));
      await db.drop();
    }
  });
});
