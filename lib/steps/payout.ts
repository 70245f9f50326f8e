/** What release and release-milestone share: the signers check and the payout sentences. */
import { splitFees } from '../fees';
import { money } from './money';
import type { StepContext } from './types';

/** Release signers check shared by single and multi release. */
export function signersProblem(ctx: StepContext, signers: readonly string[]): string | null {
  const r = ctx.escrow.config.roles;
  const strangers = signers.filter((s) => !r.releaseSigners.includes(s));
  if (strangers.length) return `Not a release signer: ${strangers.join(', ')}`;
  if (!signers.includes(ctx.source)) return 'You must be one of the signers of this release (connect a release signer’s account)';
  if (signers.length < r.releasesRequired) return `This release needs ${r.releasesRequired} signers; choose ${r.releasesRequired - signers.length} more`;
  return null;
}

export function payoutLines(ctx: StepContext, gross: bigint, receiver: string): string[] {
  const c = ctx.escrow.config;
  const f = splitFees(gross, { platformBps: c.platformFeeBps, protocolBps: c.protocolFee.bps });
  return [
    `The receiver ${receiver} gets ${money(ctx, f.net)}.`,
    `The platform gets ${money(ctx, f.platform)} (${c.platformFeeBps / 100} %); the protocol gets ${money(ctx, f.protocol)} (${c.protocolFee.bps / 100} %).`,
  ];
}

