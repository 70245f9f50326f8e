/**
 * The endpoint matrix, part two (against a localnet of its own): every operation that takes an
 * escrow answers 404 for an unknown one and refuses a look-alike contract (same code, another
 * wasm hash); POST /transactions refuses a transaction that is not the prepared one and one
 * signed by someone else, and sends the prepared one; every POST replays its stored response
 * for the same Idempotency-Key and body, and refuses that key with another body. On PGlite
 * and, when DATABASE_URL is set, Postgres. Skipped without the localnet binary.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Keypair, Memo, Operation, StrKey, TransactionBuilder } from '@stellar/stellar-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReadModel } from '../db/client';
import { testBackends } from '../db/testing';
import { readEscrow } from '../escrow/read';
import { localnetAvailable, startKit, WASM, WASM_HASH, type Kit } from '../indexer/localnet-kit';
import { setApiDatabase } from './db';
import { createKey, SCOPES } from './keys';
import { apiOperations, type ApiCall, type ApiOperation } from './testing';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const OPERATIONS = apiOperations();
// Operations whose `{id}` is an escrow (a webhook's `{id}` is not).
const BY_ESCROW = OPERATIONS.filter((op) =>
  op.parameters.some((p) => p.in === 'path' && p.name === 'id' && p.schema.pattern?.startsWith('^C')),
);
const POSTS = OPERATIONS.filter((op) => op.method === 'post');
const named = (ops: ApiOperation[]) => ops.map((op) => [`${op.method} ${op.path}`, op] as const);
const operation = (id: string) => OPERATIONS.find((op) => op.operationId === id)!;

let kit: Kit;
let escrowId = '';
let lookalikeId = '';
let termsVersion = 1;

beforeAll(async () => {
  if (!localnetAvailable) return;
  kit = await startKit();
  // The app's network is this localnet (read once per test file, at the first request).
  process.env.OPENESCROW_NETWORK = 'local';
  process.env.OPENESCROW_RPC_URL = kit.localnet.rpcUrl;
  process.env.OPENESCROW_LOCALNET_URL = kit.localnet.baseUrl;
  process.env.OPENESCROW_WASM_HASH = WASM_HASH;
  process.env.OPENESCROW_DEPLOYMENT_FILE = '/nonexistent/deployment.json';
  escrowId = await kit.deploy(kit.config());
  termsVersion = (await readEscrow(kit.network, escrowId)).termsVersion;
  const lookalike = Buffer.concat([WASM, Buffer.from([0, 11, 9]), Buffer.from('lookalike!')]);
  await kit.send(kit.party, Operation.uploadContractWasm({ wasm: lookalike }));
  lookalikeId = await kit.deploy(kit.config(), createHash('sha256').update(lookalike).digest('hex'));
});
afterAll(async () => {
  await kit?.localnet.stop();
});

/** A request each operation can serve for `id`: the party acts, with a plausible input. */
function realistic(op: ApiOperation, id: string): ApiCall {
  const input = op.operationId === 'fund' ? { amount: '1', termsVersion } : {};
  return {
    pathParams: { id, index: '0', pendingId: '0123456789abcdef01234567' },
    body: op.body ? { source: kit.party.publicKey(), input } : undefined,
  };
}

describe.skipIf(!localnetAvailable).each(testBackends())('every endpoint against localnet on $name', (backend) => {
  let rm: ReadModel;
  let key = '';
  beforeAll(async () => {
    rm = await backend.open();
    setApiDatabase(rm.db);
    key = (await createKey(rm.db, kit.party.publicKey(), { name: 'matrix', scopes: [...SCOPES] }))!.key;
  });
  afterAll(async () => {
    setApiDatabase(null);
    await rm?.close();
  });

  it('serves the real escrow (the rows below are refusals of a request that otherwise works)', async () => {
    const got = await operation('getEscrow').call({ key, pathParams: { id: escrowId } });
    expect(got.status).toBe(200);
    expect((await got.json()).state.termsVersion).toBe(termsVersion);
    const events = await operation('listEscrowEvents').call({ key, pathParams: { id: escrowId } });
    expect(await events.json()).toEqual({ data: [], next_cursor: null });
    const fund = await operation('fund').call({ ...realistic(operation('fund'), escrowId), key });
    expect(fund.status).toBe(200);
  });

  it.each(named(BY_ESCROW))('%s: 404 for an escrow id with no contract', async (_n, op) => {
    const unknown = StrKey.encodeContract(randomBytes(32));
    const res = await op.call({ ...realistic(op, unknown), key });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, code: 'not-found' });
  });

  it.each(named(BY_ESCROW))('%s: refuses a look-alike contract (another wasm hash)', async (_n, op) => {
    const res = await op.call({ ...realistic(op, lookalikeId), key });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, code: 'not-openescrow' });
  });

  it.each(named(POSTS))(
    '%s: replays the same Idempotency-Key and body, refuses it with another body',
    async (_n, op) => {
      // The transactions row is covered with a real submission below; here a refused submit.
      const call =
        op.operationId === 'submitTransaction'
          ? { body: { signed_xdr: 'AAAA', ticket: '0'.repeat(64) } }
          : realistic(op, escrowId);
      const headers = { 'idempotency-key': `matrix-${op.operationId}-${backend.name}` };
      const first = await op.call({ ...call, key, headers });
      const firstBody = await first.json();
      const again = await op.call({ ...call, key, headers });
      expect(again.status).toBe(first.status);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(firstBody);
      const other = await op.call({ ...call, body: { ...(call.body as object), extra: 1 }, key, headers });
      expect(other.status).toBe(422);
      expect(await other.json()).toMatchObject({ code: 'idempotency-conflict' });
    },
  );

  it('POST /transactions refuses a changed transaction and a foreign signer, sends the prepared one once', async () => {
    const prepared = await (await operation('fund').call({ ...realistic(operation('fund'), escrowId), key })).json();
    const submit = operation('submitTransaction');
    const tx = TransactionBuilder.fromXDR(prepared.xdr, prepared.network_passphrase);

    // The same call with a memo added: signed by the right key, but not what was prepared.
    const changed = TransactionBuilder.cloneFrom(tx as never, { fee: tx.fee })
      .addMemo(Memo.text('changed'))
      .build();
    changed.sign(kit.party);
    const notPrepared = await submit.call({ key, body: { signed_xdr: changed.toXDR(), ticket: prepared.ticket } });
    expect(notPrepared.status).toBe(422);
    expect(await notPrepared.json()).toMatchObject({ code: 'not-prepared' });

    const foreign = TransactionBuilder.fromXDR(prepared.xdr, prepared.network_passphrase);
    foreign.sign(Keypair.random());
    const wrong = await submit.call({ key, body: { signed_xdr: foreign.toXDR(), ticket: prepared.ticket } });
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({ code: 'wrong-signer' });

    tx.sign(kit.party);
    const body = { signed_xdr: tx.toXDR(), ticket: prepared.ticket };
    const headers = { 'idempotency-key': `submit-${backend.name}` };
    const sent = await submit.call({ key, body, headers });
    const outcome = await sent.json();
    expect(sent.status, JSON.stringify(outcome)).toBe(200);
    expect(outcome).toMatchObject({ hash: prepared.hash, ledger: expect.any(Number), escrow_id: null });
    // A retry after a lost answer gets the same outcome; the transaction is not sent again.
    const retry = await submit.call({ key, body, headers });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(outcome);
  });
});
