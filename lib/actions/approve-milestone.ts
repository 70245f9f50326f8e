'use server';
import { canApprove } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { approveSchema, type ApproveInput } from '../schemas/steps';
import { milestoneIndex } from '../schemas/fields';
import { fail } from '../stellar/result';
import { prepareStep, type StepRequest } from './step';

/** Prepares `approve_milestone(index, approver)`. */
export async function prepareApproveMilestone(req: StepRequest<ApproveInput> & { milestone: number }) {
  const parsed = milestoneIndex.safeParse(req?.milestone);
  if (!parsed.success) return fail('bad-milestone', 'There is no such milestone');
  const index = parsed.data;
  return prepareStep(req, {
    schema: () => approveSchema,
    refuse: (ctx) =>
      ctx.escrow.config.roles.approvers.includes(ctx.source)
        ? canApprove(ctx.escrow, index, ctx.source)
        : 'Only an approver may approve milestones; connect an approver’s account',
    op: (ctx) => escrowCalls.approveMilestone(ctx.escrowId, index, ctx.source),
    summary: (ctx) => {
      const c = ctx.escrow.config.roles;
      const after = ctx.escrow.milestones[index]!.approvals.length + 1;
      return [`Approve milestone ${index + 1} (${after} of ${c.approvalsRequired} approvals needed).`];
    },
  });
}
