/**
 * The platform API's own state: API keys (hashed), wallet sign-in sessions, per-key rate-limit
 * counters (shared by every app instance on one database) and stored responses of idempotent
 * requests.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ADDRESS_PATTERN, at, HASH_PATTERN, matches } from '../columns';

/** An API key: only its SHA-256 is stored; `prefix` is what the owner recognises it by. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    owner: text('owner').notNull(),
    name: text('name').notNull(),
    /** The key's first characters (`oek_` and 8 more), shown in lists. */
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    createdAt: at('created_at').notNull(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    check('api_keys_owner', matches(t.owner, ADDRESS_PATTERN)),
    check('api_keys_hash', matches(t.hash, HASH_PATTERN)),
    check('api_keys_name', sql`length(${t.name}) between 1 and 64`),
    index('api_keys_by_owner').on(t.owner),
  ],
);

/** A wallet sign-in (SEP-10): the cookie carries a token whose SHA-256 is `hash`. */
export const apiSessions = pgTable(
  'api_sessions',
  {
    hash: text('hash').primaryKey(),
    address: text('address').notNull(),
    /** The challenge's hash, so one signed challenge opens one session only. */
    challengeHash: text('challenge_hash').notNull().unique(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    check('api_sessions_hash', matches(t.hash, HASH_PATTERN)),
    check('api_sessions_address', matches(t.address, ADDRESS_PATTERN)),
    index('api_sessions_by_expiry').on(t.expiresAt),
  ],
);

/** rate-limiter-flexible's Drizzle store: points used per key until `expire`. */
export const apiRateLimits = pgTable('api_rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: at('expire'),
});

/** A POST's response, replayed for the same key, Idempotency-Key and body for 24 hours. */
export const idempotencyRecords = pgTable(
  'idempotency_records',
  {
    keyId: text('key_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** SHA-256 of method, path and body: the same Idempotency-Key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still running. */
    status: integer('status'),
    body: jsonb('body'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.idempotencyKey] }),
    check('idempotency_key_shape', sql`length(${t.idempotencyKey}) between 1 and 255`),
    index('idempotency_by_created').on(t.createdAt),
  ],
);
