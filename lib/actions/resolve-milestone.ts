'use server';
import type { ResolveInput } from '../schemas/steps';
import { resolveMilestone, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `resolve_milestone(index, distributions)` (lib/steps/resolve-milestone.ts). */
export async function prepareResolveMilestone(req: StepRequest<ResolveInput>) {
  return stepAction(resolveMilestone, req);
}
