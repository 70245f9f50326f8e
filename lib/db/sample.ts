/**
 * Made-up but valid read-model rows, for tests and the benchmark: checksummed addresses from a
 * number, event ids from a ledger, and whole escrow snapshots with sensible defaults.
 */
import { StrKey } from '@stellar/stellar-sdk';
import type { EscrowSnapshot } from '@/lib/indexer/rows';
import { escrowStatus, type EscrowKind, type Role } from './vocabulary';

function key(n: number, salt: number): Buffer {
  const b = Buffer.alloc(32, salt);
  b.writeUInt32BE(n >>> 0, 0);
  return b;
}

/** The n-th sample account (`G…`). */
export const sampleAccount = (n: number) => StrKey.encodeEd25519PublicKey(key(n, 1));
/** The n-th sample contract (`C…`): escrows. */
export const sampleContract = (n: number) => StrKey.encodeContract(key(n, 2));
/** The n-th sample token contract. */
export const sampleToken = (n: number) => StrKey.encodeContract(key(n, 3));
/** An RPC-style event id: ledger and index within it, zero-padded so ids sort as they happened. */
export const sampleEventId = (ledger: number, i = 0) =>
  `${(BigInt(ledger) << 32n).toString().padStart(19, '0')}-${String(i).padStart(10, '0')}`;
export const sampleHash = (n: number) => n.toString(16).padStart(64, '0');
/** Ledger n's close time: 5 s per ledger from 2026-01-01. */
export const ledgerTime = (ledger: number) => new Date(Date.UTC(2026, 0, 1) + ledger * 5000);

export interface SampleEscrow {
  contract: string;
  kind?: EscrowKind;
  token?: string;
  title?: string;
  engagementId?: string;
  ledger: number;
  amount?: bigint;
  funded?: bigint;
  balance?: bigint;
  released?: bigint;
  platformFeesPaid?: bigint;
  protocolFeesPaid?: bigint;
  inDispute?: bigint;
  disputed?: boolean;
  isReleased?: boolean;
  isResolved?: boolean;
  refunding?: boolean;
  lastEventId?: string;
  /** Every role but funders: [role, address] pairs; platform, receiver and resolver default to accounts 900–902. */
  roles?: [Role, string][];
  funders?: [string, bigint][];
}

/** A whole escrow snapshot as the projection would produce it. */
export function sampleSnapshot(s: SampleEscrow): EscrowSnapshot {
  const kind = s.kind ?? 'single';
  const amount = s.amount ?? 1000_0000000n;
  const funded = s.funded ?? 0n;
  const roles = s.roles ?? [];
  const one = (role: Role, fallback: string) => roles.find(([r]) => r === role)?.[1] ?? fallback;
  const platform = one('platform', sampleAccount(900));
  const fundersList = s.funders ?? [];
  const flags = {
    disputed: s.disputed ?? false,
    isReleased: s.isReleased ?? false,
    isResolved: s.isResolved ?? false,
    refunding: s.refunding ?? false,
  };
  const status = escrowStatus({
    kind,
    disputed: flags.disputed,
    released: flags.isReleased,
    resolved: flags.isResolved,
    refunding: flags.refunding,
    funded,
    total: amount,
    milestones: [{ disputed: flags.disputed, released: flags.isReleased, resolved: flags.isResolved }],
  });
  const members: EscrowSnapshot['memberships'] = [
    { role: 'platform', address: platform },
    { role: 'receiver', address: one('receiver', sampleAccount(901)) },
    { role: 'dispute_resolver', address: one('dispute_resolver', sampleAccount(902)) },
    ...roles
      .filter(([r]) => !['platform', 'receiver', 'dispute_resolver'].includes(r))
      .map(([role, address]) => ({ role, address })),
    ...fundersList.map(([address]) => ({ role: 'funder' as const, address })),
  ];
  return {
    escrow: {
      contractId: s.contract,
      kind,
      engagementId: s.engagementId ?? `eng-${s.ledger}`,
      title: s.title ?? `Escrow ${s.ledger}`,
      description: '',
      token: s.token ?? sampleToken(1),
      platform,
      approvalsRequired: 1,
      releasesRequired: 1,
      platformFeeBps: 100,
      protocolFeeBps: 30,
      protocolFeeRecipient: sampleAccount(999),
      deadline: null,
      config: { title: s.title ?? '' },
      amount,
      funded,
      paidOut: 0n,
      refunded: 0n,
      balance: s.balance ?? funded,
      released: s.released ?? 0n,
      platformFeesPaid: s.platformFeesPaid ?? 0n,
      protocolFeesPaid: s.protocolFeesPaid ?? 0n,
      inDispute: s.inDispute ?? 0n,
      disputeReason: '',
      ...flags,
      status,
      wasmHash: sampleHash(7),
      createdLedger: s.ledger,
      createdAt: ledgerTime(s.ledger),
      lastEventId: s.lastEventId ?? sampleEventId(s.ledger),
    },
    milestones: [
      {
        index: 0,
        description: 'Everything',
        amount: 0n,
        receiver: null,
        status: '',
        evidence: '',
        approvals: [],
        approved: false,
        disputed: flags.disputed,
        disputeReason: '',
        released: flags.isReleased,
        resolved: flags.isResolved,
      },
    ],
    memberships: members,
    funders: fundersList.map(([address, contributed]) => ({ address, contributed, refunded: 0n })),
  };
}

/** The `created` event of a sample escrow, at its ledger. */
export function sampleCreatedEvent(contract: string, ledger: number, i = 0) {
  return {
    eventId: sampleEventId(ledger, i),
    contractId: contract,
    txHash: sampleHash(ledger * 100 + i),
    ledger,
    closedAt: ledgerTime(ledger),
    action: 'created',
    data: { contract },
  };
}
