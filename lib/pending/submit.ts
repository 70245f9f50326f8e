/**
 * Preparing the submit of a pending step once every signer has signed. Free of Next-only APIs:
 * the dApp's action and the REST API both call it.
 */
import { Operation, xdr } from '@stellar/stellar-sdk';
import { verifyEscrowContract } from '../escrow/verify';
import { unexpected } from '../log';
import { getNetwork } from '../networks/server';
import { accountAddress } from '../schemas/fields';
import { ChainError, fail, type Result } from '../stellar/result';
import { finishPrepare, type StepPrepared } from '../steps';
import { getPending } from './app';

/** When every signer has signed: a transaction from `source` carrying all the entries, to sign and submit. */
export async function prepareSubmit(id: unknown, source: unknown): Promise<Result<StepPrepared>> {
  const p = await getPending(id);
  if (!p) return fail('not-found', 'This pending step does not exist or its signatures have expired');
  const src = accountAddress.safeParse(source);
  if (!src.success) return fail('no-wallet', src.error.issues[0]!.message);
  const missing = p.entries.filter((e) => !e.signed).map((e) => e.address);
  if (missing.length) return fail('needs-signers', `Still waiting for ${missing.join(', ')}`);
  const network = await getNetwork();
  try {
    await verifyEscrowContract(network, p.escrowId);
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    return unexpected('verifying a pending release', e);
  }
  const op = Operation.invokeHostFunction({
    func: xdr.HostFunction.fromXdr(p.func, 'base64'),
    auth: p.entries.map((e) => xdr.SorobanAuthorizationEntry.fromXdr(e.signed!, 'base64')),
  });
  return finishPrepare(network, src.data, op, p.summary, p.escrowId, new Set());
}
