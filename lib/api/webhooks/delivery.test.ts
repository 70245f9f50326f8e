import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { ReadModel } from '@/lib/db/client';
import { webhookDeliveries } from '@/lib/db/schema';
import { testBackends } from '@/lib/db/testing';
import { sampleAccount, sampleContract, sampleCreatedEvent, sampleSnapshot } from '@/lib/db/sample';
import { applyBatch } from '@/lib/indexer/apply-batch';
import type { ProjectedBatch } from '@/lib/indexer/rows';
import { createKey, revokeKey } from '../keys';
import { listDeliveries, resendDelivery } from './deliveries';
import { createSubscription, createSubscriptionSchema, deleteSubscription, listSubscriptions } from './subscriptions';
import { startWebhookWorker } from './worker';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const A = sampleContract(1);
const B = sampleContract(2);
const alice = sampleAccount(1);
const bob = sampleAccount(2);

function batch(ledger: number): ProjectedBatch {
  return {
    escrows: [
      sampleSnapshot({ contract: A, ledger, roles: [['approver', alice]] }),
      sampleSnapshot({ contract: B, ledger, roles: [['approver', bob]] }),
    ],
    events: [sampleCreatedEvent(A, ledger), sampleCreatedEvent(B, ledger, 1)],
    payouts: [],
  };
}

/** A receiver on 127.0.0.1 that answers `status()` (after `delayMs`) and records what it got. */
async function receiver(status: () => number, delayMs = 0) {
  const got: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      setTimeout(() => res.writeHead(status()).end(), delayMs).unref();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const close = () => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  };
  return { got, url, close };
}

const input = (url: string, extra: object = {}) => createSubscriptionSchema(true).parse({ url, ...extra });

describe.each(testBackends())('webhooks on $name', (backend) => {
  let rm: ReadModel;
  beforeAll(async () => {
    rm = await backend.open();
  });
  afterAll(async () => {
    await rm?.close();
  });

  it('enqueues one delivery per (subscription, event), once however often the batch is replayed', async () => {
    const key = (await createKey(rm.db, alice, { name: 'k', scopes: ['webhooks'] }))!;
    const owner = { keyId: key.info.id, owner: alice };
    const all = (await createSubscription(rm.db, owner, 'local', input('http://127.0.0.1:9/a')))!;
    const onlyB = (await createSubscription(
      rm.db,
      owner,
      'local',
      input('http://127.0.0.1:9/b', { escrow_ids: [B] }),
    ))!;
    const funded = (await createSubscription(
      rm.db,
      owner,
      'local',
      input('http://127.0.0.1:9/c', { event_types: ['escrow.funded'] }),
    ))!;
    expect(all.secret).toMatch(/^whsec_/);

    await applyBatch(rm.db, 'local', batch(10), { ledger: 10, cursor: 'c10' });
    await applyBatch(rm.db, 'local', batch(10), { ledger: 10, cursor: 'c10' });
    await applyBatch(rm.db, 'local', batch(10), { ledger: 11, cursor: 'c11' });

    // alice holds a role in A only; the second subscription names B; the third wants only funded.
    const ofAll = await listDeliveries(rm.db, owner, all.info.id);
    expect(ofAll.map((d) => [d.escrowId, d.eventType])).toEqual([[A, 'escrow.created']]);
    expect((await listDeliveries(rm.db, owner, onlyB.info.id)).map((d) => d.escrowId)).toEqual([B]);
    expect(await listDeliveries(rm.db, owner, funded.info.id)).toEqual([]);
    expect(ofAll[0]).toMatchObject({ status: 'pending', attempts: 0 });
    // Nobody else sees them.
    expect(await listDeliveries(rm.db, { owner: bob }, all.info.id)).toEqual([]);
    expect(await resendDelivery(rm.db, { owner: bob }, all.info.id, ofAll[0]!.id)).toBeNull();

    // A revoked key's subscriptions receive nothing new and are not listed.
    await revokeKey(rm.db, alice, key.info.id);
    await applyBatch(rm.db, 'local', batch(12), { ledger: 12, cursor: 'c12' });
    expect(await listDeliveries(rm.db, owner, all.info.id)).toHaveLength(1);
    expect(await listSubscriptions(rm.db, { owner: alice })).toEqual([]);
    expect(await deleteSubscription(rm.db, { owner: bob }, all.info.id)).toBe(false);
    expect(await deleteSubscription(rm.db, { owner: alice }, all.info.id)).toBe(true);
  });

  it('sends signed deliveries, retries with backoff while the receiver fails, and sends again on request', async () => {
    let answer = 503;
    const r = await receiver(() => answer);
    const key = (await createKey(rm.db, bob, { name: 'k', scopes: ['webhooks'] }))!;
    const owner = { keyId: key.info.id, owner: bob };
    const sub = (await createSubscription(rm.db, owner, 'local', input(r.url)))!;
    await applyBatch(rm.db, 'local', batch(20), { ledger: 20, cursor: 'c20' });

    const worker = startWebhookWorker(async () => rm.db, {
      network: 'local',
      allowLocal: true,
      retryBaseMs: 200,
      pollMs: 50,
    });
    try {
      await vi.waitFor(() => expect(r.got.length).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 50 });
      answer = 204;
      await vi.waitFor(
        async () => expect((await listDeliveries(rm.db, owner, sub.info.id))[0]?.status).toBe('delivered'),
        { timeout: 10_000, interval: 50 },
      );
      await worker.idle();
      const [d] = await listDeliveries(rm.db, owner, sub.info.id);
      expect(d!.attempts).toBe(r.got.length);
      expect(d).toMatchObject({ lastStatusCode: 204, lastError: null, nextAttemptAt: null });
      // One logged attempt per request the receiver got, newest first: the 204, the 503s before it.
      expect(d!.attemptLog.map((a) => [a.number, a.statusCode, a.error])).toEqual(
        r.got.map((_, i) => [r.got.length - i, i === 0 ? 204 : 503, i === 0 ? null : 'HTTP 503']),
      );
      expect(d!.attemptLog[0]!.at).toEqual(d!.lastAttemptAt);

      // Every attempt carries the same webhook-id (the event id) and a signature the package verifies.
      for (const g of r.got) {
        const body = new Webhook(sub.secret).verify(g.body, g.headers as Record<string, string>) as {
          type: string;
          data: { escrow_id: string; event_id: string };
        };
        expect(body).toMatchObject({
          type: 'escrow.created',
          data: { escrow_id: B, event_id: g.headers['webhook-id'] },
        });
      }

      const before = r.got.length;
      expect(await resendDelivery(rm.db, owner, sub.info.id, d!.id)).toMatchObject({ status: 'pending' });
      await worker.poll();
      await worker.idle();
      expect(r.got.length).toBe(before + 1);
    } finally {
      await worker.stop();
      await r.close();
    }
  });

  it('marks a delivery failed once its day of retries is over', async () => {
    const key = (await createKey(rm.db, bob, { name: 'late', scopes: ['webhooks'] }))!;
    const owner = { keyId: key.info.id, owner: bob };
    const closed = await receiver(() => 200);
    await closed.close();
    const sub = (await createSubscription(rm.db, owner, 'local', input(closed.url)))!;
    await applyBatch(rm.db, 'local', batch(30), { ledger: 30, cursor: 'c30' });
    const [d] = await listDeliveries(rm.db, owner, sub.info.id);
    await rm.db
      .update(webhookDeliveries)
      .set({ createdAt: new Date(Date.now() - 24 * 3600_000 + 1_000) })
      .where(eq(webhookDeliveries.id, d!.id));
    const worker = startWebhookWorker(async () => rm.db, { network: 'local', allowLocal: true, retryBaseMs: 60_000 });
    try {
      await vi.waitFor(
        async () => expect((await listDeliveries(rm.db, owner, sub.info.id))[0]?.status).toBe('failed'),
        { timeout: 10_000, interval: 50 },
      );
      const [failed] = await listDeliveries(rm.db, owner, sub.info.id);
      expect(failed).toMatchObject({ attempts: 1, nextAttemptAt: null, lastStatusCode: null });
      expect(failed!.lastError).toMatch(/ECONNREFUSED/);
      expect(failed!.attemptLog).toEqual([
        {
          number: 1,
          at: failed!.lastAttemptAt,
          statusCode: null,
          latencyMs: expect.any(Number),
          error: failed!.lastError,
        },
      ]);
    } finally {
      await worker.stop();
    }
  });

  it('a receiver that does not answer holds only its own slots: another receiver gets its deliveries meanwhile', async () => {
    const slow = await receiver(() => 200, 60_000);
    const fast = await receiver(() => 200);
    const key = (await createKey(rm.db, bob, { name: 'two receivers', scopes: ['webhooks'] }))!;
    const owner = { keyId: key.info.id, owner: bob };
    const toSlow = (await createSubscription(rm.db, owner, 'local', input(slow.url)))!;
    const toFast = (await createSubscription(rm.db, owner, 'local', input(fast.url)))!;
    // Three batches: three deliveries to each receiver, more than the slow one's single slot.
    for (const ledger of [40, 41, 42])
      await applyBatch(rm.db, 'local', batch(ledger), { ledger, cursor: `c${ledger}` });

    const worker = startWebhookWorker(async () => rm.db, {
      network: 'local',
      allowLocal: true,
      retryBaseMs: 60_000,
      pollMs: 50,
      perReceiver: 1,
      timeoutMs: 3_000,
    });
    try {
      const started = Date.now();
      await vi.waitFor(
        async () =>
          expect(
            (await listDeliveries(rm.db, owner, toFast.info.id)).filter((d) => d.status === 'delivered'),
          ).toHaveLength(3),
        { timeout: 10_000, interval: 50 },
      );
      expect(Date.now() - started).toBeLessThan(2_500);
      // The slow receiver has had one attempt at a time, then its timeout sends the first back to wait.
      expect(slow.got).toHaveLength(1);
      await vi.waitFor(
        async () =>
          expect((await listDeliveries(rm.db, owner, toSlow.info.id)).some((d) => d.lastError === 'Timed out')).toBe(
            true,
          ),
        { timeout: 10_000, interval: 100 },
      );
      const afterTimeout = await listDeliveries(rm.db, owner, toSlow.info.id);
      expect(afterTimeout.find((d) => d.lastError === 'Timed out')).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      await worker.stop();
      await slow.close();
      await fast.close();
    }
  });
});
