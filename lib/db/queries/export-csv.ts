/**
 * CSV of every escrow a filter means (not one page): read page by page with the list's own
 * keyset query, so memory stays flat however many rows there are, and the file matches the list.
 */
import type { Database } from '../client';
import type { EscrowFilter } from './filters';
import { listEscrows, type EscrowListItem, type PageOptions } from './list-escrows';

const COLUMNS: [string, (r: EscrowListItem) => string][] = [
  ['contract_id', (r) => r.contractId],
  ['title', (r) => r.title],
  ['engagement_id', (r) => r.engagementId],
  ['kind', (r) => r.kind],
  ['status', (r) => r.status],
  ['token', (r) => r.token],
  // Base units, exact: the token's decimals are the reader's to apply.
  ['amount', (r) => r.amount.toString()],
  ['funded', (r) => r.funded.toString()],
  ['locked', (r) => r.balance.toString()],
  ['released', (r) => r.released.toString()],
  ['fees_paid', (r) => r.feesPaid.toString()],
  ['in_dispute', (r) => r.inDispute.toString()],
  ['created_ledger', (r) => String(r.createdLedger)],
  ['created_at', (r) => r.createdAt.toISOString()],
  ['your_roles', (r) => r.roles.join(' ')],
];

/**
 * One CSV field. Titles come from the chain, written by anyone: a leading `=`, `+`, `-`, `@`,
 * tab or carriage return would make a spreadsheet run it as a formula, so such a text gets a
 * leading apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The CSV, in chunks (the header, then one chunk per page of rows). */
export async function* exportEscrowsCsv(
  db: Database,
  filter: EscrowFilter,
  options: Pick<PageOptions, 'sort' | 'order'> & { pageSize?: number } = {},
): AsyncGenerator<string> {
  yield csvLine(COLUMNS.map(([name]) => name));
  let cursor: string | null = null;
  do {
    const page = await listEscrows(db, filter, { ...options, limit: options.pageSize ?? 500, cursor });
    if (page.rows.length) yield page.rows.map((r) => csvLine(COLUMNS.map(([, get]) => get(r)))).join('');
    cursor = page.nextCursor;
  } while (cursor);
}
