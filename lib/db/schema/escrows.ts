/**
 * The escrows' own tables: one row per adopted escrow and what hangs off it (milestones,
 * memberships, funders). Every row carries its network, so one database can follow several.
 * Amounts are exact (`numeric(39,0)` ↔ bigint); addresses and hashes are checked by shape here
 * and by checksum in TypeScript before they are written.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  ADDRESS_PATTERN,
  amount,
  at,
  CONTRACT_PATTERN,
  EVENT_ID_PATTERN,
  HASH_PATTERN,
  matches,
  NETWORK_PATTERN,
  oneOf,
} from '../columns';
import { KINDS, ROLES, STATUSES } from '../vocabulary';

/** One row per adopted escrow: its config, flags, totals and derived status. */
export const escrows = pgTable(
  'escrows',
  {
    network: text('network').notNull(),
    contractId: text('contract_id').notNull(),
    kind: text('kind', { enum: KINDS }).notNull(),
    engagementId: text('engagement_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    token: text('token').notNull(),
    platform: text('platform').notNull(),
    approvalsRequired: integer('approvals_required').notNull(),
    releasesRequired: integer('releases_required').notNull(),
    platformFeeBps: integer('platform_fee_bps').notNull(),
    protocolFeeBps: integer('protocol_fee_bps').notNull(),
    protocolFeeRecipient: text('protocol_fee_recipient').notNull(),
    deadline: at('deadline'),
    /** The whole config as the contract holds it (amounts as decimal strings). */
    config: jsonb('config').notNull(),
    /** What the escrow pays out in all: Single `amount`, Multi the sum of its milestones. */
    amount: amount('amount').notNull(),
    funded: amount('funded').notNull(),
    paidOut: amount('paid_out').notNull(),
    refunded: amount('refunded').notNull(),
    balance: amount('balance').notNull(),
    /** Gross paid by releases (not by resolutions or refunds). */
    released: amount('released_amount').notNull(),
    platformFeesPaid: amount('platform_fees_paid').notNull(),
    protocolFeesPaid: amount('protocol_fees_paid').notNull(),
    /** What an open dispute holds: Single its balance, Multi the disputed milestones' amounts. */
    inDispute: amount('in_dispute').notNull(),
    /** A dispute is open: Single the escrow's, Multi any milestone's (resolved ones are closed). */
    disputed: boolean('disputed').notNull(),
    disputeReason: text('dispute_reason').notNull(),
    isReleased: boolean('is_released').notNull(),
    isResolved: boolean('is_resolved').notNull(),
    refunding: boolean('refunding').notNull(),
    /** The version of the terms: 1 at deployment, +1 per `update` (`fund` must name it). */
    termsVersion: integer('terms_version').notNull().default(1),
    status: text('status', { enum: STATUSES }).notNull(),
    wasmHash: text('wasm_hash').notNull(),
    createdLedger: integer('created_ledger').notNull(),
    createdAt: at('created_at').notNull(),
    /** The newest event this row reflects: an older snapshot never overwrites a newer one. */
    lastEventId: text('last_event_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.contractId] }),
    check('escrows_network', matches(t.network, NETWORK_PATTERN)),
    check('escrows_contract_id', matches(t.contractId, CONTRACT_PATTERN)),
    check('escrows_token', matches(t.token, CONTRACT_PATTERN)),
    check('escrows_platform', matches(t.platform, ADDRESS_PATTERN)),
    check('escrows_protocol_fee_recipient', matches(t.protocolFeeRecipient, ADDRESS_PATTERN)),
    check('escrows_kind', sql`${t.kind} in ${oneOf(KINDS)}`),
    check('escrows_status', sql`${t.status} in ${oneOf(STATUSES)}`),
    check('escrows_wasm_hash', matches(t.wasmHash, HASH_PATTERN)),
    check('escrows_last_event_id', matches(t.lastEventId, EVENT_ID_PATTERN)),
    check(
      'escrows_amounts',
      sql`${t.amount} >= 0 and ${t.funded} >= 0 and ${t.paidOut} >= 0 and ${t.refunded} >= 0 and ${t.balance} >= 0
        and ${t.released} >= 0 and ${t.platformFeesPaid} >= 0 and ${t.protocolFeesPaid} >= 0 and ${t.inDispute} >= 0`,
    ),
    check('escrows_terms_version', sql`${t.termsVersion} >= 1`),
    check('escrows_bps', sql`${t.platformFeeBps} between 0 and 10000 and ${t.protocolFeeBps} between 0 and 10000`),
    index('escrows_by_created').on(t.network, t.createdLedger, t.contractId),
    index('escrows_by_engagement').on(t.network, t.engagementId),
    index('escrows_by_platform').on(t.network, t.platform),
  ],
);

/** The foreign key from a child table's (network, contract_id) to its escrow; deleting an escrow deletes its rows. */
export const escrowRef = (t: { network: AnyPgColumn; contractId: AnyPgColumn }, name: string) =>
  foreignKey({
    name,
    columns: [t.network, t.contractId],
    foreignColumns: [escrows.network, escrows.contractId],
  }).onDelete('cascade');

/** An escrow's milestones, by index. */
export const milestones = pgTable(
  'milestones',
  {
    network: text('network').notNull(),
    contractId: text('contract_id').notNull(),
    index: integer('index').notNull(),
    description: text('description').notNull(),
    amount: amount('amount').notNull(),
    receiver: text('receiver'),
    status: text('status').notNull(),
    evidence: text('evidence').notNull(),
    approvals: text('approvals').array().notNull(),
    approved: boolean('approved').notNull(),
    /** A dispute is open: Single the escrow's, Multi any milestone's (resolved ones are closed). */
    disputed: boolean('disputed').notNull(),
    disputeReason: text('dispute_reason').notNull(),
    released: boolean('released').notNull(),
    resolved: boolean('resolved').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.contractId, t.index] }),
    escrowRef(t, 'milestones_escrow'),
    check('milestones_index', sql`${t.index} between 0 and 19`),
    check('milestones_amount', sql`${t.amount} >= 0`),
    check('milestones_receiver', matches(t.receiver, ADDRESS_PATTERN)),
  ],
);

/**
 * Who takes part in which escrow: one row per address × escrow, with every role the address
 * holds there (funders and milestone receivers included). It also carries a copy of the escrow's
 * filter, sort and total columns, written in the same transaction as the escrow, so that an
 * address's dashboard (list, pages, totals) reads one index range of this table alone.
 */
export const memberships = pgTable(
  'memberships',
  {
    network: text('network').notNull(),
    address: text('address').notNull(),
    contractId: text('contract_id').notNull(),
    roles: text('roles', { enum: ROLES }).array().notNull(),
    kind: text('kind', { enum: KINDS }).notNull(),
    token: text('token').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    amount: amount('amount').notNull(),
    createdLedger: integer('created_ledger').notNull(),
    createdAt: at('created_at').notNull(),
    balance: amount('balance').notNull(),
    released: amount('released_amount').notNull(),
    /** Platform and protocol fees together. */
    feesPaid: amount('fees_paid').notNull(),
    inDispute: amount('in_dispute').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.address, t.contractId] }),
    escrowRef(t, 'memberships_escrow'),
    check('memberships_address', matches(t.address, ADDRESS_PATTERN)),
    check(
      'memberships_roles',
      sql`cardinality(${t.roles}) between 1 and ${sql.raw(String(ROLES.length))} and ${t.roles} <@ array${sql.raw(`[${ROLES.map((r) => `'${r}'`).join(', ')}]`)}::text[]`,
    ),
    index('memberships_by_created').on(t.network, t.address, t.createdLedger, t.contractId),
    index('memberships_by_amount').on(t.network, t.address, t.amount, t.contractId),
    index('memberships_by_escrow').on(t.network, t.contractId),
  ],
);

/** Who funded an escrow, how much, and how much of it was paid back. */
export const funders = pgTable(
  'funders',
  {
    network: text('network').notNull(),
    contractId: text('contract_id').notNull(),
    address: text('address').notNull(),
    contributed: amount('contributed').notNull(),
    refunded: amount('refunded').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.network, t.contractId, t.address] }),
    escrowRef(t, 'funders_escrow'),
    check('funders_address', matches(t.address, ADDRESS_PATTERN)),
    check('funders_amounts', sql`${t.contributed} >= 0 and ${t.refunded} >= 0`),
  ],
);
