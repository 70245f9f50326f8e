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
    .pipe(z.array(z.enum(values)).max(values.length));

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
