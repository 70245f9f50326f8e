import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadModel } from '@/lib/db/client';
import { testBackends } from '@/lib/db/testing';
import { sampleAccount, sampleContract, sampleCreatedEvent, sampleSnapshot } from '@/lib/db/sample';
import { applyBatch } from '@/lib/indexer/apply-batch';
import type { ProjectedBatch } from '@/lib/indexer/rows';
import { createKey } from '../keys';
import { listDeliveries } from './deliveries';
import { ownerIsSent } from './enqueue';
import { createSubscription, createSubscriptionSchema } from './subscriptions';

const A = sampleContract(11);
const alice = sampleAccount(11);
const bob = sampleAccount(12);
const dave = sampleAccount(13);

/** An event of A at (ledger, i) with another action than `created`. */
const event = (ledger: number, i: number, action: string) => ({ ...sampleCreatedEvent(A, ledger, i), action });
const approvedBy = (address: string, ledger: number) =>
  sampleSnapshot({ contract: A, ledger, roles: [['approver', address]] });

describe('ownerIsSent', () => {
  const changes = { first: 1, last: 3 };
  it('sends an owner who lost its role the events up to the last update, and one who gained it those from the first', () => {
    expect([0, 1, 2, 3, 4].map((i) => ownerIsSent(true, false, i, changes))).toEqual([true, true, true, true, false]);
    expect([0, 1, 2, 3, 4].map((i) => ownerIsSent(false, true, i, changes))).toEqual([false, true, true, true, true]);
    expect(ownerIsSent(true, true, 0, changes)).toBe(true);
    expect(ownerIsSent(false, false, 2, changes)).toBe(false);
    // Roles changed with no event that changes them in the batch (a snapshot only): sent.
    expect(ownerIsSent(true, false, 5, undefined)).toBe(true);
  });
});

describe.each(testBackends())('an update that changes who holds a role, on $name', (backend) => {
  let rm: ReadModel;
  beforeAll(async () => {
    rm = await backend.open();
  });
  afterAll(async () => {
    await rm?.close();
  });

  it('is sent to the owner whose role it removes, and the events after it only to who holds a role then', async () => {
    const input = createSubscriptionSchema(true).parse({ url: 'http://127.0.0.1:9/roles' });
    const subscribe = async (owner: string) => {
      const key = (await createKey(rm.db, owner, { name: 'k', scopes: ['webhooks'] }))!;
      const scope = { keyId: key.info.id, owner };
      const sub = (await createSubscription(rm.db, scope, 'local', input))!;
      return async () => (await listDeliveries(rm.db, scope, sub.info.id)).map((d) => d.eventType).reverse();
    };
    const [ofAlice, ofBob, ofDave] = [await subscribe(alice), await subscribe(bob), await subscribe(dave)];

    const write = (ledger: number, b: ProjectedBatch) =>
      applyBatch(rm.db, 'local', b, { ledger, cursor: `c${ledger}` });
    // Dave approves throughout; alice until the update, bob from it.
    const both = (first: string, ledger: number) =>
      sampleSnapshot({
        contract: A,
        ledger,
        roles: [
          ['approver', first],
          ['service_provider', dave],
        ],
      });
    await write(1, { escrows: [both(alice, 1)], events: [sampleCreatedEvent(A, 1)], payouts: [] });
    // One batch: a status change, the update that hands alice's role to bob, then a funding.
    await write(2, {
      escrows: [both(bob, 2)],
      events: [event(2, 0, 'status'), event(2, 1, 'updated'), event(2, 2, 'funded')],
      payouts: [],
    });
    // Then a batch after the update: only who holds a role now.
    await write(3, { escrows: [both(bob, 3)], events: [event(3, 0, 'approved')], payouts: [] });

    expect(await ofAlice()).toEqual(['escrow.created', 'escrow.status', 'escrow.updated']);
    expect(await ofBob()).toEqual(['escrow.updated', 'escrow.funded', 'escrow.approved']);
    expect(await ofDave()).toEqual([
      'escrow.created',
      'escrow.status',
      'escrow.updated',
      'escrow.funded',
      'escrow.approved',
    ]);

    // An update in a batch of its own that removes bob: still sent to bob, and nothing after it.
    await write(4, { escrows: [approvedBy(alice, 4)], events: [event(4, 0, 'updated')], payouts: [] });
    await write(5, { escrows: [approvedBy(alice, 5)], events: [event(5, 0, 'funded')], payouts: [] });
    expect(await ofBob()).toEqual(['escrow.updated', 'escrow.funded', 'escrow.approved', 'escrow.updated']);
    expect((await ofAlice()).slice(3)).toEqual(['escrow.updated', 'escrow.funded']);
  });
});
