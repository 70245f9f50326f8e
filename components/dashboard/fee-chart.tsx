/**
 * A platform's fee income per token and month: a table whose last column draws each month as a
 * bar (CSS only). The figures are the table's own text, so a screen reader reads them as a table.
 */
import type { MonthlyFeeIncome } from '@/lib/db/queries/fee-income';
import { Money, tokenName, type Tokens } from './money';

/** A bar's width in per mille of the largest month (exact: bigint until the last step). */
export function barWidth(value: bigint, max: bigint): number {
  if (max <= 0n || value <= 0n) return 0;
  return Number((value * 1000n) / max) / 10;
}

export function FeeChart({ income, tokens }: { income: MonthlyFeeIncome[]; tokens: Tokens }) {
  const byToken = new Map<string, MonthlyFeeIncome[]>();
  for (const m of income) byToken.set(m.token, [...(byToken.get(m.token) ?? []), m]);
  return (
    <section aria-labelledby="fee-income" className="space-y-3" data-testid="fee-income">
      <h2 id="fee-income" className="text-lg font-semibold">
        Your fee income as a platform
      </h2>
      {income.length === 0 ? (
        <p className="text-sm">No platform fees paid to you yet: they arrive with each release.</p>
      ) : null}
      {[...byToken].map(([token, months]) => {
        const max = months.reduce((m, x) => (x.platformFees > m ? x.platformFees : m), 0n);
        const info = tokens.get(token);
        return (
          <table key={token} className="w-full max-w-2xl text-left text-sm">
            <caption className="text-left font-medium">Per month (UTC), {tokenName(tokens, token)}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Month
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Fees
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Payouts
                </th>
                <th scope="col" className="w-1/2 py-1">
                  <span className="sr-only">Bar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {m.month}
                  </th>
                  <td className="py-1 pr-3 text-right">
                    <Money units={m.platformFees} token={info} />
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">{m.payouts}</td>
                  <td className="py-1" aria-hidden="true">
                    <div
                      className="h-3 rounded bg-indigo-600 dark:bg-indigo-400"
                      style={{ width: `${barWidth(m.platformFees, max)}%` }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
