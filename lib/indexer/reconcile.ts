/**
 * Reconciliation from contract state: when events are gone (the cursor fell behind the RPC's
 * retention) or on request (`npm run indexer -- --reconcile`, an import of contract ids), each
 * escrow is read from its ledger entries (`contract-state.ts`: many escrows per
 * `getLedgerEntries` call, released builds only) and stored as if that were the newest event of
 * the ledger read at. Events the RPC still returns from before that point are then only recorded
 * in the timeline, and later ones apply on top.
 */
import { eq } from 'drizzle-orm';
import type { ReadModel } from '@/lib/db/client';
import { escrows } from '@/lib/db/schema';
import type { NetworkConfig } from '@/lib/networks/config';
import { rpcServer } from '@/lib/stellar/rpc';
import { applyBatch, readCursor } from './apply-batch';
import { ESCROWS_PER_CALL, readChainEscrows, type ChainEscrow } from './contract-state';
import { loadStates } from './load-state';
import type { FunderRow } from './rows';
import { toSnapshot, type SnapshotInput } from './snapshot';

/** Escrows written per transaction (rounded up to whole calls). */
const PER_BATCH = 200;

/**
 * An event id that sorts after every event of `ledger` and before every event of the next
 * (RPC event ids are TOIDs: ledger << 32 | tx order << 12 | op index, with tx order from 1).
 */
export function afterLedgerEventId(ledger: number): string {
  return `${(BigInt(ledger + 1) << 32n).toString().padStart(19, '0')}-${'0'.repeat(10)}`;
}

const byAddress = (a: FunderRow, b: FunderRow) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

/**
 * The state to store for an escrow read from the chain at `ledger`: the chain's escrow, each
 * funder's refunds from what they still hold (a funder the read model never saw counts what
 * they hold as their contribution), the payout sums and creation as stored (`created` when
 * there is nothing stored: where the escrow was first seen).
 */
export function fromChain(
  id: string,
  chain: ChainEscrow,
  stored: SnapshotInput | null,
  ledger: number,
  created: { ledger: number; closedAt: Date },
): SnapshotInput {
  const funders = new Map((stored?.funders ?? []).map((f) => [f.address, { ...f }]));
  for (const [address, held] of chain.held) {
    if (!funders.has(address) && held > 0n) funders.set(address, { address, contributed: held, refunded: 0n });
  }
  for (const f of funders.values()) {
    const held = chain.held.get(f.address) ?? 0n;
    f.refunded = f.contributed > held ? f.contributed - held : 0n;
  }
  return {
    contractId: id,
    escrow: chain.escrow,
    funders: [...funders.values()].sort(byAddress),
    paid: stored?.paid ?? { released: 0n, platformFees: 0n, protocolFees: 0n },
    wasmHash: chain.wasmHash,
    createdLedger: stored?.createdLedger ?? created.ledger,
    createdAt: stored?.createdAt ?? created.closedAt,
    lastEventId: afterLedgerEventId(ledger),
  };
}

/**
 * Reconciles `ids` (default: every escrow the read model knows on this network) from contract
 * state; an unknown id is adopted only when it runs a released build (else it is skipped and
 * named in `refused`). Reads `perCall` escrows (default and at most {@link ESCROWS_PER_CALL}) per
 * `getLedgerEntries` call: a reconcile of N known escrows makes ceil(N / perCall) calls. Writes in
 * batches of 200; the cursor does not move.
 */
export async function reconcile(
  rm: ReadModel,
  network: NetworkConfig,
  ids?: string[],
  options: { perCall?: number } = {},
): Promise<{ reconciled: number; refused: string[] }> {
  const perCall = Math.min(options.perCall ?? ESCROWS_PER_CALL, ESCROWS_PER_CALL);
  const key = network.name;
  const list =
    ids ??
    (await rm.db.select({ id: escrows.contractId }).from(escrows).where(eq(escrows.network, key))).map((r) => r.id);
  const latest = await rpcServer(network).getLatestLedger();
  const closedAt = latest.closeTime ? new Date(Number(latest.closeTime) * 1000) : new Date();
  const cursor = (await readCursor(rm.db, key)) ?? { ledger: 0, cursor: '' };
  const refused: string[] = [];
  let reconciled = 0;
  const perBatch = perCall * Math.ceil(PER_BATCH / perCall);
  for (let i = 0; i < list.length; i += perBatch) {
    const part = list.slice(i, i + perBatch);
    const stored = await loadStates(rm.db, key, part);
    // The token each escrow had lets its balance be read in the same call as its entries.
    const tokens = new Map([...stored].map(([id, s]) => [id, s.escrow.config.token]));
    const chain = await readChainEscrows(network, part, tokens, perCall);
    const snapshots = part.flatMap((id) => {
      const found = chain.escrows.get(id);
      if (!found) {
        refused.push(id);
        return [];
      }
      return [
        toSnapshot(fromChain(id, found, stored.get(id) ?? null, chain.ledger, { ledger: latest.sequence, closedAt })),
      ];
    });
    const w = await applyBatch(rm.db, key, { escrows: snapshots, events: [], payouts: [] }, cursor);
    reconciled += w.escrows;
  }
  return { reconciled, refused };
}
