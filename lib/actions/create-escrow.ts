'use server';
import { prepareCreate } from '../escrow/prepare-create';
import type { EscrowFormInput } from '../schemas/steps';
import { limitAction } from '../rate-limit';
import type { Result } from '../stellar/result';
import type { StepPrepared } from '../steps';

/** The create form's server action: the shared preparation (lib/escrow/prepare-create.ts), rate-limited per client. */
export async function prepareCreateEscrow(req: {
  source: string;
  input: EscrowFormInput;
}): Promise<Result<StepPrepared & { contractId: string }>> {
  const limited = await limitAction(3);
  if (limited) return limited;
  return prepareCreate(req);
}
