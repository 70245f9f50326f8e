'use client';
/** Each signer signs only their own authorisation entry; when all have, anyone submits. */
import { useEffect, useState } from 'react';
import { addPendingSignature } from '@/lib/actions/add-pending-signature';
import { preparePendingSubmit } from '@/lib/actions/prepare-pending-submit';
import { readPending } from '@/lib/actions/read-pending';
import type { PendingStep } from '@/lib/pending/store';
import { buttonClass, FormError } from '../forms/field';
import { StepProgress } from './step-progress';
import { useStepSubmit } from './use-step-submit';
import { useWallet } from '../wallet/wallet-provider';

export function PendingSignatures({ initial }: { initial: PendingStep }) {
  const wallet = useWallet();
  const [pending, setPending] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { state, submit } = useStepSubmit(initial.escrowId, undefined, 'release');

  useEffect(() => {
    const t = setInterval(async () => {
      const r = await readPending({ id: initial.id });
      if (r.ok) setPending(r.data);
    }, 3000);
    return () => clearInterval(t);
  }, [initial.id]);

  const mine = pending.entries.filter((e) => !e.signed && wallet.canSignAuthFor(e.address));
  // Your own entry, in a wallet that signs only whole transactions: say so instead of failing on click.
  const cannotSign = !mine.length && pending.entries.some((e) => !e.signed && e.address === wallet.address) ? wallet.authEntryProblem : null;
  const complete = pending.entries.every((e) => e.signed);

  async function signMine() {
    setBusy(true);
    setError(null);
    try {
      for (const e of mine) {
        const signed = await wallet.signAuthEntry(e.entry, e.address, pending.validUntilLedger);
        const r = await addPendingSignature({ id: pending.id, signed });
        if (!r.ok) throw new Error(r.error.message);
        setPending(r.data);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <section aria-labelledby="signers-title">
        <h2 id="signers-title" className="text-lg font-semibold">
          Signers
        </h2>
        <ul className="space-y-1 text-sm" data-testid="pending-signers">
          {pending.entries.map((e) => (
            <li key={e.address} className="flex flex-wrap gap-2">
              <span className="break-all font-mono text-xs">{e.address}</span>
              <span className={e.signed ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-800 dark:text-amber-300'}>{e.signed ? 'signed' : 'waiting'}</span>
              {e.address === wallet.address ? <span className="text-xs">(you)</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <p className="text-sm">
        Share this page’s address with the other signers. Each one connects their own wallet here and signs only their own authorisation.
      </p>
      {mine.length ? (
        <button type="button" className={buttonClass} onClick={signMine} disabled={busy}>
          Sign my authorisation
        </button>
      ) : null}
      {cannotSign ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="cannot-sign">
          {cannotSign}
        </p>
      ) : null}
      {complete ? (
        <button
          type="button"
          className={buttonClass}
          disabled={!wallet.address || !['idle', 'error'].includes(state.phase)}
          onClick={() => void submit(() => preparePendingSubmit({ id: pending.id, source: wallet.address ?? '' }))}
        >
          Submit the release
        </button>
      ) : null}
      <FormError message={error} />
      <StepProgress state={state} backHref={`/escrows/${pending.escrowId}`} />
    </div>
  );
}
