'use server';
import type { RefundInput } from '../schemas/steps';
import { claimRefund, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `claim_refund(funder)` (lib/steps/claim-refund.ts). */
export async function prepareClaimRefund(req: StepRequest<RefundInput>) {
  return stepAction(claimRefund, req);
}
