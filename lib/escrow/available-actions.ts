import { stepHref, stepLabel, type Step } from './steps';
import { targetAmount, type Escrow } from './types';

export interface AvailableAction {
  step: Step;
  milestone?: number;
  label: string;
  href: string;
  /** True when the contract would accept this step from this address now. */
  allowed: boolean;
  /** Why not (when not allowed), in a sentence the person can act on. */
  reason?: string;
}

export interface ActionContext {
  /** What this address has funded (the contract's `get_funding`); 0 when unknown. */
  funding?: bigint;
}

/** Refusal reasons, shared with the server actions so the page and the action say the same thing. */
type Verdict = string | null;

/**
 * What `address` may do with `escrow` at `now` (unix seconds), across all of its roles: every
 * step it may take, and the steps a role would allow but the state does not yet, with the reason.
 * Steps that none of the address's roles allows are left out, except funding (anyone may fund).
 * Pure: the action panel, the dashboard and the server's early refusal all call it.
 */
export function availableActions(
  escrow: Escrow,
  id: string,
  address: string | null,
  now: bigint,
  ctx: ActionContext = {},
): AvailableAction[] {
  const out: AvailableAction[] = [];
  const add = (step: Step, verdict: Verdict, milestone?: number) =>
    out.push({
      step,
      milestone,
      label: stepLabel(step, milestone),
      href: stepHref(id, step, milestone),
      allowed: verdict === null,
      ...(verdict === null ? {} : { reason: verdict }),
    });
  if (!address) return out;
  const roles = escrow.config.roles;
  const single = escrow.config.kind === 'Single';

  add('fund', canFund(escrow, now));
  for (let i = 0; i < escrow.milestones.length; i++) {
    if (address === roles.serviceProvider) add('status', canMarkMilestone(escrow, i), i);
    if (roles.approvers.includes(address)) add('approve', canApprove(escrow, i, address), i);
    if (!single && roles.releaseSigners.includes(address)) add('release-milestone', canReleaseMilestone(escrow, i), i);
    if (!single && canDisputeAs(escrow, address)) add('dispute-milestone', canDisputeMilestone(escrow, i), i);
    if (!single && address === roles.disputeResolver) add('resolve-milestone', canResolveMilestone(escrow, i), i);
  }
  if (single && roles.releaseSigners.includes(address)) add('release', canRelease(escrow));
  if (single && canDisputeAs(escrow, address)) add('dispute', canDispute(escrow));
  if (single && address === roles.disputeResolver) add('resolve', canResolve(escrow));
  if (address === roles.disputeResolver) add('withdraw', canWithdraw(escrow));
  if ((ctx.funding ?? 0n) > 0n) add('refund', canClaimRefund(escrow, now, ctx.funding ?? 0n));
  if (address === roles.platform) add('edit', canEdit(escrow));
  return out;
}

/** Single: released or resolved. Multi: every milestone released or resolved. */
export function isFinished(escrow: Escrow): boolean {
  const done =
    escrow.config.kind === 'Single'
      ? escrow.released || escrow.resolved
      : escrow.milestones.every((m) => m.released || m.resolved);
  return done || (escrow.refunding && escrow.refunded === escrow.funded);
}

/** Money may still come in (the contract's `open_for_money`). */
function openForMoney(escrow: Escrow): Verdict {
  if (escrow.refunding) return 'A refund has been claimed: the escrow now only pays funders back';
  if (escrow.config.kind === 'Single') {
    if (escrow.released) return 'Already released';
    if (escrow.resolved) return 'Already resolved';
  } else if (isFinished(escrow)) return 'Every milestone is released or resolved';
  return null;
}

export function deadlinePassed(escrow: Escrow, now: bigint): boolean {
  return escrow.config.deadline !== null && now > escrow.config.deadline;
}

/** How much more the escrow accepts. */
export function fundingRoom(escrow: Escrow): bigint {
  const room = targetAmount(escrow.config) - escrow.funded;
  return room > 0n ? room : 0n;
}

export function canFund(escrow: Escrow, now: bigint): Verdict {
  const closed = openForMoney(escrow);
  if (closed) return closed;
  if (deadlinePassed(escrow, now)) return 'The deadline has passed';
  if (fundingRoom(escrow) === 0n) return 'The escrow is fully funded';
  return null;
}

/** The contract's `not_finished`: the milestone (and a single escrow) neither released nor resolved. */
function milestoneClosed(escrow: Escrow, i: number): Verdict {
  const m = escrow.milestones[i];
  if (!m) return `There is no milestone ${i + 1}`;
  const single = escrow.config.kind === 'Single';
  if (m.released || (single && escrow.released)) return 'Already released';
  if (m.resolved || (single && escrow.resolved)) return 'Already resolved';
  return null;
}

const REFUNDING = 'A refund has been claimed: the escrow now only pays funders back';
const IN_DISPUTE = 'In dispute: wait for the dispute resolver';

export function canMarkMilestone(escrow: Escrow, i: number): Verdict {
  return milestoneClosed(escrow, i);
}

export function canApprove(escrow: Escrow, i: number, approver: string): Verdict {
  if (escrow.refunding) return REFUNDING;
  const closed = milestoneClosed(escrow, i);
  if (closed) return closed;
  const m = escrow.milestones[i]!;
  if (m.disputed || escrow.disputed) return IN_DISPUTE;
  if (!m.status) return 'The service provider has not marked this milestone yet';
  if (m.approvals.includes(approver)) return m.approved ? 'Already approved' : 'You have approved it already; waiting for other approvers';
  if (m.approved) return 'Already approved';
  return null;
}

export function canRelease(escrow: Escrow): Verdict {
  const closed = openForMoney(escrow);
  if (closed) return closed;
  if (escrow.disputed) return IN_DISPUTE;
  const pending = escrow.milestones.findIndex((m) => !m.approved);
  if (pending >= 0) return `Milestone ${pending + 1} is not approved yet`;
  if (escrow.funded !== escrow.config.amount || escrow.balance < escrow.config.amount) return 'The escrow is not fully funded yet';
  return null;
}

export function canReleaseMilestone(escrow: Escrow, i: number): Verdict {
  if (escrow.refunding) return REFUNDING;
  const closed = milestoneClosed(escrow, i);
  if (closed) return closed;
  if (escrow.milestones[i]!.disputed) return IN_DISPUTE;
  if (!escrow.milestones[i]!.approved) return 'Not approved yet';
  if (escrow.balance < escrow.config.milestones[i]!.amount) return 'The escrow does not hold enough for this milestone yet';
  return null;
}

/**
 * Who may raise a dispute (the contract's `may_dispute`): a named party — a role holder or a
 * milestone receiver, not a mere funder — never the dispute resolver.
 */
export function canDisputeAs(escrow: Escrow, address: string): boolean {
  const c = escrow.config;
  const r = c.roles;
  if (address === r.disputeResolver) return false;
  return (
    r.approvers.includes(address) ||
    r.releaseSigners.includes(address) ||
    address === r.serviceProvider ||
    address === r.receiver ||
    address === r.platform ||
    c.milestones.some((m) => m.receiver === address)
  );
}

export function canDispute(escrow: Escrow): Verdict {
  const closed = openForMoney(escrow);
  if (closed) return closed;
  if (escrow.disputed) return 'Already in dispute';
  return null;
}

export function canDisputeMilestone(escrow: Escrow, i: number): Verdict {
  if (escrow.refunding) return REFUNDING;
  const closed = milestoneClosed(escrow, i);
  if (closed) return closed;
  if (escrow.milestones[i]!.disputed) return 'Already in dispute';
  return null;
}

export function canResolve(escrow: Escrow): Verdict {
  if (escrow.resolved) return 'Already resolved';
  if (!escrow.disputed) return 'There is no dispute';
  return null;
}

export function canResolveMilestone(escrow: Escrow, i: number): Verdict {
  const m = escrow.milestones[i];
  if (!m) return `There is no milestone ${i + 1}`;
  if (m.resolved) return 'Already resolved';
  if (!m.disputed) return 'There is no dispute on this milestone';
  return null;
}

export function canWithdraw(escrow: Escrow): Verdict {
  if (escrow.balance === 0n) return 'Nothing left in the escrow';
  if (!isFinished(escrow)) return 'Only after every milestone is released or resolved';
  return null;
}

export function canClaimRefund(escrow: Escrow, now: bigint, funding: bigint): Verdict {
  if (escrow.config.deadline === null) return 'This escrow has no deadline';
  if (!deadlinePassed(escrow, now)) return 'The deadline has not passed yet';
  const closed = escrow.released || escrow.resolved || escrow.milestones.some((m) => m.released || m.resolved);
  if (closed) return 'Funds have been released or distributed, so refunds are closed';
  if (escrow.disputed || escrow.milestones.some((m) => m.disputed)) return IN_DISPUTE;
  if (funding <= 0n) return 'Nothing to refund to you';
  if (escrow.balance < funding) return 'The escrow does not hold enough to refund you';
  return null;
}

export function canEdit(escrow: Escrow): Verdict {
  const touched =
    escrow.funded !== 0n ||
    escrow.balance !== 0n ||
    escrow.disputed ||
    escrow.milestones.some((m) => m.disputed || m.approvals.length > 0);
  return touched ? 'It can be edited only before any funding, approval or dispute' : null;
}
