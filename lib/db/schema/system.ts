/**
 * The app's own state beside the projection: how far the indexer has read, and the pending
 * multi-signer steps.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { at, CONTRACT_PATTERN, matches, NETWORK_PATTERN } from '../columns';

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

/** Pending multi-signer steps (lib/pending's store moves here): unsigned and signed entries, never a key. */
export const pendingSteps = pgTable(
  'pending_steps',
  {
    id: text('id').primaryKey(),
    network: text('network').notNull(),
    escrowId: text('escrow_id').notNull(),
    networkPassphrase: text('network_passphrase').notNull(),
    /** The host function (the contract call), base64 XDR. */
    func: text('func').notNull(),
    /** `{ address, entry, signed }[]`: each signer's authorisation entry, base64 XDR. */
    entries: jsonb('entries').notNull(),
    validUntilLedger: integer('valid_until_ledger').notNull(),
    summary: jsonb('summary').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check('pending_steps_id', matches(t.id, '^[0-9a-f]{24}$')),
    check('pending_steps_escrow_id', matches(t.escrowId, CONTRACT_PATTERN)),
    index('pending_steps_by_expiry').on(t.validUntilLedger),
    index('pending_steps_by_escrow').on(t.network, t.escrowId),
  ],
);
