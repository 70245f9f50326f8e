/**
 * Money is `bigint` base units everywhere; decimal strings only at the edges (forms, display).
 * A JS `number` never holds an amount.
 */

/** i128 bounds: what the contract can hold. */
export const I128_MAX = (1n << 127n) - 1n;

export class AmountError extends Error {}

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/**
 * Parses a decimal string ("12.5", "0.0000001") into base units with `decimals` places.
 * Refuses more fractional digits than the token has, signs, exponents and grouping.
 */
export function parseAmount(input: string, decimals: number): bigint {
  const text = input.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new AmountError('Enter a number like 12.5 (digits and one dot)');
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    throw new AmountError(
      decimals === 0
        ? 'This token has no decimal places'
        : `At most ${decimals} digits after the dot`,
    );
  }
  const units = BigInt(whole + fraction.padEnd(decimals, '0'));
  if (units > I128_MAX) throw new AmountError('Amount too large');
  return units;
}

/** Like {@link parseAmount} but returns null instead of throwing. */
export function tryParseAmount(input: string, decimals: number): bigint | null {
  try {
    return parseAmount(input, decimals);
  } catch {
    return null;
  }
}

/** Formats base units as a decimal string without trailing zeros ("12.5", "0", "-3.1"). */
export function formatAmount(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Formats with thousands separators for display ("1,234.5"). */
export function displayAmount(units: bigint, decimals: number): string {
  const [whole = '0', fraction] = formatAmount(units, decimals).split('.');
  const negative = whole.startsWith('-');
  const grouped = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Percent string ("3", "0.3", "12.25") ↔ basis points (integer 0..10000). */
export function percentToBps(input: string): number {
  const units = parseAmount(input, 2);
  if (units > 10_000n) throw new AmountError('At most 100 %');
  return Number(units);
}

export function bpsToPercent(bps: number): string {
  return formatAmount(BigInt(bps), 2);
}
