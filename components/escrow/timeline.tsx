import { explorerLink } from '@/lib/networks/config';
import type { EscrowEvent } from '@/lib/stellar/rpc';
import { ChainText } from './chain-text';

/** The contract's events, oldest first, each linked to its transaction. */
export function Timeline({
  events,
  explorerUrl,
  error,
  note,
}: {
  events: EscrowEvent[];
  explorerUrl: string | null;
  error?: string;
  /** Says when the list is not the read model's full history (the RPC fallback). */
  note?: string;
}) {
  return (
    <section aria-labelledby="timeline" className="space-y-2">
      <h2 id="timeline" className="text-lg font-semibold">
        Timeline
      </h2>
      {note ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="timeline-note">
          {note}
        </p>
      ) : null}
      {error ? <p className="text-sm text-amber-800 dark:text-amber-300">Events could not be read: {error}</p> : null}
      {events.length === 0 && !error ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No events within the RPC’s retention window.</p>
      ) : null}
      <ol className="space-y-1 text-sm" data-testid="timeline">
        {events.map((e) => {
          const href = explorerLink({ explorerUrl }, 'tx', e.txHash);
          return (
            <li key={e.id} className="flex flex-wrap gap-x-3 border-l-2 border-indigo-400 pl-3">
              <span className="font-medium">
                <ChainText text={e.action} />
              </span>
              <time className="text-zinc-600 dark:text-zinc-400" dateTime={e.closedAt}>
                {new Date(e.closedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC
              </time>
              <span className="text-zinc-600 dark:text-zinc-400">ledger {e.ledger}</span>
              {href ? (
                <a href={href} target="_blank" rel="noreferrer" className="font-mono">
                  {e.txHash.slice(0, 10)}…
                </a>
              ) : (
                <span className="font-mono text-zinc-600 dark:text-zinc-400" title={e.txHash}>
                  {e.txHash.slice(0, 10)}…
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
