/**
 * `npm run bench:indexer:follow` (the follower half): runs N escrow lifecycles on a fresh
 * localnet (deploy, fund, status, approval, release: 5 events each), then indexes the whole
 * history from zero into a fresh read model (PGlite in memory, and Postgres when DATABASE_URL is
 * set) and prints the catch-up rate; then the lag from a submit's confirmation to the read
 * model (the hand-off's sync), p50/p95 over 20 submits.
 *
 *   tsx scripts/bench-indexer/follow.ts [--lifecycles N]
 */
import { escrowCalls } from '@/lib/escrow/calls';
import { testBackends } from '@/lib/db/testing';
import { startKit } from '@/lib/indexer/localnet-kit';
import { syncAll } from '@/lib/indexer/follower';

const i = process.argv.indexOf('--lifecycles');
const LIFECYCLES = i > 0 ? Number(process.argv[i + 1]) : 1000;
if (!Number.isInteger(LIFECYCLES) || LIFECYCLES < 1) throw new Error('--lifecycles takes a positive whole number');

async function main() {
  const kit = await startKit();
  try {
    const p = kit.party.publicKey();
    const t0 = performance.now();
    for (let n = 0; n < LIFECYCLES; n++) {
      const id = await kit.deploy(kit.config());
      await kit.send(kit.party, escrowCalls.fund(id, p, 50_000_000n, 1));
      await kit.send(kit.party, escrowCalls.setMilestoneStatus(id, 0, 'done', null));
      await kit.send(kit.party, escrowCalls.approveMilestone(id, 0, p));
      await kit.send(kit.party, escrowCalls.release(id, [p]));
    }
    console.log(`${LIFECYCLES} lifecycles on localnet in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
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
          const id = await kit.deploy(kit.config());
          const confirmed = performance.now();
          await syncAll(rm, kit.network);
          lags.push(performance.now() - confirmed);
          if (!id) throw new Error('no escrow');
        }
        lags.sort((a, b) => a - b);
        const pct = (q: number) => lags[Math.min(lags.length - 1, Math.ceil(q * lags.length) - 1)]!.toFixed(1);
        console.log(`${backend.name}: submit confirmed → read model: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`);
      } finally {
        await rm.close();
      }
    }
  } finally {
    await kit.localnet.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
