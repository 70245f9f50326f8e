/** The create/edit form's values ↔ the contract's EscrowConfig. Pure, so both sides agree. */
import { Asset } from '@stellar/stellar-sdk';
import { formatAmount, parseAmount, percentToBps, bpsToPercent } from '../amounts';
import type { EscrowFormInput, EscrowFormValues } from '../schemas/steps';
import type { EscrowConfig } from './types';
import { chainTimeIso } from '../text';

/** A token field ("C…" or "CODE:ISSUER") → its contract id on the network of `passphrase`. */
export function tokenContractId(token: string, passphrase: string): string {
  const t = token.trim();
  if (t.startsWith('C')) return t;
  const [code, issuer] = t.split(':');
  return new Asset(code!, issuer!).contractId(passphrase);
}

export function formToConfig(
  v: EscrowFormValues,
  ctx: { decimals: number; token: string; protocolFee: { recipient: string; bps: number } },
): EscrowConfig {
  const single = v.kind === 'Single';
  return {
    kind: v.kind,
    engagementId: v.engagementId,
    title: v.title,
    description: v.description,
    token: ctx.token,
    roles: {
      approvers: v.approvers.map((a) => a.address),
      approvalsRequired: v.approvalsRequired,
      serviceProvider: v.serviceProvider,
      releaseSigners: v.releaseSigners.map((a) => a.address),
      releasesRequired: v.releasesRequired,
      disputeResolver: v.disputeResolver,
      platform: v.platform,
      receiver: v.receiver,
    },
    platformFeeBps: percentToBps(v.platformFeePercent),
    protocolFee: ctx.protocolFee,
    amount: single ? parseAmount(v.amount, ctx.decimals) : 0n,
    milestones: v.milestones.map((m) => ({
      description: m.description,
      amount: single ? 0n : parseAmount(m.amount, ctx.decimals),
      receiver: single || !m.receiver ? null : m.receiver,
    })),
    deadline: v.deadline ? BigInt(Math.floor(Date.parse(v.deadline) / 1000)) : null,
  };
}

/** An existing escrow's config → form values (for the edit page). */
export function configToForm(c: EscrowConfig, decimals: number): EscrowFormInput {
  return {
    kind: c.kind,
    title: c.title,
    engagementId: c.engagementId,
    description: c.description,
    token: c.token,
    amount: c.kind === 'Single' ? formatAmount(c.amount, decimals) : '',
    milestones: c.milestones.map((m) => ({
      description: m.description,
      amount: c.kind === 'Multi' ? formatAmount(m.amount, decimals) : '',
      receiver: m.receiver ?? '',
    })),
    approvers: c.roles.approvers.map((address) => ({ address })),
    approvalsRequired: c.roles.approvalsRequired,
    serviceProvider: c.roles.serviceProvider,
    releaseSigners: c.roles.releaseSigners.map((address) => ({ address })),
    releasesRequired: c.roles.releasesRequired,
    disputeResolver: c.roles.disputeResolver,
    platform: c.roles.platform,
    receiver: c.roles.receiver,
    platformFeePercent: bpsToPercent(c.platformFeeBps),
    // A deadline no date input can hold (set outside this app) is left empty rather than crash the page.
    deadline: c.deadline === null ? '' : (chainTimeIso(c.deadline) ?? ''),
  };
}
