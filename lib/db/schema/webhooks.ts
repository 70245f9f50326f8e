/**
 * Webhooks: an API key's subscriptions (where to send which escrow events) and one delivery row
 * per (subscription, event), written by the indexer in the batch's own transaction so that an
 * event is enqueued exactly once however often its batch is replayed; and the log of each
 * delivery's last few attempts.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { ADDRESS_PATTERN, at, EVENT_ID_PATTERN, matches, NETWORK_PATTERN, oneOf } from '../columns';
import { apiKeys } from './api';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/** Where one API key wants escrow events sent, signed with `secret` (Standard Webhooks). */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: text('id').primaryKey(),
    keyId: text('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    /** The key's owner: "all escrows of the owner" means those where this address holds a role. */
    owner: text('owner').notNull(),
    network: text('network').notNull(),
    url: text('url').notNull(),
    eventTypes: text('event_types').array().notNull(),
    /** Only these escrows; null for every escrow of the owner. */
    escrowIds: text('escrow_ids').array(),
    /** `whsec_…`, kept to sign with; shown to the owner once. */
    secret: text('secret').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    check('webhook_subscriptions_owner', matches(t.owner, ADDRESS_PATTERN)),
    check('webhook_subscriptions_network', matches(t.network, NETWORK_PATTERN)),
    check('webhook_subscriptions_url', sql`length(${t.url}) between 8 and 2000`),
    check('webhook_subscriptions_types', sql`cardinality(${t.eventTypes}) between 1 and 10`),
    check(
      'webhook_subscriptions_escrows',
      sql`${t.escrowIds} is null or cardinality(${t.escrowIds}) between 1 and 100`,
    ),
    check('webhook_subscriptions_secret', matches(t.secret, '^whsec_[A-Za-z0-9+/=]{32,64}$')),
    index('webhook_subscriptions_by_network').on(t.network),
    index('webhook_subscriptions_by_key').on(t.keyId),
  ],
);

/** One event to send to one subscription, with the outcome of its last attempt. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    network: text('network').notNull(),
    /** The RPC's event id, sent as `webhook-id` so that a receiver can drop a repeat. */
    eventId: text('event_id').notNull(),
    contractId: text('contract_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The JSON body, fixed at enqueue time so every attempt sends the same bytes. */
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: at('next_attempt_at'),
    /** A worker's claim on an attempt in flight: no other worker takes it before then. */
    lockedUntil: at('locked_until'),
    lastAttemptAt: at('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastLatencyMs: integer('last_latency_ms'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    unique('webhook_deliveries_once').on(t.subscriptionId, t.eventId),
    check('webhook_deliveries_event_id', matches(t.eventId, EVENT_ID_PATTERN)),
    check('webhook_deliveries_status', sql`${t.status} in ${oneOf(DELIVERY_STATUSES)}`),
    check('webhook_deliveries_attempts', sql`${t.attempts} >= 0`),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_by_subscription').on(t.subscriptionId, t.createdAt),
  ],
);

/** How many attempts of one delivery the log keeps (the newest); `attempts` still counts them all. */
export const ATTEMPTS_KEPT = 10;

/** One attempt of a delivery: when, the receiver's answer or why there was none, and how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    /** 1 for the first attempt, and so on: the delivery's `attempts` after this one. */
    number: integer('number').notNull(),
    attemptedAt: at('attempted_at').notNull(),
    /** The HTTP status; null when no answer came (refused target, timeout, connection error). */
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    /** Why it failed; null for a 2xx. */
    error: text('error'),
  },
  (t) => [
    primaryKey({ name: 'webhook_attempts_pk', columns: [t.deliveryId, t.number] }),
    check('webhook_attempts_number', sql`${t.number} >= 1`),
    check('webhook_attempts_status_code', sql`${t.statusCode} is null or ${t.statusCode} between 100 and 599`),
    check('webhook_attempts_latency', sql`${t.latencyMs} >= 0`),
    check('webhook_attempts_error', sql`${t.error} is null or length(${t.error}) between 1 and 500`),
    check('webhook_attempts_outcome', sql`${t.statusCode} is not null or ${t.error} is not null`),
  ],
);
