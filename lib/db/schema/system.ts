/**
 * The app's own state beside the projection: how far the indexer has read (pending multi-signer
 * steps are in pending.ts).
 */
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at, matches, NETWORK_PATTERN } from '../columns';

/** How far the indexer has read each network. */
export const indexerCursors = pgTable(
  'indexer_cursors',
  {
    network: text('network').primaryKey(),
    ledger: integer('ledger').notNull(),
    /** The RPC's paging cursor to resume `getEvents` from. */
    cursor: text('cursor').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    check('indexer_cursors_network', matches(t.network, NETWORK_PATTERN)),
    check('indexer_cursors_ledger', sql`${t.ledger} >= 0`),
  ],
);
