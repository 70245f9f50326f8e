import { escrowCalls } from '../escrow/calls';
import { statusSchema } from '../schemas/steps';
import { milestoneClosed } from './state';
import { defineStep, milestoneOf } from './types';

/** `set_milestone_status(index, status, evidence)`: the service provider marks a milestone. */
export const setMilestoneStatus = defineStep({
  name: 'status',
  label: 'Mark milestone',
  done: 'Milestone marked',
  event: 'status',
  title: (m) => `Mark milestone ${Number(m) + 1}`,
  path: 'status',
  contractFn: 'set_milestone_status',
  perMilestone: true,
  kinds: ['Single', 'Multi'],
  roles: {
    who: 'the service provider',
    may: (e, a) => a === e.config.roles.serviceProvider,
    refusal: 'Only the service provider marks milestones; connect that account',
  },
  precondition: ({ escrow, milestone }) => milestoneClosed(escrow, milestone!),
  schema: () => statusSchema,
  call: (ctx, input) =>
    escrowCalls.setMilestoneStatus(ctx.escrowId, milestoneOf(ctx), input.status, input.evidence || null),
  summary: (ctx, input) => [
    `Mark milestone ${milestoneOf(ctx) + 1} as “${input.status}”${input.evidence ? ` with evidence ${input.evidence}` : ''}.`,
  ],
});
