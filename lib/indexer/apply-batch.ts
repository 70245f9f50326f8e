/**
 * The indexer's only write path: one transaction per batch, rows and cursor together, so a crash
 * at any point leaves either the whole batch or none of it. Every write is keyed by event id:
 * events and payouts are inserted once, and an escrow's snapshot (with its milestones, members
 * and funders) replaces the stored one only when it reflects a newer event. A replay changes
 * nothing, and the cursor never moves back.
 */
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/lib/db/client';
import { escrows, events, funders, indexerCursors, memberships, milestones, payouts } from '@/lib/db/schema';
import { checkBatch } from './check-batch';
import { ROLES, type Role } from '@/lib/db/vocabulary';
import type { EscrowSnapshot, IndexerCursor, ProjectedBatch } from './rows';
import { enqueueDeliveries } from '@/lib/api/webhooks/enqueue';

/** Rows per INSERT: Postgres takes at most 65,535 parameters per statement. */
const CHUNK = 500;

/** `col = excluded.col` for every column but the key: an upsert that replaces the whole row. */
function replaceAll(table: PgTable, key: string[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [prop, column] of Object.entries(getTableColumns(table))) {
    if (!key.includes(prop)) set[prop] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * One row per address of a snapshot, its roles in ROLES order (an address receiving two
 * milestones is one milestone receiver), with the escrow's dashboard columns copied beside them.
 */
export function membershipRows(network: string, s: EscrowSnapshot): (typeof memberships.$inferInsert)[] {
  const rolesByAddress = new Map<string, Set<Role>>();
  for (const m of s.memberships)
    rolesByAddress.set(m.address, (rolesByAddress.get(m.address) ?? new Set()).add(m.role));
  const e = s.escrow;
  return [...rolesByAddress].map(([address, roles]) => ({
    network,
    address,
    contractId: e.contractId,
    roles: ROLES.filter((r) => roles.has(r)),
    kind: e.kind,
    token: e.token,
    status: e.status,
    amount: e.amount,
    createdLedger: e.createdLedger,
    createdAt: e.createdAt,
    balance: e.balance,
    released: e.released,
    feesPaid: e.platformFeesPaid + e.protocolFeesPaid,
    inDispute: e.inDispute,
  }));
}

/** The advisory lock key that serialises writers of one network's read model. */
export function writerLockKey(network: string): SQL {
  return sql`hashtext(${`openescrow-indexer:${network}`})`;
}

/**
 * Writes one projected batch and moves `network`'s cursor to `cursor`, atomically.
 * Returns how many escrow snapshots and events were new. Throws (writing nothing) on bad input.
 */
export async function applyBatch(
  db: Database,
  network: string,
  batch: ProjectedBatch,
  cursor: IndexerCursor,
): Promise<{ escrows: number; events: number }> {
  checkBatch(network, batch, cursor);
  return db.transaction(async (tx) => {
    // Two writers of one network (say, a second app instance before it lost the follower lock)
    // take turns instead of interleaving their batches.
    await tx.execute(sql`select pg_advisory_xact_lock(${writerLockKey(network)})`);

    const applied = new Set<string>();
    for (const part of chunks(batch.escrows)) {
      const rows = await tx
        .insert(escrows)
        .values(part.map((s) => ({ ...s.escrow, network })))
        .onConflictDoUpdate({
          target: [escrows.network, escrows.contractId],
          set: replaceAll(escrows, ['network', 'contractId']),
          setWhere: sql`${escrows.lastEventId} < excluded.last_event_id`,
        })
        .returning({ contractId: escrows.contractId });
      for (const r of rows) applied.add(r.contractId);
    }

    const fresh = batch.escrows.filter((s) => applied.has(s.escrow.contractId));
    const ids = fresh.map((s) => s.escrow.contractId);
    for (const part of chunks(ids)) {
      for (const table of [milestones, memberships, funders]) {
        await tx.delete(table).where(and(eq(table.network, network), inArray(table.contractId, part)));
      }
    }
    const own = (s: (typeof fresh)[number]) => ({ network, contractId: s.escrow.contractId });
    const milestoneRows = fresh.flatMap((s) => s.milestones.map((m) => ({ ...m, ...own(s) })));
    const funderRows = fresh.flatMap((s) => s.funders.map((f) => ({ ...f, ...own(s) })));
    const memberRows = fresh.flatMap((s) => membershipRows(network, s));
    for (const part of chunks(milestoneRows)) await tx.insert(milestones).values(part);
    for (const part of chunks(memberRows)) await tx.insert(memberships).values(part);
    for (const part of chunks(funderRows)) await tx.insert(funders).values(part);

    const newEvents = new Set<string>();
    for (const part of chunks(batch.events)) {
      const rows = await tx
        .insert(events)
        .values(part.map((e) => ({ ...e, network })))
        .onConflictDoNothing()
        .returning({ eventId: events.eventId });
      for (const r of rows) newEvents.add(r.eventId);
    }
    // Webhooks: one delivery per (subscription, newly stored event), in this transaction.
    await enqueueDeliveries(
      tx,
      network,
      batch.events.filter((e) => newEvents.has(e.eventId)),
    );
    for (const part of chunks(batch.payouts)) {
      await tx
        .insert(payouts)
        .values(part.map((p) => ({ ...p, network })))
        .onConflictDoNothing();
    }

    await tx
      .insert(indexerCursors)
      .values({ network, ledger: cursor.ledger, cursor: cursor.cursor, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: indexerCursors.network,
        set: replaceAll(indexerCursors, ['network']),
        setWhere: sql`${indexerCursors.ledger} <= excluded.ledger`,
      });
    return { escrows: applied.size, events: newEvents.size };
  });
}

/** The stored cursor of `network`, or null before the first batch. */
export async function readCursor(db: Database, network: string): Promise<IndexerCursor | null> {
  const [row] = await db.select().from(indexerCursors).where(eq(indexerCursors.network, network));
  return row ? { ledger: row.ledger, cursor: row.cursor } : null;
}
