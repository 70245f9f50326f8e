/**
 * A platform's fee income per token and per calendar month (UTC), from the payouts its escrows
 * made: what the dashboard charts for a platform address.
 */
import { and, asc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { escrows, payouts } from '../schema';

export interface MonthlyFeeIncome {
  token: string;
  /** `YYYY-MM`, UTC. */
  month: string;
  platformFees: bigint;
  payouts: number;
}

export interface FeeIncomeQuery {
  network: string;
  platform: string;
  /** Payouts at or after this time. */
  from?: Date;
  /** Payouts before this time. */
  to?: Date;
}

export async function platformFeeIncome(db: Database, q: FeeIncomeQuery): Promise<MonthlyFeeIncome[]> {
  const month = sql<string>`to_char(date_trunc('month', ${payouts.closedAt} at time zone 'UTC'), 'YYYY-MM')`;
  return db
    .select({
      token: escrows.token,
      month,
      platformFees: sql`sum(${payouts.platformFee})`.mapWith(escrows.amount),
      payouts: sql<number>`count(*)::integer`,
    })
    .from(payouts)
    .innerJoin(escrows, and(eq(escrows.network, payouts.network), eq(escrows.contractId, payouts.contractId)))
    .where(
      and(
        eq(escrows.network, q.network),
        eq(escrows.platform, q.platform),
        gt(payouts.platformFee, 0n),
        q.from ? gte(payouts.closedAt, q.from) : undefined,
        q.to ? lt(payouts.closedAt, q.to) : undefined,
      ),
    )
    .groupBy(escrows.token, month)
    .orderBy(asc(month), asc(escrows.token));
}
