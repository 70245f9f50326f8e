/** What release and release-milestone share: the signers check and the payout sentences. */
import { milestoneReceiver } from '../escrow/types';
import { splitFees } from '../fees';
import { money } from './money';
import type { StepContext } from './types';

/** What the payout sentences read: the escrow's terms and its token. */
export type PayoutContext = Pick<StepContext, 'escrow' | 'token'>;

/** Release signers check shared by single and multi release. */
export function signersProblem(ctx: StepContext, signers: readonly string[]): string | null {
  const r = ctx.escrow.config.roles;
  const strangers = signers.filter((s) => !r.releaseSigners.includes(s));
  if (strangers.length) return `Not a release signer: ${strangers.join(', ')}`;
  if (!signers.includes(ctx.source))
    return 'You must be one of the signers of this release (connect a release signer’s account)';
  if (signers.length < r.releasesRequired)
    return `This release needs ${r.releasesRequired} signers; choose ${r.releasesRequired - signers.length} more`;
  return null;
}

/** Who gets what of `gross`, fees deducted: the release summary's lines. */
export function payoutLines(ctx: PayoutContext, gross: bigint, receiver: string): string[] {
  const c = ctx.escrow.config;
  const f = splitFees(gross, { platformBps: c.platformFeeBps, protocolBps: c.protocolFee.bps });
  return [
    `The receiver ${receiver} gets ${money(ctx, f.net)}.`,
    `The platform gets ${money(ctx, f.platform)} (${c.platformFeeBps / 100} %); the protocol gets ${money(ctx, f.protocol)} (${c.protocolFee.bps / 100} %).`,
  ];
}

/**
 * The payout of a release: the whole escrow (`milestone` null) or one milestone. The release
 * page shows these lines before the wallet opens; the step's summary repeats them.
 */
export function releasePayout(ctx: PayoutContext, milestone: number | null): { gross: bigint; lines: string[] } {
  const c = ctx.escrow.config;
  const gross = milestone === null ? c.amount : c.milestones[milestone]!.amount;
  const receiver = milestone === null ? c.roles.receiver : milestoneReceiver(c, milestone);
  return { gross, lines: payoutLines(ctx, gross, receiver) };
}
