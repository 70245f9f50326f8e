/**
 * For API tests: an in-memory read model (PGlite) that the API's handlers use, opened before the
 * file's tests and closed after them. Tests that must run on both databases use
 * lib/db/testing.ts's backends instead.
 */
import { afterAll, beforeAll } from 'vitest';
import { openReadModel, type ReadModel } from '@/lib/db/client';
import { setApiDatabase } from './db';

/** Registers the hooks; `opened` receives the read model once it is open. */
export function withApiTestDatabase(opened: (rm: ReadModel) => void = () => {}): void {
  let rm: ReadModel | null = null;
  beforeAll(async () => {
    rm = await openReadModel({ url: '', dataDir: 'memory://' });
    setApiDatabase(rm.db);
    opened(rm);
  });
  afterAll(async () => {
    setApiDatabase(null);
    await rm?.close();
  });
}
