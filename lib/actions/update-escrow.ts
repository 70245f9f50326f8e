'use server';
import type { EscrowFormInput } from '../schemas/steps';
import { updateEscrow, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `update(config)` (lib/steps/update-escrow.ts). */
export async function prepareUpdateEscrow(req: StepRequest<EscrowFormInput>) {
  return stepAction(updateEscrow, req);
}
