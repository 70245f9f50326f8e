'use server';
import { canMarkMilestone } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { statusSchema, type StatusInput } from '../schemas/steps';
import { milestoneIndex } from '../schemas/fields';
import { fail } from '../stellar/result';
import { prepareStep, type StepRequest } from './step';

/** Prepares `set_milestone_status(index, status, evidence)` for the service provider. */
export async function prepareSetMilestoneStatus(req: StepRequest<StatusInput> & { milestone: number }) {
  const parsed = milestoneIndex.safeParse(req?.milestone);
  if (!parsed.success) return fail('bad-milestone', 'There is no such milestone');
  const index = parsed.data;
  return prepareStep(req, {
    schema: () => statusSchema,
    refuse: (ctx) =>
      ctx.source !== ctx.escrow.config.roles.serviceProvider
        ? 'Only the service provider marks milestones; connect that account'
        : canMarkMilestone(ctx.escrow, index),
    op: (ctx, input) => escrowCalls.setMilestoneStatus(ctx.escrowId, index, input.status, input.evidence || null),
    summary: (_ctx, input) => [`Mark milestone ${index + 1} as “${input.status}”${input.evidence ? ` with evidence ${input.evidence}` : ''}.`],
  });
}
