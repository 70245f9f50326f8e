/**
 * `npm run indexer`: the read model's follower on its own, for deployments that run it beside
 * the app (OPENESCROW_INDEXER=off there) on one Postgres (DATABASE_URL). With PGlite only one
 * process may open .data/pglite, so stop the app first.
 *
 *   npm run indexer                     follow until Ctrl-C
 *   npm run indexer -- --once           catch up once and exit
 *   npm run indexer -- --reconcile      re-read every known escrow from contract state
 *   npm run indexer -- --import FILE    adopt the contract ids in FILE (one per line) from contract state
 */
import { readFileSync } from 'node:fs';
import { openReadModel } from '../lib/db/client';
import { getNetwork } from '../lib/networks/server';
import { syncAll } from '../lib/indexer/follower';
import { tryFollowerLock } from '../lib/indexer/follower-lock';
import { reconcile } from '../lib/indexer/reconcile';
import { startRunner } from '../lib/indexer/runner';
import { startWebhooks } from '../lib/api/webhooks/start';
import { isContractAddress } from '../lib/strkey';

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(name);
  const rm = await openReadModel();
  const network = await getNetwork();
  try {
    if (flag('--import') || flag('--reconcile')) {
      let ids: string[] | undefined;
      if (flag('--import')) {
        const file = args[args.indexOf('--import') + 1];
        if (!file) throw new Error('--import needs a file of contract ids, one per line');
        ids = readFileSync(file, 'utf8').split(/\s+/).filter(Boolean);
        const bad = ids.filter((id) => !isContractAddress(id));
        if (bad.length) throw new Error(`not contract ids: ${bad.slice(0, 5).join(', ')}`);
      }
      const r = await reconcile(rm, network, ids);
      console.log(`reconciled ${r.reconciled} escrows from contract state`);
      if (r.refused.length) console.log(`not OpenEscrow escrows (or unreadable), skipped: ${r.refused.join(', ')}`);
      return;
    }
    if (flag('--once')) {
      const lock = await tryFollowerLock(rm, network.name);
      if (!lock) throw new Error('another follower holds this database’s lock');
      const started = Date.now();
      const r = await syncAll(rm, network);
      await lock.release();
      console.log(
        `${r.events} events, ${r.escrows} escrow snapshots, cursor at ledger ${r.ledger} in ${Date.now() - started} ms`,
      );
      if (r.gap) console.log(`history ${r.gap.from}–${r.gap.to} was gone: reconciled from contract state`);
      if (r.reset)
        console.log(`the network started over (cursor was at ledger ${r.reset.cursorLedger}): read model rebuilt`);
      return;
    }
    const runner = startRunner(async () => rm, getNetwork, Number(process.env.OPENESCROW_INDEXER_INTERVAL_MS ?? 2_000));
    const webhooks = await startWebhooks(async () => rm.db, getNetwork);
    const report = setInterval(() => console.log(JSON.stringify(runner.status())), 30_000);
    await new Promise<void>((resolve) => {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
    });
    clearInterval(report);
    await runner.stop();
    await webhooks?.stop();
  } finally {
    await rm.close();
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
