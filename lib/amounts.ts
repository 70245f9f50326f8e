/**
 * Money is `bigint` base units everywhere; decimal strings only at the edges (forms, display).
 * A JS `number` never holds an amount.
 */

/** i128 bounds: what the contract can hold. */
export const I128_MAX = (1n << 127n) - 1n;

export class AmountError extends Error {}

/** The most decimals a token may have to be usable here (i128 has 39 digits). */
export const MAX_DECIMALS = 38;
/** An amount string longer than this is refused before it is looked at (i128 needs at most 40 characters with a dot). */
export const MAX_AMOUNT_LENGTH = 64;

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/** Throws unless `decimals` is a token decimals value this app accepts (an integer 0–38). */
export function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS)
    throw new AmountError(`A token's decimals must be a whole number from 0 to ${MAX_DECIMALS}`);
}

/**
 * Parses a decimal string ("12.5", "0.0000001") into base units with `decimals` places.
 * Refuses more fractional digits than the token has, signs, exponents and grouping. Linear in
 * the input, which is bounded ({@link MAX_AMOUNT_LENGTH}) before anything else is done.
 */
export function parseAmount(input: string, decimals: number): bigint {
  checkDecimals(decimals);
  if (typeof input !== 'string') throw new AmountError('Enter a number like 12.5 (digits and one dot)');
  if (input.length > MAX_AMOUNT_LENGTH) throw new AmountError(`An amount has at most ${MAX_AMOUNT_LENGTH} characters`);
  const text = input.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new AmountError('Enter a number like 12.5 (digits and one dot)');
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    throw new AmountError(
      decimals === 0 ? 'This token has no decimal places' : `At most ${decimals} digits after the dot`,
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

/**
 * Formats base units as a decimal string without trailing zeros ("12.5", "0", "-3.1").
 * Refuses decimals outside 0–38, so the padding is bounded; no regex, so it stays linear.
 */
export function formatAmount(units: bigint, decimals: number): string {
  checkDecimals(decimals);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let end = digits.length;
  while (end > whole.length && digits[end - 1] === '0') end--;
  const fraction = digits.slice(whole.length, end);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Formats with thousands separators for display ("1,234.5"). */
export function displayAmount(units: bigint, decimals: number): string {
  const [whole = '0', fraction] = formatAmount(units, decimals).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${negative ? '-' : ''}${groups.join(',')}${fraction ? `.${fraction}` : ''}`;
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
