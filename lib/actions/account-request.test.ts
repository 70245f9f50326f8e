import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Keypair } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountRequest, callHelper } from './account-request';
import { faucetToken } from './faucet-token';
import { fundWithFriendbot } from './fund-with-friendbot';

const unreachable = { code: 'friendbot-unreachable', message: 'Friendbot did not answer' } as const;

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(req.method === 'POST' ? 200 : 400);
    res.end(req.method === 'POST' ? 'minted' : 'account already funded');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('accountRequest', () => {
  it('passes a valid address through', async () => {
    const key = Keypair.random().publicKey();
    expect(await accountRequest(key, 1)).toEqual({ ok: true, address: key });
  });

  it('refuses anything else with bad-address', async () => {
    for (const bad of [undefined, '', 'GABC', 42]) {
      const r = await accountRequest(bad, 1);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('bad-address');
    }
  });
});

describe('callHelper', () => {
  it('hands back any HTTP answer, a refusal included', async () => {
    const r = await callHelper('test', `${base}/friendbot`, {}, unreachable);
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.res.status, await r.res.text()]).toEqual([400, 'account already funded']);
  });

  it('tells an endpoint that does not answer as the given sentence, with the detail in the log only', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Port 9 (discard) on the loopback: nothing listens there in the test set-ups.
    const r = await callHelper('test', 'http://127.0.0.1:9/friendbot', {}, unreachable);
    expect(r).toEqual({ ok: false, error: unreachable });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

describe('the account actions', () => {
  it('refuse a bad address before anything else', async () => {
    for (const r of [
      await fundWithFriendbot({ address: 'nope' }),
      await faucetToken({ address: 'nope', token: 'C' }),
    ]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('bad-address');
    }
  });
});
