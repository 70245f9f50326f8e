/**
 * An escrow's full history from the read model, oldest first, one keyset page at a time (the
 * page's cursor is the last event id: ids sort as the events happened).
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database } from '../client';
import { events } from '../schema';
import { CursorError } from './page-cursor';

export interface TimelineEvent {
  eventId: string;
  txHash: string;
  ledger: number;
  closedAt: Date;
  action: string;
  data: unknown;
}

export interface TimelinePage {
  events: TimelineEvent[];
  nextCursor: string | null;
}

const EVENT_ID = /^[0-9]{19}-[0-9]{10}$/;

export async function escrowTimeline(
  db: Database,
  network: string,
  contractId: string,
  page: { limit?: number; cursor?: string | null } = {},
): Promise<TimelinePage> {
  const limit = page.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new RangeError('limit must be 1–1000');
  if (page.cursor && !EVENT_ID.test(page.cursor))
    throw new CursorError('This page link is broken: start again from the first page');
  const rows = await db
    .select({
      eventId: events.eventId,
      txHash: events.txHash,
      ledger: events.ledger,
      closedAt: events.closedAt,
      action: events.action,
      data: events.data,
    })
    .from(events)
    .where(
      and(
        eq(events.network, network),
        eq(events.contractId, contractId),
        page.cursor ? gt(events.eventId, page.cursor) : undefined,
      ),
    )
    .orderBy(asc(events.eventId))
    .limit(limit + 1);
  const more = rows.length > limit;
  const list = more ? rows.slice(0, limit) : rows;
  return { events: list, nextCursor: more ? list[list.length - 1]!.eventId : null };
}
