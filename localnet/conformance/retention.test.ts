// --history-retention-window: history older than the window is pruned as ledgers close,
// getHealth reports the window, and a start before it gets stellar-rpc's errors
// (what a read model meets when it falls behind a real provider). Runs its own
// localnet with a 6-ledger window and no empty ledgers.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Keypair } from '@stellar/stellar-sdk';
import { startLocalnet, type LocalnetInstance } from './localnet-process.ts';
import { fund, makeCtx, rawRpc, rpcResult, type Ctx } from './helpers.ts';

const WINDOW = 6;
let node: LocalnetInstance;
let c: Ctx;

beforeAll(async () => {
  node = await startLocalnet({ extraArgs: ['--ledger-interval', '0', '--history-retention-window', String(WINDOW)] });
  c = makeCtx(node.baseUrl);
});
afterAll(async () => {
  await node?.stop();
});

async function closeLedger() {
  await rpcResult(c.rpcUrl, 'localnet_advanceTime', { seconds: 0 });
}

describe('history retention window', () => {
  test('a refused option value is a start-up error', async () => {
    await expect(startLocalnet({ extraArgs: ['--history-retention-window', '0'], timeoutMs: 5_000 })).rejects.toThrow(
      /exited during start-up/,
    );
  });

  test('old transactions, ledgers and events leave; the window is reported; starts before it are refused', async () => {
    const kp = Keypair.random();
    await fund(c, kp);
    const first = (await c.server.getTransactions({ startLedger: 1, pagination: { limit: 10 } })).transactions;
    expect(first.length).toBeGreaterThan(0);
    const oldTx = first[0]!;
    for (let i = 0; i < WINDOW + 2; i++) await closeLedger();

    const health = await rpcResult(c.rpcUrl, 'getHealth');
    expect(health.ledgerRetentionWindow).toBe(WINDOW);
    expect(health.oldestLedger).toBe(health.latestLedger - WINDOW + 1);
    expect(health.oldestLedger).toBeGreaterThan(oldTx.ledger);
    const sdkHealth = await c.server.getHealth();
    expect(sdkHealth.oldestLedger).toBe(health.oldestLedger);

    const gone = await c.server.getTransaction(oldTx.txHash);
    expect(gone.status).toBe('NOT_FOUND');
    expect(gone.oldestLedger).toBe(health.oldestLedger);

    const range = `must be between the oldest ledger: ${health.oldestLedger} and the latest ledger: ${health.latestLedger} for this rpc instance`;
    const txs = await rawRpc(c.rpcUrl, 'getTransactions', { startLedger: oldTx.ledger });
    expect(txs.body.error).toEqual({ code: -32600, message: `start ledger (${oldTx.ledger}) ${range}` });
    const ledgers = await rawRpc(c.rpcUrl, 'getLedgers', { startLedger: 1 });
    expect(ledgers.body.error).toEqual({ code: -32600, message: `start ledger (1) ${range}` });
    const events = await rawRpc(c.rpcUrl, 'getEvents', { startLedger: oldTx.ledger });
    expect(events.body.error).toEqual({
      code: -32600,
      message: `startLedger must be within the ledger range: ${health.oldestLedger} - ${health.latestLedger}`,
    });
    // The SDK surfaces the same error to a caller.
    await expect(c.server.getEvents({ startLedger: oldTx.ledger, filters: [] })).rejects.toMatchObject({
      code: -32600,
    });

    const page = await c.server.getLedgers({ startLedger: health.oldestLedger, pagination: { limit: 20 } });
    expect(page.ledgers.map((l) => l.sequence)[0]).toBe(health.oldestLedger);
    expect(page.ledgers).toHaveLength(WINDOW);
    expect(page.oldestLedger).toBe(health.oldestLedger);
    // State is not history: the account funded before the window is still there.
    expect((await c.server.getAccount(kp.publicKey())).accountId()).toBe(kp.publicKey());
  });

  test('a restart keeps the window (pruned history stays pruned)', async () => {
    const before = await rpcResult(c.rpcUrl, 'getHealth');
    await node.stop();
    node = await startLocalnet({
      dataDir: node.dataDir,
      extraArgs: ['--ledger-interval', '0', '--history-retention-window', String(WINDOW)],
    });
    c = makeCtx(node.baseUrl);
    const after = await rpcResult(c.rpcUrl, 'getHealth');
    expect(after.oldestLedger).toBe(before.oldestLedger);
    await closeLedger();
    expect((await rpcResult(c.rpcUrl, 'getHealth')).oldestLedger).toBe(before.oldestLedger + 1);
  });
});
