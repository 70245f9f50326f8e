/** The dashboard for one address: what needs its action, filters, totals, fee income, the list and its CSV. */
import Link from 'next/link';
import { dashboardHref, type DashboardQuery } from '@/lib/db/queries/dashboard-query';
import { secondaryButtonClass } from '@/components/forms/styles';
import { EscrowTable } from './escrow-table';
import { FeeChart } from './fee-chart';
import { FiltersForm } from './filters-form';
import type { DashboardData } from './load';
import { NeedsActionList } from './needs-action-list';
import { tokenName } from './money';
import { TotalsTable } from './totals-table';

/** True when the query narrows the list (anything beyond the address, the sort and the page). */
function filtered(q: DashboardQuery): boolean {
  return Boolean(q.role.length || q.status.length || q.kind.length || q.token.length || q.from || q.to || q.q);
}

export function DashboardView({ query, data }: { query: DashboardQuery; data: DashboardData }) {
  const csv = dashboardHref(query, { after: undefined, before: undefined }, '/escrows/export');
  const empty = data.page.rows.length === 0;
  return (
    <div className="space-y-8">
      <NeedsActionList needs={data.needs} />
      {/* Keyed by the query: its fields are uncontrolled, and a client-side navigation (Clear filters) must reset them. */}
      <FiltersForm
        key={dashboardHref(query)}
        query={query}
        tokens={[...data.tokens.keys()].map((id) => [id, tokenName(data.tokens, id)])}
      />
      {empty ? (
        <div
          className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
          data-testid="dashboard-empty"
        >
          {filtered(query) ? (
            <p>
              No escrow matches these filters.{' '}
              <Link href={dashboardHref({ address: query.address })}>Clear the filters</Link> to see them all.
            </p>
          ) : (
            <p>
              No escrow names this address yet. <Link href="/escrows/new">Create one</Link>, or ask whoever set one up
              for you to add this address to it. An escrow created a moment ago appears within a few seconds.
            </p>
          )}
        </div>
      ) : (
        <>
          <EscrowTable page={data.page} query={query} tokens={data.tokens} needs={data.needs.byEscrow} />
          <p>
            <a href={csv} download className={`${secondaryButtonClass} no-underline`}>
              Download CSV (every matching escrow)
            </a>
          </p>
        </>
      )}
      {data.totals.length ? <TotalsTable totals={data.totals} tokens={data.tokens} /> : null}
      {data.feeIncome ? <FeeChart income={data.feeIncome} tokens={data.tokens} /> : null}
      {data.chainClock ? null : (
        <p className="text-xs text-zinc-700 dark:text-zinc-300">
          The chain’s clock could not be read: deadlines were judged by this server’s clock.
        </p>
      )}
    </div>
  );
}
