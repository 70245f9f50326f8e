/**
 * The dashboard's URL: `/escrows?address=G…&status=disputed&q=logo&sort=amount&after=…`. One
 * parser turns the query into a filter and page options (the page and its CSV download read the
 * same URL), and one writer turns them back into links, so a link, a bookmark and the CSV agree.
 * A bad value never reaches SQL: it comes back as a sentence per field.
 */
import { z } from 'zod';
import { address, contractId } from '@/lib/schemas/fields';
import { KINDS, ROLES, STATUSES } from '../vocabulary';
import { escrowFilterSchema, type EscrowFilter } from './filters';
import { SORTS, type Order, type Sort } from './page-cursor';

/** The URL's parameters, each as the page's form writes it. */
export const DASHBOARD_PARAMS = [
  'address',
  'role',
  'status',
  'kind',
  'token',
  'from',
  'to',
  'q',
  'sort',
  'order',
  'after',
  'before',
] as const;
export type DashboardParam = (typeof DASHBOARD_PARAMS)[number];

/** What a search-params object may hold (Next's `searchParams`, or a URLSearchParams). */
export type RawQuery = URLSearchParams | Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (`YYYY-MM-DD`, UTC), as a date input sends it. */
const day = z
  .string()
  .regex(DAY, 'A date like 2026-12-01')
  .refine((s) => {
    if (!DAY.test(s)) return true; // the regex has said so already
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'No such day');

/** Several values of a fixed list, given repeated (`status=a&status=b`) or comma-separated. */
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .array(
      z.enum(values, { error: (i) => `Unknown ${what} “${String(i.input).slice(0, 40)}”: use ${values.join(', ')}` }),
    )
    .max(values.length, `At most ${values.length} ${what}s`);

const querySchema = z.object({
  address,
  role: oneOf(ROLES, 'role'),
  status: oneOf(STATUSES, 'status'),
  kind: oneOf(KINDS, 'kind'),
  token: z.array(contractId).max(20, 'At most 20 tokens'),
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().max(100, 'Search for at most 100 characters').optional(),
  sort: z.enum(SORTS, { error: 'Sort by created or amount' }).default('created'),
  order: z.enum(['asc', 'desc'], { error: 'Order asc or desc' }).default('desc'),
  after: z.string().max(200, 'This page link is broken: start again from the first page').optional(),
  before: z.string().max(200, 'This page link is broken: start again from the first page').optional(),
});

/** The dashboard's query, normalised: what the links are written from. */
export type DashboardQuery = z.infer<typeof querySchema>;

export type ParsedDashboardQuery =
  | {
      ok: true;
      query: DashboardQuery;
      filter: EscrowFilter;
      page: { sort: Sort; order: Order; cursor: string | null; before: string | null };
    }
  | { ok: false; fieldErrors: Partial<Record<DashboardParam | '_form', string[]>> };

const LISTS = new Set<DashboardParam>(['role', 'status', 'kind', 'token']);

/** Every value of a parameter: repeated ones and comma-separated lists alike, blanks dropped. */
function valuesOf(raw: RawQuery, name: string): string[] {
  const got = raw instanceof URLSearchParams ? raw.getAll(name) : ([] as (string | undefined)[]).concat(raw[name]);
  return got.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
}

/** The next calendar day's midnight (UTC): the end of `to`, which the page means inclusively. */
function dayAfter(s: string): Date {
  const d = new Date(`${s}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** Parses the dashboard's URL for `network`: the filter and the page, or a sentence per bad field. */
export function parseDashboardQuery(raw: RawQuery, network: string): ParsedDashboardQuery {
  const input: Record<string, unknown> = {};
  for (const name of DASHBOARD_PARAMS) {
    const values = valuesOf(raw, name);
    if (LISTS.has(name)) input[name] = values.flatMap((v) => v.split(',')).filter(Boolean);
    else if (values.length > 1) return { ok: false, fieldErrors: { [name]: [`Give ${name} once`] } };
    else if (values[0]) input[name] = values[0];
  }
  const q = querySchema.safeParse(input);
  if (!q.success) return { ok: false, fieldErrors: errorsOf(q.error) };
  const d = q.data;
  if (d.after && d.before) return { ok: false, fieldErrors: { before: ['A page link names one side, not both'] } };
  const filter = escrowFilterSchema.safeParse({
    network,
    address: d.address,
    roles: d.role.length ? d.role : undefined,
    statuses: d.status.length ? d.status : undefined,
    kinds: d.kind.length ? d.kind : undefined,
    tokens: d.token.length ? d.token : undefined,
    createdFrom: d.from ? new Date(`${d.from}T00:00:00Z`) : undefined,
    createdTo: d.to ? dayAfter(d.to) : undefined,
    search: d.q || undefined,
  });
  if (!filter.success) {
    const errors = errorsOf(filter.error) as Record<string, string[]>;
    // The filter's own names back to the URL's.
    const renamed: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(errors)) renamed[k === 'createdTo' ? 'to' : k === 'search' ? 'q' : k] = v;
    return { ok: false, fieldErrors: renamed };
  }
  return {
    ok: true,
    query: d,
    filter: filter.data,
    page: { sort: d.sort, order: d.order, cursor: d.after ?? null, before: d.before ?? null },
  };
}

function errorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const list = (out[String(issue.path[0] ?? '_form')] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}

/**
 * The URL of the dashboard (or, with `path`, of its CSV) for `query` with `changes` applied.
 * Defaults are left out, so links stay short. A link that changes the filter or the sort should
 * also clear `after` and `before` (a cursor belongs to one sort order).
 */
export function dashboardHref(
  query: Partial<DashboardQuery>,
  changes: Partial<DashboardQuery> = {},
  path = '/escrows',
): string {
  const q: Partial<DashboardQuery> = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const name of DASHBOARD_PARAMS) {
    const value = q[name];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if ((name === 'sort' && value === 'created') || (name === 'order' && value === 'desc')) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
