/**
 * From an escrow's state to the rows the read model stores. The projection (state rebuilt from
 * events) and reconciliation (state read with `get_escrow`) both end here, so an escrow looks
 * the same in the read model whichever way it arrived.
 */
import { targetAmount, type Escrow } from '@/lib/escrow/types';
import { escrowStatus, type Role } from '@/lib/db/vocabulary';
import type { EscrowSnapshot, FunderRow } from './rows';

export interface SnapshotInput {
  contractId: string;
  escrow: Escrow;
  /** Every funder, with what they put in and what was paid back to them. */
  funders: FunderRow[];
  /** Sums over the escrow's payouts so far: gross of releases, and the fees of every payout. */
  paid: { released: bigint; platformFees: bigint; protocolFees: bigint };
  wasmHash: string;
  createdLedger: number;
  createdAt: Date;
  /** The newest event this state reflects. */
  lastEventId: string;
}

/** Config as JSON: amounts and the deadline as decimal strings (jsonb has no bigint). */
function configJson(escrow: Escrow): unknown {
  return JSON.parse(JSON.stringify(escrow.config, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** What an open dispute holds: Single its balance; Multi its disputed milestones' amounts, up to the balance. */
export function amountInDispute(e: Escrow): bigint {
  if (e.config.kind === 'Single') return e.disputed && !e.resolved ? e.balance : 0n;
  const held = e.milestones.reduce(
    (sum, m, i) => (m.disputed && !m.resolved && !m.released ? sum + (e.config.milestones[i]?.amount ?? 0n) : sum),
    0n,
  );
  return held < e.balance ? held : e.balance;
}

/** Every (role, address) of the escrow: its configured roles, milestone receivers and funders. */
export function rolesOf(e: Escrow, funders: FunderRow[]): { role: Role; address: string }[] {
  const r = e.config.roles;
  return [
    ...r.approvers.map((address) => ({ role: 'approver' as const, address })),
    { role: 'service_provider', address: r.serviceProvider },
    ...r.releaseSigners.map((address) => ({ role: 'release_signer' as const, address })),
    { role: 'dispute_resolver', address: r.disputeResolver },
    { role: 'platform', address: r.platform },
    { role: 'receiver', address: r.receiver },
    ...e.config.milestones.flatMap((m) =>
      m.receiver ? [{ role: 'milestone_receiver' as const, address: m.receiver }] : [],
    ),
    ...funders.filter((f) => f.contributed > 0n).map((f) => ({ role: 'funder' as const, address: f.address })),
  ];
}

export function toSnapshot(s: SnapshotInput): EscrowSnapshot {
  const { escrow: e } = s;
  const c = e.config;
  const total = targetAmount(c);
  const kind = c.kind === 'Single' ? 'single' : 'multi';
  return {
    escrow: {
      contractId: s.contractId,
      kind,
      engagementId: c.engagementId,
      title: c.title,
      description: c.description,
      token: c.token,
      platform: c.roles.platform,
      approvalsRequired: c.roles.approvalsRequired,
      releasesRequired: c.roles.releasesRequired,
      platformFeeBps: c.platformFeeBps,
      protocolFeeBps: c.protocolFee.bps,
      protocolFeeRecipient: c.protocolFee.recipient,
      deadline: c.deadline === null ? null : new Date(Number(c.deadline) * 1000),
      config: configJson(e),
      amount: total,
      funded: e.funded,
      paidOut: e.paidOut,
      refunded: e.refunded,
      balance: e.balance,
      released: s.paid.released,
      platformFeesPaid: s.paid.platformFees,
      protocolFeesPaid: s.paid.protocolFees,
      inDispute: amountInDispute(e),
      // The contract keeps its dispute flag after the resolution: open means not resolved yet.
      disputed: kind === 'single' ? e.disputed && !e.resolved : e.milestones.some((m) => m.disputed && !m.resolved),
      disputeReason: e.disputeReason,
      isReleased: e.released,
      isResolved: e.resolved,
      refunding: e.refunding,
      termsVersion: e.termsVersion,
      status: escrowStatus({
        kind,
        disputed: e.disputed,
        released: e.released,
        resolved: e.resolved,
        refunding: e.refunding,
        funded: e.funded,
        total,
        milestones: e.milestones,
      }),
      wasmHash: s.wasmHash,
      createdLedger: s.createdLedger,
      createdAt: s.createdAt,
      lastEventId: s.lastEventId,
    },
    milestones: c.milestones.map((m, index) => {
      const p = e.milestones[index];
      return {
        index,
        description: m.description,
        amount: m.amount,
        receiver: m.receiver,
        status: p?.status ?? '',
        evidence: p?.evidence ?? '',
        approvals: p?.approvals ?? [],
        approved: p?.approved ?? false,
        disputed: p?.disputed ?? false,
        disputeReason: p?.disputeReason ?? '',
        released: p?.released ?? false,
        resolved: p?.resolved ?? false,
      };
    }),
    memberships: rolesOf(e, s.funders),
    funders: s.funders,
  };
}
