/**
 * `npm run bench:api`: the platform API's latency through its real route handlers (key check,
 * rate limit, handler, JSON) on the read-model bench's seeded escrows and a localnet of its
 * own, on PGlite (on disk) and on Postgres (when DATABASE_URL is set: the npm script starts a
 * throw-away server). Prints p50/p95 of the list endpoint for a busy and a quiet address, of a
 * prepare endpoint (fund, simulated on localnet) and of submit (sent and final on localnet).
 * Aims: list p95 < 50 ms, prepare p95 < 150 ms.
 *
 *   tsx scripts/bench-api/main.ts [--escrows N] [--runs N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { TransactionBuilder } from '@stellar/stellar-sdk';
import { openReadModel, queryRows, type ReadModel } from '@/lib/db/client';
import { localnetAvailable, LOCALNET_BIN, startKit, WASM_HASH, type Kit } from '@/lib/indexer/localnet-kit';
import { seed } from '../bench-indexer/seed';
import { numberOption as option, percentile } from '../bench-options';

const ESCROWS = option('escrows', 100_000);
const RUNS = option('runs', 50);

type Timing = { p50: number; p95: number; n: number };

/** Times `fn` (after a warm-up); `fn` may do untimed work first and return the part to time. */
async function measure(runs: number, fn: () => Promise<() => Promise<Response>>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const timed = await fn();
    const start = performance.now();
    const res = await timed();
    const ms = performance.now() - start;
    if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
    if (i >= 2) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}

async function bench(name: string, rm: ReadModel, kit: Kit, escrowId: string): Promise<[string, Timing][]> {
  const { setApiDatabase } = await import('@/lib/api/db');
  const { createKey } = await import('@/lib/api/keys');
  const { apiOperations } = await import('@/lib/api/testing');
  const op = (id: string) => apiOperations().find((o) => o.operationId === id)!;

  const t0 = performance.now();
  const pools = await seed(rm.db, ESCROWS);
  console.log(`${name}: seeded ${ESCROWS} escrows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  setApiDatabase(rm.db);
  const key = (await createKey(rm.db, kit.party.publicKey(), { name: 'bench', scopes: ['read', 'prepare', 'submit'] }))!
    .key;

  const busy = pools.resolvers[0]!;
  const [few] = await queryRows<{ address: string }>(
    rm.db,
    sql`select address from memberships group by address having count(*) = 2 order by address limit 1`,
  );
  const quiet = few!.address;
  const [counted] = await queryRows<{ n: number }>(
    rm.db,
    sql`select count(*)::int as n from memberships where address = ${busy}`,
  );
  const list = op('listEscrows');
  const fund = op('fund');
  const submit = op('submitTransaction');
  const fundCall = {
    key,
    pathParams: { id: escrowId },
    body: { source: kit.party.publicKey(), input: { amount: '0.0000001', termsVersion: 1 } },
  };
  const prepareFund = async () => {
    const res = await fund.call(fundCall);
    if (!res.ok) throw new Error(`prepare: ${res.status} ${await res.text()}`);
    return res.json();
  };

  const rows: [string, Timing][] = [
    [
      `GET /escrows, busy address (${counted!.n} escrows)`,
      await measure(RUNS, async () => () => list.call({ key, query: { address: busy } })),
    ],
    [
      `GET /escrows, busy address, page 2, filtered`,
      await measure(RUNS, async () => {
        const first = await (await list.call({ key, query: { address: busy, status: 'in_progress,disputed' } })).json();
        return () =>
          list.call({ key, query: { address: busy, status: 'in_progress,disputed', cursor: first.next_cursor } });
      }),
    ],
    [
      `GET /escrows, quiet address (2 escrows)`,
      await measure(RUNS, async () => () => list.call({ key, query: { address: quiet } })),
    ],
    [`POST /escrows/{id}/fund (prepare on localnet)`, await measure(RUNS, async () => () => fund.call(fundCall))],
    [
      `POST /transactions (fund, sent and final on localnet)`,
      await measure(Math.max(5, Math.round(RUNS / 3)), async () => {
        const prepared = await prepareFund();
        const tx = TransactionBuilder.fromXDR(prepared.xdr, prepared.network_passphrase);
        tx.sign(kit.party);
        return () => submit.call({ key, body: { signed_xdr: tx.toXDR(), ticket: prepared.ticket } });
      }),
    ],
  ];
  setApiDatabase(null);
  return rows;
}

function print(name: string, rows: [string, Timing][]): void {
  console.log(`\n${name}`);
  console.log(`  ${'request'.padEnd(54)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}   runs`);
  for (const [label, t] of rows)
    console.log(`  ${label.padEnd(54)} ${t.p50.toFixed(1).padStart(6)} ms ${t.p95.toFixed(1).padStart(6)} ms   ${t.n}`);
}

async function main(): Promise<void> {
  if (!localnetAvailable)
    throw new Error(`no localnet binary at ${LOCALNET_BIN}: build it (cargo build --release -p localnet)`);
  const kit = await startKit();
  // The API's network is this localnet; set before the app's modules first read it.
  Object.assign(process.env, {
    OPENESCROW_NETWORK: 'local',
    OPENESCROW_RPC_URL: kit.localnet.rpcUrl,
    OPENESCROW_LOCALNET_URL: kit.localnet.baseUrl,
    OPENESCROW_WASM_HASH: WASM_HASH,
    OPENESCROW_DEPLOYMENT_FILE: path.join(tmpdir(), 'openescrow-bench-api-no-deployment.json'),
    OPENESCROW_API_RATE_LIMIT: '1000000',
  });
  const results: [string, [string, Timing][]][] = [];
  try {
    // Each submit funds 1 base unit (0.0000001 XLM): thousands of runs fit in the escrow.
    const escrowId = await kit.deploy(kit.config());
    const dir = mkdtempSync(path.join(tmpdir(), 'openescrow-bench-api-'));
    try {
      const pglite = await openReadModel({ url: '', dataDir: dir });
      try {
        results.push(['PGlite (on disk)', await bench('PGlite', pglite, kit, escrowId)]);
      } finally {
        await pglite.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (process.env.DATABASE_URL) {
      const pg = await openReadModel({ url: process.env.DATABASE_URL });
      try {
        results.push(['Postgres', await bench('Postgres', pg, kit, escrowId)]);
      } finally {
        await pg.close();
      }
    } else console.log('Postgres: skipped (no DATABASE_URL; `npm run bench:api` starts a server)');
  } finally {
    await kit.localnet.stop();
  }
  for (const [name, rows] of results) print(name, rows);
  console.log('\nAims: list p95 < 50 ms, prepare p95 < 150 ms.');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
