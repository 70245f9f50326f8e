import { describe, expect, it, vi } from 'vitest';
import { escrow, milestone, who, ESCROW_ID, TOKEN } from '@/lib/testing/fixtures';
import { sampleContract, sampleEventId, sampleHash } from '@/lib/db/sample';
import { amountInDispute, toSnapshot, type SnapshotInput } from './snapshot';
import { applyBatch, membershipRows } from './apply-batch';
import { loadState } from './load-state';
import { testBackends } from '@/lib/db/testing';
import { escrows } from '@/lib/db/schema';
import { listEscrows } from '@/lib/db/queries/list-escrows';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const base = (over: Partial<SnapshotInput> = {}): SnapshotInput => ({
  contractId: ESCROW_ID,
  escrow: escrow(),
  funders: [],
  paid: { released: 0n, platformFees: 0n, protocolFees: 0n },
  wasmHash: sampleHash(7),
  createdLedger: 42,
  createdAt: new Date('2026-03-01T00:00:00Z'),
  lastEventId: sampleEventId(42),
  ...over,
});

describe('toSnapshot', () => {
  it('copies config, amounts and flags, and lists every role', () => {
    const s = toSnapshot(
      base({
        funders: [{ address: who.funder, contributed: 40_000_000n, refunded: 0n }],
        escrow: escrow({ funded: 40_000_000n, balance: 40_000_000n }, { deadline: 1_800_000_000n }),
      }),
    );
    expect(s.escrow).toMatchObject({
      contractId: ESCROW_ID,
      kind: 'single',
      title: 'Logo design',
      engagementId: 'ENG-1',
      token: TOKEN,
      platform: who.platform,
      amount: 100_000_000n,
      funded: 40_000_000n,
      balance: 40_000_000n,
      status: 'funding',
      platformFeeBps: 300,
      protocolFeeBps: 30,
      deadline: new Date(1_800_000_000 * 1000),
    });
    expect(s.escrow.config).toMatchObject({
      amount: '100000000',
      deadline: '1800000000',
      roles: { platform: who.platform },
    });
    expect(s.memberships).toEqual(
      expect.arrayContaining([
        { role: 'approver', address: who.approver },
        { role: 'service_provider', address: who.provider },
        { role: 'release_signer', address: who.signer },
        { role: 'dispute_resolver', address: who.resolver },
        { role: 'platform', address: who.platform },
        { role: 'receiver', address: who.receiver },
        { role: 'funder', address: who.funder },
      ]),
    );
    expect(s.milestones.map((m) => [m.index, m.description])).toEqual([
      [0, 'Draft'],
      [1, 'Final'],
    ]);
  });

  it('names milestone receivers, and a funder paid back in full is still a funder', () => {
    const multi = escrow(
      {},
      {
        kind: 'Multi',
        amount: 0n,
        milestones: [
          { description: 'A', amount: 10n, receiver: who.stranger },
          { description: 'B', amount: 20n, receiver: null },
        ],
      },
    );
    const s = toSnapshot(base({ escrow: multi, funders: [{ address: who.funder, contributed: 30n, refunded: 30n }] }));
    expect(s.escrow.amount).toBe(30n);
    const rows = membershipRows('local', s);
    expect(rows.find((r) => r.address === who.stranger)!.roles).toEqual(['milestone_receiver']);
    expect(rows.find((r) => r.address === who.funder)!.roles).toEqual(['funder']);
  });

  it('derives the status and what an open dispute holds', () => {
    const single = (over: Parameters<typeof escrow>[0]) =>
      toSnapshot(base({ escrow: escrow({ funded: 100_000_000n, balance: 100_000_000n, ...over }) })).escrow;
    expect(single({}).status).toBe('in_progress');
    expect(single({ disputed: true })).toMatchObject({ status: 'disputed', disputed: true, inDispute: 100_000_000n });
    expect(single({ disputed: true, resolved: true, balance: 0n })).toMatchObject({
      status: 'resolved',
      disputed: false,
      inDispute: 0n,
    });
    expect(single({ released: true, balance: 0n }).status).toBe('released');
    expect(single({ refunding: true }).status).toBe('refunding');

    const multiConfig = {
      kind: 'Multi' as const,
      amount: 0n,
      milestones: [
        { description: 'A', amount: 10n, receiver: null },
        { description: 'B', amount: 20n, receiver: null },
      ],
    };
    const multi = (ms: ReturnType<typeof milestone>[], balance = 30n) =>
      escrow({ milestones: ms, funded: 30n, balance }, multiConfig);
    expect(amountInDispute(multi([milestone({ disputed: true }), milestone()]))).toBe(10n);
    expect(amountInDispute(multi([milestone({ disputed: true }), milestone({ disputed: true })], 25n))).toBe(25n);
    expect(amountInDispute(multi([milestone({ disputed: true, resolved: true }), milestone()], 20n))).toBe(0n);
    const done = toSnapshot(
      base({ escrow: multi([milestone({ released: true }), milestone({ disputed: true, resolved: true })], 0n) }),
    ).escrow;
    expect(done.status).toBe('resolved');
    const open = toSnapshot(
      base({ escrow: multi([milestone({ released: true }), milestone({ disputed: true })], 20n) }),
    ).escrow;
    expect(open).toMatchObject({ status: 'disputed', disputed: true, inDispute: 20n });
  });
});

describe.each(testBackends())('a snapshot stored on $name', (backend) => {
  it('is accepted as it is and reads back the same', async () => {
    const rm = await backend.open();
    try {
      const s = toSnapshot(
        base({
          funders: [{ address: who.funder, contributed: 100_000_000n, refunded: 0n }],
          escrow: escrow({ funded: 100_000_000n, balance: 100_000_000n, disputed: true }),
        }),
      );
      const created = {
        eventId: sampleEventId(42),
        contractId: ESCROW_ID,
        txHash: sampleHash(1),
        ledger: 42,
        closedAt: s.escrow.createdAt,
        action: 'created',
        data: {},
      };
      await applyBatch(rm.db, 'testnet', { escrows: [s], events: [created], payouts: [] }, { ledger: 42, cursor: 'x' });
      const [row] = await rm.db.select().from(escrows);
      expect(row).toEqual({ ...s.escrow, network: 'testnet' });
      const page = await listEscrows(rm.db, { network: 'testnet', address: who.funder });
      expect(page.rows.map((r) => [r.contractId, r.status, r.inDispute, r.roles])).toEqual([
        [ESCROW_ID, 'disputed', 100_000_000n, ['funder']],
      ]);
    } finally {
      await rm.close();
    }
  });
});

describe.each(testBackends())('loadState on $name', (backend) => {
  it('gives back exactly the state a snapshot was made from', async () => {
    const rm = await backend.open();
    try {
      const multiConfig = {
        kind: 'Multi' as const,
        amount: 0n,
        deadline: 1_900_000_000n,
        milestones: [
          { description: 'A', amount: 10n, receiver: who.stranger },
          { description: 'B', amount: 1n << 126n, receiver: null },
        ],
      };
      const multi = escrow(
        {
          milestones: [
            milestone({
              status: 'done',
              evidence: 'https://x',
              approvals: [who.approver],
              approved: true,
              released: true,
            }),
            milestone({ disputed: true, disputeReason: 'late' }),
          ],
          funded: 10n + (1n << 126n),
          paidOut: 10n,
          balance: 1n << 126n,
        },
        multiConfig,
      );
      const single = escrow(
        { disputed: true, resolved: true, disputeReason: 'quality', funded: 5n, paidOut: 5n, termsVersion: 3 },
        { engagementId: 'ENG-2' },
      );
      const inputs: SnapshotInput[] = [
        base({
          escrow: multi,
          funders: [{ address: who.funder, contributed: 10n + (1n << 126n), refunded: 0n }],
          paid: { released: 10n, platformFees: 1n, protocolFees: 0n },
        }),
        base({ contractId: sampleContract(9), escrow: single, lastEventId: sampleEventId(43) }),
      ];
      const events = inputs.map((s, i) => ({
        eventId: sampleEventId(42, i),
        contractId: s.contractId,
        txHash: sampleHash(i + 1),
        ledger: 42,
        closedAt: s.createdAt,
        action: 'created',
        data: {},
      }));
      await applyBatch(
        rm.db,
        'local',
        { escrows: inputs.map(toSnapshot), events, payouts: [] },
        { ledger: 43, cursor: 'x' },
      );
      for (const s of inputs) expect(await loadState(rm.db, 'local', s.contractId)).toEqual(s);
      expect(await loadState(rm.db, 'testnet', inputs[0]!.contractId)).toBeNull();
    } finally {
      await rm.close();
    }
  });
});
