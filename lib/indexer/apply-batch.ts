/**
 * The indexer's only write path: one transaction per batch, rows and cursor together, so a crash
 * at any point leaves either the whole batch or none of it. Every write is keyed by event id:
 * events and payouts are inserted once, and an escrow's snapshot (with its milestones, members
 * and funders) replaces the stored one only when it reflects a newer event. A replay changes
 * nothing, and the cursor never moves back.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Database } from '@/lib/db/client';
import {
  escrows,
  events,
  funders,
  indexerCursors,
  memberships,
  milestones,
  payouts,
  webhookSubscriptions,
} from '@/lib/db/schema';
import { checkBatch } from './check-batch';
import { ROLES, type Role } from '@/lib/db/vocabulary';
import { insertRows, replaceAllSet } from './json-rows';
import type { EscrowSnapshot, IndexerCursor, ProjectedBatch } from './rows';
import { enqueueDeliveries } from '@/lib/api/webhooks/enqueue';

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
  const at = (rows: object[]) => rows.map((r) => ({ ...r, network }));
  return db.transaction(async (tx) => {
    // Two writers of one network (say, a second app instance before it lost the follower lock)
    // take turns instead of interleaving their batches.
    await tx.execute(sql`select pg_advisory_xact_lock(${writerLockKey(network)})`);

    // Four statements in all, whatever the batch's size (each a round trip, and on PGlite a
    // crossing into its WebAssembly): the lock; the escrows that changed, their old child rows
    // deleted alongside; their new child rows; the events, payouts and cursor.
    const applied = new Set<string>();
    const formerRoles: { address: string; contractId: string }[] = [];
    if (batch.escrows.length > 0) {
      const upsert = sql`${insertRows(escrows, at(batch.escrows.map((s) => s.escrow)))}
        on conflict (network, contract_id) do update set ${replaceAllSet(escrows, ['network', 'contractId'])}
        where escrows.last_event_id < excluded.last_event_id
        returning contract_id`;
      const deleteOld = (table: PgTable) =>
        sql`delete from ${table} where network = ${network} and contract_id in (select contract_id from up)`;
      // Beside the escrows replaced, the roles that webhook owners held in them before (so an
      // update that takes an owner's role away is still sent to that owner).
      const rows = await queryRows<{ contract_id: string; former: string | null }>(
        tx,
        sql`with up as (${upsert}),
          m as (${deleteOld(milestones)}),
          p as (${deleteOld(memberships)} returning contract_id, address),
          f as (${deleteOld(funders)})
        select contract_id, null::text as former from up
        union all
        select contract_id, address from p
          where address in (select owner from ${webhookSubscriptions} where network = ${network})`,
      );
      for (const r of rows)
        if (r.former === null) applied.add(r.contract_id);
        else formerRoles.push({ address: r.former, contractId: r.contract_id });
    }

    const fresh = batch.escrows.filter((s) => applied.has(s.escrow.contractId));
    if (fresh.length > 0) {
      const own = (s: EscrowSnapshot) => ({ network, contractId: s.escrow.contractId });
      const milestoneRows = fresh.flatMap((s) => s.milestones.map((m) => ({ ...m, ...own(s) })));
      const funderRows = fresh.flatMap((s) => s.funders.map((f) => ({ ...f, ...own(s) })));
      const memberRows = fresh.flatMap((s) => membershipRows(network, s));
      await tx.execute(
        sql`with m as (${insertRows(milestones, milestoneRows)}), p as (${insertRows(memberships, memberRows)})
          ${insertRows(funders, funderRows)}`,
      );
    }

    const cursorRow = { network, ledger: cursor.ledger, cursor: cursor.cursor, updatedAt: new Date() };
    // A payout's event is inserted by the same statement: foreign keys are checked at its end.
    const written = await queryRows<{ event_id: string }>(
      tx,
      sql`with e as (${insertRows(events, at(batch.events))} on conflict do nothing returning event_id),
        p as (${insertRows(payouts, at(batch.payouts))} on conflict do nothing),
        c as (${insertRows(indexerCursors, [cursorRow])}
          on conflict (network) do update set ${replaceAllSet(indexerCursors, ['network'])}
          where indexer_cursors.ledger <= excluded.ledger)
      select event_id from e`,
    );
    // Webhooks: one delivery per (subscription, newly stored event), in this transaction.
    const stored = new Set(written.map((r) => r.event_id));
    await enqueueDeliveries(
      tx,
      network,
      batch.events.filter((e) => stored.has(e.eventId)),
      { replaced: applied, formerRoles },
    );
    return { escrows: applied.size, events: stored.size };
  });
}

/** The stored cursor of `network`, or null before the first batch. */
export async function readCursor(db: Database, network: string): Promise<IndexerCursor | null> {
  const [row] = await db.select().from(indexerCursors).where(eq(indexerCursors.network, network));
  return row ? { ledger: row.ledger, cursor: row.cursor } : null;
}
