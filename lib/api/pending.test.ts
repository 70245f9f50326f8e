import { Address, authorizeEntry, Keypair, Networks, StrKey, xdr } from '@stellar/stellar-sdk';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openReadModel, type ReadModel } from '../db/client';
import { appPendingStore } from '../pending/app';
import type { PendingStep } from '../pending/store';
import { setApiDatabase } from './db';
import { getPendingRelease, postPendingRelease, postPendingSignature, postPendingSubmit } from './endpoints/pending';
import { createKey } from './keys';
import { apiRoute } from './route';

// PGlite starts in seconds, and slower on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const OWNER = 'GAAZI4TCR3TY5OJHCTJC2A4QSY6CJWJH5IAJTGKIN2ER7LBNVKOCCWN7';
const ESCROW = StrKey.encodeContract(randomBytes(32));
const alice = Keypair.random();
const lawyer = Keypair.random();
const VALID_UNTIL = 1_000;
let rm: ReadModel;
let prepareKey = '';
let readKey = '';

const routes = {
  start: apiRoute<{ id: string; index?: string }>('prepare', postPendingRelease),
  read: apiRoute<{ pendingId: string }>('read', getPendingRelease),
  sign: apiRoute<{ pendingId: string }>('prepare', postPendingSignature),
  submit: apiRoute<{ pendingId: string }>('prepare', postPendingSubmit),
};
async function call<P>(
  route: (req: Request, r: { params: Promise<P> }) => Promise<Response>,
  params: P,
  body?: unknown,
  key: string | null = prepareKey,
  headers: Record<string, string> = {},
) {
  const res = await route(
    new Request('http://127.0.0.1/api/v1/x', {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, body: await res.json(), type: res.headers.get('content-type') };
}

/** An unsigned authorisation entry for `who` calling `release` on the escrow, as simulation returns it. */
function entry(who: Keypair, nonce = 7n): xdr.SorobanAuthorizationEntry {
  return new xdr.SorobanAuthorizationEntry({
    credentials: xdr.SorobanCredentials.sorobanCredentialsAddressV2(
      new xdr.SorobanAddressCredentials({
        address: Address.fromString(who.publicKey()).toScAddress(),
        nonce,
        signatureExpirationLedger: 0,
        signature: xdr.ScVal.scvVoid(),
      }),
    ),
    rootInvocation: new xdr.SorobanAuthorizedInvocation({
      function: xdr.SorobanAuthorizedFunction.sorobanAuthorizedFunctionTypeContractFn(
        new xdr.InvokeContractArgs({
          contractAddress: Address.fromString(ESCROW).toScAddress(),
          functionName: 'release',
          args: [],
        }),
      ),
      subInvocations: [],
    }),
  });
}
const signed = async (who: Keypair, until = 500, passphrase = Networks.STANDALONE) =>
  (await authorizeEntry(entry(who), who, until, passphrase)).toXdr('base64');

/** A 2-of-2 release as the start would store it (the chain is not needed for the rest). */
async function pending(): Promise<PendingStep> {
  const saved = await (
    await appPendingStore()
  ).save(
    {
      escrowId: ESCROW,
      starter: alice.publicKey(),
      networkPassphrase: Networks.STANDALONE,
      func: 'AAAA',
      entries: [alice, lawyer].map((k) => ({ address: k.publicKey(), entry: entry(k).toXdr('base64'), signed: null })),
      validUntilLedger: VALID_UNTIL,
      summary: ['Release'],
    },
    'api:test',
  );
  if ('refused' in saved) throw new Error(saved.refused);
  return saved;
}

beforeAll(async () => {
  rm = await openReadModel({ url: '', dataDir: 'memory://' });
  setApiDatabase(rm.db);
  prepareKey = (await createKey(rm.db, OWNER, { name: 'prepare', scopes: ['prepare'] }))!.key;
  readKey = (await createKey(rm.db, OWNER, { name: 'read', scopes: ['read'] }))!.key;
});
afterAll(async () => {
  setApiDatabase(null);
  await rm.close();
});

describe('pending releases over HTTP', () => {
  it('refuse requests without a key (401) or without the scope (403)', async () => {
    const p = await pending();
    const none = await call(routes.read, { pendingId: p.id }, undefined, null);
    expect([none.status, none.type]).toEqual([401, 'application/problem+json']);
    expect((await call(routes.sign, { pendingId: p.id }, { signed: 'AAAA' }, null)).status).toBe(401);
    expect((await call(routes.read, { pendingId: p.id }, undefined, prepareKey)).status).toBe(403);
    expect((await call(routes.sign, { pendingId: p.id }, { signed: 'AAAA' }, readKey)).body.code).toBe('missing-scope');
    expect((await call(routes.submit, { pendingId: p.id }, { source: OWNER }, readKey)).status).toBe(403);
    expect((await call(routes.start, { id: ESCROW }, { source: OWNER, input: {} }, readKey)).status).toBe(403);
  });

  it('answer bad input with 400 and unknown steps with 404', async () => {
    const p = await pending();
    const noField = await call(routes.sign, { pendingId: p.id }, {});
    expect(noField).toMatchObject({
      status: 400,
      body: { code: 'invalid-input', fieldErrors: { signed: ['The signed authorisation entry, base64 XDR'] } },
    });
    expect((await call(routes.sign, { pendingId: p.id }, '{nope')).status).toBe(400);
    expect((await call(routes.sign, { pendingId: p.id }, { signed: 'not xdr' })).body.code).toBe('bad-xdr');
    expect((await call(routes.submit, { pendingId: p.id }, { source: 'GNOPE' })).status).toBe(400);
    expect((await call(routes.start, { id: 'CNOTANESCROW' }, { source: OWNER, input: {} })).body.code).toBe(
      'bad-escrow-id',
    );
    expect((await call(routes.start, { id: ESCROW, index: '-1' }, { source: OWNER, input: {} })).status).toBe(400);
    expect((await call(routes.start, { id: ESCROW }, [])).status).toBe(400);
    // An unknown id is 404; a malformed one is bad input (400), as for an escrow id.
    for (const [pendingId, status] of [
      ['0123456789abcdef01234567', 404],
      ["x' or 1=1 --", 400],
    ] as const) {
      expect((await call(routes.read, { pendingId }, undefined, readKey)).status).toBe(status);
      expect((await call(routes.sign, { pendingId }, { signed: await signed(lawyer) })).status).toBe(status);
      expect((await call(routes.submit, { pendingId }, { source: OWNER })).status).toBe(status);
    }
  });

  it('take each signer’s verified entry, refuse a bad signature and never replace a signed slot', async () => {
    const p = await pending();
    const first = await signed(lawyer);
    const ok = await call(routes.sign, { pendingId: p.id }, { signed: first });
    expect(ok.status).toBe(200);
    expect(ok.body.entries.map((e: { signed: string | null }) => e.signed)).toEqual([null, first]);
    expect(ok.body.complete).toBe(false);

    const replaced = await call(routes.sign, { pendingId: p.id }, { signed: await signed(lawyer, 900) });
    expect(replaced).toMatchObject({ status: 422, body: { code: 'already-signed' } });
    const otherNetwork = await call(
      routes.sign,
      { pendingId: p.id },
      { signed: await signed(alice, 500, Networks.TESTNET) },
    );
    expect(otherNetwork).toMatchObject({ status: 422, body: { code: 'bad-signature', detail: /does not verify/ } });
    const outliving = await call(routes.sign, { pendingId: p.id }, { signed: await signed(alice, VALID_UNTIL + 1) });
    expect(outliving.body.code).toBe('bad-signature');
    const stranger = Keypair.random();
    expect((await call(routes.sign, { pendingId: p.id }, { signed: await signed(stranger) })).body.code).toBe(
      'not-a-signer',
    );
    // Not complete yet: the submit waits for alice.
    expect((await call(routes.submit, { pendingId: p.id }, { source: OWNER })).body).toMatchObject({
      code: 'needs-signers',
      detail: expect.stringContaining(alice.publicKey()),
    });

    const read = await call(routes.read, { pendingId: p.id }, undefined, readKey);
    expect(read.body).toMatchObject({ id: p.id, escrow_id: ESCROW, starter: alice.publicKey(), complete: false });
    expect(read.body.entries[1].signed).toBe(first);
    expect(JSON.stringify(read.body)).not.toContain('api:test');

    const last = await call(routes.sign, { pendingId: p.id }, { signed: await signed(alice, VALID_UNTIL) });
    expect(last.body.complete).toBe(true);
  });

  it('replays an added signature for the same Idempotency-Key', async () => {
    const p = await pending();
    const body = { signed: await signed(lawyer) };
    const first = await call(routes.sign, { pendingId: p.id }, body, prepareKey, { 'idempotency-key': `k-${p.id}` });
    const again = await call(routes.sign, { pendingId: p.id }, body, prepareKey, { 'idempotency-key': `k-${p.id}` });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
  });
});
