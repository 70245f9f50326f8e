import { explorerLink } from '@/lib/networks/config';
import type { EscrowEvent } from '@/lib/stellar/rpc';
import { STEPS } from '@/lib/steps/registry';

/** Each step's banner and event: the creation, then the registry's steps, whole-escrow ones first. */
const CONFIRMATIONS: readonly { step: string; done: string; event: string }[] = [
  { step: 'create', done: 'Escrow created', event: 'created' },
  ...[...STEPS]
    .sort((a, b) => Number(a.perMilestone) - Number(b.perMilestone))
    .map((s) => ({ step: s.name, done: s.done, event: s.event })),
];

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
  const named = CONFIRMATIONS.find((c) => c.step === step);
  const agrees = named && mine.some((e) => e.action === named.event);
  // A link naming another step than the transaction's: the name comes from the chain's event.
  const byEvent = CONFIRMATIONS.find((c) => c.event === mine[0]!.action);
  return { name: agrees ? named.done : byEvent ? byEvent.done : 'Confirmed', hash: tx };
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
