/** One page of the address's escrows, with what waits on it in each, and the links to the next and previous page. */
import Link from 'next/link';
import { dashboardHref, type DashboardQuery } from '@/lib/db/queries/dashboard-query';
import type { EscrowPage } from '@/lib/db/queries/list-escrows';
import type { AvailableAction } from '@/lib/steps/available';
import { ChainText } from '@/components/escrow/chain-text';
import { KIND_LABELS, ROLE_LABELS, STATUS_LABELS } from './labels';
import { Money, type Tokens } from './money';

const cell = 'px-3 py-2 align-top';

export function EscrowTable({
  page,
  query,
  tokens,
  needs,
}: {
  page: EscrowPage;
  query: DashboardQuery;
  tokens: Tokens;
  needs: Map<string, AvailableAction[]>;
}) {
  const pageLink = (changes: Partial<DashboardQuery>) =>
    dashboardHref(query, { after: undefined, before: undefined, ...changes });
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm" data-testid="escrow-table">
          <caption className="sr-only">Your escrows, {query.sort === 'amount' ? 'by amount' : 'by creation'}</caption>
          <thead className="bg-zinc-100 dark:bg-zinc-800">
            <tr>
              <th scope="col" className={cell}>
                Escrow
              </th>
              <th scope="col" className={cell}>
                Status
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Amount
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Funded
              </th>
              <th scope="col" className={cell}>
                Your roles
              </th>
              <th scope="col" className={cell}>
                Created
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => {
              const waiting = needs.get(r.contractId) ?? [];
              return (
                <tr
                  key={r.contractId}
                  data-testid="escrow-row"
                  data-id={r.contractId}
                  className="border-t border-zinc-200 dark:border-zinc-800"
                >
                  <td className={cell}>
                    <Link href={`/escrows/${r.contractId}`} className="font-medium">
                      <ChainText text={r.title || 'Untitled escrow'} />
                    </Link>
                    <div className="text-xs text-zinc-600 dark:text-zinc-400">
                      {KIND_LABELS[r.kind]} · <ChainText text={r.engagementId} />
                    </div>
                    {waiting.length ? (
                      <div
                        className="mt-1 text-xs font-semibold text-amber-800 dark:text-amber-300"
                        data-testid="needs-badge"
                      >
                        Needs your action: {waiting.map((a) => a.label).join(', ')}
                      </div>
                    ) : null}
                  </td>
                  <td className={cell}>{STATUS_LABELS[r.status]}</td>
                  <td className={`${cell} text-right`}>
                    <Money units={r.amount} token={tokens.get(r.token)} />
                  </td>
                  <td className={`${cell} text-right`}>
                    <Money units={r.funded} token={tokens.get(r.token)} />
                  </td>
                  <td className={cell}>{r.roles.map((role) => ROLE_LABELS[role]).join(', ')}</td>
                  <td className={cell}>
                    <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().slice(0, 10)}</time>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {page.prevCursor || page.nextCursor ? (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {page.prevCursor ? <Link href={pageLink({ before: page.prevCursor })}>← Previous page</Link> : null}
          {page.nextCursor ? <Link href={pageLink({ after: page.nextCursor })}>Next page →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
