// Multisig accounts: SetOptions signers, weights and thresholds; a transaction
// below the threshold fails, with enough signatures it succeeds.
import { beforeAll, describe, expect, test } from 'vitest';
import { Asset, Keypair, Operation, rpc } from '@stellar/stellar-sdk';
import {
  buildTx,
  fund,
  getTxFinal,
  nativeBalance,
  opResultsJson,
  run,
  sendAndWait,
  sharedCtx,
  txCode,
} from './helpers.ts';

const c = sharedCtx();
const S = rpc.Api.GetTransactionStatus;

let owner: Keypair;
let s1: Keypair;
let s2: Keypair;
let dest: Keypair;

const pay = (amount = '1') => Operation.payment({ destination: dest.publicKey(), asset: Asset.native(), amount });

async function attempt(ops = [pay()], signers: Keypair[]) {
  const tx = await buildTx(c, owner.publicKey(), ops);
  tx.sign(...signers);
  return c.server.sendTransaction(tx).then(async (sent) => ({ sent, tx }));
}

describe('multisig thresholds', () => {
  beforeAll(async () => {
    [owner, dest] = await Promise.all([fund(c), fund(c)]);
    s1 = Keypair.random();
    s2 = Keypair.random();
    // master 1, two extra signers of weight 1; low 1, medium 2, high 3.
    const r = await run(c, owner, [
      Operation.setOptions({ signer: { ed25519PublicKey: s1.publicKey(), weight: 1 } }),
      Operation.setOptions({ signer: { ed25519PublicKey: s2.publicKey(), weight: 1 } }),
      Operation.setOptions({ masterWeight: 1, lowThreshold: 1, medThreshold: 2, highThreshold: 3 }),
    ]);
    expect(opResultsJson(r.resultXdr)).toEqual([
      { op_inner: { set_options: 'success' } },
      { op_inner: { set_options: 'success' } },
      { op_inner: { set_options: 'success' } },
    ]);
  });

  test('the account entry holds the signers and thresholds', async () => {
    const e = await c.server.getAccountEntry(owner.publicKey());
    expect(Array.from(e.thresholds.value ?? (e.thresholds as unknown as Uint8Array))).toEqual([1, 1, 2, 3]);
    const signers = e.signers.map((s) => ({ key: s.key.toXdr('base64'), weight: s.weight }));
    expect(signers).toHaveLength(2);
    expect(e.numSubEntries).toBe(2);
  });

  test('a payment (medium threshold 2) signed by the master key alone: rejected, op BAD_AUTH', async () => {
    const b0 = await nativeBalance(c, dest.publicKey());
    const { sent } = await attempt(undefined, [owner]);
    expect(sent.status).toBe('ERROR');
    expect(txCode(sent.errorResult!)).toBe('txFailed');
    expect(opResultsJson(sent.errorResult!)).toEqual(['op_bad_auth']);
    expect(await nativeBalance(c, dest.publicKey())).toBe(b0);
  });

  test('a single extra signer alone (weight 1 < 2): rejected', async () => {
    const { sent } = await attempt(undefined, [s1]);
    expect(sent.status).toBe('ERROR');
    expect(txCode(sent.errorResult!)).toBe('txFailed');
    expect(opResultsJson(sent.errorResult!)).toEqual(['op_bad_auth']);
  });

  test('master + one signer (weight 2): succeeds', async () => {
    const b0 = await nativeBalance(c, dest.publicKey());
    const { sent, tx } = await attempt(undefined, [owner, s1]);
    expect(sent.status).toBe('PENDING');
    const r = await getTxFinal(c.server, sent.hash);
    expect(r.status).toBe(S.SUCCESS);
    expect(r.resultXdr.feeCharged).toBe(100n);
    expect(await nativeBalance(c, dest.publicKey())).toBe(b0 + 10_000_000n);
    expect(tx.signatures).toHaveLength(2);
  });

  test('the two extra signers without the master key: succeeds', async () => {
    const { sent } = await attempt(undefined, [s1, s2]);
    expect(sent.status).toBe('PENDING');
    expect((await getTxFinal(c.server, sent.hash)).status).toBe(S.SUCCESS);
  });

  test('a signature that adds no weight → txBAD_AUTH_EXTRA', async () => {
    const { sent } = await attempt(undefined, [owner, s1, Keypair.random()]);
    expect(sent.status).toBe('ERROR');
    expect(txCode(sent.errorResult!)).toBe('txBadAuthExtra');
  });

  test('changing signers needs the high threshold (3): two signatures fail, three succeed', async () => {
    const s3 = Keypair.random();
    const op = Operation.setOptions({ signer: { ed25519PublicKey: s3.publicKey(), weight: 1 } });
    const two = await attempt([op], [owner, s1]);
    expect(two.sent.status).toBe('ERROR');
    expect(opResultsJson(two.sent.errorResult!)).toEqual(['op_bad_auth']);
    const three = await attempt([op], [owner, s1, s2]);
    expect(three.sent.status).toBe('PENDING');
    expect((await getTxFinal(c.server, three.sent.hash)).status).toBe(S.SUCCESS);
    const e = await c.server.getAccountEntry(owner.publicKey());
    expect(e.signers).toHaveLength(3);
  });

  test('master weight 0 locks the master key out; the signers still work', async () => {
    const other = await fund(c);
    const t1 = Keypair.random();
    await run(c, other, [
      Operation.setOptions({ signer: { ed25519PublicKey: t1.publicKey(), weight: 5 } }),
      Operation.setOptions({ masterWeight: 0, lowThreshold: 1, medThreshold: 1, highThreshold: 1 }),
    ]);
    const byMaster = await buildTx(c, other.publicKey(), [pay()]);
    byMaster.sign(other);
    const r1 = await c.server.sendTransaction(byMaster);
    expect(r1.status).toBe('ERROR');
    expect(txCode(r1.errorResult!)).toBe('txBadAuth');
    const bySigner = await buildTx(c, other.publicKey(), [pay()]);
    bySigner.sign(t1);
    const r2 = await sendAndWait(c, bySigner);
    expect(r2.status).toBe(S.SUCCESS);
  });

  test('a weight above 255 or thresholds above 255 are refused by the SDK or by the node', async () => {
    const other = await fund(c);
    let built = false;
    try {
      const tx = await buildTx(c, other.publicKey(), [Operation.setOptions({ highThreshold: 256 })]);
      built = true;
      tx.sign(other);
      const sent = await c.server.sendTransaction(tx);
      if (sent.status === 'PENDING') {
        const r = await getTxFinal(c.server, sent.hash);
        expect(r.status).toBe(S.FAILED);
      } else {
        expect(sent.status).toBe('ERROR');
      }
    } catch {
      expect(built).toBe(false); // the SDK refused to build it
    }
  });
});
