/**
 * The dashboard's filters, parsed once with zod (the page's form, the server action and the
 * REST API take the same schema) and turned into one SQL condition shared by the list, the
 * totals and the CSV export, so the three always agree on which escrows are meant.
 */
import { z } from 'zod';
import { and, arrayOverlaps, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { address, contractId } from '@/lib/schemas/fields';
import { memberships } from '../schema';
import { KINDS, ROLES, STATUSES } from '../vocabulary';

export const escrowFilterSchema = z
  .object({
    network: z.string().regex(/^[a-z0-9-]{1,32}$/, 'Unknown network'),
    /** Whose escrows: every escrow where this address holds any role or has funded. */
    address,
    /** Only escrows where the address holds one of these roles. */
    roles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
    statuses: z.array(z.enum(STATUSES)).max(STATUSES.length).optional(),
    kinds: z.array(z.enum(KINDS)).max(KINDS.length).optional(),
    tokens: z.array(contractId).max(20, 'At most 20 tokens').optional(),
    /** Created at or after this time. */
    createdFrom: z.coerce.date().optional(),
    /** Created before this time. */
    createdTo: z.coerce.date().optional(),
    /** Part of the title, or of the engagement id. */
    search: z.string().trim().max(100, 'Search for at most 100 characters').optional(),
  })
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom < f.createdTo, {
    message: 'The start of the period must come before its end',
    path: ['createdTo'],
  });

export type EscrowFilter = z.infer<typeof escrowFilterSchema>;

/** `%text%` for LIKE, with LIKE's own wildcards in the text taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The memberships the filter means (one per escrow, since the address is fixed), as a condition
 * on `memberships`: every filter but the text search reads that table alone.
 */
export function filterCondition(f: EscrowFilter): SQL {
  const m = memberships;
  const conditions: (SQL | undefined)[] = [
    eq(m.network, f.network),
    eq(m.address, f.address),
    f.roles?.length ? arrayOverlaps(m.roles, f.roles) : undefined,
    f.statuses?.length ? inArray(m.status, f.statuses) : undefined,
    f.kinds?.length ? inArray(m.kind, f.kinds) : undefined,
    f.tokens?.length ? inArray(m.token, f.tokens) : undefined,
    f.createdFrom ? gte(m.createdAt, f.createdFrom) : undefined,
    f.createdTo ? lt(m.createdAt, f.createdTo) : undefined,
    // Spelled out: drizzle leaves a one-table query's columns unqualified, which inside this
    // subquery would name the escrow's own columns instead of the membership's.
    f.search
      ? sql`exists (select 1 from escrows e where e.network = "memberships"."network" and e.contract_id = "memberships"."contract_id"
          and (e.title ilike ${containsPattern(f.search)} or e.engagement_id ilike ${containsPattern(f.search)}))`
      : undefined,
  ];
  return and(...conditions)!;
}
