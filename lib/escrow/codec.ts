import { scValToNative, xdr } from '@stellar/stellar-sdk';
import { z } from 'zod';
import { sc } from '../stellar/scval';
import type { Escrow, EscrowConfig } from './types';

/** EscrowConfig → the contract's `EscrowConfig` struct. */
export function encodeConfig(c: EscrowConfig): xdr.ScVal {
  const r = c.roles;
  return sc.struct({
    kind: sc.unitEnum(c.kind),
    engagement_id: sc.string(c.engagementId),
    title: sc.string(c.title),
    description: sc.string(c.description),
    token: sc.address(c.token),
    roles: sc.struct({
      approvers: sc.vec(r.approvers.map(sc.address)),
      approvals_required: sc.u32(r.approvalsRequired),
      service_provider: sc.address(r.serviceProvider),
      release_signers: sc.vec(r.releaseSigners.map(sc.address)),
      releases_required: sc.u32(r.releasesRequired),
      dispute_resolver: sc.address(r.disputeResolver),
      platform: sc.address(r.platform),
      receiver: sc.address(r.receiver),
    }),
    platform_fee_bps: sc.u32(c.platformFeeBps),
    protocol_fee: sc.struct({ recipient: sc.address(c.protocolFee.recipient), bps: sc.u32(c.protocolFee.bps) }),
    amount: sc.i128(c.amount),
    milestones: sc.vec(
      c.milestones.map((m) =>
        sc.struct({
          description: sc.string(m.description),
          amount: sc.i128(m.amount),
          receiver: sc.option(m.receiver, sc.address),
        }),
      ),
    ),
    deadline: sc.option(c.deadline, sc.u64),
  });
}

// What scValToNative gives for the contract's types: i128/u64 → bigint, u32 → number,
// Address → StrKey string, Option::None → null/undefined, unit enum → [symbol].
const big = z.bigint();
const str = z.string();
const addr = z.string();
const optional = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? null);

const rawConfig = z.object({
  kind: z.tuple([z.enum(['Single', 'Multi'])]).transform(([k]) => k),
  engagement_id: str,
  title: str,
  description: str,
  token: addr,
  roles: z.object({
    approvers: z.array(addr),
    approvals_required: z.number(),
    service_provider: addr,
    release_signers: z.array(addr),
    releases_required: z.number(),
    dispute_resolver: addr,
    platform: addr,
    receiver: addr,
  }),
  platform_fee_bps: z.number(),
  protocol_fee: z.object({ recipient: addr, bps: z.number() }),
  amount: big,
  milestones: z.array(z.object({ description: str, amount: big, receiver: optional(addr) })),
  deadline: optional(big),
});

const rawEscrow = z.object({
  config: rawConfig,
  milestones: z.array(
    z.object({
      status: str,
      evidence: str,
      approvals: z.array(addr),
      approved: z.boolean(),
      disputed: z.boolean(),
      dispute_reason: str,
      released: z.boolean(),
      resolved: z.boolean(),
    }),
  ),
  disputed: z.boolean(),
  dispute_reason: str,
  released: z.boolean(),
  resolved: z.boolean(),
  funded: big,
  paid_out: big,
  refunded: big,
  refunding: z.boolean(),
  balance: big,
  terms_version: z.number(),
});

function decodeConfig(raw: z.infer<typeof rawConfig>): EscrowConfig {
  const r = raw.roles;
  return {
    kind: raw.kind,
    engagementId: raw.engagement_id,
    title: raw.title,
    description: raw.description,
    token: raw.token,
    roles: {
      approvers: r.approvers,
      approvalsRequired: r.approvals_required,
      serviceProvider: r.service_provider,
      releaseSigners: r.release_signers,
      releasesRequired: r.releases_required,
      disputeResolver: r.dispute_resolver,
      platform: r.platform,
      receiver: r.receiver,
    },
    platformFeeBps: raw.platform_fee_bps,
    protocolFee: raw.protocol_fee,
    amount: raw.amount,
    milestones: raw.milestones,
    deadline: raw.deadline,
  };
}

/** `get_escrow()`'s return value → {@link Escrow}. Throws when the shape is not the contract's. */
export function decodeEscrow(value: xdr.ScVal): Escrow {
  const raw = rawEscrow.parse(scValToNative(value));
  return {
    config: decodeConfig(raw.config),
    milestones: raw.milestones.map((m) => ({
      status: m.status,
      evidence: m.evidence,
      approvals: m.approvals,
      approved: m.approved,
      disputed: m.disputed,
      disputeReason: m.dispute_reason,
      released: m.released,
      resolved: m.resolved,
    })),
    disputed: raw.disputed,
    disputeReason: raw.dispute_reason,
    released: raw.released,
    resolved: raw.resolved,
    funded: raw.funded,
    paidOut: raw.paid_out,
    refunded: raw.refunded,
    refunding: raw.refunding,
    balance: raw.balance,
    termsVersion: raw.terms_version,
  };
}

/** An `EscrowConfig` ScVal (the constructor's or `update`'s argument) → {@link EscrowConfig}. */
export function decodeConfigScVal(value: xdr.ScVal): EscrowConfig {
  return decodeConfig(rawConfig.parse(scValToNative(value)));
}
