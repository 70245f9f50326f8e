/**
 * The database the API uses: the read model, opened once per process. Tests hand in their own.
 */
import { openReadModel, type Database, type ReadModel } from '../db/client';

let opening: Promise<ReadModel> | null = null;
let override: Database | null = null;

/** The process's read-model database (opened, and migrated, on first use). */
export async function apiDatabase(): Promise<Database> {
  if (override) return override;
  opening ??= openReadModel().catch((e) => {
    opening = null;
    throw e;
  });
  return (await opening).db;
}

/** Makes `apiDatabase()` return `db` (tests); null restores the default. */
export function setApiDatabase(db: Database | null): void {
  override = db;
}
