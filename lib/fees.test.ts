import { describe, expect, it } from 'vitest';
import { splitDistribution, splitFees } from './fees';

// Vectors as in the contract's tests: floor on each fee, the receiver gets the rest.
describe('splitFees (the contract’s math)', () => {
  it.each([
    // gross, platform bps, protocol bps → protocol, platform, net
    [100_000_000n, 300, 30, 300_000n, 3_000_000n, 96_700_000n],
    [1n, 300, 30, 0n, 0n, 1n],
    [9_999n, 1, 1, 0n, 0n, 9_999n],
    [10_000n, 1, 1, 1n, 1n, 9_998n],
    [33_333_333n, 333, 33, 109_999n, 1_109_999n, 32_113_335n],
    [5n, 10_000, 0, 0n, 5n, 0n],
    [0n, 300, 30, 0n, 0n, 0n],
  ])('%s at %i/%i bps', (gross, platformBps, protocolBps, protocol, platform, net) => {
    const s = splitFees(gross, { platformBps, protocolBps });
    expect(s).toEqual({ gross, protocol, platform, net });
    expect(s.protocol + s.platform + s.net).toBe(gross);
  });

  it('refuses a negative gross', () => {
    expect(() => splitFees(-1n, { platformBps: 0, protocolBps: 0 })).toThrow(RangeError);
  });
});

describe('splitDistribution', () => {
  const rates = { platformBps: 300, protocolBps: 30 };
  it('splits each share on its own (floors do not pool)', () => {
    const { shares, total } = splitDistribution(
      [
        { recipient: 'A', amount: 40_000_001n },
        { recipient: 'B', amount: 60_000_001n },
      ],
      rates,
    );
    expect(shares[0]).toMatchObject({ protocol: 120_000n, platform: 1_200_000n, net: 38_680_001n, refund: 0n });
    expect(shares[1]).toMatchObject({ protocol: 180_000n, platform: 1_800_000n, net: 58_020_001n });
    // Whole-sum fees would be floor(100000002 × 30 / 10000) = 300000: the same here, but the
    // platform fee on the sum would be 3000000 — compare per share:
    expect(total.gross).toBe(100_000_002n);
    expect(total.protocol + total.platform + total.net).toBe(total.gross);
  });

  it('pays a funder back fee-free up to what they funded, fees on the rest', () => {
    const funded: Record<string, bigint> = { F: 30_000_000n };
    const { shares } = splitDistribution(
      [
        { recipient: 'F', amount: 50_000_000n },
        { recipient: 'S', amount: 50_000_000n },
      ],
      rates,
      (r) => funded[r] ?? 0n,
    );
    expect(shares[0]).toMatchObject({
      refund: 30_000_000n,
      protocol: 60_000n,
      platform: 600_000n,
      received: 49_340_000n,
    });
    expect(shares[1]).toMatchObject({ refund: 0n, received: 48_350_000n });
  });

  it('a share below the funder’s contribution is all refund', () => {
    const { shares } = splitDistribution([{ recipient: 'F', amount: 10n }], rates, () => 100n);
    expect(shares[0]).toMatchObject({ refund: 10n, protocol: 0n, platform: 0n, received: 10n });
  });
});
