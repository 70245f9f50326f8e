import { displayAmount } from '@/lib/amounts';

/** An amount with the token's decimals and symbol. */
export function Amount({ units, decimals, symbol }: { units: bigint; decimals: number; symbol: string }) {
  return (
    <span className="tabular-nums">
      {displayAmount(units, decimals)} {symbol}
    </span>
  );
}
