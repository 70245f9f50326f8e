/**
 * POST /escrows: the create form's preparation over HTTP (the same schema, checks and call as
 * the dApp's action), answering the unsigned deployment and the new escrow's id.
 */
import { prepareCreate } from '../../escrow/prepare-create';
import type { EscrowFormInput } from '../../schemas/steps';
import { fail, ok, type Result } from '../../stellar/result';
import type { ApiContext } from '../route';
import { preparedResponse, stepBody } from './steps';

export async function postEscrow({ body }: ApiContext<unknown>): Promise<Result<unknown>> {
  const parsed = stepBody.safeParse(body);
  if (!parsed.success)
    return fail('invalid-input', 'Some fields need attention', { source: ['Send { source, input }'] });
  const prepared = await prepareCreate({
    source: parsed.data.source,
    input: (parsed.data.input ?? {}) as EscrowFormInput,
  });
  if (!prepared.ok) return prepared;
  return ok({ ...preparedResponse(prepared.data), escrow_id: prepared.data.contractId });
}
