/**
 * The projection: an escrow's state plus one of its events gives its next state, exactly as the
 * contract changed it. Pure (no I/O), so a test can replay any history; the follower feeds it
 * what `loadState` read and hands the result to `toSnapshot` and `applyBatch`.
 */
import { freshEscrow, freshMilestone } from '@/lib/escrow/fresh';
import type { Escrow, Milestone } from '@/lib/escrow/types';
import { configFromEvent, type EscrowEventData, type Payout } from './decode-event';
import type { PayoutRow } from './rows';
import type { SnapshotInput } from './snapshot';

/** Where an event sits on the chain. */
export interface EventPlace {
  contractId: string;
  eventId: string;
  ledger: number;
  closedAt: Date;
  wasmHash: string;
}

/** The projection cannot apply an event (an event before `created`, an index out of range). */
export class ProjectionError extends Error {}

function clone(s: SnapshotInput): SnapshotInput {
  return {
    ...s,
    escrow: { ...s.escrow, milestones: s.escrow.milestones.map((m) => ({ ...m, approvals: [...m.approvals] })) },
    funders: s.funders.map((f) => ({ ...f })),
    paid: { ...s.paid },
  };
}

/** The balance the escrow's own movements leave (tokens sent to it directly are not events of its own). */
function settleBalance(e: Escrow): void {
  const b = e.funded - e.paidOut - e.refunded;
  e.balance = b > 0n ? b : 0n;
}

function funder(s: SnapshotInput, address: string) {
  let f = s.funders.find((x) => x.address === address);
  if (!f) {
    f = { address, contributed: 0n, refunded: 0n };
    s.funders.push(f);
    s.funders.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  }
  return f;
}

function milestoneAt(e: Escrow, index: number): Milestone {
  const m = e.milestones[index];
  if (!m) throw new ProjectionError(`milestone ${index} does not exist`);
  return m;
}

function pay(s: SnapshotInput, payouts: Payout[], kind: 'release' | 'distribution'): void {
  for (const p of payouts) {
    s.escrow.paidOut += p.gross;
    s.paid.platformFees += p.platformFee;
    s.paid.protocolFees += p.protocolFee;
    if (kind === 'release') s.paid.released += p.gross;
    if (p.refund > 0n) funder(s, p.to).refunded += p.refund;
  }
}

/**
 * Applies one event to `state` (null before `created`) and returns the new state and the
 * event's payouts as rows. Never mutates its input.
 */
export function applyEvent(
  state: SnapshotInput | null,
  event: EscrowEventData,
  at: EventPlace,
): { state: SnapshotInput; payouts: PayoutRow[] } {
  if (event.action === 'created') {
    const config = configFromEvent(event.data[0], event.data[1]);
    const escrow = freshEscrow(config);
    const s: SnapshotInput = {
      contractId: at.contractId,
      escrow,
      funders: [],
      paid: { released: 0n, platformFees: 0n, protocolFees: 0n },
      wasmHash: at.wasmHash,
      createdLedger: at.ledger,
      createdAt: at.closedAt,
      lastEventId: at.eventId,
    };
    return { state: s, payouts: [] };
  }
  if (!state) throw new ProjectionError(`${event.action} before created`);
  const s = clone(state);
  const e = s.escrow;
  let payouts: Payout[] = [];
  switch (event.action) {
    case 'updated': {
      e.config = configFromEvent(event.data[0], event.data[1]);
      e.milestones = e.config.milestones.map(freshMilestone);
      e.termsVersion = event.data[2];
      break;
    }
    case 'funded': {
      const [from, amount] = event.data;
      funder(s, from).contributed += amount;
      e.funded += amount;
      break;
    }
    case 'status': {
      const [index, status, evidence] = event.data;
      const m = milestoneAt(e, index);
      m.status = status;
      if (evidence !== null) m.evidence = evidence;
      break;
    }
    case 'approved': {
      const [index, approver, approved] = event.data;
      const m = milestoneAt(e, index);
      const order = e.config.roles.approvers;
      // get_escrow lists approvals in the approvers' order (they are bits of a mask).
      m.approvals = order.filter((a) => a === approver || m.approvals.includes(a));
      if (approved) m.approved = true;
      break;
    }
    case 'released': {
      const [index, , payout] = event.data;
      if (index === null) e.released = true;
      else milestoneAt(e, index).released = true;
      payouts = [payout];
      pay(s, payouts, 'release');
      break;
    }
    case 'disputed': {
      const [index, , reason] = event.data;
      if (index === null) {
        e.disputed = true;
        e.disputeReason = reason;
      } else {
        const m = milestoneAt(e, index);
        m.disputed = true;
        m.disputeReason = reason;
      }
      break;
    }
    case 'resolved': {
      const [index, list] = event.data;
      if (index === null) e.resolved = true;
      else milestoneAt(e, index).resolved = true;
      payouts = list;
      pay(s, payouts, 'distribution');
      break;
    }
    case 'withdrawn': {
      payouts = event.data[0];
      pay(s, payouts, 'distribution');
      break;
    }
    case 'refunded': {
      const [to, amount] = event.data;
      funder(s, to).refunded += amount;
      e.refunded += amount;
      e.refunding = true;
      break;
    }
  }
  settleBalance(e);
  s.lastEventId = at.eventId;
  return { state: s, payouts: payoutRows(payouts, at) };
}

/** The payouts an event made (releases, resolutions, withdrawals), as rows; none for other events. */
export function payoutsOf(event: EscrowEventData, at: EventPlace): PayoutRow[] {
  if (event.action === 'released') return payoutRows([event.data[2]], at);
  if (event.action === 'resolved') return payoutRows(event.data[1], at);
  if (event.action === 'withdrawn') return payoutRows(event.data[0], at);
  return [];
}

function payoutRows(payouts: Payout[], at: EventPlace): PayoutRow[] {
  return payouts.map((p, position) => ({
    eventId: at.eventId,
    position,
    contractId: at.contractId,
    to: p.to,
    gross: p.gross,
    refund: p.refund,
    protocolFee: p.protocolFee,
    platformFee: p.platformFee,
    net: p.gross - p.protocolFee - p.platformFee,
    closedAt: at.closedAt,
  }));
}
