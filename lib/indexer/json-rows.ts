/**
 * Many rows in one SQL parameter: the rows as a jsonb array keyed by column name, expanded by
 * `jsonb_populate_recordset` into the table's own row type (so each value goes through its
 * column's input function: numeric from a decimal string, timestamptz from ISO text, text[] from
 * a JSON array). A page of 1,000 events is then one parameter instead of 9,000, which both the
 * driver and the server handle far faster, and no statement nears Postgres's 65,535-parameter cap.
 */
import { getTableColumns, getTableName, isSQLWrapper, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Amounts (bigint) as decimal strings; Dates become ISO text through their own toJSON. A NUL
 * becomes U+FFFD: the contract lets a text hold one, Postgres's text and jsonb cannot, and one
 * escrow's title must not stop the indexer for everyone.
 */
const toJson = (rows: unknown[]) =>
  JSON.stringify(rows, (_, v) =>
    typeof v === 'bigint' ? v.toString() : typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : v,
  );

/**
 * `insert into t (cols) select cols from jsonb_populate_recordset(null::t, $1)`, for rows given
 * by their TypeScript property names (as drizzle's `$inferInsert`); a column left out takes its
 * default when that is a plain value (an SQL default, such as `now()`, is not applied here).
 * Append `on conflict …` with `sql\`…\`` as needed.
 */
export function insertRows(table: PgTable, rows: Record<string, unknown>[]): SQL {
  const columns = Object.entries(getTableColumns(table)).map(([prop, column]) => ({ prop, column }));
  const list = sql.raw(columns.map((c) => quote(c.column.name)).join(', '));
  const value = (r: Record<string, unknown>, { prop, column }: (typeof columns)[number]) =>
    r[prop] !== undefined
      ? r[prop]
      : (column.defaultFn?.() ?? (isSQLWrapper(column.default) ? null : column.default) ?? null);
  const json = toJson(rows.map((r) => Object.fromEntries(columns.map((c) => [c.column.name, value(r, c)]))));
  const name = sql.raw(quote(getTableName(table)));
  return sql`insert into ${name} (${list}) select ${list} from jsonb_populate_recordset(null::${name}, ${json}::jsonb)`;
}

/** `"col" = excluded."col"` for every column but the key: an upsert that replaces the whole row. */
export function replaceAllSet(table: PgTable, key: string[]): SQL {
  const set = Object.entries(getTableColumns(table))
    .filter(([prop]) => !key.includes(prop))
    .map(([, column]) => `${quote(column.name)} = excluded.${quote(column.name)}`);
  return sql.raw(set.join(', '));
}
