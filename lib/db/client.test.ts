import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openReadModel, queryRows } from './client';
import { escrows } from './schema';
import { freshPostgresDatabase, testBackends } from './testing';
import { sampleSnapshot, sampleContract } from './sample';
import journal from './migrations/meta/_journal.json';

// PGlite starts in seconds, and slower on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** How many migrations are committed: each applied exactly once. */
const MIGRATIONS = journal.entries.length;

describe('openReadModel', () => {
  it('keeps PGlite data on disk across restarts and migrates only once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openescrow-pglite-'));
    try {
      const first = await openReadModel({ url: '', dataDir: dir });
      expect(first.engine).toBe('pglite');
      const { escrow } = sampleSnapshot({ contract: sampleContract(1), ledger: 5 });
      await first.db.insert(escrows).values({ ...escrow, network: 'local' });
      await first.close();

      const second = await openReadModel({ url: '', dataDir: dir });
      const rows = await second.db.select({ id: escrows.contractId }).from(escrows);
      expect(rows).toEqual([{ id: sampleContract(1) }]);
      const applied = await queryRows(second.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(applied).toEqual([{ n: MIGRATIONS }]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what is wrong with an unreachable DATABASE_URL', async () => {
    await expect(openReadModel({ url: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toThrow();
  });
});

describe.skipIf(!process.env.DATABASE_URL)('openReadModel on Postgres', () => {
  it('lets instances that start together migrate one at a time', async () => {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL!);
    try {
      const instances = await Promise.all([1, 2, 3].map(() => openReadModel({ url: fresh.url })));
      expect(instances.map((i) => i.engine)).toEqual(['postgres', 'postgres', 'postgres']);
      expect(
        await queryRows(instances[0]!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      ).toEqual([{ n: MIGRATIONS }]);
      await Promise.all(instances.map((i) => i.close()));
    } finally {
      await fresh.drop();
    }
  });
});

describe.each(testBackends())('schema checks on $name', (backend) => {
  it('refuses rows the read model must never hold', async () => {
    const rm = await backend.open();
    try {
      const { escrow } = sampleSnapshot({ contract: sampleContract(2), ledger: 5 });
      const row = { ...escrow, network: 'local' };
      await expect(rm.db.insert(escrows).values({ ...row, token: 'not-an-address' })).rejects.toThrow();
      await expect(rm.db.insert(escrows).values({ ...row, funded: -1n })).rejects.toThrow();
      await expect(rm.db.insert(escrows).values({ ...row, status: 'lost' as 'funding' })).rejects.toThrow();
      await expect(rm.db.insert(escrows).values({ ...row, amount: 10n ** 39n })).rejects.toThrow();
      await rm.db.insert(escrows).values(row);
      expect(await queryRows(rm.db, sql`select count(*)::int as n from escrows`)).toEqual([{ n: 1 }]);
    } finally {
      await rm.close();
    }
  });
});
