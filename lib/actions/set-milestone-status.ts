'use server';
import type { StatusInput } from '../schemas/steps';
import { setMilestoneStatus, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `set_milestone_status(index, status, evidence)` (lib/steps/set-milestone-status.ts). */
export async function prepareSetMilestoneStatus(req: StepRequest<StatusInput>) {
  return stepAction(setMilestoneStatus, req);
}
