/** A newly created escrow's state: its terms, nothing funded, no milestone touched. */
import type { Escrow, EscrowConfig, Milestone } from './types';

/** A milestone no one has marked, approved, disputed or paid. */
export const freshMilestone = (): Milestone => ({
  status: '',
  evidence: '',
  approvals: [],
  approved: false,
  disputed: false,
  disputeReason: '',
  released: false,
  resolved: false,
});

/** The state the contract stores when it is created with `config` (terms version 1). */
export function freshEscrow(config: EscrowConfig): Escrow {
  return {
    config,
    milestones: config.milestones.map(freshMilestone),
    disputed: false,
    disputeReason: '',
    released: false,
    resolved: false,
    funded: 0n,
    paidOut: 0n,
    refunded: 0n,
    refunding: false,
    balance: 0n,
    termsVersion: 1,
  };
}
