/**
 * "Kill the indexer mid-batch and restart": the follower's write dies at every possible
 * statement of its transaction in turn (the process-crash case, as far as the database sees it);
 * each time a restarted follower then catches up, and the read model ends exactly as a run
 * without a crash: no event lost, none doubled, the same escrow rows. Paging in small steps (each
 * next page asked for while the previous one is written) ends with the same rows too.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { escrowCalls } from '@/lib/escrow/calls';
import { testBackends } from '@/lib/db/testing';
import type { Database, ReadModel } from '@/lib/db/client';
import { escrows, events, funders, memberships, payouts } from '@/lib/db/schema';
import { localnetAvailable, startKit, type Kit } from './localnet-kit';
import { rpcServer } from '@/lib/stellar/rpc';
import { syncAll } from './follower';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

let kit: Kit;

beforeAll(async () => {
  if (!localnetAvailable) return;
  kit = await startKit();
  const p = kit.party.publicKey();
  for (let i = 0; i < 3; i++) {
    const id = await kit.deploy(kit.config());
    await kit.send(kit.party, escrowCalls.fund(id, p, 50_000_000n, 1));
    await kit.send(kit.party, escrowCalls.setMilestoneStatus(id, 0, 'done', null));
    await kit.send(kit.party, escrowCalls.approveMilestone(id, 0, p));
    await kit.send(kit.party, escrowCalls.release(id, [p]));
  }
});
afterAll(async () => {
  await kit?.localnet.stop();
});

class Crash extends Error {}

/** The database, except that its `n`-th statement inside a transaction throws (a crash there). */
function crashingAt(db: Database, n: number): { db: Database; reached: () => boolean } {
  let count = 0;
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, recv) {
        const v = Reflect.get(t, prop, recv);
        if (typeof v !== 'function') return v;
        if (prop === 'insert' || prop === 'delete' || prop === 'execute' || prop === 'select')
          return (...a: unknown[]) => {
            if (++count === n) throw new Crash(`crash at statement ${n}`);
            return v.apply(t, a);
          };
        return v.bind(t);
      },
    });
  const tx = (fn: (tx: Database) => Promise<unknown>) =>
    db.transaction((inner) => fn(wrap(inner as unknown as Database)));
  return {
    db: new Proxy(db, { get: (t, p, r) => (p === 'transaction' ? tx : Reflect.get(t, p, r)) }),
    reached: () => count >= n,
  };
}

async function contents(db: Database) {
  const order = (rows: object[]) =>
    rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))).sort();
  return {
    escrows: order(await db.select().from(escrows)),
    events: order(await db.select().from(events)),
    payouts: order(await db.select().from(payouts)),
    memberships: order(await db.select().from(memberships)),
    funders: order(await db.select().from(funders)),
  };
}

describe.skipIf(!localnetAvailable).each(testBackends())('a crash mid-batch on $name', (backend) => {
  it('resumes after a crash at any statement of the write with nothing lost or doubled', async () => {
    const clean = await backend.open();
    let expected;
    try {
      await syncAll(clean, kit.network);
      expected = await contents(clean.db);
      expect(expected.events.length).toBe(15);
    } finally {
      await clean.close();
    }
    for (let n = 1; ; n++) {
      const rm: ReadModel = await backend.open();
      try {
        const crashing = crashingAt(rm.db, n);
        const error = await syncAll({ ...rm, db: crashing.db }, kit.network).then(
          () => null,
          (e: unknown) => e,
        );
        if (!crashing.reached()) {
          // 5 statements: the lock, the escrows with their old child rows deleted, their new
          // child rows, the events with their payouts and the cursor, the webhook subscriptions
          expect(n - 1).toBe(5);
          break; // the write has fewer statements: every point was tried
        }
        expect(error).toBeInstanceOf(Crash);
        await syncAll(rm, kit.network); // the restart
        expect(await contents(rm.db)).toEqual(expected);
      } finally {
        await rm.close();
      }
    }
  });

  it('pages in small steps (each next page asked for ahead) to exactly the rows of one page', async () => {
    const one = await backend.open();
    const paged = await backend.open();
    try {
      await syncAll(one, kit.network);
      const spy = vi.spyOn(rpcServer(kit.network), 'getEvents');
      const r = await syncAll(paged, kit.network, 4);
      // Pages of 4, 4, 4, 3: the first asked for, each later one asked for ahead and used.
      expect(spy).toHaveBeenCalledTimes(4);
      spy.mockRestore();
      expect(r.events).toBe(15);
      expect(await contents(paged.db)).toEqual(await contents(one.db));
      expect((await syncAll(paged, kit.network, 4)).events).toBe(0);
    } finally {
      await one.close();
      await paged.close();
    }
  });
});
