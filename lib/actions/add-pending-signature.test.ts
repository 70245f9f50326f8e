import { Address, authorizeEntry, Keypair, nativeToScVal, Networks, StrKey, xdr } from '@stellar/stellar-sdk';
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { ESCROW_ID } from '../testing/fixtures';
import { appPendingStore } from '../pending/app';
import type { PendingStep } from '../pending/store';
import { authAddress, needsSignature } from '../stellar/auth';
import { addPendingSignature } from './add-pending-signature';
import { withApiTestDatabase } from '../api/test-database';

const alice = Keypair.random();
const lawyer = Keypair.random();
const VALID_UNTIL = 1_000;

// PGlite starts in seconds, and slower on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
withApiTestDatabase();

/** An unsigned authorisation entry for `who` calling `fn` on the escrow, as simulation returns it. */
function entry(who: Keypair, fn = 'release', nonce = 7n): xdr.SorobanAuthorizationEntry {
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
          contractAddress: Address.fromString(ESCROW_ID).toScAddress(),
          functionName: fn,
          args: [],
        }),
      ),
      subInvocations: [],
    }),
  });
}

async function pending(escrowId = StrKey.encodeContract(randomBytes(32))): Promise<PendingStep> {
  const saved = await (
    await appPendingStore()
  ).save(
    {
      escrowId,
      starter: Keypair.random().publicKey(),
      networkPassphrase: Networks.STANDALONE,
      func: 'AAAA',
      entries: [alice, lawyer].map((k) => ({ address: k.publicKey(), entry: entry(k).toXdr('base64'), signed: null })),
      validUntilLedger: VALID_UNTIL,
      summary: ['Release'],
    },
    randomBytes(4).toString('hex'),
  );
  if ('refused' in saved) throw new Error(saved.refused);
  return saved;
}

const add = async (p: PendingStep, e: xdr.SorobanAuthorizationEntry | string) =>
  addPendingSignature({ id: p.id, signed: typeof e === 'string' ? e : e.toXdr('base64') });
const codeOf = (r: Awaited<ReturnType<typeof add>>) => (r.ok ? 'ok' : r.error.code);
const signedSlots = async (p: PendingStep) =>
  (await (await appPendingStore()).get(p.id))!.entries.map((e) => e.signed !== null);

describe('authorisation entries', () => {
  it('name their address and say whether they still need a signature', async () => {
    const e = entry(alice);
    expect(authAddress(e)).toBe(alice.publicKey());
    expect(needsSignature(e)).toBe(true);
    const signed = await authorizeEntry(e, alice, 100, Networks.STANDALONE);
    expect(needsSignature(signed)).toBe(false);
    expect(authAddress(xdr.SorobanAuthorizationEntry.fromXdr(signed.toXdr('base64'), 'base64'))).toBe(
      alice.publicKey(),
    );
  });
});

describe('pending releases store only verified signatures', () => {
  it('take each signer’s own validly signed entry', async () => {
    const p = await pending();
    expect(codeOf(await add(p, await authorizeEntry(entry(lawyer), lawyer, 500, Networks.STANDALONE)))).toBe('ok');
    expect(await signedSlots(p)).toEqual([false, true]);
    expect(codeOf(await add(p, await authorizeEntry(entry(alice), alice, VALID_UNTIL, Networks.STANDALONE)))).toBe(
      'ok',
    );
    expect(await signedSlots(p)).toEqual([true, true]);
  });

  it('refuse junk, strangers, other calls, other nonces and over-long entries, keeping the valid ones', async () => {
    const p = await pending();
    expect(codeOf(await add(p, await authorizeEntry(entry(alice), alice, 500, Networks.STANDALONE)))).toBe('ok');
    const someone = Keypair.random();
    expect(codeOf(await add(p, 'not xdr at all'))).toBe('bad-xdr');
    expect(codeOf(await add(p, 'A'.repeat(100_000)))).toBe('bad-xdr');
    expect(codeOf(await add(p, await authorizeEntry(entry(someone), someone, 500, Networks.STANDALONE)))).toBe(
      'not-a-signer',
    );
    expect(codeOf(await add(p, await authorizeEntry(entry(lawyer, 'resolve'), lawyer, 500, Networks.STANDALONE)))).toBe(
      'not-prepared',
    );
    expect(
      codeOf(await add(p, await authorizeEntry(entry(lawyer, 'release', 8n), lawyer, 500, Networks.STANDALONE))),
    ).toBe('bad-signature');
    expect(codeOf(await addPendingSignature({ id: 'nope', signed: 'AAAA' }))).toBe('not-found');
    expect(await signedSlots(p)).toEqual([true, false]);
  });

  it('refuse a signature that is junk, by a foreign key, for another network or outliving the step', async () => {
    const p = await pending();
    const stranger = Keypair.random();
    // The lawyer's entry "signed" by a stranger's key (the signature names the stranger's key).
    const byStranger = await authorizeEntry(
      entry(lawyer),
      async (_pre, payload) => ({ signature: stranger.sign(Buffer.from(payload)), publicKey: stranger.publicKey() }),
      500,
      Networks.STANDALONE,
      lawyer.publicKey(),
    );
    expect(await add(p, byStranger)).toMatchObject({
      ok: false,
      error: { code: 'bad-signature', message: 'The signature is made with another key than this account’s' },
    });
    // The lawyer's key signing another network's payload.
    expect(await add(p, await authorizeEntry(entry(lawyer), lawyer, 500, Networks.TESTNET))).toMatchObject({
      ok: false,
      error: { code: 'bad-signature', message: /does not verify/ },
    });
    // A valid-looking signature whose bytes are junk.
    const junkSignature = nativeToScVal(
      { public_key: lawyer.rawPublicKey(), signature: Buffer.alloc(64, 7) },
      { type: { public_key: ['symbol', null], signature: ['symbol', null] } },
    );
    const junk = await authorizeEntry(
      entry(lawyer),
      async () => ({ signatureScVal: xdr.ScVal.scvVec([junkSignature]) }),
      500,
      Networks.STANDALONE,
      lawyer.publicKey(),
    );
    expect(codeOf(await add(p, junk))).toBe('bad-signature');
    // A signature that would outlive the pending step (a replayable authorisation).
    expect(
      await add(p, await authorizeEntry(entry(lawyer), lawyer, VALID_UNTIL + 1, Networks.STANDALONE)),
    ).toMatchObject({ ok: false, error: { message: /must expire by ledger 1000/ } });
    expect(await signedSlots(p)).toEqual([false, false]);
  });

  it('never replace a verified signature', async () => {
    const p = await pending();
    const first = await authorizeEntry(entry(alice), alice, 500, Networks.STANDALONE);
    expect(codeOf(await add(p, first))).toBe('ok');
    expect(codeOf(await add(p, await authorizeEntry(entry(alice), alice, 900, Networks.STANDALONE)))).toBe(
      'already-signed',
    );
    expect((await (await appPendingStore()).get(p.id))!.entries[0]!.signed).toBe(first.toXdr('base64'));
  });
});
