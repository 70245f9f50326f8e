'use server';
import { xdr } from '@stellar/stellar-sdk';
import { getPending, setSigned, type PendingStep } from '../pending/store';
import { authAddress } from '../stellar/auth';
import { fail, ok, type Result } from '../stellar/result';

/** Stores one signer's signed entry. The final simulation enforces every signature. */
export async function addPendingSignature(req: { id: string; signed: string }): Promise<Result<PendingStep>> {
  const p = typeof req?.id === 'string' ? getPending(req.id) : null;
  if (!p) return fail('not-found', 'This pending step does not exist or its signatures have expired');
  let entry: xdr.SorobanAuthorizationEntry;
  try {
    entry = xdr.SorobanAuthorizationEntry.fromXdr(req.signed, 'base64');
  } catch {
    return fail('bad-xdr', 'The signed authorisation could not be read');
  }
  const address = authAddress(entry);
  const slot = p.entries.find((e) => e.address === address);
  if (!address || !slot) return fail('not-a-signer', 'This signature is not one this release asks for');
  // Only the signature may differ from what was asked.
  const asked = xdr.SorobanAuthorizationEntry.fromXdr(slot.entry, 'base64');
  if (asked.rootInvocation.toXdr('base64') !== entry.rootInvocation.toXdr('base64'))
    return fail('not-prepared', 'The signed authorisation is for something else than this release');
  return ok(setSigned(p.id, address, req.signed)!);
}
