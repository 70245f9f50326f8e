/**
 * Totals per token over the escrows a filter means (every row, not a page), summed in SQL from
 * the exact amounts: what is locked in them, what was released, the fees paid, what an open
 * dispute holds.
 */
import { asc, count, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client';
import { memberships } from '../schema';
import { filterCondition, type EscrowFilter } from './filters';

export interface TokenTotals {
  token: string;
  escrows: number;
  locked: bigint;
  released: bigint;
  feesPaid: bigint;
  inDispute: bigint;
}

const sum = (column: AnyPgColumn) => sql`coalesce(sum(${column}), 0)`.mapWith(memberships.amount);

export async function totalsByToken(db: Database, filter: EscrowFilter): Promise<TokenTotals[]> {
  return (
    db
      .select({
        token: memberships.token,
        escrows: count(),
        locked: sum(memberships.balance),
        released: sum(memberships.released),
        feesPaid: sum(memberships.feesPaid),
        inDispute: sum(memberships.inDispute),
      })
      // One membership per escrow of the address: its copies of the escrow's totals are summed.
      .from(memberships)
      .where(filterCondition(filter))
      .groupBy(memberships.token)
      .orderBy(asc(memberships.token))
  );
}
