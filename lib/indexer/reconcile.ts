/**
 * Reconciliation from contract state: when events are gone (the cursor fell behind the RPC's
 * retention) or on request (`npm run indexer -- --reconcile`, an import of contract ids), each
 * escrow's state is read with `get_escrow` (after the verified-contract check) and stored as if
 * it were the newest event of the current ledger. Events the RPC still returns from before that
 * point are then skipped by id, and later ones apply on top.
 */
import { eq } from 'drizzle-orm';
import type { ReadModel } from '@/lib/db/client';
import { escrows } from '@/lib/db/schema';
import type { NetworkConfig } from '@/lib/networks/config';
import { readEscrow, readFunding } from '@/lib/escrow/read';
import { contractWasmHash } from '@/lib/escrow/verify';
import { rpcServer } from '@/lib/stellar/rpc';
import { applyBatch, readCursor } from './apply-batch';
import { loadState } from './load-state';
import type { EscrowSnapshot } from './rows';
import { toSnapshot, type SnapshotInput } from './snapshot';

/** Contracts read at once. */
const PARALLEL = 8;

/**
 * An event id that sorts after every event of `ledger` and before every event of the next
 * (RPC event ids are TOIDs: ledger << 32 | tx order << 12 | op index, with tx order from 1).
 */
export function afterLedgerEventId(ledger: number): string {
  return `${(BigInt(ledger + 1) << 32n).toString().padStart(19, '0')}-${'0'.repeat(10)}`;
}

async function stateFromChain(
  network: NetworkConfig,
  key: string,
  rm: ReadModel,
  id: string,
  ledger: number,
  closedAt: Date,
): Promise<SnapshotInput> {
  const [escrow, stored] = await Promise.all([readEscrow(network, id), loadState(rm.db, key, id)]);
  const wasmHash = stored?.wasmHash ?? (await contractWasmHash(network, id))!;
  // Each known funder's contribution still held gives what was paid back to them.
  const funders = await Promise.all(
    (stored?.funders ?? []).map(async (f) => {
      const held = await readFunding(network, id, f.address);
      return { ...f, refunded: f.contributed > held ? f.contributed - held : 0n };
    }),
  );
  return {
    contractId: id,
    escrow,
    funders,
    paid: stored?.paid ?? { released: 0n, platformFees: 0n, protocolFees: 0n },
    wasmHash,
    createdLedger: stored?.createdLedger ?? ledger,
    createdAt: stored?.createdAt ?? closedAt,
    lastEventId: afterLedgerEventId(ledger),
  };
}

/**
 * Reconciles `ids` (default: every escrow the read model knows on this network) from contract
 * state; an unknown id is adopted only when it runs a released build (else it is skipped and
 * named in `refused`). Writes in batches; the cursor does not move.
 */
export async function reconcile(
  rm: ReadModel,
  network: NetworkConfig,
  ids?: string[],
): Promise<{ reconciled: number; refused: string[] }> {
  const key = network.name;
  const list =
    ids ??
    (await rm.db.select({ id: escrows.contractId }).from(escrows).where(eq(escrows.network, key))).map((r) => r.id);
  const latest = await rpcServer(network).getLatestLedger();
  const closedAt = latest.closeTime ? new Date(Number(latest.closeTime) * 1000) : new Date();
  const cursor = (await readCursor(rm.db, key)) ?? { ledger: 0, cursor: '' };
  const refused: string[] = [];
  let reconciled = 0;
  for (let i = 0; i < list.length; i += PARALLEL * 8) {
    const part = list.slice(i, i + PARALLEL * 8);
    const snapshots: EscrowSnapshot[] = [];
    for (let j = 0; j < part.length; j += PARALLEL) {
      const got = await Promise.allSettled(
        part.slice(j, j + PARALLEL).map((id) => stateFromChain(network, key, rm, id, latest.sequence, closedAt)),
      );
      got.forEach((g, k) => {
        if (g.status === 'fulfilled') snapshots.push(toSnapshot(g.value));
        else refused.push(part[j + k]!);
      });
    }
    const w = await applyBatch(rm.db, key, { escrows: snapshots, events: [], payouts: [] }, cursor);
    reconciled += w.escrows;
  }
  return { reconciled, refused };
}
