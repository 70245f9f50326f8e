/**
 * Pending multi-signer steps (lib/pending/store.ts): a release whose signers sign from their own
 * wallets, kept until its entries expire. Unsigned and verified signed authorisation entries
 * only, never a key. Shared by every app instance on one database.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { at, CONTRACT_PATTERN, matches, NETWORK_PATTERN } from '../columns';

/** The store's bounds, repeated here as checks so that no writer can exceed them. */
const MAX_FUNC_LENGTH = 8_192;
const MAX_ENTRIES = 5;

export const pendingSteps = pgTable(
  'pending_steps',
  {
    id: text('id').primaryKey(),
    network: text('network').notNull(),
    escrowId: text('escrow_id').notNull(),
    /** The release signer who started it (only claimed until `confirmed`). */
    starter: text('starter').notNull(),
    /** Who asked for it (a client address or an API key): charged for provisional steps, never shown. */
    client: text('client').notNull(),
    /** The starter's own signature is in: the step counts against the escrow's and the starter's limits. */
    confirmed: boolean('confirmed').notNull().default(false),
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
    check('pending_steps_network', matches(t.network, NETWORK_PATTERN)),
    check('pending_steps_escrow_id', matches(t.escrowId, CONTRACT_PATTERN)),
    check('pending_steps_starter', matches(t.starter, '^G[A-Z2-7]{55}$')),
    check('pending_steps_client', sql`length(${t.client}) between 1 and 200`),
    check('pending_steps_func', sql`length(${t.func}) between 1 and ${sql.raw(String(MAX_FUNC_LENGTH))}`),
    check(
      'pending_steps_entries',
      sql`case when jsonb_typeof(${t.entries}) = 'array' then jsonb_array_length(${t.entries}) between 1 and ${sql.raw(String(MAX_ENTRIES))} else false end`,
    ),
    index('pending_steps_by_expiry').on(t.validUntilLedger),
    index('pending_steps_by_escrow').on(t.network, t.escrowId),
    index('pending_steps_by_starter').on(t.network, t.starter),
    index('pending_steps_by_client').on(t.network, t.client),
  ],
);
