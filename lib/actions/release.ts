'use server';
import type { ReleaseInput } from '../schemas/steps';
import { release, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `release(signers)` (lib/steps/release.ts). */
export async function prepareRelease(req: StepRequest<ReleaseInput>) {
  return stepAction(release, req);
}
