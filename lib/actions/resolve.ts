'use server';
import type { ResolveInput } from '../schemas/steps';
import { resolve, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `resolve(distributions)` (lib/steps/resolve.ts). */
export async function prepareResolve(req: StepRequest<ResolveInput>) {
  return stepAction(resolve, req);
}
