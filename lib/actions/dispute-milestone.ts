'use server';
import type { DisputeInput } from '../schemas/steps';
import { disputeMilestone, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `dispute_milestone(index, by, reason)` (lib/steps/dispute-milestone.ts). */
export async function prepareDisputeMilestone(req: StepRequest<DisputeInput>) {
  return stepAction(disputeMilestone, req);
}
