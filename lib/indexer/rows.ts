/**
 * What the projection hands the database: whole snapshots of the escrows a batch touched, plus
 * the batch's events and payouts. Snapshots (not increments) make a replay harmless: a row is
 * only replaced by one that reflects a newer event.
 */
import type { escrows, events, funders, milestones, payouts } from '@/lib/db/schema';
import type { Role } from '@/lib/db/vocabulary';

export type EscrowRow = Omit<typeof escrows.$inferInsert, 'network'>;
export type MilestoneRow = Omit<typeof milestones.$inferInsert, 'network' | 'contractId'>;
export type FunderRow = Omit<typeof funders.$inferInsert, 'network' | 'contractId'>;
export type EventRow = Omit<typeof events.$inferInsert, 'network'>;
export type PayoutRow = Omit<typeof payouts.$inferInsert, 'network'>;

/** One escrow as of its newest event (`escrow.lastEventId`), with everything that hangs off it. */
export interface EscrowSnapshot {
  escrow: EscrowRow;
  milestones: MilestoneRow[];
  memberships: { address: string; role: Role }[];
  funders: FunderRow[];
}

/** A batch of projected rows, written in one transaction with the cursor. */
export interface ProjectedBatch {
  escrows: EscrowSnapshot[];
  events: EventRow[];
  payouts: PayoutRow[];
}

/** Where the follower resumes: the last ledger read and the RPC's paging cursor. */
export interface IndexerCursor {
  ledger: number;
  cursor: string;
}
