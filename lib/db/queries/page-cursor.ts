/**
 * Keyset pagination: a page ends with an opaque cursor naming its last row by its sort key and
 * contract id; the next page starts strictly after it. Pages stay stable while rows are added,
 * and a deep page costs what the first one does.
 */
import { isContractAddress } from '@/lib/strkey';

export const SORTS = ['created', 'amount'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';

export interface PageKey {
  sort: Sort;
  order: Order;
  /** The last row's sort value: its created ledger or its amount, as a decimal string. */
  value: string;
  contractId: string;
}

export class CursorError extends Error {
  override name = 'CursorError';
}

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.sort, key.order, key.value, key.contractId])).toString('base64url');
}

/** Reads a cursor made for this sort and order; anything else is a CursorError. */
export function decodeCursor(cursor: string, sort: Sort, order: Order): PageKey {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('This page link is broken: start again from the first page');
  }
  if (!Array.isArray(parts) || parts.length !== 4)
    throw new CursorError('This page link is broken: start again from the first page');
  const [s, o, value, contractId] = parts;
  if (s !== sort || o !== order)
    throw new CursorError('This page link belongs to another sort order: start again from the first page');
  if (
    typeof value !== 'string' ||
    !/^[0-9]{1,39}$/.test(value) ||
    typeof contractId !== 'string' ||
    !isContractAddress(contractId)
  ) {
    throw new CursorError('This page link is broken: start again from the first page');
  }
  return { sort, order, value, contractId };
}
