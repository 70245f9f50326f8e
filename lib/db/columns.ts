/**
 * Column types shared by the read model's tables: exact amounts and checked addresses.
 */
import { customType, timestamp } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * An i128 token amount in base units: `numeric(39,0)` in SQL (every i128 fits), `bigint` in
 * TypeScript. Both drivers hand numerics over as decimal strings, so nothing passes through a
 * float on the way in or out.
 */
export const amount = customType<{ data: bigint; driverData: string }>({
  dataType: () => 'numeric(39, 0)',
  toDriver: (value) => value.toString(),
  fromDriver: (value) => BigInt(String(value)),
});

/** A Stellar StrKey's shape (`G…` account or `C…` contract); the checksum is checked in TypeScript. */
export const ADDRESS_PATTERN = '^[GC][A-Z2-7]{55}$';
export const CONTRACT_PATTERN = '^C[A-Z2-7]{55}$';
export const HASH_PATTERN = '^[0-9a-f]{64}$';
/** RPC event ids: a zero-padded TOID, a dash, a zero-padded index; they sort as they happened. */
export const EVENT_ID_PATTERN = '^[0-9]{19}-[0-9]{10}$';
export const NETWORK_PATTERN = '^[a-z0-9-]{1,32}$';

/** A CHECK expression: the column matches a regular expression (or is null). */
export function matches(column: AnyPgColumn, pattern: string): SQL {
  return sql`${column} ~ ${sql.raw(`'${pattern}'`)}`;
}

/** `('a', 'b')`, for a CHECK that a column is one of a fixed list. */
export const oneOf = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);

/** A point in time (timestamptz), as a Date. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
