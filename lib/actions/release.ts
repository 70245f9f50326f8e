'use server';
import { canRelease } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { splitFees } from '../fees';
import { releaseSchema, type ReleaseInput } from '../schemas/steps';
import { feeRecipients, recipientsCanReceive } from './checks';
import { money, prepareStep, type StepContext, type StepRequest } from './step';

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

/** Prepares `release(signers)` (single-release): pays the whole amount out, fees deducted. */
export async function prepareRelease(req: StepRequest<ReleaseInput>) {
  return prepareStep(req, {
    schema: () => releaseSchema,
    refuse: async (ctx, input) =>
      (ctx.escrow.config.kind !== 'Single' ? 'This is a multi-release escrow: release milestone by milestone' : null) ??
      signersProblem(ctx, input.signers) ??
      canRelease(ctx.escrow) ??
      (await recipientsCanReceive(ctx, [ctx.escrow.config.roles.receiver, ...feeRecipients(ctx)])),
    op: (ctx, input) => escrowCalls.release(ctx.escrowId, input.signers),
    summary: (ctx, input) => [
      `Release ${money(ctx, ctx.escrow.config.amount)} signed by ${input.signers.length} of ${ctx.escrow.config.roles.releasesRequired} required signers.`,
      ...payoutLines(ctx, ctx.escrow.config.amount, ctx.escrow.config.roles.receiver),
    ],
  });
}
