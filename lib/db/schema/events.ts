/**
 * What happened, as the chain said it: every event of an adopted escrow (the timeline) and every
 * payout an event made, fees split out (a platform's fee income is summed from these).
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ADDRESS_PATTERN, amount, at, CONTRACT_PATTERN, EVENT_ID_PATTERN, HASH_PATTERN, matches } from '../columns';
import { escrowRef } from './escrows';

/** The timeline: one row per contract event, keyed by the RPC's event id. */
export const events = pgTable(
  'events',
  {
    network: text('network').notNull(),
    eventId: text('event_id').notNull(),
    contractId: text('contract_id').notNull(),
    txHash: text('tx_hash').notNull(),
    ledger: integer('ledger').notNull(),
    closedAt: at('closed_at').notNull(),
    action: text('action').notNull(),
    /** The decoded event (amounts as decimal strings). */
    data: jsonb('data').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.eventId] }),
    escrowRef(t, 'events_escrow'),
    check('events_event_id', matches(t.eventId, EVENT_ID_PATTERN)),
    check('events_tx_hash', matches(t.txHash, HASH_PATTERN)),
    check('events_action', matches(t.action, '^[a-z_]{1,32}$')),
    index('events_by_escrow').on(t.network, t.contractId, t.eventId),
  ],
);

/** Each payout an event made (release, resolution, withdrawal, refund), fees split out. */
export const payouts = pgTable(
  'payouts',
  {
    network: text('network').notNull(),
    eventId: text('event_id').notNull(),
    position: integer('position').notNull(),
    contractId: text('contract_id').notNull(),
    to: text('to_address').notNull(),
    gross: amount('gross').notNull(),
    refund: amount('refund').notNull(),
    protocolFee: amount('protocol_fee').notNull(),
    platformFee: amount('platform_fee').notNull(),
    net: amount('net').notNull(),
    closedAt: at('closed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.eventId, t.position] }),
    foreignKey({
      name: 'payouts_event',
      columns: [t.network, t.eventId],
      foreignColumns: [events.network, events.eventId],
    }).onDelete('cascade'),
    check('payouts_to', matches(t.to, ADDRESS_PATTERN)),
    check('payouts_contract_id', matches(t.contractId, CONTRACT_PATTERN)),
    check(
      'payouts_amounts',
      sql`${t.gross} >= 0 and ${t.refund} >= 0 and ${t.protocolFee} >= 0 and ${t.platformFee} >= 0 and ${t.net} >= 0`,
    ),
    index('payouts_by_escrow').on(t.network, t.contractId, t.closedAt),
  ],
);
