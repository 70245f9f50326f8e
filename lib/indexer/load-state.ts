/**
 * The inverse of toSnapshot: an escrow's state as the read model holds it, so the projection can
 * apply the next events to it (and a page can show what the indexer knows).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { escrows, funders, milestones } from '@/lib/db/schema';
import type { Escrow, EscrowConfig } from '@/lib/escrow/types';
import type { SnapshotInput } from './snapshot';

/** The config jsonb back to its TypeScript shape (amounts and the deadline were stored as strings). */
function configFrom(json: unknown): EscrowConfig {
  const c = json as Omit<EscrowConfig, 'amount' | 'deadline' | 'milestones'> & {
    amount: string;
    deadline: string | null;
    milestones: { description: string; amount: string; receiver: string | null }[];
  };
  return {
    ...c,
    amount: BigInt(c.amount),
    deadline: c.deadline === null ? null : BigInt(c.deadline),
    milestones: c.milestones.map((m) => ({ ...m, amount: BigInt(m.amount) })),
  };
}

/** The stored state of one escrow, or null when the read model has not seen it. */
export async function loadState(db: Database, network: string, contractId: string): Promise<SnapshotInput | null> {
  return (await loadStates(db, network, [contractId])).get(contractId) ?? null;
}

/** The stored states of `ids` (those the read model has seen), in three queries whatever their number. */
export async function loadStates(db: Database, network: string, ids: string[]): Promise<Map<string, SnapshotInput>> {
  const out = new Map<string, SnapshotInput>();
  if (ids.length === 0) return out;
  const own = <T extends typeof escrows | typeof milestones | typeof funders>(t: T) =>
    and(eq(t.network, network), inArray(t.contractId, ids));
  const [rows, ms, fs] = await Promise.all([
    db.select().from(escrows).where(own(escrows)),
    db.select().from(milestones).where(own(milestones)).orderBy(asc(milestones.contractId), asc(milestones.index)),
    db.select().from(funders).where(own(funders)).orderBy(asc(funders.contractId), asc(funders.address)),
  ]);
  const group = <T extends { contractId: string }>(list: T[]) => {
    const by = new Map<string, T[]>();
    for (const x of list) {
      const same = by.get(x.contractId);
      if (same) same.push(x);
      else by.set(x.contractId, [x]);
    }
    return by;
  };
  const msBy = group(ms);
  const fsBy = group(fs);
  for (const row of rows)
    out.set(row.contractId, stateOf(row, msBy.get(row.contractId) ?? [], fsBy.get(row.contractId) ?? []));
  return out;
}

function stateOf(
  row: typeof escrows.$inferSelect,
  ms: (typeof milestones.$inferSelect)[],
  fs: (typeof funders.$inferSelect)[],
): SnapshotInput {
  const escrow: Escrow = {
    config: configFrom(row.config),
    milestones: ms.map((m) => ({
      status: m.status,
      evidence: m.evidence,
      approvals: m.approvals,
      approved: m.approved,
      disputed: m.disputed,
      disputeReason: m.disputeReason,
      released: m.released,
      resolved: m.resolved,
    })),
    // The stored flag means "open"; a resolved Single escrow was disputed before.
    disputed: row.kind === 'single' ? row.disputed || row.isResolved : false,
    disputeReason: row.disputeReason,
    released: row.isReleased,
    resolved: row.isResolved,
    funded: row.funded,
    paidOut: row.paidOut,
    refunded: row.refunded,
    refunding: row.refunding,
    balance: row.balance,
    termsVersion: row.termsVersion,
  };
  return {
    contractId: row.contractId,
    escrow,
    funders: fs.map((f) => ({ address: f.address, contributed: f.contributed, refunded: f.refunded })),
    paid: { released: row.released, platformFees: row.platformFeesPaid, protocolFees: row.protocolFeesPaid },
    wasmHash: row.wasmHash,
    createdLedger: row.createdLedger,
    createdAt: row.createdAt,
    lastEventId: row.lastEventId,
  };
}
