/**
 * `npm run bench:indexer`: first the database half, which seeds 100,000 escrows into PGlite (on
 * disk, as `npm run dev` keeps it) and into Postgres (when DATABASE_URL is set: the npm script
 * starts a throw-away server), then prints p50/p95 of the dashboard's first page for a busy and
 * a quiet address, of the totals query, of a platform's fee income and of a 10,000-row CSV
 * export; then the follower half (follow.ts): a localnet history of 1,000 lifecycles indexed
 * from zero, and the lag from a submit to the read model.
 *
 *   tsx scripts/bench-indexer/main.ts [--escrows N] [--runs N] [--lifecycles N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openReadModel, queryRows, type Database, type ReadModel } from '@/lib/db/client';
import { sql } from 'drizzle-orm';
import { listEscrows } from '@/lib/db/queries/list-escrows';
import { totalsByToken } from '@/lib/db/queries/totals';
import { exportEscrowsCsv } from '@/lib/db/queries/export-csv';
import { platformFeeIncome } from '@/lib/db/queries/fee-income';
import type { EscrowFilter } from '@/lib/db/queries/filters';
import { seed } from './seed';
import { benchFollower, lifecyclesOption } from './follow';
import { numberOption as option, percentile } from '../bench-options';

const ESCROWS = option('escrows', 100_000);
const RUNS = option('runs', 50);
const LIFECYCLES = lifecyclesOption();

async function measure(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < Math.min(3, runs); i++) await fn(); // warm caches and plans
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function csvRows(db: Database, filter: EscrowFilter): Promise<number> {
  let lines = 0;
  for await (const chunk of exportEscrowsCsv(db, filter)) lines += chunk.split('\r\n').length - 1;
  return lines - 1;
}

async function bench(name: string, rm: ReadModel): Promise<void> {
  const t0 = performance.now();
  const pools = await seed(rm.db, ESCROWS);
  const seconds = (performance.now() - t0) / 1000;
  const [size] = await queryRows<{ memberships: number; events: number }>(
    rm.db,
    sql`select (select count(*) from memberships)::int as memberships, (select count(*) from events)::int as events`,
  );
  console.log(
    `\n${name}: seeded ${ESCROWS} escrows, ${size!.memberships} memberships, ${size!.events} events in ${seconds.toFixed(1)} s`,
  );

  const busy: EscrowFilter = { network: 'local', address: pools.resolvers[0]! };
  // A quiet address: one of the accounts in only two escrows.
  const [few] = await queryRows<{ address: string }>(
    rm.db,
    sql`select address from memberships group by address having count(*) = 2 order by address limit 1`,
  );
  const quiet: EscrowFilter = { network: 'local', address: few?.address ?? pools.accounts[0]! };
  const [busyCount, quietCount] = await Promise.all(
    [busy, quiet].map(async (f) => (await totalsByToken(rm.db, f)).reduce((n, t) => n + t.escrows, 0)),
  );
  const exportFilter: EscrowFilter = busy;
  const exported = await csvRows(rm.db, exportFilter);

  const rows: [string, { p50: number; p95: number }][] = [
    [`dashboard page, busy address (${busyCount} escrows)`, await measure(RUNS, () => listEscrows(rm.db, busy))],
    [
      `dashboard page, busy address, amount order, filtered`,
      await measure(RUNS, () =>
        listEscrows(rm.db, { ...busy, statuses: ['in_progress', 'disputed'] }, { sort: 'amount' }),
      ),
    ],
    [
      `dashboard page, busy address, title search`,
      await measure(RUNS, () => listEscrows(rm.db, { ...busy, search: 'audit #7' })),
    ],
    [`dashboard page, quiet address (${quietCount} escrows)`, await measure(RUNS, () => listEscrows(rm.db, quiet))],
    [`totals per token, busy address`, await measure(RUNS, () => totalsByToken(rm.db, busy))],
    [
      `fee income per token and month, platform of 5,000 escrows`,
      await measure(RUNS, () => platformFeeIncome(rm.db, { network: 'local', platform: pools.platforms[0]! })),
    ],
    [
      `CSV export, ${exported} rows`,
      await measure(Math.max(3, Math.round(RUNS / 5)), () => csvRows(rm.db, exportFilter)),
    ],
  ];
  for (const [label, t] of rows)
    console.log(
      `  ${label.padEnd(58)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms`,
    );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'openescrow-bench-'));
  try {
    const pglite = await openReadModel({ url: '', dataDir: dir });
    try {
      await bench('PGlite (on disk)', pglite);
    } finally {
      await pglite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.DATABASE_URL) {
    const pg = await openReadModel({ url: process.env.DATABASE_URL });
    try {
      await bench('Postgres', pg);
    } finally {
      await pg.close();
    }
  } else {
    console.log('\nPostgres: skipped (no DATABASE_URL; `npm run bench:indexer` starts a server)');
  }
  await benchFollower(LIFECYCLES);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
