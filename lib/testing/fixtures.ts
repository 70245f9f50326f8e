/** Test escrows: a valid state to start from, with addresses that pass checksum validation. */
import { Keypair, StrKey } from '@stellar/stellar-sdk';
import { freshEscrow, freshMilestone } from '../escrow/fresh';
import type { Escrow, EscrowConfig, Milestone } from '../escrow/types';

const key = (seed: number) => Keypair.fromRawEd25519Seed(Buffer.alloc(32, seed)).publicKey();

export const who = {
  platform: key(1),
  provider: key(2),
  approver: key(3),
  approver2: key(4),
  signer: key(5),
  signer2: key(6),
  resolver: key(7),
  receiver: key(8),
  funder: key(9),
  stranger: key(10),
  protocol: key(11),
};
export const TOKEN = StrKey.encodeContract(Buffer.alloc(32, 1));
export const ESCROW_ID = StrKey.encodeContract(Buffer.alloc(32, 2));

export function config(over: Partial<EscrowConfig> = {}): EscrowConfig {
  return {
    kind: 'Single',
    engagementId: 'ENG-1',
    title: 'Logo design',
    description: 'Two rounds',
    token: TOKEN,
    roles: {
      approvers: [who.approver],
      approvalsRequired: 1,
      serviceProvider: who.provider,
      releaseSigners: [who.signer],
      releasesRequired: 1,
      disputeResolver: who.resolver,
      platform: who.platform,
      receiver: who.receiver,
    },
    platformFeeBps: 300,
    protocolFee: { recipient: who.protocol, bps: 30 },
    amount: 100_000_000n,
    milestones: [
      { description: 'Draft', amount: 0n, receiver: null },
      { description: 'Final', amount: 0n, receiver: null },
    ],
    deadline: null,
    ...over,
  };
}

export const milestone = (over: Partial<Milestone> = {}): Milestone => ({ ...freshMilestone(), ...over });

export function escrow(over: Partial<Escrow> = {}, cfg: Partial<EscrowConfig> = {}): Escrow {
  return { ...freshEscrow(config(cfg)), ...over };
}
