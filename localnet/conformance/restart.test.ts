// Persistence: a restart of the binary on the same --data-dir keeps accounts,
// contracts, transactions, ledgers and events — after SIGTERM and after kill -9,
// also in the middle of a burst of submissions. --reset starts over.
import { afterAll, describe, expect, test } from 'vitest';
import { Asset, Keypair, Operation, StrKey, rpc } from '@stellar/stellar-sdk';
import { freshDataDir, startLocalnet, type LocalnetInstance } from './localnet-process.ts';
import {
  PASSPHRASE,
  STROOPS,
  buildTx,
  faucet,
  fund,
  makeCtx,
  nativeBalance,
  run,
  sacClient,
  submitOk,
  symTopic,
  usdcAsset,
  type AnyClient,
  type Ctx,
} from './helpers.ts';

const S = rpc.Api.GetTransactionStatus;
const running: LocalnetInstance[] = [];

async function start(dataDir: string, extraArgs: string[] = []) {
  const node = await startLocalnet({ dataDir, extraArgs });
  running.push(node);
  return { node, c: makeCtx(node.baseUrl) };
}

afterAll(async () => {
  for (const n of running) await n.stop('SIGKILL');
});

describe('restart keeps everything', () => {
  const dataDir = freshDataDir();
  // what we recorded before the restart
  let alice: Keypair;
  let bob: Keypair;
  let payHash: string;
  let payLedger: number;
  let latest: number;
  let ledgerHash: string;
  let aliceSeq: string;
  let aliceXlm: bigint;
  let bobUsdc: bigint;
  let assetSac: string;
  let transferLedger: number;
  let usdcIssuer: string;

  test('before: accounts, a payment, a trustline + faucet + SAC transfer, a new SAC deployed', async () => {
    const { node, c } = await start(dataDir);
    const usdc = await usdcAsset(c);
    usdcIssuer = usdc.getIssuer()!;
    [alice, bob] = await Promise.all([fund(c), fund(c)]);
    await Promise.all([
      run(c, alice, [Operation.changeTrust({ asset: usdc })]),
      run(c, bob, [Operation.changeTrust({ asset: usdc })]),
    ]);
    const f = await faucet(c, alice.publicKey(), 'USDC', '40');
    expect(f.status, f.text).toBe(200);
    const pay = await run(c, alice, [
      Operation.payment({ destination: bob.publicKey(), asset: Asset.native(), amount: '5' }),
    ]);
    payHash = pay.txHash;
    payLedger = pay.ledger;
    const client = (await sacClient(c, usdc.contractId(PASSPHRASE), alice)) as AnyClient;
    const tr = (
      await (
        await client.transfer({ from: alice.publicKey(), to: bob.publicKey(), amount: 4n * STROOPS })
      ).signAndSend()
    ).getTransactionResponse!;
    expect(tr.status).toBe(S.SUCCESS);
    transferLedger = tr.ledger;
    // A brand-new contract: the Stellar Asset Contract of alice's own asset.
    const mine = new Asset('RST', alice.publicKey());
    const deploy = await buildTx(c, alice.publicKey(), [Operation.createStellarAssetContract({ asset: mine })]);
    const prepared = await c.server.prepareTransaction(deploy);
    prepared.sign(alice);
    await submitOk(c, prepared);
    assetSac = mine.contractId(PASSPHRASE);
    expect((await c.server.getContractInstance(assetSac)).executable.type).toBe('contractExecutableStellarAsset');

    const l = await c.server.getLatestLedger();
    latest = l.sequence;
    ledgerHash = l.id;
    aliceSeq = (await c.server.getAccount(alice.publicKey())).sequenceNumber();
    aliceXlm = await nativeBalance(c, alice.publicKey());
    bobUsdc = (await c.server.getTrustline(bob.publicKey(), usdc)).balance;
    expect(bobUsdc).toBe(4n * STROOPS);
    await node.stop('SIGTERM');
  });

  async function checkState(c: Ctx) {
    const usdc = new Asset('USDC', usdcIssuer);
    expect((await c.server.getAccount(alice.publicKey())).sequenceNumber()).toBe(aliceSeq);
    expect(await nativeBalance(c, alice.publicKey())).toBe(aliceXlm);
    expect((await c.server.getTrustline(bob.publicKey(), usdc)).balance).toBe(bobUsdc);
    const tx = await c.server.getTransaction(payHash);
    expect(tx.status).toBe(S.SUCCESS);
    if (tx.status === S.SUCCESS) expect(tx.ledger).toBe(payLedger);
    expect((await c.server.getContractInstance(assetSac)).executable.type).toBe('contractExecutableStellarAsset');
    const h = await c.server.getHealth();
    expect(h.latestLedger).toBeGreaterThanOrEqual(latest);
    const led = await c.server.getLedgers({ startLedger: latest, pagination: { limit: 1 } });
    expect(led.ledgers[0]?.hash).toBe(ledgerHash);
    const ev = await c.server.getEvents({
      startLedger: transferLedger,
      endLedger: transferLedger + 1,
      filters: [{ contractIds: [usdc.contractId(PASSPHRASE)], topics: [[symTopic('transfer'), '**']] }],
    });
    expect(ev.events).toHaveLength(1);
    // The same USDC issuer (a fixed dev key) after restart.
    expect((await usdcAsset(c)).getIssuer()).toBe(usdcIssuer);
  }

  test('after SIGTERM + restart: same accounts, balances, transactions, ledgers, events, contracts', async () => {
    const { node, c } = await start(dataDir);
    await checkState(c);
    // and it carries on: alice's next sequence number is accepted
    const r = await run(c, alice, [
      Operation.payment({ destination: bob.publicKey(), asset: Asset.native(), amount: '1' }),
    ]);
    expect(r.ledger).toBeGreaterThan(latest);
    aliceSeq = (await c.server.getAccount(alice.publicKey())).sequenceNumber();
    aliceXlm = await nativeBalance(c, alice.publicKey());
    latest = r.ledger;
    ledgerHash = (await c.server.getLedgers({ startLedger: latest, pagination: { limit: 1 } })).ledgers[0]!.hash;
    payHash = r.txHash;
    payLedger = r.ledger;
    await node.stop('SIGKILL'); // kill -9 right after a confirmed transaction
  });

  test('after kill -9 + restart: the last confirmed transaction is there', async () => {
    const { node, c } = await start(dataDir);
    await checkState(c);
    await node.stop('SIGTERM');
  });

  test('kill -9 in the middle of a burst: every confirmed payment survives, no torn state', async () => {
    const { node, c } = await start(dataDir);
    const senders = await Promise.all(Array.from({ length: 8 }, () => fund(c)));
    const sink = await fund(c);
    const sink0 = await nativeBalance(c, sink.publicKey());
    const txs = await Promise.all(
      senders.map(async (s) => {
        const tx = await buildTx(c, s.publicKey(), [
          Operation.payment({ destination: sink.publicKey(), asset: Asset.native(), amount: '1' }),
        ]);
        tx.sign(s);
        return tx;
      }),
    );
    const confirmed: string[] = [];
    const sends = txs.map(async (tx, i) => {
      await new Promise((r) => setTimeout(r, i * 5));
      try {
        const sent = await c.server.sendTransaction(tx);
        if (sent.status !== 'PENDING') return;
        const got = await c.server.getTransaction(sent.hash);
        if (got.status === S.SUCCESS) confirmed.push(sent.hash);
      } catch {
        /* the node died under us */
      }
    });
    await new Promise((r) => setTimeout(r, 15));
    await node.stop('SIGKILL');
    await Promise.all(sends);

    const { node: node2, c: c2 } = await start(dataDir);
    let applied = 0n;
    for (const tx of txs) {
      const h = Buffer.from(tx.hash()).toString('hex');
      const got = await c2.server.getTransaction(h);
      if (confirmed.includes(h)) expect(got.status, `confirmed ${h} lost`).toBe(S.SUCCESS);
      if (got.status === S.SUCCESS) applied += 1n;
      // the sender's sequence number agrees with whether its payment exists
      const seq = BigInt((await c2.server.getAccount(tx.source)).sequenceNumber());
      expect(seq).toBe(BigInt(tx.sequence) - (got.status === S.SUCCESS ? 0n : 1n));
    }
    expect(await nativeBalance(c2, sink.publicKey())).toBe(sink0 + applied * STROOPS);
    await node2.stop('SIGTERM');
  });

  test('--reset starts over: old accounts gone, ledgers from genesis, USDC still there', async () => {
    const { node, c } = await start(dataDir, ['--reset']);
    await expect(c.server.getAccount(alice.publicKey())).rejects.toThrow(/not found/i);
    const tx = await c.server.getTransaction(payHash);
    expect(tx.status).toBe(S.NOT_FOUND);
    expect((await c.server.getLatestLedger()).sequence).toBeLessThan(latest);
    const usdc = await usdcAsset(c);
    expect(StrKey.isValidEd25519PublicKey(usdc.getIssuer()!)).toBe(true);
    await node.stop('SIGTERM');
  });

  test('a fresh data dir and the same genesis: USDC issuer is the documented fixed dev key', async () => {
    const { node, c } = await start(freshDataDir());
    expect((await usdcAsset(c)).getIssuer()).toBe(usdcIssuer);
    await node.stop('SIGTERM');
    void Keypair;
  });
});
