/**
 * A cursor older than the RPC's history (localnet with a small --history-retention-window):
 * the follower records the gap, reconciles every known escrow from contract state and goes on
 * from the oldest ledger the RPC still has; the escrow then equals get_escrow.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { escrowCalls } from '@/lib/escrow/calls';
import { readEscrow } from '@/lib/escrow/read';
import { testBackends } from '@/lib/db/testing';
import { localnetAvailable, startKit, type Kit } from './localnet-kit';
import { readCursor } from './apply-batch';
import { syncAll } from './follower';
import { loadState } from './load-state';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const WINDOW = 8;
let kit: Kit;

beforeAll(async () => {
  if (localnetAvailable) kit = await startKit(['--history-retention-window', String(WINDOW)]);
});
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
});
