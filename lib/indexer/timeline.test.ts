import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReadModel } from '@/lib/db/client';
import { testBackends } from '@/lib/db/testing';
import { sampleContract, sampleCreatedEvent, sampleSnapshot } from '@/lib/db/sample';
import { applyBatch } from './apply-batch';
import { storedTimeline } from './timeline';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe.each(testBackends())('storedTimeline on $name', (backend) => {
  let rm: ReadModel;
  const known = sampleContract(1);
  beforeAll(async () => {
    rm = await backend.open();
    // More events than one page of the query, so the paging is exercised.
    const events = Array.from({ length: 1203 }, (_, i) => ({
      ...sampleCreatedEvent(known, 10 + i),
      action: i ? 'funded' : 'created',
    }));
    await applyBatch(
      rm.db,
      'local',
      { escrows: [sampleSnapshot({ contract: known, ledger: 10 })], events, payouts: [] },
      { ledger: 2000, cursor: 'c' },
    );
  });
  afterAll(async () => {
    await rm?.close();
  });

  it('gives every stored event oldest first, and null for an escrow the read model has not seen', async () => {
    const list = await storedTimeline(rm.db, 'local', known);
    expect(list).toHaveLength(1203);
    expect(list![0]).toMatchObject({ action: 'created', ledger: 10 });
    expect(list!.at(-1)).toMatchObject({ action: 'funded', ledger: 1212 });
    expect(list!.map((e) => e.id)).toEqual([...list!.map((e) => e.id)].sort());
    expect(await storedTimeline(rm.db, 'local', sampleContract(2))).toBeNull();
    expect(await storedTimeline(rm.db, 'testnet', known)).toBeNull();
  });
});
