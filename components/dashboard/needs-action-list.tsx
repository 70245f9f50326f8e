/** The escrows that wait on the address, first on the dashboard, each with the steps it may take now. */
import Link from 'next/link';
import { ChainText } from '@/components/escrow/chain-text';
import { NEEDS_ACTION_SCAN, type NeedsAction } from './needs-action';

export function NeedsActionList({ needs }: { needs: NeedsAction }) {
  return (
    <section
      aria-labelledby="needs-action"
      data-testid="needs-action"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950"
    >
      <h2 id="needs-action" className="text-lg font-semibold">
        Needs your action ({needs.escrows.length})
      </h2>
      {needs.escrows.length === 0 ? (
        <p className="text-sm">Nothing waits on you in these escrows right now.</p>
      ) : (
        <ul className="space-y-2">
          {needs.escrows.map(({ row, actions }) => (
            <li key={row.contractId} data-testid="needs-action-item" data-id={row.contractId}>
              <Link href={`/escrows/${row.contractId}`} className="font-medium">
                <ChainText text={row.title || 'Untitled escrow'} />
              </Link>
              <ul className="mt-1 flex flex-wrap gap-2">
                {actions.map((a) => (
                  <li key={a.href}>
                    <Link
                      href={a.href}
                      className="inline-block rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold text-white no-underline hover:bg-indigo-500"
                    >
                      {a.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {needs.complete ? null : (
        <p className="text-xs text-zinc-700 dark:text-zinc-300">
          Only your {NEEDS_ACTION_SCAN} newest matching escrows were checked; narrow the filters to check older ones.
        </p>
      )}
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        Judged on the indexed state, which can be a few seconds behind the chain; each escrow’s page has the live one.
      </p>
    </section>
  );
}
