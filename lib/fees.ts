/**
 * Fee math, exactly as the escrow contract computes it (integer floor on i128):
 * protocol = floor(gross × protocolBps / 10000), platform = floor(gross × platformBps / 10000),
 * net = gross − protocol − platform. Distributions split each share on its own; the part of a
 * share paid back to a funder, up to what that funder put in, is a fee-free refund.
 */

export const BPS_DENOMINATOR = 10_000n;

export interface FeeSplit {
  gross: bigint;
  protocol: bigint;
  platform: bigint;
  net: bigint;
}

export interface FeeRates {
  platformBps: number;
  protocolBps: number;
}

/** Splits one payout into protocol fee, platform fee and what the recipient gets. */
export function splitFees(gross: bigint, rates: FeeRates): FeeSplit {
  if (gross < 0n) throw new RangeError('gross must not be negative');
  const protocol = (gross * BigInt(rates.protocolBps)) / BPS_DENOMINATOR;
  const platform = (gross * BigInt(rates.platformBps)) / BPS_DENOMINATOR;
  return { gross, protocol, platform, net: gross - protocol - platform };
}

export interface ShareSplit extends FeeSplit {
  recipient: string;
  /** The part of the share returned to a funder, free of fees. */
  refund: bigint;
  /** What the recipient receives in total: refund + net of the fee-bearing rest. */
  received: bigint;
}

/**
 * Splits a distribution: each recipient's share on its own. `refundable(recipient)` is how much
 * of a share may still go back to that funder fee-free (what they funded minus what they got back).
 */
export function splitDistribution(
  shares: ReadonlyArray<{ recipient: string; amount: bigint }>,
  rates: FeeRates,
  refundable: (recipient: string) => bigint = () => 0n,
): { shares: ShareSplit[]; total: FeeSplit & { refund: bigint } } {
  const out: ShareSplit[] = [];
  const total = { gross: 0n, protocol: 0n, platform: 0n, net: 0n, refund: 0n };
  for (const { recipient, amount } of shares) {
    const refundCap = refundable(recipient);
    const refund = amount < refundCap ? amount : refundCap > 0n ? refundCap : 0n;
    const fees = splitFees(amount - refund, rates);
    const share: ShareSplit = { ...fees, gross: amount, recipient, refund, received: refund + fees.net };
    out.push(share);
    total.gross += amount;
    total.protocol += fees.protocol;
    total.platform += fees.platform;
    total.net += fees.net;
    total.refund += refund;
  }
  return { shares: out, total };
}
