import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReadModel } from '../client';
import { testBackends } from '../testing';
import {
  ledgerTime,
  sampleAccount,
  sampleContract,
  sampleCreatedEvent,
  sampleEventId,
  sampleSnapshot,
  sampleToken,
} from '../sample';
import { applyBatch } from '@/lib/indexer/apply-batch';
import type { EscrowSnapshot, PayoutRow, ProjectedBatch } from '@/lib/indexer/rows';
import { escrowFilterSchema, type EscrowFilter } from './filters';
import { listEscrows, type EscrowListItem } from './list-escrows';
import { CursorError } from './page-cursor';
import { totalsByToken } from './totals';
import { platformFeeIncome } from './fee-income';
import { exportEscrowsCsv } from './export-csv';
import { escrowTimeline } from './timeline';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const alice = sampleAccount(1);
const bob = sampleAccount(2);
const platform = sampleAccount(3);
const otherPlatform = sampleAccount(4);
const T1 = sampleToken(1);
const T2 = sampleToken(2);
const [E1, E2, E3, E4, E5] = [1, 2, 3, 4, 5].map(sampleContract) as [string, string, string, string, string];

const special: EscrowSnapshot[] = [
  sampleSnapshot({
    contract: E1,
    ledger: 100,
    token: T1,
    title: 'Logo design',
    engagementId: 'ENG-001',
    amount: 500n,
    funded: 500n,
    roles: [
      ['approver', alice],
      ['service_provider', bob],
      ['platform', platform],
    ],
  }),
  sampleSnapshot({
    contract: E2,
    ledger: 200,
    kind: 'multi',
    token: T2,
    title: 'Website build',
    engagementId: 'ENG-002',
    amount: 3000n,
    funded: 1000n,
    roles: [
      ['approver', alice],
      ['release_signer', alice],
      ['platform', platform],
    ],
  }),
  sampleSnapshot({
    contract: E3,
    ledger: 300,
    token: T1,
    title: '100% done_deal',
    engagementId: 'X_1',
    amount: 800n,
    funded: 800n,
    disputed: true,
    inDispute: 800n,
    funders: [[alice, 800n]],
    roles: [['platform', otherPlatform]],
  }),
  sampleSnapshot({
    contract: E4,
    ledger: 400,
    token: T1,
    title: 'Translation',
    amount: 1000n,
    funded: 1000n,
    balance: 0n,
    released: 1000n,
    platformFeesPaid: 10n,
    protocolFeesPaid: 3n,
    isReleased: true,
    roles: [
      ['receiver', bob],
      ['platform', platform],
    ],
  }),
];
/** 24 more of alice's (approver), with repeated amounts so that ties must break by contract id. */
const many = Array.from({ length: 24 }, (_, i) =>
  sampleSnapshot({
    contract: sampleContract(100 + i),
    ledger: 1000 + i,
    token: i % 2 ? T2 : T1,
    amount: BigInt(100 * (1 + (i % 5))),
    funded: BigInt(10 * i),
    title: i === 7 ? '=HYPERLINK("x"),"quoted"\nline' : `Job ${i}`,
    roles: [['approver', alice]],
  }),
);
const testnetTwin = sampleSnapshot({ contract: E5, ledger: 100, token: T1, roles: [['approver', alice]] });

const payout = (contract: string, ledger: number, closedAt: Date, platformFee: bigint): PayoutRow => ({
  eventId: sampleEventId(ledger),
  position: 0,
  contractId: contract,
  to: bob,
  gross: 1000n,
  refund: 0n,
  protocolFee: 3n,
  platformFee,
  net: 1000n - 3n - platformFee,
  closedAt,
});
const payouts = [
  payout(E4, 500, new Date('2026-01-15T10:00:00Z'), 10n),
  payout(E1, 501, new Date('2026-02-03T00:00:00Z'), 7n),
  payout(E1, 502, new Date('2026-02-28T23:59:59Z'), 5n),
  payout(E2, 503, new Date('2026-02-10T00:00:00Z'), 20n),
  payout(E3, 504, new Date('2026-02-10T00:00:00Z'), 99n), // another platform's escrow
];

const payoutLedgers = payouts.map((p) => [p.contractId, 500 + payouts.indexOf(p)] as const);

const filter = (over: Partial<EscrowFilter> = {}): EscrowFilter => ({ network: 'local', address: alice, ...over });
const ids = (rows: EscrowListItem[]) => rows.map((r) => r.contractId);
/** Alice's 27 escrows, newest first: the order every page of the default sort must follow. */
const aliceNewestFirst = [...many.slice().reverse(), special[2]!, special[1]!, special[0]!].map(
  (s) => s.escrow.contractId,
);

async function all(
  rm: ReadModel,
  f: EscrowFilter,
  sort: 'created' | 'amount' = 'created',
  order: 'asc' | 'desc' = 'desc',
) {
  return (await listEscrows(rm.db, f, { sort, order, limit: 500 })).rows;
}

describe.each(testBackends())('dashboard queries on $name', (backend) => {
  let rm: ReadModel;
  beforeAll(async () => {
    rm = await backend.open();
    const snapshots = [...special, ...many];
    const batch: ProjectedBatch = {
      escrows: snapshots,
      events: [
        ...snapshots.map((s) => sampleCreatedEvent(s.escrow.contractId, s.escrow.createdLedger)),
        ...payoutLedgers.map(([contract, ledger]) => ({ ...sampleCreatedEvent(contract, ledger), action: 'released' })),
      ],
      payouts,
    };
    await applyBatch(rm.db, 'local', batch, { ledger: 600, cursor: 'c' });
    await applyBatch(
      rm.db,
      'testnet',
      { escrows: [testnetTwin], events: [], payouts: [] },
      { ledger: 100, cursor: 'c' },
    );
  });
  afterAll(async () => {
    await rm?.close();
  });

  it('lists every escrow of an address across its roles, newest first, with its roles', async () => {
    const rows = await all(rm, filter());
    expect(ids(rows)).toEqual(aliceNewestFirst);
    const byId = new Map(rows.map((r) => [r.contractId, r]));
    expect(byId.get(E2)!.roles).toEqual(['approver', 'release_signer']);
    expect(byId.get(E3)!.roles).toEqual(['funder']);
    expect(byId.get(E1)).toMatchObject({
      title: 'Logo design',
      kind: 'single',
      status: 'in_progress',
      amount: 500n,
      funded: 500n,
      token: T1,
    });
    expect(byId.has(E4)).toBe(false); // bob's and the platform's, not alice's
    expect(byId.has(E5)).toBe(false); // another network
  });

  it('filters by role, status, kind, token and creation time', async () => {
    expect(ids(await all(rm, filter({ roles: ['funder'] })))).toEqual([E3]);
    expect(ids(await all(rm, filter({ roles: ['release_signer', 'funder'] })))).toEqual([E3, E2]);
    expect(ids(await all(rm, filter({ statuses: ['disputed'] })))).toEqual([E3]);
    expect(ids(await all(rm, filter({ kinds: ['multi'] })))).toEqual([E2]);
    expect(ids(await all(rm, filter({ tokens: [T2], createdTo: ledgerTime(1000) })))).toEqual([E2]);
    expect(ids(await all(rm, filter({ createdFrom: ledgerTime(150), createdTo: ledgerTime(350) })))).toEqual([E3, E2]);
    expect(ids(await all(rm, filter({ address: bob })))).toEqual([E4, E1]);
    expect(ids(await all(rm, filter({ address: bob, roles: ['receiver'] })))).toEqual([E4]);
  });

  it('searches titles and engagement ids, case-insensitively and with LIKE wildcards taken literally', async () => {
    expect(ids(await all(rm, filter({ search: 'LOGO' })))).toEqual([E1]);
    expect(ids(await all(rm, filter({ search: 'eng-002' })))).toEqual([E2]);
    expect(ids(await all(rm, filter({ search: '%' })))).toEqual([E3]);
    expect(ids(await all(rm, filter({ search: '_' })))).toEqual([E3]);
    expect(ids(await all(rm, filter({ search: 'nothing like it' })))).toEqual([]);
  });

  it('pages with keyset cursors: the pages add up to the whole list, in order, without repeats', async () => {
    for (const [sort, order] of [
      ['created', 'desc'],
      ['created', 'asc'],
      ['amount', 'desc'],
      ['amount', 'asc'],
    ] as const) {
      const whole = ids(await all(rm, filter(), sort, order));
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const page = await listEscrows(rm.db, filter(), { sort, order, limit: 10, cursor });
        seen.push(...ids(page.rows));
        sizes.push(page.rows.length);
        cursor = page.nextCursor;
      } while (cursor);
      expect(sizes).toEqual([10, 10, 7]);
      expect(seen).toEqual(whole);
    }
    const byAmount = await all(rm, filter(), 'amount', 'desc');
    const keys = byAmount.map((r) => [r.amount, r.contractId] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? 1 : -1));
    expect(keys).toEqual(sorted);
    expect(byAmount[0]!.contractId).toBe(E2);
  });

  it('pages back with `before`: each previous page is the page that came before, and the first has no prevCursor', async () => {
    for (const [sort, order] of [
      ['created', 'desc'],
      ['amount', 'asc'],
    ] as const) {
      const forward: { rows: string[]; prev: string | null; next: string | null }[] = [];
      let cursor: string | null = null;
      do {
        const page = await listEscrows(rm.db, filter(), { sort, order, limit: 10, cursor });
        forward.push({ rows: ids(page.rows), prev: page.prevCursor, next: page.nextCursor });
        cursor = page.nextCursor;
      } while (cursor);
      expect(forward[0]!.prev).toBeNull();
      // From the last page back to the first, by prevCursor alone.
      for (let i = forward.length - 1; i > 0; i--) {
        const back = await listEscrows(rm.db, filter(), { sort, order, limit: 10, before: forward[i]!.prev });
        expect(ids(back.rows)).toEqual(forward[i - 1]!.rows);
        expect(back.nextCursor).not.toBeNull();
        expect(back.prevCursor === null).toBe(i === 1);
        // Forward again from the page we came back to lands where we were.
        const again = await listEscrows(rm.db, filter(), { sort, order, limit: 10, cursor: back.nextCursor });
        expect(ids(again.rows)).toEqual(forward[i]!.rows);
      }
    }
    const first = await listEscrows(rm.db, filter(), { limit: 5 });
    await expect(
      listEscrows(rm.db, filter(), { limit: 5, cursor: first.nextCursor, before: first.nextCursor }),
    ).rejects.toThrow(CursorError);
  });

  it('refuses a cursor of another sort, or a broken one', async () => {
    const first = await listEscrows(rm.db, filter(), { limit: 5 });
    await expect(listEscrows(rm.db, filter(), { sort: 'amount', cursor: first.nextCursor })).rejects.toThrow(
      CursorError,
    );
    await expect(listEscrows(rm.db, filter(), { cursor: 'not-a-cursor' })).rejects.toThrow(CursorError);
    await expect(listEscrows(rm.db, filter(), { limit: 0 })).rejects.toThrow(RangeError);
  });

  it('sums exact totals per token over every matching escrow', async () => {
    const expected = new Map<
      string,
      { escrows: number; locked: bigint; released: bigint; feesPaid: bigint; inDispute: bigint }
    >();
    for (const s of [...special, ...many]) {
      const e = s.escrow;
      if (!s.memberships.some((m) => m.address === alice)) continue;
      const t = expected.get(e.token) ?? { escrows: 0, locked: 0n, released: 0n, feesPaid: 0n, inDispute: 0n };
      t.escrows += 1;
      t.locked += e.balance;
      t.released += e.released;
      t.feesPaid += e.platformFeesPaid + e.protocolFeesPaid;
      t.inDispute += e.inDispute;
      expected.set(e.token, t);
    }
    const totals = await totalsByToken(rm.db, filter());
    expect(totals).toEqual(
      [...expected].map(([token, t]) => ({ token, ...t })).sort((a, b) => (a.token < b.token ? -1 : 1)),
    );
    expect(totals.reduce((n, t) => n + t.escrows, 0)).toBe(27);

    expect(await totalsByToken(rm.db, filter({ address: bob, roles: ['receiver'] }))).toEqual([
      { token: T1, escrows: 1, locked: 0n, released: 1000n, feesPaid: 13n, inDispute: 0n },
    ]);
    expect(await totalsByToken(rm.db, filter({ statuses: ['disputed'] }))).toEqual([
      { token: T1, escrows: 1, locked: 800n, released: 0n, feesPaid: 0n, inDispute: 800n },
    ]);
    expect(await totalsByToken(rm.db, filter({ search: 'nothing like it' }))).toEqual([]);
  });

  it("gives a platform's fee income per token and month", async () => {
    const income = await platformFeeIncome(rm.db, { network: 'local', platform });
    expect(income).toEqual([
      { token: T1, month: '2026-01', platformFees: 10n, payouts: 1 },
      { token: T1, month: '2026-02', platformFees: 12n, payouts: 2 },
      { token: T2, month: '2026-02', platformFees: 20n, payouts: 1 },
    ]);
    const feb = await platformFeeIncome(rm.db, {
      network: 'local',
      platform,
      from: new Date('2026-02-01T00:00:00Z'),
      to: new Date('2026-02-10T00:00:00Z'),
    });
    expect(feb).toEqual([{ token: T1, month: '2026-02', platformFees: 7n, payouts: 1 }]);
    expect(await platformFeeIncome(rm.db, { network: 'testnet', platform })).toEqual([]);
  });

  it('exports every matching row as CSV, in list order, with hostile titles defused', async () => {
    let csv = '';
    let chunks = 0;
    for await (const chunk of exportEscrowsCsv(rm.db, filter(), { pageSize: 7 })) {
      csv += chunk;
      chunks += 1;
    }
    expect(chunks).toBe(1 + 4); // header, then 7 + 7 + 7 + 6 rows
    const lines = csv.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe(
      'contract_id,title,engagement_id,kind,status,token,amount,funded,locked,released,fees_paid,in_dispute,created_ledger,created_at,your_roles',
    );
    // Records end in CRLF; the hostile title's bare LF stays inside its quotes.
    expect(lines.length).toBe(1 + 27);
    expect(csv).toContain(`${sampleContract(107)},"'=HYPERLINK(""x""),""quoted""\nline",`);
    expect(lines[lines.length - 1]).toBe(
      `${E1},Logo design,ENG-001,single,in_progress,${T1},500,500,500,0,0,0,100,${ledgerTime(100).toISOString()},approver`,
    );
    const firstColumn = lines
      .slice(1)
      .filter((l) => /^C[A-Z2-7]{55},/.test(l))
      .map((l) => l.slice(0, 56));
    expect(firstColumn).toEqual(aliceNewestFirst);
  });
});

describe.each(testBackends())('an escrow timeline on $name', (backend) => {
  it('gives every event of one escrow, oldest first, in pages', async () => {
    const rm = await backend.open();
    try {
      const X = sampleContract(50);
      // Written out of order, in two batches, with another escrow's events in between.
      const snap = sampleSnapshot({ contract: X, ledger: 10, lastEventId: sampleEventId(50) });
      const other = sampleSnapshot({ contract: E1, ledger: 15 });
      const ev = (l: number, action: string) => ({ ...sampleCreatedEvent(X, l), action, data: { at: l } });
      await applyBatch(
        rm.db,
        'local',
        {
          escrows: [snap, other],
          events: [ev(30, 'approved'), ev(10, 'created'), sampleCreatedEvent(E1, 15)],
          payouts: [],
        },
        { ledger: 30, cursor: 'a' },
      );
      await applyBatch(
        rm.db,
        'local',
        { escrows: [], events: [ev(50, 'released'), ev(20, 'funded'), ev(40, 'approved')], payouts: [] },
        { ledger: 50, cursor: 'b' },
      );

      const first = await escrowTimeline(rm.db, 'local', X, { limit: 2 });
      expect(first.events.map((e) => [e.ledger, e.action])).toEqual([
        [10, 'created'],
        [20, 'funded'],
      ]);
      const second = await escrowTimeline(rm.db, 'local', X, { limit: 2, cursor: first.nextCursor });
      const third = await escrowTimeline(rm.db, 'local', X, { limit: 2, cursor: second.nextCursor });
      expect([...second.events, ...third.events].map((e) => e.ledger)).toEqual([30, 40, 50]);
      expect(third.nextCursor).toBeNull();
      expect(third.events[0]).toMatchObject({ action: 'released', data: { at: 50 }, closedAt: ledgerTime(50) });
      expect((await escrowTimeline(rm.db, 'testnet', X)).events).toEqual([]);
      await expect(escrowTimeline(rm.db, 'local', X, { cursor: 'DROP TABLE' })).rejects.toThrow(CursorError);
    } finally {
      await rm.close();
    }
  });
});

describe('the filter schema', () => {
  it('accepts a full filter and coerces dates', () => {
    const f = escrowFilterSchema.parse({
      network: 'local',
      address: alice,
      roles: ['funder'],
      createdFrom: '2026-01-01',
      search: '  logo ',
    });
    expect(f.createdFrom).toEqual(new Date('2026-01-01'));
    expect(f.search).toBe('logo');
  });
  it('names what is wrong', () => {
    const bad = escrowFilterSchema.safeParse({
      network: 'local',
      address: alice.slice(0, 55),
      roles: ['owner'],
      createdFrom: '2026-02-01',
      createdTo: '2026-01-01',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['address', 'roles.0']));
    const period = escrowFilterSchema.safeParse({
      network: 'local',
      address: alice,
      createdFrom: '2026-02-01',
      createdTo: '2026-01-01',
    });
    expect(period.error!.issues[0]).toMatchObject({
      path: ['createdTo'],
      message: 'The start of the period must come before its end',
    });
  });
});
