/**
 * Adding one signer's signed authorisation entry to a pending step. Free of Next-only APIs: the
 * dApp's action and the REST API both call it.
 */
import { xdr } from '@stellar/stellar-sdk';
import { authAddress } from '../stellar/auth';
import { fail, ok, type Result } from '../stellar/result';
import { appPendingStore } from './app';
import { MAX_SIGNED_ENTRY_LENGTH, signedEntryProblem } from './check-signature';
import type { PendingStep } from './store';

/**
 * Stores one signer's signed entry, once it is verified to be exactly the entry asked for,
 * signed by that account for this network; a slot already signed is never replaced.
 */
export async function addSignature(id: unknown, signed: unknown): Promise<Result<PendingStep>> {
  const store = await appPendingStore();
  const p = typeof id === 'string' ? await store.get(id) : null;
  if (!p) return fail('not-found', 'This pending step does not exist or its signatures have expired');
  if (typeof signed !== 'string' || signed.length > MAX_SIGNED_ENTRY_LENGTH)
    return fail('bad-xdr', 'The signed authorisation could not be read');
  let entry: xdr.SorobanAuthorizationEntry;
  try {
    entry = xdr.SorobanAuthorizationEntry.fromXdr(signed, 'base64');
  } catch {
    return fail('bad-xdr', 'The signed authorisation could not be read');
  }
  const address = authAddress(entry);
  const slot = p.entries.find((e) => e.address === address);
  if (!address || !slot) return fail('not-a-signer', 'This signature is not one this release asks for');
  if (slot.signed) return fail('already-signed', `${address} has already signed this release`);
  const asked = xdr.SorobanAuthorizationEntry.fromXdr(slot.entry, 'base64');
  const problem = signedEntryProblem(asked, entry, {
    passphrase: p.networkPassphrase,
    validUntilLedger: p.validUntilLedger,
  });
  if (problem)
    return fail(
      problem.startsWith('The signed authorisation is for something else') ? 'not-prepared' : 'bad-signature',
      problem,
    );
  const saved = await store.setSigned(p.id, address, entry.toXdr('base64'));
  if (saved && 'refused' in saved) return fail('too-many-pending', saved.refused);
  return saved ? ok(saved) : fail('already-signed', `${address} has already signed this release`);
}
