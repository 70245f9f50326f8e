/**
 * The databases the read model's tests run on: PGlite always, and a real Postgres when
 * `DATABASE_URL` is set (scripts/with-postgres.sh starts one). Each `open()` gives a fresh,
 * empty, migrated database, so test files may run in parallel on one server.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openReadModel, type ReadModel } from './client';

export interface TestBackend {
  name: 'PGlite' | 'Postgres';
  open(): Promise<ReadModel>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the server of `url`; `drop()` removes it. */
export async function freshPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return { url: dbUrl.toString(), drop: () => adminQuery(url, `drop database ${name}`) };
}

async function openPostgres(url: string): Promise<ReadModel> {
  const fresh = await freshPostgresDatabase(url);
  const rm = await openReadModel({ url: fresh.url });
  return {
    ...rm,
    close: async () => {
      await rm.close();
      await fresh.drop();
    },
  };
}

/** PGlite in memory, plus Postgres when DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  const url = process.env.DATABASE_URL;
  const backends: TestBackend[] = [{ name: 'PGlite', open: () => openReadModel({ url: '', dataDir: 'memory://' }) }];
  if (url) backends.push({ name: 'Postgres', open: () => openPostgres(url) });
  return backends;
}
