// ChangeTrust + POST /faucet + Stellar Asset Contract transfers (contract.Client,
// including a non-source signer via signAuthEntries) + getAssetBalance / SAC balances.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  Asset,
  Keypair,
  Operation,
  TransactionBuilder,
  authorizeEntry,
  contract,
  rpc,
  scValToNative,
  xdr,
} from '@stellar/stellar-sdk';
import {
  PASSPHRASE,
  STROOPS,
  buildTx,
  faucet,
  getTxFinal,
  sendAndWait,
  fund,
  fundWithTrustline,
  nativeBalance,
  opResultsJson,
  run,
  sacClient,
  sharedCtx,
  usdcAsset,
  type AnyClient,
} from './helpers.ts';

const c = sharedCtx();
const S = rpc.Api.GetTransactionStatus;

async function usdcBalance(addr: string, usdc: Asset): Promise<bigint> {
  const b = await c.server.getAssetBalance(addr, usdc, PASSPHRASE);
  if (!b.balanceEntry) throw new Error(`no USDC balance entry for ${addr}`);
  return BigInt(b.balanceEntry.amount);
}

let usdc: Asset;
let usdcSac: string;
beforeAll(async () => {
  usdc = await usdcAsset(c);
  usdcSac = usdc.contractId(PASSPHRASE);
});

describe('ChangeTrust + faucet + getAssetBalance', () => {
  test('ChangeTrust creates an authorized, empty USDC trustline', async () => {
    const kp = await fund(c);
    const e0 = await c.server.getAccountEntry(kp.publicKey());
    const r = await run(c, kp, [Operation.changeTrust({ asset: usdc })]);
    expect(opResultsJson(r.resultXdr)).toEqual([{ op_inner: { change_trust: 'success' } }]);
    const b = await c.server.getAssetBalance(kp.publicKey(), usdc, PASSPHRASE);
    expect(b.balanceEntry?.amount).toBe('0');
    expect(b.balanceEntry?.authorized).toBe(true);
    expect(b.latestLedger).toBeGreaterThanOrEqual(r.ledger);
    const e1 = await c.server.getAccountEntry(kp.publicKey());
    expect(e1.numSubEntries).toBe(e0.numSubEntries + 1);
  });

  test('ChangeTrust to an issuer that does not exist → CHANGE_TRUST_NO_ISSUER', async () => {
    const kp = await fund(c);
    const tx = await buildTx(c, kp.publicKey(), [
      Operation.changeTrust({ asset: new Asset('NOPE', Keypair.random().publicKey()) }),
    ]);
    tx.sign(kp);
    const got = await sendAndWait(c, tx);
    expect(got.status).toBe(S.FAILED);
    expect(opResultsJson(got.resultXdr)).toEqual([{ op_inner: { change_trust: 'no_issuer' } }]);
  });

  test('POST /faucet pays test USDC to an account with the trustline', async () => {
    const kp = await fundWithTrustline(c, usdc);
    const r = await faucet(c, kp.publicKey(), 'USDC', '250');
    expect(r.status, r.text).toBe(200);
    expect(await usdcBalance(kp.publicKey(), usdc)).toBe(250n * STROOPS);
    const r2 = await faucet(c, kp.publicKey(), 'USDC', '0.5');
    expect(r2.status, r2.text).toBe(200);
    expect(await usdcBalance(kp.publicKey(), usdc)).toBe(250n * STROOPS + STROOPS / 2n);
  });

  test('POST /faucet without a trustline: a clear client error, nothing paid', async () => {
    const kp = await fund(c);
    const r = await faucet(c, kp.publicKey(), 'USDC', '10');
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.text.toLowerCase()).toMatch(/trust/);
    await expect(c.server.getTrustline(kp.publicKey(), usdc)).rejects.toThrow(/not found/);
  });

  test('POST /faucet refuses an unknown asset, a bad address and a bad amount with 4xx', async () => {
    const kp = await fundWithTrustline(c, usdc);
    for (const [addr, asset, amount] of [
      [kp.publicKey(), 'DOGE', '10'],
      ['GBADADDRESS', 'USDC', '10'],
      [kp.publicKey(), 'USDC', '-5'],
      [kp.publicKey(), 'USDC', '0'],
      [kp.publicKey(), 'USDC', 'ten'],
    ] as const) {
      const r = await faucet(c, addr, asset, amount);
      expect(r.status, `${addr} ${asset} ${amount}: ${r.text}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expect(await usdcBalance(kp.publicKey(), usdc)).toBe(0n);
  });
});

describe('Stellar Asset Contract through contract.Client', () => {
  let alice: Keypair;
  let bob: Keypair;
  beforeAll(async () => {
    [alice, bob] = await Promise.all([fundWithTrustline(c, usdc), fundWithTrustline(c, usdc)]);
    const r = await faucet(c, alice.publicKey(), 'USDC', '1000');
    if (r.status !== 200) throw new Error(`faucet: ${r.status} ${r.text}`);
  });

  test('SAC read calls: name, decimals, balance (a read call, no signature needed)', async () => {
    const client = (await sacClient(c, usdcSac, alice)) as AnyClient;
    const name = await client.name();
    expect(name.result).toBe(`USDC:${usdc.getIssuer()}`);
    const dec = await client.decimals();
    expect(dec.result).toBe(7);
    const bal = await client.balance({ id: alice.publicKey() });
    expect(bal.isReadCall).toBe(true);
    expect(bal.result).toBe(await usdcBalance(alice.publicKey(), usdc));
  });

  test('transfer G→G signed by the source: balances move exactly, meta carries the transfer event', async () => {
    const a0 = await usdcBalance(alice.publicKey(), usdc);
    const b0 = await usdcBalance(bob.publicKey(), usdc);
    const client = (await sacClient(c, usdcSac, alice)) as AnyClient;
    const tx = await client.transfer({ from: alice.publicKey(), to: bob.publicKey(), amount: 7n * STROOPS });
    expect(tx.needsNonInvokerSigningBy()).toEqual([]);
    const sent = await tx.signAndSend();
    const res = sent.getTransactionResponse!;
    expect(res.status).toBe(S.SUCCESS);
    if (res.status !== S.SUCCESS) return;
    expect(res.returnValue?.type).toBe('scvVoid');
    expect(res.resultMetaXdr.type).toBe('v4');
    expect(await usdcBalance(alice.publicKey(), usdc)).toBe(a0 - 7n * STROOPS);
    expect(await usdcBalance(bob.publicKey(), usdc)).toBe(b0 + 7n * STROOPS);
    // getTransaction.events: contract events of operation 0 include the SAC transfer.
    const evs = res.events.contractEventsXdr[0] ?? [];
    const transfer = evs.find((e: xdr.ContractEvent) => {
      const v0 = (e.body as xdr.ContractEventBody & { v0: xdr.ContractEventV0 }).v0;
      return v0.topics[0] && scValToNative(v0.topics[0]) === 'transfer';
    });
    expect(transfer, 'transfer event in getTransaction.events').toBeDefined();
    const v0 = (transfer!.body as xdr.ContractEventBody & { v0: xdr.ContractEventV0 }).v0;
    expect(scValToNative(v0.topics[1]!)).toBe(alice.publicKey());
    expect(scValToNative(v0.topics[2]!)).toBe(bob.publicKey());
    const data = scValToNative(v0.data);
    expect(typeof data === 'bigint' ? data : data.amount).toBe(7n * STROOPS);
    // The same event in TransactionMeta v4's operation events.
    const m = (res.resultMetaXdr as xdr.TransactionMeta & { v4: xdr.TransactionMetaV4 }).v4;
    expect(m.operations[0]!.events.length).toBeGreaterThan(0);
    // Fee charged ≥ the inclusion fee and what the resources cost; refund applied (≤ what was offered).
    expect(res.resultXdr.feeCharged).toBeGreaterThan(100n);
    expect(res.resultXdr.feeCharged).toBeLessThanOrEqual(BigInt(sent.assembled.signed!.fee));
  });

  test('transfer with a non-source signer: relayer submits, `from` signs its auth entry (signAuthEntries)', async () => {
    const relayer = await fund(c);
    const a0 = await usdcBalance(alice.publicKey(), usdc);
    const b0 = await usdcBalance(bob.publicKey(), usdc);
    const x0 = await nativeBalance(c, relayer.publicKey());
    const client = (await sacClient(c, usdcSac, relayer)) as AnyClient;
    const tx = await client.transfer({ from: alice.publicKey(), to: bob.publicKey(), amount: 3n * STROOPS });
    expect(tx.needsNonInvokerSigningBy()).toEqual([alice.publicKey()]);
    await tx.signAuthEntries({
      address: alice.publicKey(),
      signAuthEntry: contract.basicNodeSigner(alice, PASSPHRASE).signAuthEntry,
    });
    expect(tx.needsNonInvokerSigningBy()).toEqual([]);
    await tx.simulate(); // re-simulate with the signed entry (enforcing mode)
    const sent = await tx.signAndSend();
    const res = sent.getTransactionResponse!;
    expect(res.status).toBe(S.SUCCESS);
    expect(await usdcBalance(alice.publicKey(), usdc)).toBe(a0 - 3n * STROOPS);
    expect(await usdcBalance(bob.publicKey(), usdc)).toBe(b0 + 3n * STROOPS);
    // Only the relayer paid the fee.
    expect(await nativeBalance(c, relayer.publicKey())).toBe(x0 - res.resultXdr.feeCharged);
  });

  test('an auth entry signed by the wrong key: FAILED with INVOKE_HOST_FUNCTION_TRAPPED, no money moves', async () => {
    const relayer = await fund(c);
    const mallory = Keypair.random();
    const a0 = await usdcBalance(alice.publicKey(), usdc);
    const client = (await sacClient(c, usdcSac, relayer)) as AnyClient;
    const at = await client.transfer({ from: alice.publicKey(), to: bob.publicKey(), amount: 1n * STROOPS });
    expect(rpc.Api.isSimulationSuccess(at.simulation!), JSON.stringify(at.simulation)).toBe(true);
    const built = at.built!;
    const op = built.operations[0] as unknown as { func: xdr.HostFunction; auth: xdr.SorobanAuthorizationEntry[] };
    expect(op.auth).toHaveLength(1);
    const exp = (await c.server.getLatestLedger()).sequence + 50;
    // alice's entry, signed by mallory's key
    const forged = await authorizeEntry(op.auth[0]!, mallory, exp, PASSPHRASE);
    const b = TransactionBuilder.cloneFrom(built, { fee: built.fee, sorobanData: at.simulationData.transactionData });
    b.clearOperations();
    b.addOperation(Operation.invokeHostFunction({ func: op.func, auth: [forged] }));
    const tx = b.build();
    // Enforcing simulation already refuses it.
    const sim = await c.server.simulateTransaction(tx);
    expect(rpc.Api.isSimulationError(sim)).toBe(true);
    // Submitted anyway (with the recording simulation's resources): it fails on chain.
    tx.sign(relayer);
    const sent = await c.server.sendTransaction(tx);
    expect(sent.status, JSON.stringify(sent)).toBe('PENDING');
    const got = await getTxFinal(c.server, sent.hash);
    expect(got.status).toBe(S.FAILED);
    expect(opResultsJson(got.resultXdr)).toEqual([{ op_inner: { invoke_host_function: 'trapped' } }]);
    expect(await usdcBalance(alice.publicKey(), usdc)).toBe(a0);
  });

  test('transfer to a contract address: the SAC balance shows via getAssetBalance / getSACBalance', async () => {
    const holder = Asset.native().contractId(PASSPHRASE); // any contract address can hold a SAC balance
    const before = await c.server.getSACBalance(holder, usdc, PASSPHRASE);
    const h0 = BigInt(before.balanceEntry?.amount ?? '0');
    const client = (await sacClient(c, usdcSac, alice)) as AnyClient;
    const tx = await client.transfer({ from: alice.publicKey(), to: holder, amount: 2n * STROOPS });
    const res = (await tx.signAndSend()).getTransactionResponse!;
    expect(res.status).toBe(S.SUCCESS);
    const after = await c.server.getAssetBalance(holder, usdc, PASSPHRASE);
    expect(after.balanceEntry?.amount).toBe((h0 + 2n * STROOPS).toString());
    expect(after.balanceEntry?.authorized).toBe(true);
    expect(after.balanceEntry?.clawback).toBe(false);
    expect(after.balanceEntry?.liveUntilLedgerSeq).toBeGreaterThan(after.latestLedger);
    expect(after.balanceEntry?.lastModifiedLedgerSeq).toBe(res.ledger);
  });

  test('native XLM through its SAC: exactly the amount moves, the source also pays the fee', async () => {
    const xlmSac = Asset.native().contractId(PASSPHRASE);
    const from = await fund(c);
    const to = await fund(c);
    const f0 = await nativeBalance(c, from.publicKey());
    const t0 = await nativeBalance(c, to.publicKey());
    const client = (await sacClient(c, xlmSac, from)) as AnyClient;
    const res = (
      await (await client.transfer({ from: from.publicKey(), to: to.publicKey(), amount: 5n * STROOPS })).signAndSend()
    ).getTransactionResponse!;
    expect(res.status).toBe(S.SUCCESS);
    expect(await nativeBalance(c, to.publicKey())).toBe(t0 + 5n * STROOPS);
    expect(await nativeBalance(c, from.publicKey())).toBe(f0 - 5n * STROOPS - res.resultXdr.feeCharged);
  });

  test('a transfer beyond the balance fails in simulation with a contract error and nothing is sent', async () => {
    const client = (await sacClient(c, usdcSac, bob)) as AnyClient;
    const bal = await usdcBalance(bob.publicKey(), usdc);
    const tx = await client.transfer({ from: bob.publicKey(), to: alice.publicKey(), amount: bal + 1n });
    expect(rpc.Api.isSimulationError(tx.simulation!)).toBe(true);
    const err = (tx.simulation as rpc.Api.SimulateTransactionErrorResponse).error;
    expect(err).toMatch(/Error\(Contract, #10\)|balance/i); // SAC BalanceError = 10
    expect(await usdcBalance(bob.publicKey(), usdc)).toBe(bal);
  });
});

describe('classic credit payments (USDC)', () => {
  test('between trustlines, to an account without one (NO_TRUST), beyond the limit (LINE_FULL), and back to the issuer (burn)', async () => {
    const [a, b] = await Promise.all([fundWithTrustline(c, usdc), fund(c)]);
    const f = await faucet(c, a.publicKey(), 'USDC', '20');
    expect(f.status, f.text).toBe(200);
    // no trustline yet
    const t1 = await buildTx(c, a.publicKey(), [
      Operation.payment({ destination: b.publicKey(), asset: usdc, amount: '1' }),
    ]);
    t1.sign(a);
    const r1 = await sendAndWait(c, t1);
    expect(r1.status).toBe(S.FAILED);
    expect(opResultsJson(r1.resultXdr)).toEqual([{ op_inner: { payment: 'no_trust' } }]);
    // a trustline with a limit of 5
    await run(c, b, [Operation.changeTrust({ asset: usdc, limit: '5' })]);
    await run(c, a, [Operation.payment({ destination: b.publicKey(), asset: usdc, amount: '4' })]);
    expect(await usdcBalance(b.publicKey(), usdc)).toBe(4n * STROOPS);
    const t2 = await buildTx(c, a.publicKey(), [
      Operation.payment({ destination: b.publicKey(), asset: usdc, amount: '2' }),
    ]);
    t2.sign(a);
    const r2 = await sendAndWait(c, t2);
    expect(r2.status).toBe(S.FAILED);
    expect(opResultsJson(r2.resultXdr)).toEqual([{ op_inner: { payment: 'line_full' } }]);
    // burn: pay back to the issuer
    await run(c, a, [Operation.payment({ destination: usdc.getIssuer()!, asset: usdc, amount: '6' })]);
    expect(await usdcBalance(a.publicKey(), usdc)).toBe(10n * STROOPS);
    // more than held → UNDERFUNDED
    const t3 = await buildTx(c, a.publicKey(), [
      Operation.payment({ destination: usdc.getIssuer()!, asset: usdc, amount: '11' }),
    ]);
    t3.sign(a);
    const r3 = await sendAndWait(c, t3);
    expect(opResultsJson(r3.resultXdr)).toEqual([{ op_inner: { payment: 'underfunded' } }]);
  });
});
