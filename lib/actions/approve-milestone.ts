'use server';
import type { ApproveInput } from '../schemas/steps';
import { approveMilestone, type StepRequest } from '../steps';
import { stepAction } from './step';

/** Prepares `approve_milestone(index, approver)` (lib/steps/approve-milestone.ts). */
export async function prepareApproveMilestone(req: StepRequest<ApproveInput>) {
  return stepAction(approveMilestone, req);
}
