import { explorerLink } from '@/lib/networks/config';

const NAMES: Record<string, string> = {
  create: 'Escrow created',
  edit: 'Escrow updated',
  fund: 'Funded',
  status: 'Milestone marked',
  approve: 'Milestone approved',
  release: 'Released',
  dispute: 'Dispute raised',
  resolve: 'Dispute resolved',
  'resolve-milestone': 'Milestone dispute resolved',
  withdraw: 'Remaining funds withdrawn',
  refund: 'Refund claimed',
};

/** The banner after a step: what was confirmed, with its transaction. */
export function Confirmed({ step, hash, explorerUrl }: { step: string; hash: string; explorerUrl: string | null }) {
  const href = explorerLink({ explorerUrl }, 'tx', hash);
  return (
    <p role="status" data-testid="confirmed-banner" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
      {NAMES[step] ?? 'Confirmed'} — transaction{' '}
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
