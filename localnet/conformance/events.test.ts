// getEvents: type / contractIds / topic filters (incl. "*" and "**"), start and
// end ledger, cursor paging, limits. Events come from Stellar Asset Contract
// transfers: topics ["transfer", from, to, "USDC:<issuer>"].
import { beforeAll, describe, expect, test } from 'vitest';
import { Address, Asset, Keypair, nativeToScVal, rpc, scValToNative, xdr } from '@stellar/stellar-sdk';
import {
  PASSPHRASE,
  STROOPS,
  faucet,
  fundWithTrustline,
  rawRpc,
  rpcResult,
  sacClient,
  sharedCtx,
  symTopic,
  usdcAsset,
  type AnyClient,
} from './helpers.ts';

const c = sharedCtx();

const addrTopic = (pub: string) => nativeToScVal(Address.fromString(pub)).toXdr('base64');

function amountOf(v: xdr.ScVal): bigint {
  const n = scValToNative(v);
  return typeof n === 'bigint' ? n : BigInt(n.amount);
}

let usdc: Asset;
let usdcSac: string;
let alice: Keypair;
let bob: Keypair;
const sent: { hash: string; ledger: number; amount: bigint }[] = [];

beforeAll(async () => {
  usdc = await usdcAsset(c);
  usdcSac = usdc.contractId(PASSPHRASE);
  [alice, bob] = await Promise.all([fundWithTrustline(c, usdc), fundWithTrustline(c, usdc)]);
  const f = await faucet(c, alice.publicKey(), 'USDC', '100');
  if (f.status !== 200) throw new Error(`faucet: ${f.status} ${f.text}`);
  const client = (await sacClient(c, usdcSac, alice)) as AnyClient;
  for (const n of [1n, 2n, 3n]) {
    const res = (
      await (await client.transfer({ from: alice.publicKey(), to: bob.publicKey(), amount: n * STROOPS })).signAndSend()
    ).getTransactionResponse!;
    if (res.status !== rpc.Api.GetTransactionStatus.SUCCESS) throw new Error(`transfer ${n} failed`);
    sent.push({ hash: res.txHash, ledger: res.ledger, amount: n * STROOPS });
  }
}, 60_000);

const aliceToBob = () => [symTopic('transfer'), addrTopic(alice.publicKey()), addrTopic(bob.publicKey()), '*'];

describe('getEvents', () => {
  test("topic filter with '*': exactly our three transfers, fully described", async () => {
    const r = await c.server.getEvents({
      startLedger: sent[0]!.ledger,
      filters: [{ type: 'contract', contractIds: [usdcSac], topics: [aliceToBob()] }],
    });
    expect(r.events.map((e) => e.txHash)).toEqual(sent.map((s) => s.hash));
    expect(r.events.map((e) => amountOf(e.value))).toEqual(sent.map((s) => s.amount));
    expect(r.latestLedger).toBeGreaterThanOrEqual(sent[2]!.ledger);
    expect(r.oldestLedger).toBeLessThanOrEqual(sent[0]!.ledger);
    expect(typeof r.latestLedgerCloseTime).toBe('string');
    expect(typeof r.cursor).toBe('string');
    r.events.forEach((e, i) => {
      expect(e.type).toBe('contract');
      expect(e.ledger).toBe(sent[i]!.ledger);
      expect(e.contractId?.contractId()).toBe(usdcSac);
      expect(e.inSuccessfulContractCall).toBe(true);
      expect(e.operationIndex).toBe(0);
      expect(Number.isNaN(Date.parse(e.ledgerClosedAt))).toBe(false);
      expect(e.topic.map((t) => scValToNative(t))).toEqual([
        'transfer',
        alice.publicKey(),
        bob.publicKey(),
        `USDC:${usdc.getIssuer()}`,
      ]);
      // id: "%019d-%010d" = TOID(ledger<<32 | tx<<12 | op) - event index
      expect(e.id).toMatch(/^\d{19}-\d{10}$/);
      const toid = BigInt(e.id.split('-')[0]!);
      expect(Number(toid >> 32n)).toBe(e.ledger);
      expect(Number((toid >> 12n) & 0xfffffn)).toBeGreaterThanOrEqual(1);
      expect(Number(toid & 0xfffn)).toBe(e.operationIndex);
    });
    // ids strictly increase
    const ids = r.events.map((e) => e.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  test("'**' matches any number of trailing segments", async () => {
    const r = await c.server.getEvents({
      startLedger: sent[0]!.ledger,
      filters: [{ contractIds: [usdcSac], topics: [[symTopic('transfer'), addrTopic(alice.publicKey()), '**']] }],
    });
    expect(r.events.map((e) => e.txHash)).toEqual(sent.map((s) => s.hash));
    const star = await c.server.getEvents({
      startLedger: sent[0]!.ledger,
      filters: [{ topics: [['*', addrTopic(alice.publicKey()), addrTopic(bob.publicKey()), '**']] }],
    });
    expect(star.events.map((e) => e.txHash)).toEqual(sent.map((s) => s.hash));
  });

  test('filters that must not match: reversed direction, too few segments, other contract, system type', async () => {
    const start = sent[0]!.ledger;
    const cases: rpc.Api.EventFilter[][] = [
      [{ contractIds: [usdcSac], topics: [[symTopic('transfer'), addrTopic(bob.publicKey()), '**']] }],
      // 3 segments without "**" do not match 4-topic events
      [
        {
          contractIds: [usdcSac],
          topics: [[symTopic('transfer'), addrTopic(alice.publicKey()), addrTopic(bob.publicKey())]],
        },
      ],
      [{ contractIds: [Asset.native().contractId(PASSPHRASE)], topics: [aliceToBob()] }],
      [{ type: 'system', contractIds: [usdcSac], topics: [aliceToBob()] }],
      [{ contractIds: [usdcSac], topics: [[symTopic('mint'), addrTopic(alice.publicKey()), '**']] }],
    ];
    for (const filters of cases) {
      const r = await c.server.getEvents({ startLedger: start, filters });
      expect(r.events, JSON.stringify(filters)).toHaveLength(0);
    }
  });

  test('several topic alternatives in a filter are OR-ed; several filters are OR-ed', async () => {
    const reversed = [symTopic('transfer'), addrTopic(bob.publicKey()), addrTopic(alice.publicKey()), '*'];
    const r = await c.server.getEvents({
      startLedger: sent[0]!.ledger,
      filters: [{ contractIds: [usdcSac], topics: [reversed, aliceToBob()] }],
    });
    expect(r.events).toHaveLength(3);
    const r2 = await c.server.getEvents({
      startLedger: sent[0]!.ledger,
      filters: [
        { contractIds: [usdcSac], topics: [reversed] },
        { contractIds: [usdcSac], topics: [aliceToBob()] },
      ],
    });
    expect(r2.events).toHaveLength(3);
  });

  test('endLedger is exclusive', async () => {
    const [s0, s1] = sent;
    expect(s1!.ledger).toBeGreaterThan(s0!.ledger);
    const r = await c.server.getEvents({
      startLedger: s0!.ledger,
      endLedger: s1!.ledger,
      filters: [{ contractIds: [usdcSac], topics: [aliceToBob()] }],
    });
    expect(r.events.map((e) => e.txHash)).toEqual([s0!.hash]);
    const r2 = await c.server.getEvents({
      startLedger: s1!.ledger,
      filters: [{ contractIds: [usdcSac], topics: [aliceToBob()] }],
    });
    expect(r2.events.map((e) => e.txHash)).toEqual([sent[1]!.hash, sent[2]!.hash]);
  });

  test('cursor paging with limit 1 walks the events in order, then runs dry', async () => {
    const filters = [{ contractIds: [usdcSac], topics: [aliceToBob()] }];
    const p1 = await c.server.getEvents({ startLedger: sent[0]!.ledger, filters, limit: 1 });
    expect(p1.events.map((e) => e.txHash)).toEqual([sent[0]!.hash]);
    expect(p1.cursor).toBe(p1.events[0]!.id);
    const p2 = await c.server.getEvents({ cursor: p1.cursor, filters, limit: 1 });
    expect(p2.events.map((e) => e.txHash)).toEqual([sent[1]!.hash]);
    const p3 = await c.server.getEvents({ cursor: p2.cursor, filters, limit: 1 });
    expect(p3.events.map((e) => e.txHash)).toEqual([sent[2]!.hash]);
    const p4 = await c.server.getEvents({ cursor: p3.cursor, filters, limit: 1 });
    expect(p4.events).toHaveLength(0);
    expect(p4.cursor.length).toBeGreaterThan(0);
    const p12 = await c.server.getEvents({ startLedger: sent[0]!.ledger, filters, limit: 2 });
    expect(p12.events.map((e) => e.txHash)).toEqual([sent[0]!.hash, sent[1]!.hash]);
  });

  test('raw response shape', async () => {
    const res = await rpcResult(c.rpcUrl, 'getEvents', {
      startLedger: sent[0]!.ledger,
      filters: [{ type: 'contract', contractIds: [usdcSac], topics: [aliceToBob()] }],
      pagination: { limit: 1 },
    });
    expect(res.events).toHaveLength(1);
    const e = res.events[0];
    for (const k of [
      'type',
      'ledger',
      'ledgerClosedAt',
      'contractId',
      'id',
      'operationIndex',
      'transactionIndex',
      'txHash',
      'inSuccessfulContractCall',
      'topic',
      'value',
    ]) {
      expect(e, `event field ${k}`).toHaveProperty(k);
    }
    expect(typeof e.value).toBe('string');
    expect(Array.isArray(e.topic)).toBe(true);
    expect(typeof res.latestLedger).toBe('number');
    expect(typeof res.oldestLedger).toBe('number');
    expect(typeof res.latestLedgerCloseTime).toBe('string');
    expect(typeof res.oldestLedgerCloseTime).toBe('string');
  });

  describe('limits and bad requests are JSON-RPC errors', () => {
    const bad = async (params: unknown) => {
      const r = await rawRpc(c.rpcUrl, 'getEvents', params);
      expect(r.body?.error, `params ${JSON.stringify(params).slice(0, 200)} → ${r.text.slice(0, 200)}`).toBeDefined();
      expect(typeof r.body.error.code).toBe('number');
    };
    const t = () => [symTopic('transfer'), '*'];
    test('limit above 10000', async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: [], pagination: { limit: 10001 } });
    });
    test('more than 5 filters', async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: Array.from({ length: 6 }, () => ({ type: 'contract' })) });
    });
    test('more than 5 contractIds', async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: [{ contractIds: Array.from({ length: 6 }, () => usdcSac) }] });
    });
    test('more than 5 topic filters', async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: [{ topics: Array.from({ length: 6 }, t) }] });
    });
    test('a topic filter longer than 4 segments', async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: [{ topics: [['*', '*', '*', '*', '*']] }] });
    });
    test("'**' not at the end", async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: [{ topics: [['**', symTopic('transfer')]] }] });
    });
    test('a topic segment that is not ScVal XDR', async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: [{ topics: [['!!notxdr']] }] });
    });
    test('an unknown event type', async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: [{ type: 'bogus' }] });
    });
    test('an invalid contract id', async () => {
      await bad({ startLedger: sent[0]!.ledger, filters: [{ contractIds: [Keypair.random().publicKey()] }] });
    });
    test('startLedger after the latest ledger', async () => {
      const latest = await c.server.getLatestLedger();
      await bad({ startLedger: latest.sequence + 100, filters: [] });
    });
    test('cursor together with startLedger', async () => {
      await bad({
        startLedger: sent[0]!.ledger,
        filters: [],
        pagination: { cursor: '0000000000000000000-0000000000' },
      });
    });
    test('endLedger before startLedger', async () => {
      await bad({ startLedger: sent[1]!.ledger, endLedger: sent[0]!.ledger, filters: [] });
    });
    test('neither startLedger nor cursor', async () => {
      await bad({ filters: [] });
    });
  });
});
