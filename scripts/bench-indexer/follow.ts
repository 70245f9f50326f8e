/**
 * The follower half of `npm run bench:indexer` (alone: `npm run bench:indexer:follow`): a localnet
 * history of N escrow lifecycles (history.ts: made once, then cached), indexed from zero into a
 * fresh read model (PGlite in memory, and Postgres when DATABASE_URL is set) to print the
 * catch-up rate; then the lag from a submit's confirmation to the read model (the hand-off's
 * sync), p50/p95 over 20 submits.
 *
 *   tsx scripts/bench-indexer/follow.ts [--lifecycles N]
 */
import { testBackends } from '@/lib/db/testing';
import { syncAll } from '@/lib/indexer/follower';
import { openHistory } from './history';
import { numberOption } from '../bench-options';

/** Indexes `lifecycles` lifecycles from zero on each database and prints the rates. */
export async function benchFollower(lifecycles: number): Promise<void> {
  const history = await openHistory(lifecycles);
  const { kit } = history;
  try {
    console.log(
      history.madeIn === null
        ? `\n${lifecycles} lifecycles on localnet (from .cache/bench-indexer)`
        : `\n${lifecycles} lifecycles made on localnet in ${history.madeIn.toFixed(1)} s (cached for the next run)`,
    );
    for (const backend of testBackends()) {
      const rm = await backend.open();
      try {
        const start = performance.now();
        const r = await syncAll(rm, kit.network);
        const s = (performance.now() - start) / 1000;
        console.log(
          `${backend.name}: caught up ${r.events} events (${r.escrows} escrows) in ${s.toFixed(2)} s: ${Math.round(r.events / s)} events/s`,
        );
        const lags: number[] = [];
        for (let n = 0; n < 20; n++) {
          await kit.deploy(kit.config());
          const confirmed = performance.now();
          await syncAll(rm, kit.network);
          lags.push(performance.now() - confirmed);
        }
        lags.sort((a, b) => a - b);
        const pct = (q: number) => lags[Math.min(lags.length - 1, Math.ceil(q * lags.length) - 1)]!.toFixed(1);
        console.log(`${backend.name}: submit confirmed → read model: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`);
      } finally {
        await rm.close();
      }
    }
  } finally {
    await history.close();
  }
}

/** `--lifecycles N` (default 1,000). */
export function lifecyclesOption(): number {
  return numberOption('lifecycles', 1000);
}

if (process.argv[1]?.endsWith('follow.ts')) {
  benchFollower(lifecyclesOption()).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
