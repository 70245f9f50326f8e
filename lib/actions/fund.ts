'use server';
import type { FundRequest } from '../schemas/steps';
import { fund, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `fund(from, amount, terms_version)` (lib/steps/fund.ts). */
export async function prepareFund(req: StepRequest<FundRequest>) {
  return stepAction(fund, req);
}
