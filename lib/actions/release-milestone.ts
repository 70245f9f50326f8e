'use server';
import type { ReleaseInput } from '../schemas/steps';
import { releaseMilestone, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `release_milestone(index, signers)` (lib/steps/release-milestone.ts). */
export async function prepareReleaseMilestone(req: StepRequest<ReleaseInput>) {
  return stepAction(releaseMilestone, req);
}
