import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ContractErrorEntry } from '../stellar/errors';

const tableSchema = z.array(z.object({ code: z.number().int(), name: z.string(), message: z.string() }));

let table: ContractErrorEntry[] | null = null;

/**
 * The escrow contract's error table, `contracts/escrow/errors.json` — one table shared by the
 * contract's docs, the app and the API. Read at run time so that a contract rebuild with new
 * codes needs no app rebuild.
 */
export function escrowErrors(): readonly ContractErrorEntry[] {
  if (table) return table;
  try {
    table = tableSchema.parse(JSON.parse(readFileSync(path.join(process.cwd(), 'contracts/escrow/errors.json'), 'utf8')));
  } catch {
    table = [];
  }
  return table;
}
