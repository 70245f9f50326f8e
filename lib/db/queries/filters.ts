/**
 * The dashboard's filters, parsed once with zod (the page's form, the server action and the
 * REST API take the same schema) and turned into one SQL condition shared by the list, the
 * totals and the CSV export, so the three always agree on which escrows are meant.
 */
import { z } from 'zod';
import { and, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { address, contractId } from '@/lib/schemas/fields';
import { escrows, memberships } from '../schema';
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

/** The escrows the filter means, as a condition on `escrows`. */
export function filterCondition(f: EscrowFilter): SQL {
  const member = and(
    eq(memberships.network, f.network),
    eq(memberships.address, f.address),
    f.roles?.length ? inArray(memberships.role, f.roles) : undefined,
  );
  const conditions: (SQL | undefined)[] = [
    eq(escrows.network, f.network),
    inArray(escrows.contractId, sql`(select ${memberships.contractId} from ${memberships} where ${member})`),
    f.statuses?.length ? inArray(escrows.status, f.statuses) : undefined,
    f.kinds?.length ? inArray(escrows.kind, f.kinds) : undefined,
    f.tokens?.length ? inArray(escrows.token, f.tokens) : undefined,
    f.createdFrom ? gte(escrows.createdAt, f.createdFrom) : undefined,
    f.createdTo ? lt(escrows.createdAt, f.createdTo) : undefined,
    f.search ? or(ilike(escrows.title, containsPattern(f.search)), ilike(escrows.engagementId, containsPattern(f.search))) : undefined,
  ];
  return and(...conditions)!;
}

/** The roles `address` holds in the escrow of the current row, sorted. */
export function rolesOf(f: Pick<EscrowFilter, 'address'>): SQL<string[]> {
  // Spelled out: drizzle leaves single-table columns unqualified, which inside this subquery
  // would name the membership's own columns instead of the outer escrow's.
  return sql<string[]>`array(select m.role from memberships m
    where m.network = "escrows"."network" and m.contract_id = "escrows"."contract_id" and m.address = ${f.address} order by 1)`;
}
