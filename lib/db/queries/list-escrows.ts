/**
 * The dashboard's list: one address's escrows (every role, funders included), filtered, sorted
 * by creation or amount, one keyset page at a time.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { escrows, memberships } from '../schema';
import type { EscrowKind, EscrowStatus, Role } from '../vocabulary';
import { filterCondition, type EscrowFilter } from './filters';
import { CursorError, decodeCursor, encodeCursor, type Order, type Sort } from './page-cursor';

export interface PageOptions {
  sort?: Sort;
  order?: Order;
  /** Rows per page, 1–500 (default 20). */
  limit?: number;
  /** The `nextCursor` of the previous page: this page starts after that row. */
  cursor?: string | null;
  /** The `prevCursor` of the next page: this page ends before that row (going back). */
  before?: string | null;
}

export interface EscrowListItem {
  contractId: string;
  kind: EscrowKind;
  title: string;
  engagementId: string;
  token: string;
  status: EscrowStatus;
  amount: bigint;
  funded: bigint;
  balance: bigint;
  released: bigint;
  feesPaid: bigint;
  inDispute: bigint;
  createdLedger: number;
  createdAt: Date;
  /** The roles the filter's address holds in this escrow. */
  roles: Role[];
}

export interface EscrowPage {
  rows: EscrowListItem[];
  /** Pass it back (as `cursor`) for the next page; null on the last one. */
  nextCursor: string | null;
  /** Pass it back (as `before`) for the previous page; null on the first one. */
  prevCursor: string | null;
}

const MAX_LIMIT = 500;

/**
 * One page of `filter.address`'s escrows, after `cursor` or before `before` (not both). Throws a
 * CursorError for a cursor of another query.
 */
export async function listEscrows(db: Database, filter: EscrowFilter, page: PageOptions = {}): Promise<EscrowPage> {
  const sort = page.sort ?? 'created';
  const order = page.order ?? 'desc';
  const limit = page.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new RangeError(`limit must be 1–${MAX_LIMIT}`);
  if (page.cursor && page.before) throw new CursorError('A page starts after one row or ends before one, not both');
  const key = sort === 'created' ? memberships.createdLedger : memberships.amount;
  // Going back reads the rows before `before` in the opposite order (nearest first), then turns them round.
  const back = Boolean(page.before);
  const descending = (order === 'desc') !== back;
  const direction = descending ? desc : asc;

  const conditions: SQL[] = [filterCondition(filter)];
  const from = page.cursor || page.before;
  if (from) {
    const after = decodeCursor(from, sort, order);
    const value = sort === 'created' ? sql`${Number(after.value)}::integer` : sql`${after.value}::numeric`;
    // Row comparison: strictly beyond the named row in (key, contract id) order, in the reading direction.
    conditions.push(
      descending
        ? sql`(${key}, ${memberships.contractId}) < (${value}, ${after.contractId})`
        : sql`(${key}, ${memberships.contractId}) > (${value}, ${after.contractId})`,
    );
  }

  const rows = await db
    .select({
      contractId: escrows.contractId,
      kind: escrows.kind,
      title: escrows.title,
      engagementId: escrows.engagementId,
      token: escrows.token,
      status: escrows.status,
      amount: escrows.amount,
      funded: escrows.funded,
      balance: escrows.balance,
      released: escrows.released,
      feesPaid: sql`${escrows.platformFeesPaid} + ${escrows.protocolFeesPaid}`.mapWith(escrows.amount),
      inDispute: escrows.inDispute,
      createdLedger: escrows.createdLedger,
      createdAt: escrows.createdAt,
      roles: memberships.roles,
    })
    // The page is found in the address's memberships, in index order; only its rows are joined.
    .from(memberships)
    .innerJoin(escrows, and(eq(escrows.network, memberships.network), eq(escrows.contractId, memberships.contractId)))
    .where(sql.join(conditions, sql` and `))
    .orderBy(direction(key), direction(memberships.contractId))
    .limit(limit + 1);

  const more = rows.length > limit;
  const read = (more ? rows.slice(0, limit) : rows) as EscrowListItem[];
  const items = back ? read.reverse() : read;
  const keyOf = (r: EscrowListItem | undefined) =>
    r
      ? encodeCursor({
          sort,
          order,
          value: String(sort === 'created' ? r.createdLedger : r.amount),
          contractId: r.contractId,
        })
      : null;
  // Forward, a next page when more rows came and a previous one when it started after a row;
  // backward, a next page always (the `before` row) and a previous one when more rows came.
  return {
    rows: items,
    nextCursor: back || more ? keyOf(items[items.length - 1]) : null,
    prevCursor: (back ? more : Boolean(page.cursor)) ? keyOf(items[0]) : null,
  };
}
