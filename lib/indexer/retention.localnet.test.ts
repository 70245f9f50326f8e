/**
 * A cursor older than the RPC's history (localnet with a small --history-retention-window):
 * the follower records the gap, reconciles every known escrow from contract state and goes on
 * from the oldest ledger the RPC still has; the escrow then equals get_escrow. And an escrow
 * whose `created` event is gone but which emits later events is adopted from contract state
 * (a look-alike in the same position is not).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Operation } from '@stellar/stellar-sdk';
import { and, eq } from 'drizzle-orm';
import { events } from '@/lib/db/schema';
import { escrowCalls } from '@/lib/escrow/calls';
import { readEscrow } from '@/lib/escrow/read';
import { testBackends } from '@/lib/db/testing';
import { localnetAvailable, startKit, WASM, type Kit } from './localnet-kit';
import { readCursor } from './apply-batch';
import { syncAll } from './follower';
import { loadState } from './load-state';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const WINDOW = 8;
let kit: Kit;
let lookalikeHash: string;

beforeAll(async () => {
  if (!localnetAvailable) return;
  kit = await startKit(['--history-retention-window', String(WINDOW)]);
  const lookalike = Buffer.concat([WASM, Buffer.from([0, 11, 9]), Buffer.from('lookalike!')]);
  lookalikeHash = createHash('sha256').update(lookalike).digest('hex');
  await kit.send(kit.party, Operation.uploadContractWasm({ wasm: lookalike }));
});

/** Enough ledgers to push everything before them out of the RPC's history. */
async function pruneHistory(id: string) {
  for (let i = 0; i < WINDOW + 2; i++) await kit.send(kit.party, escrowCalls.extendTtl(id));
}
afterAll(async () => {
  await kit?.localnet.stop();
});

describe.skipIf(!localnetAvailable).each(testBackends())('a gap in history on $name', (backend) => {
  it('reconciles from contract state when the cursor falls behind retention', async () => {
    const rm = await backend.open();
    try {
      const { party, network } = kit;
      const id = await kit.deploy(kit.config());
      const first = await syncAll(rm, network);
      expect(first.gap).toBeNull();
      expect(await loadState(rm.db, 'local', id)).not.toBeNull();

      // Funding and a status while the follower is away, then enough ledgers to prune them.
      await kit.send(party, escrowCalls.fund(id, party.publicKey(), 50_000_000n, 1));
      await kit.send(party, escrowCalls.setMilestoneStatus(id, 0, 'sent', 'proof'));
      for (let i = 0; i < WINDOW + 2; i++) await kit.send(party, escrowCalls.extendTtl(id));
      const health = await kit.server.getHealth();
      expect(health.oldestLedger).toBeGreaterThan(first.ledger + 1);

      const second = await syncAll(rm, network);
      expect(second.gap).toEqual({ from: first.ledger + 1, to: health.oldestLedger - 1 });
      expect((await loadState(rm.db, 'local', id))!.escrow).toEqual(await readEscrow(network, id));

      // And events after the gap apply on top of the reconciled state.
      await kit.send(party, escrowCalls.approveMilestone(id, 0, party.publicKey()));
      const third = await syncAll(rm, network);
      expect(third.gap).toBeNull();
      expect(third.events).toBe(1);
      expect((await loadState(rm.db, 'local', id))!.escrow).toEqual(await readEscrow(network, id));
      expect((await readCursor(rm.db, 'local'))!.ledger).toBe(third.ledger);
    } finally {
      await rm.close();
    }
  });

  it('adopts an escrow whose created event is gone from contract state, then follows its events', async () => {
    const rm = await backend.open();
    try {
      const { party, network } = kit;
      const p = party.publicKey();
      const id = await kit.deploy(kit.config());
      await kit.send(party, escrowCalls.fund(id, p, 50_000_000n, 1));
      const fake = await kit.deploy(kit.config(), lookalikeHash);
      await pruneHistory(id);
      // Only later events are served: a status of each, and nothing before.
      await kit.send(party, escrowCalls.setMilestoneStatus(id, 0, 'sent', 'proof'));
      await kit.send(party, escrowCalls.setMilestoneStatus(fake, 0, 'sent', 'proof'));

      const first = await syncAll(rm, network);
      expect(first.gap).toBeNull(); // nothing was stored: no gap, just history that starts late
      const adopted = await loadState(rm.db, 'local', id);
      expect(adopted!.escrow).toEqual(await readEscrow(network, id));
      expect(adopted!.funders).toEqual([{ address: p, contributed: 50_000_000n, refunded: 0n }]);
      expect(await loadState(rm.db, 'local', fake)).toBeNull();
      // The served event is in its timeline.
      const timeline = await rm.db
        .select()
        .from(events)
        .where(and(eq(events.network, 'local'), eq(events.contractId, id)));
      expect(timeline.map((e) => e.action)).toContain('status');

      await kit.send(party, escrowCalls.approveMilestone(id, 0, p));
      await kit.send(party, escrowCalls.release(id, [p]));
      const second = await syncAll(rm, network);
      expect(second.events).toBe(2);
      const after = await loadState(rm.db, 'local', id);
      expect(after!.escrow).toEqual(await readEscrow(network, id));
      expect(after!.escrow.released).toBe(true);
    } finally {
      await rm.close();
    }
  });
});
