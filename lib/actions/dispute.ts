'use server';
import type { DisputeInput } from '../schemas/steps';
import { dispute, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `dispute(by, reason)` (lib/steps/dispute.ts). */
export async function prepareDispute(req: StepRequest<DisputeInput>) {
  return stepAction(dispute, req);
}
