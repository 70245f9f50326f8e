/** The escrow as the contract stores it, with amounts as bigint base units and addresses as StrKeys. */

export type EscrowKind = 'Single' | 'Multi';

export interface Roles {
  approvers: string[];
  approvalsRequired: number;
  serviceProvider: string;
  releaseSigners: string[];
  releasesRequired: number;
  disputeResolver: string;
  platform: string;
  receiver: string;
}

export interface MilestoneConfig {
  description: string;
  amount: bigint;
  receiver: string | null;
}

export interface EscrowConfig {
  kind: EscrowKind;
  engagementId: string;
  title: string;
  description: string;
  token: string;
  roles: Roles;
  platformFeeBps: number;
  protocolFee: { recipient: string; bps: number };
  amount: bigint;
  milestones: MilestoneConfig[];
  /** Unix seconds; after it funders may claim refunds of what is not released. */
  deadline: bigint | null;
}

export interface Milestone {
  status: string;
  evidence: string;
  approvals: string[];
  approved: boolean;
  disputed: boolean;
  disputeReason: string;
  released: boolean;
  resolved: boolean;
}

export interface Escrow {
  config: EscrowConfig;
  milestones: Milestone[];
  disputed: boolean;
  disputeReason: string;
  released: boolean;
  resolved: boolean;
  funded: bigint;
  paidOut: bigint;
  refunded: bigint;
  refunding: boolean;
  balance: bigint;
  /** The version of the terms (1 at deployment, +1 per `update`); `fund` must name it. */
  termsVersion: number;
}

/** What the escrow is meant to hold: the amount (single) or the sum of milestone amounts (multi). */
export function targetAmount(config: Pick<EscrowConfig, 'kind' | 'amount' | 'milestones'>): bigint {
  return config.kind === 'Single' ? config.amount : config.milestones.reduce((sum, m) => sum + m.amount, 0n);
}

/** Who receives a milestone's payout: its own receiver (multi) or the escrow's receiver. */
export function milestoneReceiver(config: EscrowConfig, index: number): string {
  return config.milestones[index]?.receiver ?? config.roles.receiver;
}
