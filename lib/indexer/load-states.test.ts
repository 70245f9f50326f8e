import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { escrow, milestone, who } from '@/lib/testing/fixtures';
import { sampleContract, sampleCreatedEvent, sampleEventId, sampleHash } from '@/lib/db/sample';
import type { ReadModel } from '@/lib/db/client';
import { testBackends } from '@/lib/db/testing';
import { applyBatch } from './apply-batch';
import { loadState, loadStates } from './load-state';
import { toSnapshot, type SnapshotInput } from './snapshot';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ids = [1, 2, 3].map((n) => sampleContract(50 + n));
const states: SnapshotInput[] = ids.map((contractId, i) => ({
  contractId,
  escrow: escrow(
    {
      funded: BigInt(i) * 10n,
      balance: BigInt(i) * 10n,
      milestones: [milestone({ status: i ? 'Done' : '', approvals: i > 1 ? [who.approver] : [] }), milestone()],
    },
    { kind: i === 2 ? 'Multi' : 'Single', title: `Escrow ${i}` },
  ),
  funders: i ? [{ address: who.funder, contributed: BigInt(i) * 10n, refunded: 0n }] : [],
  paid: { released: 0n, platformFees: 0n, protocolFees: 0n },
  wasmHash: sampleHash(7),
  createdLedger: 10 + i,
  createdAt: new Date(Date.UTC(2026, 2, 1 + i)),
  lastEventId: sampleEventId(10 + i),
}));

describe.each(testBackends())('loadStates on $name', (backend) => {
  let rm: ReadModel;
  beforeAll(async () => {
    rm = await backend.open();
    await applyBatch(
      rm.db,
      'local',
      {
        escrows: states.map(toSnapshot),
        events: states.map((s) => sampleCreatedEvent(s.contractId, s.createdLedger)),
        payouts: [],
      },
      { ledger: 20, cursor: 'c' },
    );
  });
  afterAll(async () => {
    await rm?.close();
  });

  it('reads several escrows at once exactly as loadState reads each; unknown ones are absent', async () => {
    const unknown = sampleContract(99);
    const many = await loadStates(rm.db, 'local', [...ids, unknown, ids[0]!]);
    expect([...many.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(many.get(id)).toEqual(await loadState(rm.db, 'local', id));
    expect(many.get(ids[2]!)!.escrow.milestones.map((m) => m.approvals)).toEqual([[who.approver], []]);
    expect((await loadStates(rm.db, 'local', [])).size).toBe(0);
    expect((await loadStates(rm.db, 'testnet', ids)).size).toBe(0);
  });
});
