// simulateTransaction: results with auth and return value, transactionData,
// minResourceFee, events, stateChanges, authMode, useUpgradedAuth, resourceConfig,
// errors; ExtendFootprintTTL; reads with a source account that does not exist;
// a Soroban resource fee below the resources' cost.
import { beforeAll, describe, expect, test } from 'vitest';
import {
  Address,
  Asset,
  Contract,
  Keypair,
  Memo,
  Operation,
  SorobanDataBuilder,
  TransactionBuilder,
  contract,
  nativeToScVal,
  rpc,
  xdr,
  type Transaction,
} from '@stellar/stellar-sdk';
import {
  PASSPHRASE,
  STROOPS,
  buildTx,
  faucet,
  fund,
  fundWithTrustline,
  getTxFinal,
  rawRpc,
  rpcResult,
  sharedCtx,
  submitOk,
  txCode,
  usdcAsset,
  type AnyClient,
} from './helpers.ts';

const c = sharedCtx();
const S = rpc.Api.GetTransactionStatus;

let usdc: Asset;
let sac: Contract;
let alice: Keypair;
let bob: Keypair;

beforeAll(async () => {
  usdc = await usdcAsset(c);
  sac = new Contract(usdc.contractId(PASSPHRASE));
  [alice, bob] = await Promise.all([fundWithTrustline(c, usdc), fundWithTrustline(c, usdc)]);
  const f = await faucet(c, alice.publicKey(), 'USDC', '50');
  if (f.status !== 200) throw new Error(`faucet: ${f.status} ${f.text}`);
}, 60_000);

function transferOp(from: string, to: string, amount: bigint) {
  return sac.call(
    'transfer',
    nativeToScVal(Address.fromString(from)),
    nativeToScVal(Address.fromString(to)),
    nativeToScVal(amount, { type: 'i128' }),
  );
}

async function transferTx(source: Keypair, from: string, to: string, amount: bigint): Promise<Transaction> {
  return buildTx(c, source.publicKey(), [transferOp(from, to, amount)]);
}

const trustlineKey = (pub: string) =>
  xdr.LedgerKey.trustline(
    new xdr.LedgerKeyTrustLine({
      accountId: Keypair.fromPublicKey(pub).xdrAccountId(),
      asset: usdc.toTrustLineXdrObject(),
    }),
  ).toXdr('base64');

describe('simulateTransaction', () => {
  test('success: raw shape (transactionData, minResourceFee, results, events, stateChanges, latestLedger)', async () => {
    const tx = await transferTx(alice, alice.publicKey(), bob.publicKey(), 2n * STROOPS);
    const raw = await rpcResult(c.rpcUrl, 'simulateTransaction', { transaction: tx.toXdr() });
    expect(raw.error).toBeUndefined();
    expect(typeof raw.latestLedger).toBe('number');
    expect(raw.minResourceFee).toMatch(/^\d+$/);
    expect(BigInt(raw.minResourceFee)).toBeGreaterThan(0n);
    const data = xdr.SorobanTransactionData.fromXdr(raw.transactionData, 'base64');
    expect(data.resourceFee).toBe(BigInt(raw.minResourceFee));
    expect(data.resources.instructions).toBeGreaterThan(0);
    const rw = data.resources.footprint.readWrite.map((k) => k.toXdr('base64'));
    expect(rw).toContain(trustlineKey(alice.publicKey()));
    expect(rw).toContain(trustlineKey(bob.publicKey()));
    const ro = data.resources.footprint.readOnly.map((k) => k.toXdr('base64'));
    expect(ro).toContain(sac.getFootprint().toXdr('base64'));
    expect(raw.results).toHaveLength(1);
    expect(xdr.ScVal.fromXdr(raw.results[0].xdr, 'base64').type).toBe('scvVoid');
    expect(raw.results[0].auth).toHaveLength(1);
    const auth = xdr.SorobanAuthorizationEntry.fromXdr(raw.results[0].auth[0], 'base64');
    expect(auth.credentials.type).toBe('sorobanCredentialsSourceAccount');
    // events: base64 DiagnosticEvents including the contract's transfer event
    expect(Array.isArray(raw.events)).toBe(true);
    const evs = (raw.events as string[]).map((e) => xdr.DiagnosticEvent.fromXdr(e, 'base64'));
    const contractEvs = evs.filter((e) => e.event.type.name === 'contract');
    expect(contractEvs.length).toBeGreaterThanOrEqual(1);
    // stateChanges: both trustlines updated, with before/after LedgerEntry XDR
    expect(Array.isArray(raw.stateChanges)).toBe(true);
    const byKey = new Map<string, { type: unknown; before: string | null; after: string | null }>();
    for (const sc of raw.stateChanges) byKey.set(sc.key, sc);
    const mine = byKey.get(trustlineKey(alice.publicKey()));
    expect(mine, "alice's trustline in stateChanges").toBeDefined();
    expect(mine!.type).toBe('updated');
    const before = xdr.LedgerEntry.fromXdr(mine!.before!, 'base64');
    const after = xdr.LedgerEntry.fromXdr(mine!.after!, 'base64');
    const bal = (e: xdr.LedgerEntry) =>
      (e.data as xdr.LedgerEntryData & { trustLine: xdr.TrustLineEntry }).trustLine.balance;
    expect(bal(before) - bal(after)).toBe(2n * STROOPS);
    // Simulation changes nothing.
    expect((await c.server.getTrustline(alice.publicKey(), usdc)).balance).toBe(bal(before));
  });

  test('the SDK parses it: isSimulationSuccess, result.retval, transactionData builder', async () => {
    const tx = await transferTx(alice, alice.publicKey(), bob.publicKey(), 1n);
    const sim = await c.server.simulateTransaction(tx);
    expect(rpc.Api.isSimulationSuccess(sim)).toBe(true);
    expect(rpc.Api.isSimulationRestore(sim)).toBe(false);
    if (!rpc.Api.isSimulationSuccess(sim)) return;
    expect(sim.result?.retval.type).toBe('scvVoid');
    expect(sim.transactionData.build().resources.instructions).toBeGreaterThan(0);
  });

  test('authMode: enforce without entries fails; record and record_allow_nonroot record them', async () => {
    const tx = await transferTx(bob, alice.publicKey(), bob.publicKey(), 1n);
    const enforce = await c.server.simulateTransaction(tx, undefined, 'enforce');
    expect(rpc.Api.isSimulationError(enforce)).toBe(true);
    for (const mode of ['record', 'record_allow_nonroot'] as const) {
      const sim = await c.server.simulateTransaction(tx, undefined, mode);
      expect(rpc.Api.isSimulationSuccess(sim), `${mode}: ${JSON.stringify((sim as { error?: string }).error)}`).toBe(
        true,
      );
      if (!rpc.Api.isSimulationSuccess(sim)) continue;
      expect(sim.result!.auth).toHaveLength(1);
      const cred = sim.result!.auth[0]!.credentials;
      expect(['sorobanCredentialsAddress', 'sorobanCredentialsAddressV2']).toContain(cred.type);
    }
    // default (no authMode, no entries) records as well
    const dflt = await c.server.simulateTransaction(tx);
    expect(rpc.Api.isSimulationSuccess(dflt)).toBe(true);
  });

  test('useUpgradedAuth picks the credential version (V2 when true, as stellar-rpc does)', async () => {
    const tx = await transferTx(bob, alice.publicKey(), bob.publicKey(), 1n);
    const up = await c.server.simulateTransaction(tx, undefined, 'record', true);
    const legacy = await c.server.simulateTransaction(tx, undefined, 'record', false);
    if (!rpc.Api.isSimulationSuccess(up) || !rpc.Api.isSimulationSuccess(legacy)) {
      throw new Error('simulation failed');
    }
    expect(up.result!.auth[0]!.credentials.type).toBe('sorobanCredentialsAddressV2');
    expect(legacy.result!.auth[0]!.credentials.type).toBe('sorobanCredentialsAddress');
  });

  test('authMode enforce with the entries signed succeeds (and the default then enforces)', async () => {
    const client = (await contract.Client.from({
      contractId: sac.contractId(),
      networkPassphrase: PASSPHRASE,
      rpcUrl: c.rpcUrl,
      allowHttp: true,
      publicKey: bob.publicKey(),
    })) as AnyClient;
    const at = await client.transfer({ from: alice.publicKey(), to: bob.publicKey(), amount: 1n });
    await at.signAuthEntries({
      address: alice.publicKey(),
      signAuthEntry: contract.basicNodeSigner(alice, PASSPHRASE).signAuthEntry,
    });
    const enforced = await c.server.simulateTransaction(at.built!, undefined, 'enforce');
    expect(rpc.Api.isSimulationSuccess(enforced), JSON.stringify((enforced as { error?: string }).error)).toBe(true);
    // Tamper with the signed entry's nonce: enforcing simulation must now fail.
    const env = at.built!.toEnvelope().toXdr('base64');
    const tampered = TransactionBuilder.fromXdr(env, PASSPHRASE) as Transaction;
    const op = tampered.operations[0] as unknown as { auth: xdr.SorobanAuthorizationEntry[] };
    expect(op.auth.length).toBe(1);
    const txB = TransactionBuilder.cloneFrom(tampered, { fee: tampered.fee });
    txB.clearOperations();
    txB.addOperation(
      Operation.invokeHostFunction({
        func: (tampered.operations[0] as unknown as { func: xdr.HostFunction }).func,
        auth: [
          new xdr.SorobanAuthorizationEntry({
            credentials: xdr.SorobanCredentials.sorobanCredentialsAddress(
              new xdr.SorobanAddressCredentials({
                address: Address.fromString(alice.publicKey()).toScAddress(),
                nonce: 12345n,
                signatureExpirationLedger: (await c.server.getLatestLedger()).sequence + 50,
                signature: xdr.ScVal.scvVoid(),
              }),
            ),
            rootInvocation: op.auth[0]!.rootInvocation,
          }),
        ],
      }),
    );
    const bad = await c.server.simulateTransaction(txB.build());
    expect(rpc.Api.isSimulationError(bad)).toBe(true);
  });

  test('resourceConfig.instructionLeeway raises the instruction budget', async () => {
    const tx = await transferTx(alice, alice.publicKey(), bob.publicKey(), 1n);
    const base = await c.server.simulateTransaction(tx);
    const more = await c.server.simulateTransaction(tx, { cpuInstructions: 3_000_000 });
    if (!rpc.Api.isSimulationSuccess(base) || !rpc.Api.isSimulationSuccess(more)) throw new Error('simulation failed');
    const b = base.transactionData.build().resources.instructions;
    const m = more.transactionData.build().resources.instructions;
    // stellar-rpc: additive factor = max(50_000, leeway); the ×1.04 factor stays.
    expect(Math.abs(m - b - 2_950_000), `leeway added ${m - b} instructions`).toBeLessThanOrEqual(1_000);
    const small = await c.server.simulateTransaction(tx, { cpuInstructions: 10_000 });
    if (!rpc.Api.isSimulationSuccess(small)) throw new Error('simulation failed');
    expect(Math.abs(small.transactionData.build().resources.instructions - b)).toBeLessThanOrEqual(1_000);
  });

  test('error: a contract error is an `error` string with diagnostic events; no transactionData', async () => {
    const tx = await transferTx(bob, bob.publicKey(), alice.publicKey(), 10n ** 15n);
    const raw = await rpcResult(c.rpcUrl, 'simulateTransaction', { transaction: tx.toXdr() });
    expect(typeof raw.error).toBe('string');
    expect(raw.error.length).toBeGreaterThan(0);
    expect(raw.transactionData ?? '').toBe('');
    expect(raw.results ?? []).toHaveLength(0);
    expect(Array.isArray(raw.events)).toBe(true);
    expect(raw.events.length).toBeGreaterThan(0);
    const sim = await c.server.simulateTransaction(tx);
    expect(rpc.Api.isSimulationError(sim)).toBe(true);
  });

  test('error: calling a function the contract does not have', async () => {
    const tx = await buildTx(c, alice.publicKey(), [sac.call('no_such_fn')]);
    const sim = await c.server.simulateTransaction(tx);
    expect(rpc.Api.isSimulationError(sim)).toBe(true);
  });

  test('error: a contract that does not exist', async () => {
    const ghost = new Contract(new Asset('GHOST', Keypair.random().publicKey()).contractId(PASSPHRASE));
    const tx = await buildTx(c, alice.publicKey(), [ghost.call('decimals')]);
    const sim = await c.server.simulateTransaction(tx);
    expect(rpc.Api.isSimulationError(sim)).toBe(true);
  });

  test('error: not exactly one Soroban operation, or a classic operation', async () => {
    const classic = await buildTx(c, alice.publicKey(), [
      Operation.payment({ destination: bob.publicKey(), asset: Asset.native(), amount: '1' }),
    ]);
    const two = await buildTx(c, alice.publicKey(), [
      transferOp(alice.publicKey(), bob.publicKey(), 1n),
      transferOp(alice.publicKey(), bob.publicKey(), 1n),
    ]);
    for (const tx of [classic, two]) {
      const r = await rawRpc(c.rpcUrl, 'simulateTransaction', { transaction: tx.toXdr() });
      // stellar-rpc answers these with result.error (not a JSON-RPC error)
      const msg = r.body?.result?.error ?? r.body?.error?.message;
      expect(typeof msg, r.text).toBe('string');
    }
  });

  test('error: transaction XDR that does not decode', async () => {
    const r = await rawRpc(c.rpcUrl, 'simulateTransaction', { transaction: 'AAAA' });
    const msg = r.body?.result?.error ?? r.body?.error?.message;
    expect(typeof msg, r.text).toBe('string');
  });

  test('reads need no real source account (contract.Client without publicKey uses the null account)', async () => {
    const client = (await contract.Client.from({
      contractId: sac.contractId(),
      networkPassphrase: PASSPHRASE,
      rpcUrl: c.rpcUrl,
      allowHttp: true,
    })) as AnyClient;
    const bal = await client.balance({ id: alice.publicKey() });
    expect(bal.result).toBe((await c.server.getTrustline(alice.publicKey(), usdc)).balance);
    const sym = await client.symbol();
    expect(sym.result).toBe('USDC');
  });
});

describe('Soroban fees and footprints at submission', () => {
  test('a resourceFee below what the resources cost is refused at sendTransaction', async () => {
    const tx = await transferTx(alice, alice.publicKey(), bob.publicKey(), 1n);
    const prepared = await c.server.prepareTransaction(tx);
    const data = new SorobanDataBuilder(
      (
        prepared.toEnvelope() as xdr.TransactionEnvelope & {
          v1: { tx: { ext: { sorobanData: xdr.SorobanTransactionData } } };
        }
      ).v1.tx.ext.sorobanData,
    )
      .setResourceFee(1n)
      .build();
    const cheap = TransactionBuilder.cloneFrom(prepared, { fee: '101', sorobanData: data }).build();
    cheap.sign(alice);
    const sent = await c.server.sendTransaction(cheap);
    expect(sent.status).toBe('ERROR');
    expect(['txSorobanInvalid', 'txInsufficientFee']).toContain(txCode(sent.errorResult!));
  });

  test('a footprint missing an entry the call writes: FAILED, nothing changes', async () => {
    const tx = await transferTx(alice, alice.publicKey(), bob.publicKey(), 1n);
    const prepared = await c.server.prepareTransaction(tx);
    const env = prepared.toEnvelope() as xdr.TransactionEnvelope & {
      v1: { tx: { ext: { sorobanData: xdr.SorobanTransactionData } } };
    };
    const builder = new SorobanDataBuilder(env.v1.tx.ext.sorobanData);
    const rw = env.v1.tx.ext.sorobanData.resources.footprint.readWrite.filter(
      (k) => k.toXdr('base64') !== trustlineKey(bob.publicKey()),
    );
    builder.setReadWrite(rw);
    const broken = TransactionBuilder.cloneFrom(prepared, { fee: prepared.fee, sorobanData: builder.build() }).build();
    broken.sign(alice);
    const b0 = (await c.server.getTrustline(bob.publicKey(), usdc)).balance;
    const sent = await c.server.sendTransaction(broken);
    if (sent.status === 'PENDING') {
      const got = await getTxFinal(c.server, sent.hash);
      expect(got.status).toBe(S.FAILED);
      expect(JSON.stringify(got.resultXdr.toJson())).toMatch(/trapped|resource_limit_exceeded/);
    } else {
      expect(sent.status).toBe('ERROR');
    }
    expect((await c.server.getTrustline(bob.publicKey(), usdc)).balance).toBe(b0);
  });

  test('a Soroban transaction with a memo → txSOROBAN_INVALID (protocol 25+)', async () => {
    const tx = await transferTx(alice, alice.publicKey(), bob.publicKey(), 1n);
    const prepared = await c.server.prepareTransaction(tx);
    const withMemo = TransactionBuilder.cloneFrom(prepared, {
      fee: prepared.fee,
      sorobanData: (
        prepared.toEnvelope() as xdr.TransactionEnvelope & {
          v1: { tx: { ext: { sorobanData: xdr.SorobanTransactionData } } };
        }
      ).v1.tx.ext.sorobanData,
    })
      .addMemo(Memo.text('hi'))
      .build();
    withMemo.sign(alice);
    const sent = await c.server.sendTransaction(withMemo);
    expect(sent.status).toBe('ERROR');
    expect(txCode(sent.errorResult!)).toBe('txSorobanInvalid');
  });

  test('unused refundable fee is refunded: fee charged < fee offered', async () => {
    const tx = await transferTx(alice, alice.publicKey(), bob.publicKey(), 1n);
    const prepared = await c.server.prepareTransaction(tx);
    prepared.sign(alice);
    const x0 = (await c.server.getAccountEntry(alice.publicKey())).balance;
    const got = await submitOk(c, prepared);
    const charged = got.resultXdr.feeCharged;
    expect(charged).toBeGreaterThan(100n);
    expect(charged).toBeLessThan(BigInt(prepared.fee));
    expect((await c.server.getAccountEntry(alice.publicKey())).balance).toBe(x0 - charged);
    // TransactionMeta v4 Soroban meta carries core's fee breakdown (ext v1), and it adds up:
    // fee charged = inclusion fee (100) + non-refundable + refundable actually consumed.
    const m = (got.resultMetaXdr as xdr.TransactionMeta & { v4: xdr.TransactionMetaV4 }).v4;
    expect(m.sorobanMeta).not.toBeNull();
    expect(m.sorobanMeta!.ext.type).toBe('v1');
    const fees = (m.sorobanMeta!.ext as xdr.SorobanTransactionMetaExt & { v1: xdr.SorobanTransactionMetaExtV1 }).v1;
    expect(fees.totalNonRefundableResourceFeeCharged).toBeGreaterThan(0n);
    expect(charged).toBe(100n + fees.totalNonRefundableResourceFeeCharged + fees.totalRefundableResourceFeeCharged);
    const declared = new SorobanDataBuilder(
      (
        prepared.toEnvelope() as xdr.TransactionEnvelope & {
          v1: { tx: { ext: { sorobanData: xdr.SorobanTransactionData } } };
        }
      ).v1.tx.ext.sorobanData,
    ).build().resourceFee;
    expect(fees.totalNonRefundableResourceFeeCharged + fees.totalRefundableResourceFeeCharged).toBeLessThan(declared);
  });
});

describe('ExtendFootprintTTL', () => {
  test("simulate + submit extends a contract data entry's TTL", async () => {
    // A fresh persistent entry: alice's USDC balance held by a contract address.
    const holder = Asset.native().contractId(PASSPHRASE);
    const pay = await c.server.prepareTransaction(await transferTx(alice, alice.publicKey(), holder, 1n));
    pay.sign(alice);
    await submitOk(c, pay);
    const key = xdr.LedgerKey.contractData(
      new xdr.LedgerKeyContractData({
        contract: Address.fromString(sac.contractId()).toScAddress(),
        key: nativeToScVal(['Balance', holder], { type: ['symbol', 'address'] }),
        durability: xdr.ContractDataDurability.persistent,
      }),
    );
    const before = await c.server.getLedgerEntries(key);
    expect(before.entries).toHaveLength(1);
    const live0 = before.entries[0]!.liveUntilLedgerSeq!;
    const latest = (await c.server.getLatestLedger()).sequence;
    expect(live0).toBeGreaterThan(latest);
    const extendTo = live0 - latest + 1000;
    const kp = await fund(c);
    const account = await c.server.getAccount(kp.publicKey());
    const tx = new TransactionBuilder(account, { fee: '100', networkPassphrase: PASSPHRASE })
      .addOperation(Operation.extendFootprintTtl({ extendTo }))
      .setSorobanData(new SorobanDataBuilder().setReadOnly([key]).build())
      .setTimeout(30)
      .build();
    const sim = await c.server.simulateTransaction(tx);
    expect(rpc.Api.isSimulationSuccess(sim), JSON.stringify((sim as { error?: string }).error)).toBe(true);
    if (!rpc.Api.isSimulationSuccess(sim)) return;
    expect(BigInt(sim.minResourceFee)).toBeGreaterThan(0n);
    const prepared = rpc.assembleTransaction(tx, sim).build();
    prepared.sign(kp);
    const got = await submitOk(c, prepared);
    const after = await c.server.getLedgerEntries(key);
    expect(after.entries[0]!.liveUntilLedgerSeq).toBe(got.ledger + extendTo);
  });

  test("extendTo beyond the network's maximum TTL is refused", async () => {
    const kp = await fund(c);
    const account = await c.server.getAccount(kp.publicKey());
    const tx = new TransactionBuilder(account, { fee: '1000000', networkPassphrase: PASSPHRASE })
      .addOperation(Operation.extendFootprintTtl({ extendTo: 0xffffffff - 1 }))
      .setSorobanData(new SorobanDataBuilder().setReadOnly([sac.getFootprint()]).setResourceFee(900000n).build())
      .setTimeout(30)
      .build();
    tx.sign(kp);
    const sent = await c.server.sendTransaction(tx);
    if (sent.status === 'PENDING') {
      const got = await getTxFinal(c.server, sent.hash);
      expect(got.status).toBe(S.FAILED);
    } else {
      expect(sent.status).toBe('ERROR');
    }
  });
});
