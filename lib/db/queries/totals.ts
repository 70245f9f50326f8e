/**
 * Totals per token over the escrows a filter means (every row, not a page), summed in SQL from
 * the exact amounts: what is locked in them, what was released, the fees paid, what an open
 * dispute holds.
 */
import { asc, count, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { escrows } from '../schema';
import { filterCondition, type EscrowFilter } from './filters';

export interface TokenTotals {
  token: string;
  escrows: number;
  locked: bigint;
  released: bigint;
  feesPaid: bigint;
  inDispute: bigint;
}

const sum = (expr: ReturnType<typeof sql>) => sql`coalesce(sum(${expr}), 0)`.mapWith(escrows.amount);

export async function totalsByToken(db: Database, filter: EscrowFilter): Promise<TokenTotals[]> {
  return db
    .select({
      token: escrows.token,
      escrows: count(),
      locked: sum(sql`${escrows.balance}`),
      released: sum(sql`${escrows.released}`),
      feesPaid: sum(sql`${escrows.platformFeesPaid} + ${escrows.protocolFeesPaid}`),
      inDispute: sum(sql`${escrows.inDispute}`),
    })
    .from(escrows)
    .where(filterCondition(filter))
    .groupBy(escrows.token)
    .orderBy(asc(escrows.token));
}
