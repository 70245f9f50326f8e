/**
 * `npm run bench:webhooks`: webhook delivery latency on localnet. The indexer's runner and the
 * webhook worker run as in the app (the worker's poll at its default 1 s, woken by the
 * enqueue); each step of N lifecycles is submitted, the runner is nudged when the transaction is
 * final (what the submit path's hand-off does), and the clock stops when a receiver on
 * 127.0.0.1 has the signed delivery. Prints p50/p95 from submit and from confirmation, on
 * PGlite and, when DATABASE_URL is set (with-postgres.sh), on Postgres.
 *
 *   tsx scripts/bench-webhooks.ts [--lifecycles N]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createKey } from '@/lib/api/keys';
import { createSubscription } from '@/lib/api/webhooks/subscriptions';
import { startWebhookWorker } from '@/lib/api/webhooks/worker';
import { testBackends } from '@/lib/db/testing';
import { escrowCalls } from '@/lib/escrow/calls';
import { startKit } from '@/lib/indexer/localnet-kit';
import { startRunner } from '@/lib/indexer/runner';

const i = process.argv.indexOf('--lifecycles');
const LIFECYCLES = i > 0 ? Number(process.argv[i + 1]) : 10;
if (!Number.isInteger(LIFECYCLES) || LIFECYCLES < 1) throw new Error('--lifecycles takes a positive whole number');

const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!.toFixed(0);

async function main() {
  const kit = await startKit();
  // When each transaction's delivery arrived (the runner's own 2 s sync may index it before the
  // submit's poll has returned), and who waits for it.
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  let secret = '';
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const at = performance.now();
      const payload = new Webhook(secret).verify(body, req.headers as Record<string, string>) as {
        data: { tx_hash: string };
      };
      arrivals.set(payload.data.tx_hash, at);
      waiters.get(payload.data.tx_hash)?.(at);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    for (const backend of testBackends()) {
      const rm = await backend.open();
      const runner = startRunner(
        async () => rm,
        async () => kit.network,
        2_000,
      );
      const worker = startWebhookWorker(async () => rm.db, { network: 'local', allowLocal: true, retryBaseMs: 1_000 });
      try {
        const owner = kit.party.publicKey();
        const key = (await createKey(rm.db, owner, { name: 'bench', scopes: ['webhooks'] }))!;
        const sub = (await createSubscription(rm.db, { keyId: key.info.id, owner }, 'local', {
          url,
          event_types: ['escrow.funded', 'escrow.status', 'escrow.approved', 'escrow.released'],
          escrow_ids: null,
        }))!;
        secret = sub.secret;
        await runner.nudge();
        const fromSubmit: number[] = [];
        const fromConfirmed: number[] = [];
        for (let n = 0; n < LIFECYCLES; n++) {
          const id = await kit.deploy(kit.config());
          for (const op of [
            escrowCalls.fund(id, owner, 50_000_000n, 1),
            escrowCalls.setMilestoneStatus(id, 0, 'done', null),
            escrowCalls.approveMilestone(id, 0, owner),
            escrowCalls.release(id, [owner]),
          ]) {
            const submitted = performance.now();
            const hash = await kit.send(kit.party, op);
            const confirmed = performance.now();
            const early = arrivals.get(hash);
            const arrived =
              early !== undefined ? Promise.resolve(early) : new Promise<number>((r) => waiters.set(hash, r));
            await runner.nudge();
            const at = await Promise.race([
              arrived,
              new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no delivery in 30 s')), 30_000)),
            ]);
            waiters.delete(hash);
            fromSubmit.push(at - submitted);
            fromConfirmed.push(at - confirmed);
          }
        }
        console.log(
          `${backend.name}: ${fromSubmit.length} deliveries; submit → receiver p50 ${pct(fromSubmit, 0.5)} ms, p95 ${pct(fromSubmit, 0.95)} ms; ` +
            `confirmed → receiver p50 ${pct(fromConfirmed, 0.5)} ms, p95 ${pct(fromConfirmed, 0.95)} ms`,
        );
      } finally {
        await worker.stop();
        await runner.stop();
        await rm.close();
      }
    }
  } finally {
    receiver.close();
    await kit.localnet.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
