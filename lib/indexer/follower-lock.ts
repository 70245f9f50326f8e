/**
 * "One follower per database": whoever holds this lock follows the chain for a network; other
 * app instances sharing the database only read. On Postgres it is a session advisory lock on a
 * connection of its own, so it goes away with its holder (a crash releases it). PGlite is one
 * process's embedded database, so an in-process claim is the whole story there.
 */
import type { ReadModel } from '@/lib/db/client';

export interface FollowerLock {
  release(): Promise<void>;
}

const embeddedClaims = new WeakMap<ReadModel, Set<string>>();

/** Takes the follower lock of `network`, or returns null when another follower holds it. */
export async function tryFollowerLock(rm: ReadModel, network: string): Promise<FollowerLock | null> {
  if (!rm.pool) {
    const claims = embeddedClaims.get(rm) ?? new Set<string>();
    embeddedClaims.set(rm, claims);
    if (claims.has(network)) return null;
    claims.add(network);
    return { release: async () => void claims.delete(network) };
  }
  // A key of its own: the writers' per-transaction lock (apply-batch.ts) hashes another name.
  const client = await rm.pool.connect();
  try {
    const key = `openescrow-follower:${network}`;
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [key]);
    if (!rows[0]?.ok) {
      client.release();
      return null;
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        try {
          await client.query('select pg_advisory_unlock(hashtext($1))', [key]);
        } finally {
          client.release();
        }
      },
    };
  } catch (e) {
    client.release();
    throw e;
  }
}
