import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import type { ReadModel } from '@/lib/db/client';
import { escrows, events, funders, memberships, milestones, payouts } from '@/lib/db/schema';
import { testBackends } from '@/lib/db/testing';
import {
  sampleAccount,
  sampleContract,
  sampleCreatedEvent,
  sampleEventId,
  sampleSnapshot,
  ledgerTime,
} from '@/lib/db/sample';
import { applyBatch, membershipRows, readCursor } from './apply-batch';
import { BatchError } from './check-batch';
import { tryFollowerLock } from './follower-lock';
import type { ProjectedBatch } from './rows';

// PGlite starts in seconds, and slower on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const A = sampleContract(1);
const B = sampleContract(2);
const alice = sampleAccount(1);
const bob = sampleAccount(2);

/** Every row of every table, in a stable order: "nothing changed" compares two of these. */
async function dump(rm: ReadModel) {
  const db = rm.db;
  return {
    escrows: await db.select().from(escrows).orderBy(asc(escrows.contractId)),
    milestones: await db.select().from(milestones).orderBy(asc(milestones.contractId), asc(milestones.index)),
    memberships: await db.select().from(memberships).orderBy(asc(memberships.contractId), asc(memberships.address)),
    funders: await db.select().from(funders).orderBy(asc(funders.contractId), asc(funders.address)),
    events: await db.select().from(events).orderBy(asc(events.eventId)),
    payouts: await db.select().from(payouts).orderBy(asc(payouts.eventId), asc(payouts.position)),
    cursor: await readCursor(db, 'local'),
  };
}

function firstBatch(): ProjectedBatch {
  return {
    escrows: [
      sampleSnapshot({ contract: A, ledger: 10, roles: [['approver', alice]] }),
      sampleSnapshot({ contract: B, ledger: 11, roles: [['approver', bob]] }),
    ],
    events: [sampleCreatedEvent(A, 10), sampleCreatedEvent(B, 11)],
    payouts: [],
  };
}

/** A funds A (ledger 12), then A is released (ledger 13) with one payout. */
function secondBatch(): ProjectedBatch {
  const funded = sampleSnapshot({
    contract: A,
    ledger: 10,
    funded: 1000_0000000n,
    balance: 0n,
    released: 1000_0000000n,
    platformFeesPaid: 10_0000000n,
    protocolFeesPaid: 3_0000000n,
    isReleased: true,
    roles: [['approver', alice]],
    funders: [[bob, 1000_0000000n]],
    lastEventId: sampleEventId(13),
  });
  return {
    escrows: [funded],
    events: [
      { ...sampleCreatedEvent(A, 12), action: 'funded', data: { from: bob, amount: '10000000000' } },
      { ...sampleCreatedEvent(A, 13), action: 'released', data: {} },
    ],
    payouts: [
      {
        eventId: sampleEventId(13),
        position: 0,
        contractId: A,
        to: sampleAccount(901),
        gross: 1000_0000000n,
        refund: 0n,
        protocolFee: 3_0000000n,
        platformFee: 10_0000000n,
        net: 987_0000000n,
        closedAt: ledgerTime(13),
      },
    ],
  };
}

describe.each(testBackends())('applyBatch on $name', (backend) => {
  let rm: ReadModel;
  beforeAll(async () => {
    rm = await backend.open();
  });
  afterAll(async () => {
    await rm?.close();
  });

  it('writes a batch and its cursor together', async () => {
    const res = await applyBatch(rm.db, 'local', firstBatch(), { ledger: 11, cursor: 'c11' });
    expect(res).toEqual({ escrows: 2, events: 2 });
    const d = await dump(rm);
    expect(d.escrows.map((e) => [e.contractId, e.status, e.createdLedger])).toEqual(
      [
        [A, 'funding', 10],
        [B, 'funding', 11],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const ofA = new Map(d.memberships.filter((m) => m.contractId === A).map((m) => [m.address, m.roles]));
    expect(ofA.get(alice)).toEqual(['approver']);
    expect(ofA.get(sampleAccount(900))).toEqual(['platform']);
    expect(d.cursor).toEqual({ ledger: 11, cursor: 'c11' });
  });

  it('a replay of the same batch changes nothing', async () => {
    const before = await dump(rm);
    const res = await applyBatch(rm.db, 'local', firstBatch(), { ledger: 11, cursor: 'c11' });
    expect(res).toEqual({ escrows: 0, events: 0 });
    expect(await dump(rm)).toEqual(before);
  });

  it('applies newer snapshots, payouts and members; exact amounts come back as bigint', async () => {
    await applyBatch(rm.db, 'local', secondBatch(), { ledger: 13, cursor: 'c13' });
    const d = await dump(rm);
    const a = d.escrows.find((e) => e.contractId === A)!;
    expect(a.status).toBe('released');
    expect(a.funded).toBe(1000_0000000n);
    expect(a.platformFeesPaid).toBe(10_0000000n);
    expect(d.funders).toEqual([
      { network: 'local', contractId: A, address: bob, contributed: 1000_0000000n, refunded: 0n },
    ]);
    // The membership carries the escrow's dashboard columns as of this snapshot.
    expect(d.memberships.find((m) => m.contractId === A && m.address === bob)).toMatchObject({
      roles: ['funder'],
      status: 'released',
      amount: 1000_0000000n,
      balance: 0n,
      released: 1000_0000000n,
      feesPaid: 13_0000000n,
    });
    expect(d.payouts.map((p) => p.net)).toEqual([987_0000000n]);
    expect(d.events.map((e) => e.action)).toEqual(['created', 'created', 'funded', 'released']);
    expect(d.cursor).toEqual({ ledger: 13, cursor: 'c13' });
  });

  it('an older batch replayed later neither rolls an escrow back nor moves the cursor back', async () => {
    const before = await dump(rm);
    await applyBatch(rm.db, 'local', firstBatch(), { ledger: 11, cursor: 'c11' });
    await applyBatch(rm.db, 'local', secondBatch(), { ledger: 13, cursor: 'c13' });
    expect(await dump(rm)).toEqual(before);
  });

  it('a failure mid-batch leaves the previous state and cursor', async () => {
    const before = await dump(rm);
    const C = sampleContract(3);
    const batch: ProjectedBatch = {
      // C's snapshot is written first; the event of an escrow nobody adopted then fails (foreign key).
      escrows: [sampleSnapshot({ contract: C, ledger: 14 })],
      events: [sampleCreatedEvent(C, 14), sampleCreatedEvent(sampleContract(4), 14, 1)],
      payouts: [],
    };
    await expect(applyBatch(rm.db, 'local', batch, { ledger: 14, cursor: 'c14' })).rejects.toThrow();
    expect(await dump(rm)).toEqual(before);
  });

  it('refuses bad input with a sentence and writes nothing', async () => {
    const before = await dump(rm);
    const typo = alice.slice(0, -1) + (alice.endsWith('A') ? 'B' : 'A');
    const bad = sampleSnapshot({ contract: sampleContract(5), ledger: 15, roles: [['approver', typo]] });
    const batch = { escrows: [bad], events: [], payouts: [] };
    await expect(applyBatch(rm.db, 'local', batch, { ledger: 15, cursor: 'c15' })).rejects.toThrow(BatchError);
    await expect(applyBatch(rm.db, 'local', batch, { ledger: 15, cursor: 'c15' })).rejects.toThrow(/is not an address/);
    const negative = sampleSnapshot({ contract: sampleContract(5), ledger: 15, funded: -1n });
    await expect(
      applyBatch(rm.db, 'local', { ...batch, escrows: [negative] }, { ledger: 15, cursor: 'c15' }),
    ).rejects.toThrow(/outside 0..i128/);
    await expect(applyBatch(rm.db, 'Bad Net', firstBatch(), { ledger: 15, cursor: 'x' })).rejects.toThrow(
      /network name/,
    );
    const second = secondBatch();
    const misfiled = { ...second, payouts: second.payouts.map((p) => ({ ...p, contractId: B })) };
    await expect(applyBatch(rm.db, 'local', misfiled, { ledger: 15, cursor: 'x' })).rejects.toThrow(/belongs to/);
    expect(await dump(rm)).toEqual(before);
  });

  it('an update replaces the roles: old members are gone', async () => {
    const updated = sampleSnapshot({
      contract: B,
      ledger: 11,
      roles: [['approver', alice]],
      lastEventId: sampleEventId(16),
    });
    await applyBatch(
      rm.db,
      'local',
      { escrows: [updated], events: [{ ...sampleCreatedEvent(B, 16), action: 'updated' }], payouts: [] },
      { ledger: 16, cursor: 'c16' },
    );
    const d = await dump(rm);
    const approvers = d.memberships
      .filter((m) => m.contractId === B && m.roles.includes('approver'))
      .map((m) => m.address);
    expect(approvers).toEqual([alice]);
    expect(d.memberships.filter((m) => m.address === bob).map((m) => m.contractId)).toEqual([A]); // bob funded A only
  });

  it('keeps the largest i128 exactly', async () => {
    const max = (1n << 127n) - 1n;
    const big = sampleSnapshot({ contract: sampleContract(6), ledger: 17, amount: max, funded: max });
    await applyBatch(rm.db, 'local', { escrows: [big], events: [], payouts: [] }, { ledger: 17, cursor: 'c17' });
    const [row] = await rm.db
      .select({ amount: escrows.amount, sum: sql<string>`(${escrows.amount} + ${escrows.funded})::text` })
      .from(escrows)
      .where(sql`${escrows.contractId} = ${sampleContract(6)}`);
    expect(row).toEqual({ amount: max, sum: (2n * max).toString() });
  });

  it('stores a text holding NUL (the contract allows it, Postgres text and jsonb do not) with U+FFFD instead', async () => {
    const C = sampleContract(3);
    const snap = sampleSnapshot({ contract: C, ledger: 20 });
    snap.escrow.title = 'a\u0000b';
    const event = { ...sampleCreatedEvent(C, 20), data: { evidence: 'x\u0000y' } };
    await applyBatch(rm.db, 'local', { escrows: [snap], events: [event], payouts: [] }, { ledger: 20, cursor: 'c20' });
    const d = await dump(rm);
    expect(d.escrows.find((e) => e.contractId === C)!.title).toBe('a\uFFFDb');
    expect(d.events.find((e) => e.contractId === C)!.data).toEqual({ evidence: 'x\uFFFDy' });
  });

  it('lets one follower per network hold the lock', async () => {
    const first = await tryFollowerLock(rm, 'local');
    expect(first).not.toBeNull();
    expect(await tryFollowerLock(rm, 'local')).toBeNull();
    const other = await tryFollowerLock(rm, 'testnet');
    expect(other).not.toBeNull();
    await first!.release();
    const again = await tryFollowerLock(rm, 'local');
    expect(again).not.toBeNull();
    await again!.release();
    await other!.release();
  });
});

describe('membershipRows', () => {
  it('makes one row per address with its roles in a fixed order', () => {
    const snap = sampleSnapshot({
      contract: A,
      ledger: 1,
      roles: [
        ['release_signer', alice],
        ['milestone_receiver', bob],
        ['approver', alice],
        ['milestone_receiver', bob],
      ],
      funders: [[alice, 5n]],
    });
    const rows = membershipRows('local', snap);
    expect(rows.find((r) => r.address === alice)!.roles).toEqual(['approver', 'release_signer', 'funder']);
    expect(rows.find((r) => r.address === bob)!.roles).toEqual(['milestone_receiver']);
    expect(rows.length).toBe(new Set(rows.map((r) => r.address)).size);
  });
});
