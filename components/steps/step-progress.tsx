'use client';
import Link from 'next/link';
import { explorerLink } from '@/lib/networks/config';
import { showControls } from '@/lib/text';
import { useWallet } from '../wallet/wallet-provider';
import type { StepPhase, StepState } from './use-step';

const PHASES: { phase: StepPhase; label: string }[] = [
  { phase: 'preparing', label: 'Preparing' },
  { phase: 'signing', label: 'Waiting for the wallet' },
  { phase: 'submitting', label: 'Submitting' },
  { phase: 'confirmed', label: 'Confirmed' },
];
const ORDER: StepPhase[] = ['preparing', 'authorizing', 'signing', 'submitting', 'confirmed'];

/** Where a step is (preparing → waiting for the wallet → submitting → confirmed), and its outcome. */
export function StepProgress({ state, backHref }: { state: StepState; backHref?: string }) {
  const { network } = useWallet();
  if (state.phase === 'idle') return null;
  const at = ORDER.indexOf(state.phase === 'error' ? 'preparing' : state.phase);
  const link = state.hash ? explorerLink(network, 'tx', state.hash) : null;
  return (
    <div className="space-y-3" data-testid="step-progress">
      <ol className="flex flex-wrap gap-2 text-xs" aria-label="Progress">
        {PHASES.map((p) => {
          const i = ORDER.indexOf(p.phase);
          const current = state.phase === p.phase || (p.phase === 'signing' && state.phase === 'authorizing');
          const done = state.phase !== 'error' && i < at;
          return (
            <li
              key={p.phase}
              aria-current={current ? 'step' : undefined}
              className={`rounded-full px-3 py-1 ${current ? 'bg-indigo-600 text-white' : done ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100' : 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300'}`}
            >
              {p.label}
            </li>
          );
        })}
      </ol>
      {state.prepared && state.phase !== 'confirmed' ? (
        <div className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-700" data-testid="step-summary">
          <p className="font-medium">What will happen</p>
          <ul className="list-disc pl-5">
            {state.prepared.summary.map((s) => (
              <li key={s}>
                <bdi>{showControls(s)}</bdi>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Network fee: at most {state.prepared.feeXlm} XLM</p>
        </div>
      ) : null}
      <p aria-live="polite" className="text-sm" role="status">
        {state.phase === 'preparing' && 'Preparing the transaction…'}
        {state.phase === 'authorizing' && 'Collecting the other signers’ authorisations…'}
        {state.phase === 'signing' && 'Waiting for your wallet to sign…'}
        {state.phase === 'submitting' && 'Submitting to the network…'}
        {state.phase === 'confirmed' && (
          <span data-testid="step-confirmed">
            Confirmed. Transaction{' '}
            {link ? (
              <a className="font-mono underline" href={link} target="_blank" rel="noreferrer">
                {state.hash?.slice(0, 12)}…
              </a>
            ) : (
              <span className="font-mono" title={state.hash}>
                {state.hash?.slice(0, 12)}…
              </span>
            )}
            {backHref ? (
              <>
                {' '}
                ·{' '}
                <Link className="underline" href={backHref}>
                  Back to the escrow
                </Link>
              </>
            ) : null}
          </span>
        )}
      </p>
      {state.phase === 'error' && state.error ? (
        <div role="alert" data-testid="step-error" data-code={state.error.code} className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error.message}
        </div>
      ) : null}
    </div>
  );
}
