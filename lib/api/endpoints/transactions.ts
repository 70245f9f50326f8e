/**
 * POST /transactions: the dApp's submit check over HTTP — the signed transaction must be the
 * one prepared here (ticket), on this network, signed by its source — then it is sent and
 * polled until final, and handed to the indexer before the answer.
 */
import { Address, xdr } from '@stellar/stellar-sdk';
import { fieldErrors } from '../../steps/run';
import { escrowErrors } from '../../escrow/errors';
import { getNetwork } from '../../networks/server';
import { fail, ok, type Result } from '../../stellar/result';
import { checkSigned, sendAndPoll } from '../../stellar/submit';
import { handOffToIndexer } from '../../indexer/server';
import type { ApiContext } from '../route';
import { submitBody } from '../schemas';

export async function postTransaction({ body }: ApiContext<unknown>): Promise<Result<unknown>> {
  const parsed = submitBody.safeParse(body);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  const network = await getNetwork();
  const checked = checkSigned(network, parsed.data.signed_xdr, parsed.data.ticket);
  if (!checked.ok) return checked;
  const sent = await sendAndPoll(network, checked.data, {
    errors: escrowErrors(),
    tokens: new Set(network.tokens.map((t) => t.contractId)),
  });
  if (!sent.ok) return sent;
  // Projected into the read model before we answer: a list read right after it finds the escrow.
  await handOffToIndexer();
  return ok({
    hash: sent.data.hash,
    ledger: sent.data.ledger,
    return_value: sent.data.returnValue,
    escrow_id: createdEscrow(sent.data.returnValue),
  });
}

/** A create's return value is the new contract's address; any other call's is not. */
function createdEscrow(returnValue: string | null): string | null {
  if (!returnValue) return null;
  try {
    const v = xdr.ScVal.fromXDR(returnValue, 'base64');
    const a = Address.fromScVal(v).toString();
    return a.startsWith('C') ? a : null;
  } catch {
    return null;
  }
}
