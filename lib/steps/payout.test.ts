import { describe, expect, it } from 'vitest';
import { releasePreview } from '@/components/steps/release-preview';
import type { TokenInfo } from '../tokens';
import { escrow, ESCROW_ID, TOKEN, who } from '../testing/fixtures';
import { release } from './release';
import { releaseMilestone } from './release-milestone';
import type { StepContext } from './types';

const token: TokenInfo = {
  contractId: TOKEN,
  symbol: 'USDC',
  name: 'USDC',
  decimals: 7,
  asset: null,
  native: false,
  known: true,
  label: 'USDC',
};

function context(e = escrow(), milestone: number | null = null): StepContext {
  return {
    network: {} as never,
    escrowId: ESCROW_ID,
    source: who.signer,
    escrow: e,
    token,
    now: 0n,
    milestone,
    funding: 0n,
  };
}

describe('the release payout', () => {
  it('the page preview is the step summary’s payout lines (single release)', async () => {
    const ctx = context();
    const preview = releasePreview(ctx.escrow, token, null);
    expect(preview).toEqual([
      `The receiver ${who.receiver} gets 9.67 USDC.`,
      'The platform gets 0.3 USDC (3 %); the protocol gets 0.03 USDC (0.3 %).',
    ]);
    expect(await release.summary(ctx, { signers: [who.signer] })).toEqual([expect.any(String), ...preview]);
  });

  it('a milestone pays its own receiver', async () => {
    const e = escrow(
      {},
      {
        kind: 'Multi',
        milestones: [
          { description: 'A', amount: 10_000_000n, receiver: who.stranger },
          { description: 'B', amount: 20_000_000n, receiver: null },
        ],
      },
    );
    const preview = releasePreview(e, token, 0);
    expect(preview[0]).toBe(`The receiver ${who.stranger} gets 0.967 USDC.`);
    expect(await releaseMilestone.summary(context(e, 0), { signers: [who.signer] })).toEqual([
      'Release milestone 1: 1 USDC.',
      ...preview,
    ]);
  });
});
