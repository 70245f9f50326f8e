/**
 * Reconciliation reads escrows from their ledger entries in batches: N known escrows cost
 * ceil(N / perCall) `getLedgerEntries` calls (not one simulation per escrow), and each ends equal
 * to `get_escrow`, balance included; an id that is no escrow is refused and named.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { escrowCalls } from '@/lib/escrow/calls';
import { readEscrow } from '@/lib/escrow/read';
import { testBackends } from '@/lib/db/testing';
import { rpcServer } from '@/lib/stellar/rpc';
import { localnetAvailable, startKit, XLM, type Kit } from './localnet-kit';
import { syncAll } from './follower';
import { loadState } from './load-state';
import { reconcile } from './reconcile';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const N = 7;
let kit: Kit;
const ids: string[] = [];

beforeAll(async () => {
  if (!localnetAvailable) return;
  kit = await startKit();
  const p = kit.party.publicKey();
  for (let i = 0; i < N; i++) {
    const id = await kit.deploy(kit.config());
    // Some funded, one released: entries of every shape, and balances that differ.
    if (i % 2 === 0) await kit.send(kit.party, escrowCalls.fund(id, p, 50_000_000n, 1));
    if (i === 0) {
      await kit.send(kit.party, escrowCalls.setMilestoneStatus(id, 0, 'done', 'proof'));
      await kit.send(kit.party, escrowCalls.approveMilestone(id, 0, p));
      await kit.send(kit.party, escrowCalls.release(id, [p]));
    }
    ids.push(id);
  }
});
afterAll(async () => {
  await kit?.localnet.stop();
});

describe.skipIf(!localnetAvailable).each(testBackends())('reconciliation on $name', (backend) => {
  it('reads N escrows in ceil(N / perCall) getLedgerEntries calls, each equal to get_escrow', async () => {
    const rm = await backend.open();
    try {
      await syncAll(rm, kit.network);
      const spy = vi.spyOn(rpcServer(kit.network), 'getLedgerEntries');
      try {
        const r = await reconcile(rm, kit.network, undefined, { perCall: 3 });
        expect(r).toEqual({ reconciled: N, refused: [] });
        expect(spy).toHaveBeenCalledTimes(Math.ceil(N / 3));
        expect(Math.max(...spy.mock.calls.map((c) => c.length))).toBeLessThanOrEqual(200);
      } finally {
        spy.mockRestore();
      }
      for (const id of ids)
        expect((await loadState(rm.db, 'local', id))!.escrow).toEqual(await readEscrow(kit.network, id));
      expect((await loadState(rm.db, 'local', ids[0]!))!.escrow.balance).toBe(0n);
      expect((await loadState(rm.db, 'local', ids[2]!))!.escrow.balance).toBe(50_000_000n);
    } finally {
      await rm.close();
    }
  });

  it('refuses an id that is not an escrow (the token contract) and writes nothing for it', async () => {
    const rm = await backend.open();
    try {
      const r = await reconcile(rm, kit.network, [XLM, ids[1]!]);
      expect(r).toEqual({ reconciled: 1, refused: [XLM] });
      expect(await loadState(rm.db, 'local', XLM)).toBeNull();
      expect((await loadState(rm.db, 'local', ids[1]!))!.escrow).toEqual(await readEscrow(kit.network, ids[1]!));
    } finally {
      await rm.close();
    }
  });
});
