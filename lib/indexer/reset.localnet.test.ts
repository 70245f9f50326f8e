/**
 * A network that started over under the same name (localnet's --reset; testnet every few months):
 * the stored cursor stands beyond the new chain's latest ledger. The follower drops that
 * network's rows and indexes the new chain from its start: the old chain's escrows are gone, the
 * new one's are there, and another network's rows are untouched.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { escrowCalls } from '@/lib/escrow/calls';
import { readEscrow } from '@/lib/escrow/read';
import { testBackends } from '@/lib/db/testing';
import { localnetAvailable, startKit, type Kit } from './localnet-kit';
import { applyBatch, readCursor } from './apply-batch';
import { syncAll } from './follower';
import { loadState } from './load-state';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const kits: Kit[] = [];
afterAll(async () => {
  for (const kit of kits) await kit.localnet.stop();
});

describe.skipIf(!localnetAvailable).each(testBackends())('a chain that started over on $name', (backend) => {
  it('drops the old chain’s rows and follows the new chain from its start', async () => {
    const rm = await backend.open();
    try {
      const before = await startKit();
      kits.push(before);
      const old = await before.deploy(before.config());
      // Enough ledgers that the old cursor stands beyond the new chain's first ledgers.
      for (let i = 0; i < 12; i++) await before.send(before.party, escrowCalls.extendTtl(old));
      const first = await syncAll(rm, before.network);
      expect(first.reset).toBeNull();
      expect(await loadState(rm.db, 'local', old)).not.toBeNull();
      // Another network's cursor in the same database stays as it is.
      await applyBatch(rm.db, 'testnet', { escrows: [], events: [], payouts: [] }, { ledger: 7, cursor: 'x' });
      await before.localnet.stop();

      const after = await startKit();
      kits.push(after);
      const fresh = await after.deploy(after.config());
      const latest = (await after.server.getLatestLedger()).sequence;
      expect(latest).toBeLessThan(first.ledger);

      const second = await syncAll(rm, after.network);
      expect(second.reset).toEqual({ cursorLedger: first.ledger, latestLedger: expect.any(Number) });
      expect(await loadState(rm.db, 'local', old)).toBeNull();
      expect((await loadState(rm.db, 'local', fresh))!.escrow).toEqual(await readEscrow(after.network, fresh));
      expect((await readCursor(rm.db, 'local'))!.ledger).toBe(second.ledger);
      expect(await readCursor(rm.db, 'testnet')).toEqual({ ledger: 7, cursor: 'x' });

      // And it goes on normally from there.
      await after.send(after.party, escrowCalls.fund(fresh, after.party.publicKey(), 50_000_000n, 1));
      const third = await syncAll(rm, after.network);
      expect(third.reset).toBeNull();
      expect(third.events).toBe(1);
    } finally {
      await rm.close();
    }
  });
});
