import { explorerLink } from '@/lib/networks/config';
import type { EscrowEvent } from '@/lib/stellar/rpc';

const NAMES: Record<string, string> = {
  create: 'Escrow created',
  edit: 'Escrow updated',
  fund: 'Funded',
  status: 'Milestone marked',
  approve: 'Milestone approved',
  release: 'Released',
  'release-milestone': 'Released',
  dispute: 'Dispute raised',
  'dispute-milestone': 'Dispute raised',
  resolve: 'Dispute resolved',
  'resolve-milestone': 'Milestone dispute resolved',
  withdraw: 'Remaining funds withdrawn',
  refund: 'Refund claimed',
};

/** The escrow event each step emits: a banner's name must agree with what the chain recorded. */
const EVENT_OF: Record<string, string> = {
  create: 'created',
  edit: 'updated',
  fund: 'funded',
  status: 'status',
  approve: 'approved',
  release: 'released',
  'release-milestone': 'released',
  dispute: 'disputed',
  'dispute-milestone': 'disputed',
  resolve: 'resolved',
  'resolve-milestone': 'resolved',
  withdraw: 'withdrawn',
  refund: 'refunded',
};

/**
 * The confirmation for `?done=<step>&tx=<hash>`, but only when the chain shows that transaction
 * emitting one of this escrow's events (a link alone proves nothing: anyone can write one). The
 * name comes from that event; the step in the link only picks the wording when they agree.
 */
export function confirmedEvent(
  events: readonly EscrowEvent[],
  step: string | undefined,
  tx: string | undefined,
): { name: string; hash: string } | null {
  if (!tx || !/^[0-9a-f]{64}$/.test(tx)) return null;
  const mine = events.filter((e) => e.txHash === tx);
  if (mine.length === 0) return null;
  const agrees = step !== undefined && mine.some((e) => e.action === EVENT_OF[step]);
  const byEvent = Object.keys(EVENT_OF).find((s) => EVENT_OF[s] === mine[0]!.action);
  return { name: agrees ? NAMES[step]! : byEvent ? NAMES[byEvent]! : 'Confirmed', hash: tx };
}

/** The banner after a step: what was confirmed, with its transaction. */
export function Confirmed({ name, hash, explorerUrl }: { name: string; hash: string; explorerUrl: string | null }) {
  const href = explorerLink({ explorerUrl }, 'tx', hash);
  return (
    <p
      role="status"
      data-testid="confirmed-banner"
      className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
    >
      {name} — transaction{' '}
      {href ? (
        <a href={href} target="_blank" rel="noreferrer" className="font-mono">
          {hash.slice(0, 12)}…
        </a>
      ) : (
        <span className="font-mono" title={hash}>
          {hash.slice(0, 12)}…
        </span>
      )}
    </p>
  );
}
