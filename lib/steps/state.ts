/** The escrow-state rules several steps share (the contract's own helpers, mirrored). */
import { targetAmount, type Escrow } from '../escrow/types';
import type { Verdict } from './types';

export const REFUNDING = 'A refund has been claimed: the escrow now only pays funders back';
export const IN_DISPUTE = 'In dispute: wait for the dispute resolver';

/** Single: released or resolved. Multi: every milestone released or resolved. */
export function isFinished(escrow: Escrow): boolean {
  const done =
    escrow.config.kind === 'Single'
      ? escrow.released || escrow.resolved
      : escrow.milestones.every((m) => m.released || m.resolved);
  return done || (escrow.refunding && escrow.refunded === escrow.funded);
}

/** Money may still come in (the contract's `open_for_money`). */
export function openForMoney(escrow: Escrow): Verdict {
  if (escrow.refunding) return REFUNDING;
  if (escrow.config.kind === 'Single') {
    if (escrow.released) return 'Already released';
    if (escrow.resolved) return 'Already resolved';
  } else if (isFinished(escrow)) return 'Every milestone is released or resolved';
  return null;
}

/** The contract's `not_finished`: the milestone (and a single escrow) neither released nor resolved. */
export function milestoneClosed(escrow: Escrow, i: number): Verdict {
  const m = escrow.milestones[i];
  if (!m) return `There is no milestone ${i + 1}`;
  const single = escrow.config.kind === 'Single';
  if (m.released || (single && escrow.released)) return 'Already released';
  if (m.resolved || (single && escrow.resolved)) return 'Already resolved';
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

/**
 * A named party (the contract's `may_dispute`): a role holder or a milestone receiver, not a
 * mere funder, never the dispute resolver.
 */
export function isNamedParty(escrow: Escrow, address: string): boolean {
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

/** Role rules shared by several steps. */
export const roles = {
  disputeParty: {
    who: 'a named party (any role or milestone receiver, not the dispute resolver)',
    may: isNamedParty,
    refusal: 'Only someone with a role in this escrow (not the resolver) may raise a dispute',
  },
  releaseSigner: {
    who: 'a release signer',
    may: (e: Escrow, a: string) => e.config.roles.releaseSigners.includes(a),
    refusal: 'You must be one of the signers of this release (connect a release signer’s account)',
  },
  resolver: (refusal: string) => ({
    who: 'the dispute resolver',
    may: (e: Escrow, a: string) => a === e.config.roles.disputeResolver,
    refusal,
  }),
};
