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
