// friendbot, server.getAccount, getLedgerEntries.
import { describe, expect, test } from 'vitest';
import { Asset, Contract, Keypair, Operation, rpc, xdr } from '@stellar/stellar-sdk';
import { PASSPHRASE, fund, rawRpc, rpcResult, run, sharedCtx, usdcAsset } from './helpers.ts';

const c = sharedCtx();

function accountKey(pub: string): xdr.LedgerKey {
  return xdr.LedgerKey.account(new xdr.LedgerKeyAccount({ accountId: Keypair.fromPublicKey(pub).xdrAccountId() }));
}

describe('friendbot', () => {
  test('SDK requestAirdrop (POST ?addr=) creates the account; the sequence comes from the creation meta', async () => {
    const kp = Keypair.random();
    const acct = await c.server.requestAirdrop(kp.publicKey());
    expect(acct.accountId()).toBe(kp.publicKey());
    const loaded = await c.server.getAccount(kp.publicKey());
    expect(loaded.sequenceNumber()).toBe(acct.sequenceNumber());
    // stellar-core: a new account's sequence number is ledgerSeq << 32.
    const entries = await c.server.getLedgerEntries(accountKey(kp.publicKey()));
    const created = entries.entries[0]!;
    expect(BigInt(loaded.sequenceNumber())).toBe(BigInt(created.lastModifiedLedgerSeq!) << 32n);
    const entry = await c.server.getAccountEntry(kp.publicKey());
    expect(entry.balance).toBeGreaterThan(0n);
  });

  test("friendbot's JSON names the transaction hash, which getTransaction knows", async () => {
    const kp = Keypair.random();
    const r = await fetch(`${c.baseUrl}/friendbot?addr=${kp.publicKey()}`, { method: 'POST' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { hash?: string };
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
    const tx = await c.server.getTransaction(body.hash!);
    expect(tx.status).toBe(rpc.Api.GetTransactionStatus.SUCCESS);
    if (tx.status !== rpc.Api.GetTransactionStatus.SUCCESS) return;
    // The meta holds the created account entry (what requestAirdrop reads).
    expect(tx.resultMetaXdr.type).toBe('v4');
    const ops = (tx.resultMetaXdr as xdr.TransactionMeta & { v4: xdr.TransactionMetaV4 }).v4.operations;
    const created = ops
      .flatMap((o) => o.changes)
      .filter((ch) => ch.type === 'ledgerEntryCreated')
      .map((ch) => (ch as xdr.LedgerEntryChange & { created: xdr.LedgerEntry }).created)
      .find((e) => e.data.type === 'account');
    expect(created, 'created AccountEntry in meta').toBeDefined();
    const acct = (created!.data as xdr.LedgerEntryData & { account: xdr.AccountEntry }).account;
    expect(acct.accountId.toXdr('base64')).toBe(Keypair.fromPublicKey(kp.publicKey()).xdrAccountId().toXdr('base64'));
  });

  test('GET /friendbot?addr= works too (stellar-cli and browsers use GET)', async () => {
    const kp = Keypair.random();
    const r = await fetch(`${c.baseUrl}/friendbot?addr=${kp.publicKey()}`);
    expect(r.status).toBe(200);
    const acct = await c.server.getAccount(kp.publicKey());
    expect(acct.accountId()).toBe(kp.publicKey());
  });

  test('funding an existing account: HTTP 400 with createAccountAlreadyExist in detail', async () => {
    const kp = await fund(c);
    const balanceBefore = (await c.server.getAccountEntry(kp.publicKey())).balance;
    const r = await fetch(`${c.baseUrl}/friendbot?addr=${kp.publicKey()}`, { method: 'POST' });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { detail?: string };
    expect(body.detail).toContain('createAccountAlreadyExist');
    // The SDK turns exactly this response into "load the existing account".
    const again = await c.server.requestAirdrop(kp.publicKey());
    expect(again.accountId()).toBe(kp.publicKey());
    await expect(c.server.fundAddress(kp.publicKey())).rejects.toThrow(/createAccountAlreadyExist/);
    expect((await c.server.getAccountEntry(kp.publicKey())).balance).toBe(balanceBefore);
  });

  test('an invalid address is refused with HTTP 400 and nothing is created', async () => {
    const r = await fetch(`${c.baseUrl}/friendbot?addr=GNOTANADDRESS`, { method: 'POST' });
    expect(r.status).toBe(400);
    const r2 = await fetch(`${c.baseUrl}/friendbot`, { method: 'POST' });
    expect(r2.status).toBe(400);
  });
});

describe('getAccount / getLedgerEntries', () => {
  test('getAccount returns the current sequence number and it advances per transaction', async () => {
    const kp = await fund(c);
    const a0 = await c.server.getAccount(kp.publicKey());
    await run(c, kp, [Operation.payment({ destination: kp.publicKey(), asset: Asset.native(), amount: '1' })]);
    const a1 = await c.server.getAccount(kp.publicKey());
    expect(BigInt(a1.sequenceNumber())).toBe(BigInt(a0.sequenceNumber()) + 1n);
  });

  test('account entry: raw shape, decodable data, lastModifiedLedgerSeq, no liveUntilLedgerSeq', async () => {
    const kp = Keypair.random();
    await c.server.requestAirdrop(kp.publicKey());
    const key = accountKey(kp.publicKey());
    const raw = await rpcResult(c.rpcUrl, 'getLedgerEntries', { keys: [key.toXdr('base64')] });
    expect(Number.isInteger(raw.latestLedger)).toBe(true);
    expect(raw.entries).toHaveLength(1);
    const e = raw.entries[0];
    expect(e.key).toBe(key.toXdr('base64'));
    expect(Number.isInteger(e.lastModifiedLedgerSeq)).toBe(true);
    expect(e.lastModifiedLedgerSeq).toBeLessThanOrEqual(raw.latestLedger);
    expect(e.liveUntilLedgerSeq).toBeUndefined();
    const data = xdr.LedgerEntryData.fromXdr(e.xdr, 'base64');
    expect(data.type).toBe('account');
  });

  test('several keys at once; missing keys are simply absent', async () => {
    const a = await fund(c);
    const b = await fund(c);
    const missing = Keypair.random();
    const res = await c.server.getLedgerEntries(
      accountKey(a.publicKey()),
      accountKey(missing.publicKey()),
      accountKey(b.publicKey()),
    );
    expect(res.entries).toHaveLength(2);
    const ids = res.entries.map((e) => e.key.toXdr('base64')).sort();
    expect(ids).toEqual([accountKey(a.publicKey()).toXdr('base64'), accountKey(b.publicKey()).toXdr('base64')].sort());
    const none = await c.server.getLedgerEntries(accountKey(missing.publicKey()));
    expect(none.entries).toHaveLength(0);
    expect(none.latestLedger).toBeGreaterThan(0);
  });

  test('trustline and contract-instance entries; contract data carries liveUntilLedgerSeq', async () => {
    const usdc = await usdcAsset(c);
    const kp = await fund(c);
    await run(c, kp, [Operation.changeTrust({ asset: usdc })]);
    const tl = await c.server.getTrustline(kp.publicKey(), usdc);
    expect(tl.balance).toBe(0n);
    expect(tl.limit).toBeGreaterThan(0n);
    const sac = new Contract(usdc.contractId(PASSPHRASE));
    const res = await c.server.getLedgerEntries(sac.getFootprint());
    expect(res.entries).toHaveLength(1);
    const inst = res.entries[0]!;
    expect(inst.val.type).toBe('contractData');
    expect(inst.liveUntilLedgerSeq).toBeGreaterThanOrEqual(res.latestLedger);
  });

  test('a key that is not LedgerKey XDR is a JSON-RPC invalid-params error', async () => {
    const r = await rawRpc(c.rpcUrl, 'getLedgerEntries', { keys: ['not-xdr!!'] });
    expect(r.body.error, r.text).toBeDefined();
    expect(r.body.error.code).toBe(-32602);
  });

  test("more than 200 keys is refused (stellar-rpc's limit)", async () => {
    const keys = Array.from({ length: 201 }, () => accountKey(Keypair.random().publicKey()).toXdr('base64'));
    const r = await rawRpc(c.rpcUrl, 'getLedgerEntries', { keys });
    expect(r.body.error, r.text.slice(0, 300)).toBeDefined();
    const ok = await rawRpc(c.rpcUrl, 'getLedgerEntries', { keys: keys.slice(0, 200) });
    expect(ok.body.result?.entries ?? [], ok.text.slice(0, 300)).toHaveLength(0);
  });
});
