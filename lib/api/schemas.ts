/**
 * The API's request and response shapes, as zod schemas: the handlers parse with them and the
 * OpenAPI document is generated from them, so the two cannot disagree.
 */
import { z } from 'zod';
import { KINDS, ROLES, STATUSES } from '../db/vocabulary';
import { address, contractId } from '../schemas/fields';

/** `a,b,c` in a query string → a list of one vocabulary. */
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(values.length))
    .meta({
      description: `Comma-separated, any of: ${values.join(', ')}`,
      pattern: `^(${values.join('|')})(,(${values.join('|')}))*$`,
    });

export const listEscrowsQuery = z.object({
  address,
  role: csv(ROLES).optional(),
  status: csv(STATUSES).optional(),
  kind: csv(KINDS).optional(),
  token: z
    .string()
    .max(20 * 57)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(contractId).max(20, 'At most 20 tokens'))
    .meta({
      description: 'Token contract ids (C…), comma-separated, at most 20',
      pattern: '^C[A-Z2-7]{55}(,C[A-Z2-7]{55}){0,19}$',
    })
    .optional(),
  created_after: z.iso.datetime({ offset: true, message: 'An ISO 8601 date-time' }).optional(),
  created_before: z.iso.datetime({ offset: true, message: 'An ISO 8601 date-time' }).optional(),
  q: z.string().trim().max(100, 'Search for at most 100 characters').optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int('A whole number').min(1).max(100).default(20),
});

const units = z
  .string()
  .regex(/^-?\d+$/)
  .describe('An amount in the token’s base units (decimal string)');

export const escrowListItem = z.object({
  id: contractId,
  kind: z.enum(KINDS),
  title: z.string(),
  engagement_id: z.string(),
  token: contractId,
  status: z.enum(STATUSES),
  amount: units,
  funded: units,
  balance: units,
  released: units,
  fees_paid: units,
  in_dispute: units,
  created_ledger: z.number().int(),
  created_at: z.string(),
  roles: z.array(z.enum(ROLES)),
});

export const escrowListPage = z.object({ data: z.array(escrowListItem), next_cursor: z.string().nullable() });

export const tokenItem = z.object({
  id: contractId,
  code: z.string(),
  issuer: z.string().nullable(),
  decimals: z.number().int(),
});
export const tokenList = z.object({ data: z.array(tokenItem) });

export const submitBody = z.object({
  signed_xdr: z.string().min(1, 'The signed transaction, base64 XDR').max(100_000),
  ticket: z.string().regex(/^[0-9a-f]{64}$/, 'The ticket the prepare endpoint returned'),
});

export const submitResult = z.object({
  hash: z.string(),
  ledger: z.number().int(),
  return_value: z.string().nullable().describe('The call’s return value, base64 ScVal XDR'),
  escrow_id: contractId.nullable().describe('The new escrow’s id, for a create'),
});

export const problemDocument = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('Stable error code from the app’s error table'),
  detail: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});

export const idParam = z.object({ id: contractId });

/** At most this many escrows per GET /balances. */
export const MAX_BALANCE_IDS = 20;

export const balancesQuery = z.object({
  ids: z
    .string()
    .min(1, 'Name at least one escrow')
    .max(MAX_BALANCE_IDS * 57)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(contractId).min(1, 'Name at least one escrow').max(MAX_BALANCE_IDS, `At most ${MAX_BALANCE_IDS} escrows`),
    )
    .meta({
      description: `Escrow ids (C…), comma-separated, at most ${MAX_BALANCE_IDS}`,
      pattern: `^C[A-Z2-7]{55}(,C[A-Z2-7]{55}){0,${MAX_BALANCE_IDS - 1}}$`,
    }),
});

export const balanceItem = z.union([
  z.object({
    id: contractId,
    token: contractId,
    balance: units.describe('What the escrow’s contract holds now, base units'),
    decimals: z.number().int(),
  }),
  z.object({
    id: z.string(),
    error: z
      .object({ code: z.string(), message: z.string() })
      .describe('Why this id has no balance (look-alike, unknown)'),
  }),
]);
export const balanceList = z.object({ data: z.array(balanceItem) });

const addressOut = z.string().describe('A Stellar address (G… or C…)');

/** The escrow as GET /escrows/{id} answers it: the contract's state, amounts as decimal strings of base units. */
export const escrowState = z.object({
  config: z.object({
    kind: z.enum(['Single', 'Multi']).describe('The contract’s own spelling (the read model’s is lower-case)'),
    engagementId: z.string(),
    title: z.string(),
    description: z.string(),
    token: contractId,
    roles: z.object({
      approvers: z.array(addressOut),
      approvalsRequired: z.number().int(),
      serviceProvider: addressOut,
      releaseSigners: z.array(addressOut),
      releasesRequired: z.number().int(),
      disputeResolver: addressOut,
      platform: addressOut,
      receiver: addressOut,
    }),
    platformFeeBps: z.number().int(),
    protocolFee: z.object({ recipient: addressOut, bps: z.number().int() }),
    amount: units,
    milestones: z.array(z.object({ description: z.string(), amount: units, receiver: addressOut.nullable() })),
    deadline: units.nullable().describe('Unix seconds; after it funders may claim refunds'),
  }),
  milestones: z.array(
    z.object({
      status: z.string(),
      evidence: z.string(),
      approvals: z.array(addressOut),
      approved: z.boolean(),
      disputed: z.boolean(),
      disputeReason: z.string(),
      released: z.boolean(),
      resolved: z.boolean(),
    }),
  ),
  disputed: z.boolean(),
  disputeReason: z.string(),
  released: z.boolean(),
  resolved: z.boolean(),
  funded: units,
  paidOut: units,
  refunded: units,
  refunding: z.boolean(),
  balance: units,
  termsVersion: z.number().int(),
});

export const escrowDetail = z.object({
  id: contractId,
  state: escrowState,
  indexed: z
    .object({ status: z.enum(STATUSES), created_ledger: z.number().int(), created_at: z.string() })
    .nullable()
    .describe('What the read model adds; null until the indexer has seen the escrow'),
});

export const eventPage = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      tx_hash: z.string(),
      ledger: z.number().int(),
      closed_at: z.string(),
      action: z.string(),
      data: z.unknown(),
    }),
  ),
  next_cursor: z.string().nullable(),
});

/** What a prepare endpoint answers: the unsigned transaction and what it will do. */
export const preparedTx = z.object({
  xdr: z.string().describe('The unsigned transaction, base64 XDR: sign it with the source’s key'),
  ticket: z.string().describe('Send it back with the signed XDR to POST /transactions'),
  hash: z.string(),
  summary: z.array(z.string()).describe('What the transaction will do, in sentences'),
  fee: z.string().describe('The most the source pays, in XLM'),
  fee_stroops: z.string(),
  other_signers: z.array(z.string()).describe('Who else must sign an authorisation entry (a pending step)'),
  auth_valid_until_ledger: z.number().int(),
  network_passphrase: z.string(),
});
export const preparedCreate = preparedTx.extend({ escrow_id: contractId.describe('The new escrow’s id') });
