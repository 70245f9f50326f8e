/**
 * The one way to open the read model: embedded PGlite by default (data under `.data/`, so
 * `npm run dev` needs no database server), any Postgres when `DATABASE_URL` is set. Both get
 * the same schema, the same committed migrations (applied here, at start) and the same queries.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema';

export type Schema = typeof schema;
/** A read-model database, whichever engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface ReadModel {
  db: Database;
  engine: 'pglite' | 'postgres';
  /** node-postgres's pool (Postgres only): session-level work such as the follower lock needs its own connection. */
  pool: Pool | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A Postgres connection string; default `DATABASE_URL`. When absent, PGlite is used. */
  url?: string;
  /** PGlite's data directory; default `OPENESCROW_PGLITE_DIR`, else `.data/pglite`. `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** Where the migrations are; default `lib/db/migrations` under the working directory. */
  migrationsFolder?: string;
}

/** Opens the read model and brings its schema up to date. */
export async function openReadModel(options: OpenOptions = {}): Promise<ReadModel> {
  const url = options.url ?? process.env.DATABASE_URL ?? '';
  const migrationsFolder = options.migrationsFolder ?? path.join(process.cwd(), 'lib/db/migrations');
  if (url) {
    const pool = new Pool({ connectionString: url, max: 10 });
    const db = drizzlePg(pool, { schema });
    try {
      await migrateOnce(pool, migrationsFolder);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return { db: db as unknown as Database, engine: 'postgres', pool, close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? (process.env.OPENESCROW_PGLITE_DIR || path.join(process.cwd(), '.data/pglite'));
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (e) {
    await client.close();
    throw e;
  }
  return { db: db as unknown as Database, engine: 'pglite', pool: null, close: () => client.close() };
}

/**
 * Applies the migrations while holding an advisory lock, so that app instances starting together
 * on one Postgres take turns: the first migrates, the others find nothing left to do.
 */
async function migrateOnce(pool: Pool, migrationsFolder: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('openescrow-migrations'))`);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('openescrow-migrations'))`);
    }
  } finally {
    client.release();
  }
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
