/**
 * The inverse of toSnapshot: an escrow's state as the read model holds it, so the projection can
 * apply the next events to it (and a page can show what the indexer knows).
 */
import { and, asc, eq } from 'drizzle-orm';
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
  const [row] = await db
    .select()
    .from(escrows)
    .where(and(eq(escrows.network, network), eq(escrows.contractId, contractId)));
  if (!row) return null;
  const own = <T extends typeof milestones | typeof funders>(t: T) =>
    and(eq(t.network, network), eq(t.contractId, contractId));
  const ms = await db.select().from(milestones).where(own(milestones)).orderBy(asc(milestones.index));
  const fs = await db.select().from(funders).where(own(funders)).orderBy(asc(funders.address));
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
    contractId,
    escrow,
    funders: fs.map((f) => ({ address: f.address, contributed: f.contributed, refunded: f.refunded })),
    paid: { released: row.released, platformFees: row.platformFeesPaid, protocolFees: row.protocolFeesPaid },
    wasmHash: row.wasmHash,
    createdLedger: row.createdLedger,
    createdAt: row.createdAt,
    lastEventId: row.lastEventId,
  };
}
