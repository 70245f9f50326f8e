// localnet_advanceTime { seconds } moves the ledger close time forward (for
// deadline tests). It changes the clock for everyone, so this file runs its own
// localnet instead of the shared one.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Account, Asset, Keypair, Operation, TransactionBuilder } from "@stellar/stellar-sdk";
import { startLocalnet, type LocalnetInstance } from "./localnet-process.ts";
import {
  PASSPHRASE,
  fund,
  makeCtx,
  rawRpc,
  submitOk,
  txCode,
  waitFor,
  type Ctx,
} from "./helpers.ts";

let node: LocalnetInstance;
let c: Ctx;

beforeAll(async () => {
  node = await startLocalnet({ extraArgs: ["--ledger-interval", "1"] });
  c = makeCtx(node.baseUrl);
});
afterAll(async () => {
  await node?.stop();
});

async function selfPay(kp: Keypair, bounds: { minTime: number; maxTime: number }) {
  const account = await c.server.getAccount(kp.publicKey());
  const tx = new TransactionBuilder(new Account(kp.publicKey(), account.sequenceNumber()), {
    fee: "100",
    networkPassphrase: PASSPHRASE,
    timebounds: bounds,
  })
    .addOperation(Operation.payment({ destination: kp.publicKey(), asset: Asset.native(), amount: "1" }))
    .build();
  tx.sign(kp);
  return tx;
}

describe("localnet_advanceTime", () => {
  test("moves close time forward by the given seconds; time bounds follow the ledger clock", async () => {
    const kp = await fund(c);
    const now = Math.floor(Date.now() / 1000);
    // Valid only from 30 minutes ahead: too early now.
    const early = await selfPay(kp, { minTime: now + 1800, maxTime: 0 });
    const sent0 = await c.server.sendTransaction(early);
    expect(sent0.status).toBe("ERROR");
    expect(txCode(sent0.errorResult!)).toBe("txTooEarly");

    const before = await c.server.getLatestLedger();
    const r = await rawRpc(c.rpcUrl, "localnet_advanceTime", { seconds: 3600 });
    expect(r.body?.error, r.text).toBeUndefined();
    expect(r.body?.result).toBeDefined();

    // The next ledger closes at least an hour later than the last one.
    const res = await submitOk(c, await selfPay(kp, { minTime: 0, maxTime: 0 }));
    const closed = await c.server.getLedgers({ startLedger: res.ledger, pagination: { limit: 1 } });
    const t = Number(closed.ledgers[0]!.headerXdr.header.scpValue.closeTime);
    expect(t).toBeGreaterThanOrEqual(Number(before.closeTime) + 3600);
    expect(t).toBeLessThan(Number(before.closeTime) + 3600 + 120);
    const latest = await c.server.getLatestLedger();
    expect(Number(latest.closeTime)).toBeGreaterThanOrEqual(Number(before.closeTime) + 3600);

    // Now the 30-minutes-ahead transaction is valid…
    const early2 = await selfPay(kp, { minTime: now + 1800, maxTime: 0 });
    await submitOk(c, early2);
    // …and one that expires in 30 s of wall-clock time is already too late.
    const late = await selfPay(kp, { minTime: 0, maxTime: now + 30 });
    const sent = await c.server.sendTransaction(late);
    expect(sent.status).toBe("ERROR");
    expect(txCode(sent.errorResult!)).toBe("txTooLate");
  });

  test("advances accumulate and the clock never goes back (empty ledgers keep the offset)", async () => {
    const l0 = await c.server.getLatestLedger();
    await rawRpc(c.rpcUrl, "localnet_advanceTime", { seconds: 600 });
    await rawRpc(c.rpcUrl, "localnet_advanceTime", { seconds: 600 });
    const kp = await fund(c);
    const res = await submitOk(c, await selfPay(kp, { minTime: 0, maxTime: 0 }));
    const l1 = await c.server.getLedgers({ startLedger: res.ledger, pagination: { limit: 1 } });
    const t1 = Number(l1.ledgers[0]!.headerXdr.header.scpValue.closeTime);
    expect(t1).toBeGreaterThanOrEqual(Number(l0.closeTime) + 1200);
    // wait for an empty ledger to close on its own: not earlier than t1
    const l2 = await waitFor(
      "an empty ledger after the advance",
      async () => {
        const l = await c.server.getLatestLedger();
        return l.sequence > res.ledger ? l : undefined;
      },
      12_000,
      250,
    );
    expect(Number(l2.closeTime)).toBeGreaterThanOrEqual(t1);
  });

  test("bad params are JSON-RPC errors and move nothing", async () => {
    const l0 = await c.server.getLatestLedger();
    for (const params of [{ seconds: -5 }, { seconds: "soon" }, {}, null]) {
      const r = await rawRpc(c.rpcUrl, "localnet_advanceTime", params);
      expect(r.body?.error, `${JSON.stringify(params)} → ${r.text}`).toBeDefined();
    }
    const kp = await fund(c);
    const res = await submitOk(c, await selfPay(kp, { minTime: 0, maxTime: 0 }));
    const l = await c.server.getLedgers({ startLedger: res.ledger, pagination: { limit: 1 } });
    // less than 60 s of drift: nothing was advanced
    expect(Number(l.ledgers[0]!.headerXdr.header.scpValue.closeTime)).toBeLessThan(Number(l0.closeTime) + 60);
    void Keypair;
  });
});
