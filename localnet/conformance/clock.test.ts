// localnet_advanceTime { seconds } moves the ledger close time forward (for
// deadline tests). It changes the clock for everyone, so this file runs its own
// localnet (with 1-second empty ledgers) instead of the shared one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Asset, Keypair, Operation, contract, rpc, xdr } from '@stellar/stellar-sdk';
import { startLocalnet, type LocalnetInstance } from './localnet-process.ts';
import { authorizeAndSend, clientOpts, loadEscrowWasm, singleConfig, uploadWasm } from './escrow-kit.ts';
import {
  PASSPHRASE,
  STROOPS,
  buildTx,
  faucet,
  fund,
  fundWithTrustline,
  makeCtx,
  rawRpc,
  submitOk,
  txCode,
  usdcAsset,
  waitFor,
  type AnyClient,
  type Ctx,
} from './helpers.ts';

let node: LocalnetInstance;
let c: Ctx;

beforeAll(async () => {
  node = await startLocalnet({ extraArgs: ['--ledger-interval', '1'] });
  c = makeCtx(node.baseUrl);
});
afterAll(async () => {
  await node?.stop();
});

async function selfPay(kp: Keypair) {
  const tx = await buildTx(c, kp.publicKey(), [
    Operation.payment({ destination: kp.publicKey(), asset: Asset.native(), amount: '1' }),
  ]);
  tx.sign(kp);
  return tx;
}

async function closeTimeOf(ledger: number): Promise<number> {
  const l = await c.server.getLedgers({ startLedger: ledger, pagination: { limit: 1 } });
  return Number(l.ledgers[0]!.headerXdr.header.scpValue.closeTime);
}

describe('localnet_advanceTime', () => {
  test('moves ledger close time forward by the given seconds and closes a ledger there', async () => {
    const before = await c.server.getLatestLedger();
    const r = await rawRpc(c.rpcUrl, 'localnet_advanceTime', { seconds: 3600 });
    expect(r.body?.error, r.text).toBeUndefined();
    // documented answer: { sequence, closeTime }
    expect(r.body.result.sequence).toBeGreaterThan(before.sequence);
    expect(Number(r.body.result.closeTime)).toBeGreaterThanOrEqual(Number(before.closeTime) + 3600);
    expect(Number(r.body.result.closeTime)).toBeLessThan(Number(before.closeTime) + 3600 + 60);
    const latest = await c.server.getLatestLedger();
    expect(latest.sequence).toBeGreaterThanOrEqual(r.body.result.sequence);
    expect(Number(latest.closeTime)).toBeGreaterThanOrEqual(Number(before.closeTime) + 3600);
    // The next transaction's ledger is an hour ahead of the wall clock as well.
    const kp = await fund(c);
    const res = await submitOk(c, await selfPay(kp));
    expect(await closeTimeOf(res.ledger)).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 3600 - 5);
  });

  test("SDK transactions with wall-clock timeouts still go through after an advance (localnet's documented choice)", async () => {
    const kp = await fund(c);
    const tx = await selfPay(kp); // setTimeout(30): maxTime = wall clock + 30
    const sent = await c.server.sendTransaction(tx);
    expect(sent.status, sent.errorResult ? txCode(sent.errorResult) : '').toBe('PENDING');
  });

  test('contracts see the advanced time: an escrow deadline passes, fund is refused, claim_refund pays back', async () => {
    const { wasm } = loadEscrowWasm();
    const usdc = await usdcAsset(c);
    const token = usdc.contractId(PASSPHRASE);
    const [platform, anyone] = await Promise.all([fund(c), fund(c)]);
    const funder = await fundWithTrustline(c, usdc);
    const f = await faucet(c, funder.publicKey(), 'USDC', '30');
    expect(f.status, f.text).toBe(200);
    const keys = new Map([funder, platform, anyone].map((k) => [k.publicKey(), k]));
    const { hash: wasmHash } = await uploadWasm(c, platform, wasm);
    const role = Keypair.random().publicKey();
    const now = Number((await c.server.getLatestLedger()).closeTime);
    const config = singleConfig(
      token,
      {
        approver: role,
        provider: role,
        releaser: role,
        resolver: Keypair.random().publicKey(),
        platform: platform.publicKey(),
        receiver: role,
        feeRecipient: role,
      },
      20n * STROOPS,
      { deadline: BigInt(now + 300) },
    );
    const deployed = await contract.Client.deploy({ config }, { ...clientOpts(c, platform), wasmHash, format: 'hex' });
    const { sent } = await authorizeAndSend(deployed, keys, []);
    const escrowId = (sent.result as contract.Client).options.contractId;
    const esc = (await contract.Client.from({ ...clientOpts(c, anyone), contractId: escrowId })) as AnyClient;

    await authorizeAndSend(await esc.fund({ from: funder.publicKey(), amount: 5n * STROOPS, terms_version: 1 }), keys, [
      funder.publicKey(),
    ]);
    const balOf = async () => (await c.server.getTrustline(funder.publicKey(), usdc)).balance;
    const afterFund = await balOf();
    // Before the deadline a refund is refused.
    const early = await esc.claim_refund({ funder: funder.publicKey() });
    expect(rpc.Api.isSimulationError(early.simulation!)).toBe(true);

    const adv = await rawRpc(c.rpcUrl, 'localnet_advanceTime', { seconds: 600 });
    expect(adv.body?.error, adv.text).toBeUndefined();

    const late = await esc.fund({ from: funder.publicKey(), amount: 1n * STROOPS, terms_version: 1 });
    expect(rpc.Api.isSimulationError(late.simulation!)).toBe(true);
    expect((late.simulation as rpc.Api.SimulateTransactionErrorResponse).error).toMatch(/Error\(Contract, #19\)/); // DeadlinePassed

    await authorizeAndSend(await esc.claim_refund({ funder: funder.publicKey() }), keys, []);
    expect(await balOf()).toBe(afterFund + 5n * STROOPS);
    const e = (await esc.get_escrow()).result;
    expect(e.refunding).toBe(true);
    expect(e.refunded).toBe(5n * STROOPS);
  });

  test('advances accumulate and the clock never goes back (empty ledgers keep the offset)', async () => {
    const l0 = await c.server.getLatestLedger();
    await rawRpc(c.rpcUrl, 'localnet_advanceTime', { seconds: 600 });
    const r = await rawRpc(c.rpcUrl, 'localnet_advanceTime', { seconds: 600 });
    const t1 = Number(r.body.result.closeTime);
    expect(t1).toBeGreaterThanOrEqual(Number(l0.closeTime) + 1200);
    const l2 = await waitFor(
      'an empty ledger after the advance',
      async () => {
        const l = await c.server.getLatestLedger();
        return l.sequence > r.body.result.sequence ? l : undefined;
      },
      8_000,
      100,
    );
    expect(Number(l2.closeTime)).toBeGreaterThanOrEqual(t1);
  });

  test('bad params are JSON-RPC errors and move nothing', async () => {
    const l0 = await c.server.getLatestLedger();
    for (const params of [{ seconds: -5 }, { seconds: 'soon' }, { seconds: 1.5 }, {}, null]) {
      const r = await rawRpc(c.rpcUrl, 'localnet_advanceTime', params);
      expect(r.body?.error, `${JSON.stringify(params)} → ${r.text}`).toBeDefined();
      expect(r.body.error.code).toBe(-32602);
    }
    const kp = await fund(c);
    const res = await submitOk(c, await selfPay(kp));
    // less than 30 s of drift: nothing was advanced
    expect(await closeTimeOf(res.ledger)).toBeLessThan(Number(l0.closeTime) + 30);
  });
});

describe('TTL of temporary entries (ledgers closed with localnet_advanceTime { seconds: 0 })', () => {
  test('a SAC allowance (temporary entry) lives to its TTL, then is gone', async () => {
    const usdc = await usdcAsset(c);
    const token = usdc.contractId(PASSPHRASE);
    const owner = await fundWithTrustline(c, usdc);
    const spender = Keypair.random().publicKey();
    const f = await faucet(c, owner.publicKey(), 'USDC', '10');
    expect(f.status, f.text).toBe(200);
    const client = (await contract.Client.from({ ...clientOpts(c, owner), contractId: token })) as AnyClient;
    const latest = (await c.server.getLatestLedger()).sequence;
    const at = await client.approve({
      from: owner.publicKey(),
      spender,
      amount: 5n * STROOPS,
      expiration_ledger: latest + 10,
    });
    // the allowance's key: the temporary contract-data entry the call writes
    const key = at.simulationData.transactionData.resources.footprint.readWrite.find(
      (k: xdr.LedgerKey) =>
        k.type === 'contractData' &&
        (k as xdr.LedgerKey & { contractData: xdr.LedgerKeyContractData }).contractData.durability.name === 'temporary',
    );
    expect(key, 'a temporary entry in the footprint').toBeDefined();
    const { res } = await authorizeAndSend(at, new Map([[owner.publicKey(), owner]]), []);
    expect((await client.allowance({ from: owner.publicKey(), spender })).result).toBe(5n * STROOPS);
    const e0 = await c.server.getLedgerEntries(key!);
    expect(e0.entries).toHaveLength(1);
    const liveUntil = e0.entries[0]!.liveUntilLedgerSeq!;
    // at least the network's minimum temporary TTL
    expect(liveUntil).toBeGreaterThanOrEqual(res.ledger + 10);
    expect(liveUntil - res.ledger).toBeLessThan(20_000);
    // close ledgers until the TTL has passed
    let seq = (await c.server.getLatestLedger()).sequence;
    while (seq <= liveUntil) {
      const r = await rawRpc(c.rpcUrl, 'localnet_advanceTime', { seconds: 0 });
      expect(r.body?.error, r.text).toBeUndefined();
      seq = r.body.result.sequence;
    }
    expect((await client.allowance({ from: owner.publicKey(), spender })).result).toBe(0n);
    const e1 = await c.server.getLedgerEntries(key!);
    expect(e1.entries).toHaveLength(0);
  }, 60_000);
});
