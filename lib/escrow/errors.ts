import table from '../../contracts/escrow/errors.json';
import type { ContractErrorEntry } from '../stellar/errors';

/**
 * The escrow contract's error table, `contracts/escrow/errors.json`: one table shared by the
 * contract's docs, the app and the API.
 */
export function escrowErrors(): readonly ContractErrorEntry[] {
  return table;
}
