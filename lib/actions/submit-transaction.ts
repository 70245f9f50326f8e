'use server';
import { limitAction } from '../rate-limit';
import { escrowErrors } from '../escrow/errors';
import { getNetwork } from '../networks/server';
import { fail, type Result } from '../stellar/result';
import { checkSigned, sendAndPoll, type Submitted } from '../stellar/submit';
import { handOffToIndexer } from '../indexer/server';

/**
 * The shared submit action: checks that the signed XDR is the transaction prepared here (same
 * network, same content hash, signed by its source), sends it and polls to a final status.
 */
export async function submitTransaction(req: {
  signedXdr: string;
  ticket: string;
  tokens?: string[];
}): Promise<Result<Submitted>> {
  const limited = await limitAction(2);
  if (limited) return limited;
  if (typeof req?.signedXdr !== 'string' || typeof req?.ticket !== 'string')
    return fail('bad-request', 'Nothing to submit');
  const network = await getNetwork();
  const checked = checkSigned(network, req.signedXdr, req.ticket);
  if (!checked.ok) return checked;
  const outcome = await sendAndPoll(network, checked.data, {
    errors: escrowErrors(),
    tokens: new Set(req.tokens ?? []),
  });
  // The read model takes our own transaction before we answer: no "escrow not found" after it.
  if (outcome.ok) await handOffToIndexer();
  return outcome;
}
