// Malformed JSON, unknown methods, bad params, oversized bodies, CORS,
// concurrency: JSON-RPC errors, and the node keeps serving.
import { afterEach, describe, expect, test } from 'vitest';
import { Asset, Keypair, Operation } from '@stellar/stellar-sdk';
import { buildTx, fund, nativeBalance, postRaw, rawRpc, sharedCtx, submitOk } from './helpers.ts';

const c = sharedCtx();

async function stillHealthy() {
  const h = await c.server.getHealth();
  expect(h.status).toBe('healthy');
}

describe('robustness', () => {
  afterEach(stillHealthy);

  test('malformed JSON → -32700 parse error', async () => {
    for (const body of ['{', '{"jsonrpc": "2.0", "id": 1, "method": ', 'null null', '\u0000\u0001\u0002']) {
      const r = await postRaw(c.rpcUrl, body);
      expect(r.status, r.text).toBeLessThan(500);
      expect(r.body?.error?.code, `${JSON.stringify(body)} → ${r.text}`).toBe(-32700);
      expect(r.body.jsonrpc).toBe('2.0');
    }
  });

  test('unknown method → -32601, request id echoed', async () => {
    const r = await rawRpc(c.rpcUrl, 'getEverything', {}, 'req-42');
    expect(r.status).toBeLessThan(500);
    expect(r.body.error.code).toBe(-32601);
    expect(r.body.id).toBe('req-42');
    expect(r.body.jsonrpc).toBe('2.0');
  });

  test('not a request object → -32600 invalid request', async () => {
    for (const body of [
      JSON.stringify({ jsonrpc: '2.0', id: 1 }),
      JSON.stringify(42),
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 7 }),
    ]) {
      const r = await postRaw(c.rpcUrl, body);
      expect(r.status, r.text).toBeLessThan(500);
      expect(r.body?.error?.code, `${body} → ${r.text}`).toBe(-32600);
    }
  });

  test('wrongly typed params → -32602 invalid params', async () => {
    const cases: [string, unknown][] = [
      ['getLedgerEntries', { keys: 'not-an-array' }],
      ['getTransaction', { hash: 12 }],
      ['sendTransaction', { transaction: 5 }],
      ['getEvents', { startLedger: 'one', filters: [] }],
      ['getLedgers', { startLedger: -1 }],
    ];
    for (const [method, params] of cases) {
      const r = await rawRpc(c.rpcUrl, method, params);
      expect(r.status, r.text).toBeLessThan(500);
      expect(r.body?.error?.code, `${method} ${JSON.stringify(params)} → ${r.text}`).toBe(-32602);
    }
  });

  test('id types: number, string and null ids are echoed', async () => {
    for (const id of [0, 99, 'x', null]) {
      const r = await postRaw(c.rpcUrl, JSON.stringify({ jsonrpc: '2.0', id, method: 'getHealth' }));
      if (id === null) {
        // a request with id null is answered (or treated as a notification with no body)
        expect(r.status).toBeLessThan(500);
      } else {
        expect(r.body.id).toBe(id);
        expect(r.body.result.status).toBe('healthy');
      }
    }
  });

  test('a JSON-RPC batch gets an array of answers with matching ids', async () => {
    const r = await postRaw(
      c.rpcUrl,
      JSON.stringify([
        { jsonrpc: '2.0', id: 1, method: 'getHealth' },
        { jsonrpc: '2.0', id: 2, method: 'getNetwork' },
        { jsonrpc: '2.0', id: 3, method: 'noSuchMethod' },
      ]),
    );
    expect(Array.isArray(r.body), r.text).toBe(true);
    const byId = new Map(
      (r.body as { id: number }[]).map((x) => [
        x.id,
        x as { result?: { status?: string; passphrase?: string }; error?: { code: number } },
      ]),
    );
    expect(byId.get(1)?.result?.status).toBe('healthy');
    expect(typeof byId.get(2)?.result?.passphrase).toBe('string');
    expect(byId.get(3)?.error?.code).toBe(-32601);
  });

  test('an oversized body is refused (413 or a JSON-RPC error) without harm', async () => {
    const big = 'A'.repeat(12 * 1024 * 1024);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'sendTransaction', params: { transaction: big } });
    let status = 0;
    let parsed: { error?: { code: number } } | undefined;
    try {
      const r = await postRaw(c.rpcUrl, body);
      status = r.status;
      parsed = r.body;
    } catch {
      status = -1; // connection closed early is acceptable too
    }
    const refused =
      status === 413 || status === -1 || (parsed?.error !== undefined && typeof parsed.error.code === 'number');
    expect(refused, `status ${status}, body ${JSON.stringify(parsed)?.slice(0, 200)}`).toBe(true);
  });

  test('a large but plausible simulate body (256 KiB of garbage XDR) is an error, not a crash', async () => {
    const r = await rawRpc(c.rpcUrl, 'simulateTransaction', {
      transaction: Buffer.alloc(256 * 1024, 7).toString('base64'),
    });
    expect(r.status).toBeLessThan(500);
    expect(r.body?.error ?? r.body?.result?.error).toBeDefined();
  });

  test('CORS: preflight and responses allow browser origins', async () => {
    const pre = await fetch(c.rpcUrl, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(pre.status).toBeLessThan(300);
    const allow = pre.headers.get('access-control-allow-origin');
    expect(['*', 'http://localhost:3000']).toContain(allow);
    expect((pre.headers.get('access-control-allow-methods') ?? '*').toUpperCase()).toMatch(/POST|\*/);
    const r = await fetch(c.rpcUrl, {
      method: 'POST',
      headers: { Origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'getHealth' }),
    });
    expect(['*', 'http://localhost:3000']).toContain(r.headers.get('access-control-allow-origin'));
  });

  test('GET on /rpc and unknown paths do not crash anything', async () => {
    const g = await fetch(c.rpcUrl);
    expect(g.status).toBeLessThan(500);
    const u = await fetch(`${c.baseUrl}/no/such/path`);
    expect(u.status).toBe(404);
  });

  test('concurrent reads and writes: every request answered, every payment applied once', async () => {
    const senders = await Promise.all(Array.from({ length: 6 }, () => fund(c)));
    const dest = await fund(c);
    const d0 = await nativeBalance(c, dest.publicKey());
    const txs = await Promise.all(
      senders.map(async (s) => {
        const tx = await buildTx(c, s.publicKey(), [
          Operation.payment({ destination: dest.publicKey(), asset: Asset.native(), amount: '2' }),
        ]);
        tx.sign(s);
        return tx;
      }),
    );
    const reads = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0 ? c.server.getLatestLedger() : i % 3 === 1 ? c.server.getHealth() : c.server.getNetwork(),
    );
    const [results] = await Promise.all([Promise.all(txs.map((tx) => submitOk(c, tx))), Promise.all(reads)]);
    expect(results).toHaveLength(6);
    expect(await nativeBalance(c, dest.publicKey())).toBe(d0 + 6n * 20_000_000n);
    // Distinct transactions may share a ledger or not, but application orders within a ledger are distinct.
    const seen = new Set(results.map((r) => `${r.ledger}/${r.applicationOrder}`));
    expect(seen.size).toBe(6);
  });

  test('garbage everywhere in a burst, then normal service', async () => {
    const junk = Array.from({ length: 40 }, (_, i) =>
      postRaw(
        c.rpcUrl,
        i % 2
          ? ']['
          : JSON.stringify({
              jsonrpc: '2.0',
              id: i,
              method: 'sendTransaction',
              params: { transaction: Keypair.random().publicKey() },
            }),
      ),
    );
    const rs = await Promise.all(junk);
    for (const r of rs) expect(r.body?.error, r.text).toBeDefined();
    const kp = await fund(c);
    const tx = await buildTx(c, kp.publicKey(), [
      Operation.payment({ destination: kp.publicKey(), asset: Asset.native(), amount: '1' }),
    ]);
    tx.sign(kp);
    await submitOk(c, tx);
  });
});
