/**
 * Checks a signed authorisation entry before a pending step stores it: anyone with the pending
 * page's link can post one, so it must be exactly the entry that was asked for (this address,
 * this invocation, this nonce), expire no later than the pending step, and carry an ed25519
 * signature by that account over the network-id-prefixed preimage — what the host will verify.
 */
import { Address, buildAuthorizationEntryPreimage, hash, Keypair, StrKey, type xdr } from '@stellar/stellar-sdk';

/** A signed entry is a few hundred bytes; anything far larger is not one. */
export const MAX_SIGNED_ENTRY_LENGTH = 8_192;

type Credentials = xdr.SorobanAddressCredentials;

/** The address credentials of an entry of the plain kinds (address, address v2); null for any other. */
function credentialsOf(e: xdr.SorobanAuthorizationEntry): Credentials | null {
  const c = e.credentials;
  if (c.type === 'sorobanCredentialsAddress') return c.address;
  if (c.type === 'sorobanCredentialsAddressV2') return c.addressV2;
  return null;
}

/** The `{ public_key, signature }` pairs of an account signature, or null when it has another shape. */
function signaturePairs(v: xdr.ScVal): { publicKey: Uint8Array; signature: Uint8Array }[] | null {
  if (v.type !== 'scvVec' || !v.vec) return null;
  const out: { publicKey: Uint8Array; signature: Uint8Array }[] = [];
  for (const item of v.vec) {
    if (item.type !== 'scvMap' || !item.map || item.map.length !== 2) return null;
    const fields = new Map<string, Uint8Array>();
    for (const { key, val } of item.map) {
      if (key.type !== 'scvSymbol' || val.type !== 'scvBytes') return null;
      fields.set(key.value, val.bytes.value);
    }
    const publicKey = fields.get('public_key');
    const signature = fields.get('signature');
    if (publicKey?.length !== 32 || signature?.length !== 64) return null;
    out.push({ publicKey, signature });
  }
  return out;
}

/**
 * Why `signed` may not fill the slot of `asked`, in a sentence, or null when it is that entry
 * validly signed. `validUntilLedger`: the pending step's end, which the signature may not outlive.
 */
export function signedEntryProblem(
  asked: xdr.SorobanAuthorizationEntry,
  signed: xdr.SorobanAuthorizationEntry,
  opts: { passphrase: string; validUntilLedger: number },
): string | null {
  const want = credentialsOf(asked);
  const got = credentialsOf(signed);
  if (!want || !got || asked.credentials.type !== signed.credentials.type)
    return 'This is not the kind of authorisation this release asks for';
  const address = Address.fromScAddress(want.address).toString();
  if (Address.fromScAddress(got.address).toString() !== address) return 'This signature is for another address';
  if (got.nonce !== want.nonce)
    return 'This signature is for another request (its nonce differs); sign the one on this page';
  if (signed.rootInvocation.toXdr('base64') !== asked.rootInvocation.toXdr('base64'))
    return 'The signed authorisation is for something else than this release';
  const expiry = got.signatureExpirationLedger;
  if (expiry <= 0 || expiry > opts.validUntilLedger)
    return `The signature must expire by ledger ${opts.validUntilLedger}, when this pending release ends`;
  if (!StrKey.isValidEd25519PublicKey(address))
    return 'Only a Stellar account’s own key can sign here; a contract account signs in its own app';
  const pairs = signaturePairs(got.signature);
  if (!pairs || pairs.length !== 1) return 'The signature is not one account signature';
  const [{ publicKey, signature }] = pairs as [{ publicKey: Uint8Array; signature: Uint8Array }];
  if (StrKey.encodeEd25519PublicKey(Buffer.from(publicKey)) !== address)
    return 'The signature is made with another key than this account’s';
  const payload = hash(Buffer.from(buildAuthorizationEntryPreimage(signed, expiry, opts.passphrase).toXdr()));
  if (!Keypair.fromPublicKey(address).verify(payload, Buffer.from(signature)))
    return 'The signature does not verify (wrong key, or signed for another network)';
  return null;
}
