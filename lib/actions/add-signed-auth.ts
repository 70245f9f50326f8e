'use server';
import { limitAction } from '../rate-limit';
import { escrowErrors } from '../escrow/errors';
import { getNetwork } from '../networks/server';
import { formatAmount } from '../amounts';
import { prepareWithSignedAuth } from '../stellar/prepare';
import { fail } from '../stellar/result';
import type { StepPrepared } from '../steps';

/**
 * Takes a prepared transaction back with the other signers' signed authorisation entries and
 * prepares it again (the signatures' verification is then part of the simulated cost).
 */
export async function addSignedAuth(req: { prepared: StepPrepared; signedEntries: string[] }) {
  const limited = await limitAction(2);
  if (limited) return limited;
  if (!req?.prepared || !Array.isArray(req.signedEntries)) return fail('bad-request', 'Nothing to add');
  const network = await getNetwork();
  const res = await prepareWithSignedAuth(network, req.prepared.xdr, req.prepared.ticket, req.signedEntries, { errors: escrowErrors() });
  if (!res.ok) return res;
  const data: StepPrepared = { ...req.prepared, ...res.data, feeXlm: formatAmount(BigInt(res.data.feeStroops), 7) };
  return { ok: true as const, data };
}
