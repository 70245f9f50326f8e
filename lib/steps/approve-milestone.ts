import { escrowCalls } from '../escrow/calls';
import { approveSchema } from '../schemas/steps';
import { IN_DISPUTE, milestoneClosed, REFUNDING } from './state';
import { defineStep, milestoneOf } from './types';

/** `approve_milestone(index, approver)`: an approver approves a marked milestone. */
export const approveMilestone = defineStep({
  name: 'approve',
  label: 'Approve milestone',
  done: 'Milestone approved',
  event: 'approved',
  title: (m) => `Approve milestone ${Number(m) + 1}`,
  path: 'approve',
  contractFn: 'approve_milestone',
  perMilestone: true,
  kinds: ['Single', 'Multi'],
  roles: {
    who: 'an approver',
    may: (e, a) => e.config.roles.approvers.includes(a),
    refusal: 'Only an approver may approve milestones; connect an approver’s account',
  },
  // "You have approved it already" depends on who asks.
  callerSpecific: true,
  precondition: ({ escrow, milestone, address }) => {
    const i = milestone!;
    if (escrow.refunding) return REFUNDING;
    const closed = milestoneClosed(escrow, i);
    if (closed) return closed;
    const m = escrow.milestones[i]!;
    if (m.disputed || escrow.disputed) return IN_DISPUTE;
    if (!m.status) return 'The service provider has not marked this milestone yet';
    if (address !== null && m.approvals.includes(address))
      return m.approved ? 'Already approved' : 'You have approved it already; waiting for other approvers';
    if (m.approved) return 'Already approved';
    return null;
  },
  schema: () => approveSchema,
  call: (ctx) => escrowCalls.approveMilestone(ctx.escrowId, milestoneOf(ctx), ctx.source),
  summary: (ctx) => {
    const i = milestoneOf(ctx);
    const after = ctx.escrow.milestones[i]!.approvals.length + 1;
    return [`Approve milestone ${i + 1} (${after} of ${ctx.escrow.config.roles.approvalsRequired} approvals needed).`];
  },
});
