import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '@/lib/db/client';
import { ATTEMPTS_KEPT, webhookAttempts } from '@/lib/db/schema';
import { testBackends } from '@/lib/db/testing';
import { sampleAccount, sampleContract, sampleCreatedEvent, sampleSnapshot } from '@/lib/db/sample';
import { applyBatch } from '@/lib/indexer/apply-batch';
import { createKey } from '../keys';
import { listDeliveries, settleDelivery } from './deliveries';
import { createSubscription, createSubscriptionSchema, deleteSubscription } from './subscriptions';

const A = sampleContract(7);
const carol = sampleAccount(7);

describe.each(testBackends())('the attempt log on $name', (backend) => {
  let rm: ReadModel;
  beforeAll(async () => {
    rm = await backend.open();
  });
  afterAll(async () => {
    await rm?.close();
  });

  it('keeps one row per attempt, only the newest few, and goes with its subscription', async () => {
    const key = (await createKey(rm.db, carol, { name: 'k', scopes: ['webhooks'] }))!;
    const owner = { keyId: key.info.id, owner: carol };
    const input = createSubscriptionSchema(true).parse({ url: 'http://127.0.0.1:9/log' });
    const sub = (await createSubscription(rm.db, owner, 'local', input))!;
    await applyBatch(
      rm.db,
      'local',
      {
        escrows: [sampleSnapshot({ contract: A, ledger: 5, roles: [['approver', carol]] })],
        events: [sampleCreatedEvent(A, 5)],
        payouts: [],
      },
      { ledger: 5, cursor: 'c5' },
    );
    const [d] = await listDeliveries(rm.db, owner, sub.info.id);
    expect(d!.attemptLog).toEqual([]);

    const total = ATTEMPTS_KEPT + 3;
    const t0 = Date.UTC(2026, 0, 1);
    for (let n = 1; n <= total; n++) {
      const ok = n === total;
      await settleDelivery(
        rm.db,
        d!.id,
        {
          ok,
          statusCode: ok ? 200 : n % 2 ? 500 : null,
          latencyMs: n,
          error: ok ? null : n % 2 ? 'HTTP 500' : 'Timed out',
          at: new Date(t0 + n * 1000),
        },
        ok ? null : new Date(t0 + n * 1000 + 500),
      );
    }
    const [after] = await listDeliveries(rm.db, owner, sub.info.id);
    expect(after).toMatchObject({ status: 'delivered', attempts: total, lastStatusCode: 200 });
    // The newest ATTEMPTS_KEPT, newest first; the count above still says how many there were.
    expect(after!.attemptLog.map((a) => a.number)).toEqual(Array.from({ length: ATTEMPTS_KEPT }, (_, i) => total - i));
    expect(after!.attemptLog[0]).toEqual({
      number: total,
      at: new Date(t0 + total * 1000),
      statusCode: 200,
      latencyMs: total,
      error: null,
    });
    expect(after!.attemptLog[1]).toMatchObject({ statusCode: null, error: 'Timed out' });
    expect(after!.attemptLog[2]).toMatchObject({ statusCode: 500, error: 'HTTP 500' });

    // Deleting the subscription deletes its deliveries and their attempts.
    expect(await deleteSubscription(rm.db, { owner: carol }, sub.info.id)).toBe(true);
    expect(await rm.db.select().from(webhookAttempts)).toEqual([]);
  });
});
