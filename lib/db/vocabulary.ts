/**
 * The read model's fixed vocabularies: who takes part in an escrow and where it stands. The
 * database checks each column against the same lists.
 */

/** Every way an address takes part in an escrow (funders included: whoever called `fund`). */
export const ROLES = [
  'approver',
  'service_provider',
  'release_signer',
  'dispute_resolver',
  'platform',
  'receiver',
  'milestone_receiver',
  'funder',
] as const;
export type Role = (typeof ROLES)[number];

/** Where an escrow stands, as the dashboard filters it. */
export const STATUSES = ['funding', 'in_progress', 'disputed', 'released', 'resolved', 'refunding'] as const;
export type EscrowStatus = (typeof STATUSES)[number];

export const KINDS = ['single', 'multi'] as const;
export type EscrowKind = (typeof KINDS)[number];

/** The flags an escrow's status is derived from (per escrow, and per milestone for Multi). */
export interface StatusInput {
  kind: EscrowKind;
  disputed: boolean;
  released: boolean;
  resolved: boolean;
  refunding: boolean;
  funded: bigint;
  total: bigint;
  milestones: { disputed: boolean; released: boolean; resolved: boolean }[];
}

/**
 * One escrow's status. A refund outranks everything (the escrow only pays funders back), an open
 * dispute outranks progress; an escrow is finished when it (Single) or every milestone (Multi)
 * is released or resolved, and "resolved" once any of it went through the dispute resolver.
 */
export function escrowStatus(e: StatusInput): EscrowStatus {
  if (e.refunding) return 'refunding';
  if (e.kind === 'single') {
    if (e.resolved) return 'resolved';
    if (e.released) return 'released';
    if (e.disputed) return 'disputed';
  } else {
    const ms = e.milestones;
    if (ms.some((m) => m.disputed && !m.resolved)) return 'disputed';
    if (ms.length > 0 && ms.every((m) => m.released || m.resolved)) {
      return ms.some((m) => m.resolved) ? 'resolved' : 'released';
    }
  }
  return e.funded < e.total ? 'funding' : 'in_progress';
}
