/**
 * The database the API uses: the app's read model, the same handle the indexer writes through
 * (PGlite allows one opener per data directory). Tests hand in their own.
 */
import type { Database } from '../db/client';
import { appReadModel } from '../indexer/server';

let override: Database | null = null;

/** The process's read-model database (opened, and migrated, on first use). */
export async function apiDatabase(): Promise<Database> {
  if (override) return override;
  return (await appReadModel()).db;
}

/** Makes `apiDatabase()` return `db` (tests); null restores the default. */
export function setApiDatabase(db: Database | null): void {
  override = db;
}
