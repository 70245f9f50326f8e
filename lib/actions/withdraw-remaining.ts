'use server';
import type { WithdrawInput } from '../schemas/steps';
import { withdrawRemaining, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `withdraw_remaining(distributions)` (lib/steps/withdraw-remaining.ts). */
export async function prepareWithdrawRemaining(req: StepRequest<WithdrawInput>) {
  return stepAction(withdrawRemaining, req);
}
