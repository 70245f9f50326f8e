import { Address, authorizeEntry, Keypair, Networks, xdr } from '@stellar/stellar-sdk';
import { describe, expect, it } from 'vitest';
import { ESCROW_ID } from '../escrow/fixtures';
import { savePending, getPending } from '../pending/store';
import { authAddress, needsSignature } from '../stellar/auth';
import { addPendingSignature } from './add-pending-signature';

const alice = Keypair.random();
const lawyer = Keypair.random();

/** An unsigned authorisation entry for `who` calling `fn` on the escrow, as simulation returns it. */
function entry(who: Keypair, fn = 'release'): xdr.SorobanAuthorizationEntry {
  return new xdr.SorobanAuthorizationEntry({
    credentials: xdr.SorobanCredentials.sorobanCredentialsAddressV2(
      new xdr.SorobanAddressCredentials({ address: Address.fromString(who.publicKey()).toScAddress(), nonce: 7n, signatureExpirationLedger: 0, signature: xdr.ScVal.scvVoid() }),
    ),
    rootInvocation: new xdr.SorobanAuthorizedInvocation({
      function: xdr.SorobanAuthorizedFunction.sorobanAuthorizedFunctionTypeContractFn(
        new xdr.InvokeContractArgs({ contractAddress: Address.fromString(ESCROW_ID).toScAddress(), functionName: fn, args: [] }),
      ),
      subInvocations: [],
    }),
  });
}

function pending() {
  return savePending({
    escrowId: ESCROW_ID,
    networkPassphrase: Networks.STANDALONE,
    func: 'AAAA',
    entries: [alice, lawyer].map((k) => ({ address: k.publicKey(), entry: entry(k).toXdr('base64'), signed: null })),
    validUntilLedger: 1_000,
    summary: ['Release'],
  });
}

describe('authorisation entries', () => {
  it('name their address and say whether they still need a signature', async () => {
    const e = entry(alice);
    expect(authAddress(e)).toBe(alice.publicKey());
    expect(needsSignature(e)).toBe(true);
    const signed = await authorizeEntry(e, alice, 100, Networks.STANDALONE);
    expect(needsSignature(signed)).toBe(false);
    expect(authAddress(xdr.SorobanAuthorizationEntry.fromXdr(signed.toXdr('base64'), 'base64'))).toBe(alice.publicKey());
  });
});

describe('pending releases', () => {
  it('take each signer’s own signed entry, and nothing else', async () => {
    const p = pending();
    const signed = await authorizeEntry(entry(lawyer), lawyer, 500, Networks.STANDALONE);
    const r = await addPendingSignature({ id: p.id, signed: signed.toXdr('base64') });
    expect(r.ok).toBe(true);
    expect(getPending(p.id)!.entries.map((e) => e.signed !== null)).toEqual([false, true]);

    // A stranger's entry, or the right signer authorising another call, is refused.
    const someone = Keypair.random();
    const stranger = await authorizeEntry(entry(someone), someone, 500, Networks.STANDALONE);
    const s = await addPendingSignature({ id: p.id, signed: stranger.toXdr('base64') });
    expect(!s.ok && s.error.code).toBe('not-a-signer');
    const other = await authorizeEntry(entry(alice, 'resolve'), alice, 500, Networks.STANDALONE);
    const o = await addPendingSignature({ id: p.id, signed: other.toXdr('base64') });
    expect(!o.ok && o.error.code).toBe('not-prepared');
    const gone = await addPendingSignature({ id: 'nope', signed: signed.toXdr('base64') });
    expect(!gone.ok && gone.error.code).toBe('not-found');
  });
});
