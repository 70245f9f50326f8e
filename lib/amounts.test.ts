import { describe, expect, it } from 'vitest';
import { AmountError, bpsToPercent, displayAmount, formatAmount, I128_MAX, parseAmount, percentToBps } from './amounts';

describe('parseAmount', () => {
  it.each([
    ['1', 7, 10_000_000n],
    ['0.0000001', 7, 1n],
    ['12.5', 7, 125_000_000n],
    ['  3. ', 2, 300n],
    ['007', 0, 7n],
    ['170141183460469231731687303715884105727', 0, I128_MAX],
  ])('%s with %i decimals → %s', (input, decimals, units) => {
    expect(parseAmount(input, decimals)).toBe(units);
  });

  it.each(['', '-1', '1e3', '1,000', '.5', '0x10', '1.2.3', 'abc', '١'])('refuses %j', (input) => {
    expect(() => parseAmount(input, 7)).toThrow(AmountError);
  });

  it('refuses more decimals than the token has, saying how many', () => {
    expect(() => parseAmount('0.00000001', 7)).toThrow('At most 7 digits after the dot');
    expect(() => parseAmount('1.5', 0)).toThrow('no decimal places');
  });

  it('refuses amounts beyond i128', () => {
    expect(() => parseAmount('170141183460469231731687303715884105728', 0)).toThrow('too large');
  });
});

describe('formatAmount', () => {
  it.each([
    [0n, 7, '0'],
    [1n, 7, '0.0000001'],
    [125_000_000n, 7, '12.5'],
    [10_000_000n, 7, '1'],
    [-15n, 1, '-1.5'],
    [42n, 0, '42'],
  ])('%s/%i → %s', (units, decimals, text) => {
    expect(formatAmount(units, decimals)).toBe(text);
  });

  it('round-trips with parseAmount', () => {
    for (const units of [0n, 1n, 9n, 10n, 123456789n, 10n ** 30n + 7n]) {
      expect(parseAmount(formatAmount(units, 7), 7)).toBe(units);
    }
  });

  it('groups thousands for display', () => {
    expect(displayAmount(12_345_678_900_000n, 7)).toBe('1,234,567.89');
    expect(displayAmount(-10_000_000_000n, 7)).toBe('-1,000');
  });
});

describe('percent ↔ basis points', () => {
  it('converts', () => {
    expect(percentToBps('3')).toBe(300);
    expect(percentToBps('0.3')).toBe(30);
    expect(percentToBps('100')).toBe(10_000);
    expect(bpsToPercent(250)).toBe('2.5');
  });
  it('refuses more than 100 % and more than 2 decimals', () => {
    expect(() => percentToBps('100.01')).toThrow('At most 100 %');
    expect(() => percentToBps('0.001')).toThrow(AmountError);
  });
});

describe('bounded input (a hostile token or caller cannot make these slow)', () => {
  it('refuses a 1 MB amount string up front, by its length, before parsing it', () => {
    const huge = '1'.repeat(1_000_000);
    expect(() => parseAmount(huge, 7)).toThrow('at most 64 characters');
    expect(() => parseAmount(`${'9'.repeat(40)}.${'0'.repeat(30)}`, 7)).toThrow('at most 64 characters');
  });

  it('accepts any i128 amount within the bound', () => {
    expect(parseAmount(`${I128_MAX}`, 0)).toBe(I128_MAX);
    expect(formatAmount(I128_MAX, 38)).toBe('1.70141183460469231731687303715884105727');
  });

  it('refuses decimals outside 0–38 instead of padding to them', () => {
    for (const d of [-1, 39, 1_000_000, 1.5, Number.NaN]) {
      expect(() => formatAmount(1n, d)).toThrow('from 0 to 38');
      expect(() => parseAmount('1', d)).toThrow('from 0 to 38');
    }
  });

  it('strips trailing zeros and groups digits without regexes', () => {
    expect(formatAmount(10n ** 38n, 38)).toBe('1');
    expect(formatAmount(10n ** 37n + 1n, 38)).toBe('0.10000000000000000000000000000000000001');
    expect(displayAmount(I128_MAX, 0)).toBe('170,141,183,460,469,231,731,687,303,715,884,105,727');
    expect(displayAmount(123n, 0)).toBe('123');
  });
});
