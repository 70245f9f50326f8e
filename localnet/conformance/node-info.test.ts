// getHealth, getNetwork, getVersionInfo, getLatestLedger, getFeeStats,
// GET /health and GET /localnet.
import { describe, expect, test } from 'vitest';
import { Asset, Keypair, Operation, StrKey, xdr } from '@stellar/stellar-sdk';
import { PASSPHRASE, PROTOCOL, fund, hexOf, localnetInfo, rawRpc, rpcResult, run, sharedCtx } from './helpers.ts';

const c = sharedCtx();

describe('node information', () => {
  test('GET /health answers 200', async () => {
    const r = await fetch(`${c.baseUrl}/health`);
    expect(r.status).toBe(200);
  });

  test('getHealth: healthy, with a consistent ledger window', async () => {
    const h = await c.server.getHealth();
    expect(h.status).toBe('healthy');
    expect(Number.isInteger(h.latestLedger)).toBe(true);
    expect(Number.isInteger(h.oldestLedger)).toBe(true);
    expect(h.latestLedger).toBeGreaterThanOrEqual(h.oldestLedger);
    expect(h.oldestLedger).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(h.ledgerRetentionWindow)).toBe(true);
    expect(h.ledgerRetentionWindow).toBeGreaterThan(0);
  });

  test('getNetwork: standalone passphrase, protocol, and a friendbotUrl on this node', async () => {
    const n = await c.server.getNetwork();
    expect(n.passphrase).toBe(PASSPHRASE);
    expect(Number(n.protocolVersion)).toBe(PROTOCOL);
    expect(typeof n.friendbotUrl).toBe('string');
    const fb = new URL(n.friendbotUrl!);
    expect(fb.origin).toBe(c.baseUrl);
    expect(fb.pathname.replace(/\/$/, '')).toBe('/friendbot');
  });

  test('getNetwork accepts `params: null` and omitted params alike', async () => {
    const withNull = await rawRpc(c.rpcUrl, 'getNetwork', null);
    expect(withNull.body.result.passphrase).toBe(PASSPHRASE);
    const omitted = await fetch(c.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'getNetwork' }),
    }).then((r) => r.json());
    expect(omitted.id).toBe(7);
    expect(omitted.jsonrpc).toBe('2.0');
    expect(omitted.result.passphrase).toBe(PASSPHRASE);
  });

  test('getVersionInfo: version strings and the protocol', async () => {
    const v = await c.server.getVersionInfo();
    expect(typeof v.version).toBe('string');
    expect(v.version.length).toBeGreaterThan(0);
    expect(typeof v.commitHash).toBe('string');
    expect(typeof v.buildTimestamp).toBe('string');
    expect(typeof v.captiveCoreVersion).toBe('string');
    expect(Number(v.protocolVersion)).toBe(PROTOCOL);
  });

  test('getLatestLedger: header and close meta XDR decode and agree with the JSON fields', async () => {
    // The SDK decodes headerXdr/metadataXdr unconditionally (>= 15.1): a missing or
    // undecodable field throws here.
    const l = await c.server.getLatestLedger();
    const raw = await rpcResult(c.rpcUrl, 'getLatestLedger');
    expect(typeof raw.closeTime).toBe('string');
    expect(raw.closeTime).toMatch(/^\d+$/);
    expect(l.id).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(l.protocolVersion)).toBe(PROTOCOL);
    const h = l.headerXdr;
    expect(h.ledgerSeq).toBe(l.sequence);
    expect(h.ledgerVersion).toBe(PROTOCOL);
    expect(h.baseFee).toBe(100);
    expect(h.baseReserve).toBeGreaterThan(0);
    expect(h.totalCoins).toBeGreaterThan(0n);
    expect(String(h.scpValue.closeTime)).toBe(l.closeTime);
    const m = l.metadataXdr;
    expect(m.type).toBe('v2'); // LedgerCloseMeta v2 from protocol 23 on
    const v2 = (m as xdr.LedgerCloseMeta & { v2: xdr.LedgerCloseMetaV2 }).v2;
    expect(v2.ledgerHeader.header.ledgerSeq).toBe(l.sequence);
    expect(hexOf(v2.ledgerHeader.hash)).toBe(l.id);
    // The previous ledger's hash chains.
    if (l.sequence > 1) {
      const prev = await c.server.getLedgers({ startLedger: l.sequence - 1, pagination: { limit: 1 } });
      expect(prev.ledgers[0]?.hash).toBe(hexOf(h.previousLedgerHash));
    }
  });

  test('getLatestLedger moves forward when a transaction is applied', async () => {
    const before = await c.server.getLatestLedger();
    const kp = await fund(c);
    const r = await run(c, kp, [
      Operation.payment({ destination: kp.publicKey(), asset: Asset.native(), amount: '1' }),
    ]);
    const after = await c.server.getLatestLedger();
    expect(r.ledger).toBeGreaterThan(before.sequence);
    expect(after.sequence).toBeGreaterThanOrEqual(r.ledger);
    expect(Number(after.closeTime)).toBeGreaterThanOrEqual(Number(before.closeTime));
  });

  test('getFeeStats: both distributions with string percentiles in order', async () => {
    // Put one classic transaction into the window first.
    const kp = await fund(c);
    await run(c, kp, [Operation.payment({ destination: kp.publicKey(), asset: Asset.native(), amount: '1' })]);
    const f = await c.server.getFeeStats();
    expect(Number.isInteger(f.latestLedger)).toBe(true);
    for (const d of [f.inclusionFee, f.sorobanInclusionFee]) {
      const keys = [
        'max',
        'min',
        'mode',
        'p10',
        'p20',
        'p30',
        'p40',
        'p50',
        'p60',
        'p70',
        'p80',
        'p90',
        'p95',
        'p99',
        'transactionCount',
      ] as const;
      for (const k of keys) {
        expect(typeof d[k], `fee stat ${k}`).toBe('string');
        expect(d[k]).toMatch(/^\d+$/);
      }
      expect(typeof d.ledgerCount).toBe('number');
      const ps = ['min', 'p10', 'p20', 'p30', 'p40', 'p50', 'p60', 'p70', 'p80', 'p90', 'p95', 'p99', 'max'] as const;
      for (let i = 1; i < ps.length; i++) {
        expect(BigInt(d[ps[i]!]) >= BigInt(d[ps[i - 1]!]), `${ps[i - 1]} <= ${ps[i]}`).toBe(true);
      }
    }
    // The friendbot and payment transactions just applied bid 100 stroops per operation.
    expect(BigInt(f.inclusionFee.transactionCount)).toBeGreaterThanOrEqual(1n);
    expect(BigInt(f.inclusionFee.max)).toBeGreaterThanOrEqual(100n);
  });

  test('GET /localnet: passphrase, URLs, protocol and the test USDC with its SAC id', async () => {
    const info = await localnetInfo(c);
    expect(info.passphrase).toBe(PASSPHRASE);
    expect(info.rpcUrl.replace(/\/$/, '')).toBe(c.rpcUrl);
    expect(new URL(info.friendbotUrl).origin).toBe(c.baseUrl);
    expect(new URL(info.friendbotUrl).pathname.replace(/\/$/, '')).toBe('/friendbot');
    expect(Number(info.protocolVersion)).toBe(PROTOCOL);
    expect(Array.isArray(info.assets)).toBe(true);
    const usdc = info.assets.find((a) => a.code === 'USDC');
    expect(usdc, 'USDC listed').toBeDefined();
    expect(StrKey.isValidEd25519PublicKey(usdc!.issuer)).toBe(true);
    expect(usdc!.contractId).toBe(new Asset('USDC', usdc!.issuer).contractId(PASSPHRASE));
    for (const a of info.assets) {
      const asset = a.code === 'XLM' || a.code === 'native' ? Asset.native() : new Asset(a.code, a.issuer);
      expect(a.contractId, `${a.code} contract id`).toBe(asset.contractId(PASSPHRASE));
    }
    // The SAC is deployed: its instance is a ledger entry.
    const inst = await c.server.getContractInstance(usdc!.contractId);
    expect(inst.executable.type).toBe('contractExecutableStellarAsset');
  });

  test('the native XLM Stellar Asset Contract is deployed at genesis', async () => {
    const id = Asset.native().contractId(PASSPHRASE);
    const inst = await c.server.getContractInstance(id);
    expect(inst.executable.type).toBe('contractExecutableStellarAsset');
  });

  test('a random account is not found', async () => {
    await expect(c.server.getAccount(Keypair.random().publicKey())).rejects.toThrow(/not found/i);
  });
});
