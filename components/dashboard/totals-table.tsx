/** Totals per token over every escrow the filter means (summed in SQL, not from the page on screen). */
import type { TokenTotals } from '@/lib/db/queries/totals';
import { Money, tokenName, type Tokens } from './money';

const cell = 'px-3 py-2';

export function TotalsTable({ totals, tokens }: { totals: TokenTotals[]; tokens: Tokens }) {
  return (
    <section aria-labelledby="totals" className="space-y-2">
      <h2 id="totals" className="text-lg font-semibold">
        Totals per token
      </h2>
      {/* Focusable so that a keyboard can scroll it sideways on a narrow screen (WCAG 2.1.1; axe's
          scrollable-region-focusable): a scrolling region is the one non-interactive element that needs it. */}
      <div
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label="Totals per token"
        className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      >
        <table className="w-full text-left text-sm" data-testid="totals">
          <thead className="bg-zinc-100 dark:bg-zinc-800">
            <tr>
              <th scope="col" className={cell}>
                Token
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Escrows
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Locked
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Released
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Fees paid
              </th>
              <th scope="col" className={`${cell} text-right`}>
                In dispute
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => {
              const token = tokens.get(t.token);
              return (
                <tr key={t.token} data-token={t.token} className="border-t border-zinc-200 dark:border-zinc-800">
                  <th scope="row" className={`${cell} font-medium`}>
                    {tokenName(tokens, t.token)}
                  </th>
                  <td className={`${cell} text-right tabular-nums`}>{t.escrows}</td>
                  <td className={`${cell} text-right`} data-testid="total-locked">
                    <Money units={t.locked} token={token} />
                  </td>
                  <td className={`${cell} text-right`}>
                    <Money units={t.released} token={token} />
                  </td>
                  <td className={`${cell} text-right`}>
                    <Money units={t.feesPaid} token={token} />
                  </td>
                  <td className={`${cell} text-right`}>
                    <Money units={t.inDispute} token={token} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
