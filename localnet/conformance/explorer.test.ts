// The local explorer's pages for what the SDK sent: a USDC transfer through the
// Stellar Asset Contract, its ledger, the sender's account and the contract. The
// app links here on `local` (explorerUrl = <localnet>/explorer).
import { beforeAll, describe, expect, test } from 'vitest';
import { Asset, Keypair, rpc } from '@stellar/stellar-sdk';
import {
  PASSPHRASE,
  STROOPS,
  faucet,
  fundWithTrustline,
  sacClient,
  sharedCtx,
  usdcAsset,
  type AnyClient,
} from './helpers.ts';

const c = sharedCtx();
let usdc: Asset;
let alice: Keypair, bob: Keypair;
let hash: string;
let ledger: number;

async function page(path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const r = await fetch(`${c.baseUrl}${path}`);
  return { status: r.status, html: await r.text(), headers: r.headers };
}

beforeAll(async () => {
  usdc = await usdcAsset(c);
  [alice, bob] = await Promise.all([fundWithTrustline(c, usdc), fundWithTrustline(c, usdc)]);
  expect((await faucet(c, alice.publicKey(), 'USDC', '50')).status).toBe(200);
  const client = (await sacClient(c, usdc.contractId(PASSPHRASE), alice)) as AnyClient;
  const sent = await (
    await client.transfer({ from: alice.publicKey(), to: bob.publicKey(), amount: 7n * STROOPS })
  ).signAndSend();
  const res = sent.getTransactionResponse!;
  if (res.status !== rpc.Api.GetTransactionStatus.SUCCESS) throw new Error('transfer failed');
  hash = sent.sendTransactionResponse!.hash;
  ledger = res.ledger;
}, 60_000);

describe('explorer pages', () => {
  test('a transaction: the call decoded, its fees and its transfer event; HTML without scripts', async () => {
    const p = await page(`/explorer/tx/${hash}`);
    expect(p.status).toBe(200);
    expect(p.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(p.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(p.html).toContain('SUCCESS');
    expect(p.html).toContain(`<b>transfer</b>(<code>${alice.publicKey()}, ${bob.publicKey()}, 70000000</code>)`);
    expect(p.html).toContain('Inclusion fee');
    expect(p.html).toContain(`<a href="/explorer/ledger/${ledger}">${ledger}</a>`);
    expect(p.html).not.toContain('<script');
  });

  test("its ledger lists it; the sender's account shows the trustline and the transaction", async () => {
    expect((await page(`/explorer/ledger/${ledger}`)).html).toContain(`/explorer/tx/${hash}`);
    const acct = await page(`/explorer/account/${alice.publicKey()}`);
    expect(acct.status).toBe(200);
    expect(acct.html).toContain(`<td>USDC:${usdc.getIssuer()}</td><td>43</td>`);
    expect(acct.html).toContain(`/explorer/tx/${hash}`);
  });

  test('the USDC contract: a Stellar Asset Contract with the transfer among its recent events', async () => {
    const p = await page(`/explorer/contract/${usdc.contractId(PASSPHRASE)}`);
    expect(p.status).toBe(200);
    expect(p.html).toContain('Stellar Asset Contract');
    expect(p.html).toContain(`/explorer/tx/${hash}`);
  });

  test('unknown and malformed ids are 404 and 400 with a sentence', async () => {
    expect((await page(`/explorer/tx/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await page('/explorer/tx/xyz')).status).toBe(400);
    expect((await page(`/explorer/account/${Keypair.random().publicKey()}`)).status).toBe(404);
    expect((await page('/explorer/contract/CNOTACONTRACT')).status).toBe(400);
  });
});
