'use client';
import { useState } from 'react';
import { prepareRelease } from '@/lib/actions/release';
import { prepareReleaseMilestone } from '@/lib/actions/release-milestone';
import { buttonClass, FormError } from '../forms/field';
import { StepProgress } from '../step/step-progress';
import { useStepSubmit } from '../step/use-step-submit';
import { useWallet } from '../wallet/wallet-provider';

/** Release (single) or release a milestone (multi): choose which release signers sign. */
export function ReleaseForm({
  escrowId,
  milestone,
  signers,
  required,
  token,
  summary,
}: {
  escrowId: string;
  milestone: number | null;
  signers: string[];
  required: number;
  token: string;
  summary: string[];
}) {
  const wallet = useWallet();
  const me = wallet.address ?? '';
  const [chosen, setChosen] = useState<string[] | null>(null);
  const defaults = signers.filter((s) => s === me || (required > 1 && wallet.canSignAuthFor(s))).slice(0, Math.max(required, 1));
  const selected = chosen ?? (defaults.length ? defaults : signers.slice(0, required));
  const [error, setError] = useState<string>();
  const { state, submit } = useStepSubmit(escrowId, undefined, 'release');
  const busy = !['idle', 'error', 'confirmed'].includes(state.phase);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (selected.length < required) return setError(`Choose at least ${required} signers`);
        setError(undefined);
        void submit(
          () =>
            milestone === null
              ? prepareRelease({ escrowId, source: me, input: { signers: selected } })
              : prepareReleaseMilestone({ escrowId, milestone, source: me, input: { signers: selected } }),
          [token],
        );
      }}
    >
      <ul className="list-disc pl-5 text-sm">
        {summary.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <fieldset className="space-y-1" aria-describedby={error ? 'signers-error' : undefined}>
        <legend className="text-sm font-medium">
          Signers ({required} of {signers.length} required)
        </legend>
        {signers.map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(s)}
              onChange={(e) => setChosen(e.target.checked ? [...selected, s] : selected.filter((x) => x !== s))}
            />
            <span className="break-all font-mono text-xs">{s}</span>
            {s === me ? <span className="text-xs">(you)</span> : wallet.canSignAuthFor(s) ? <span className="text-xs">(in your dev wallet)</span> : null}
          </label>
        ))}
        {error ? (
          <p id="signers-error" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </fieldset>
      <FormError message={null} />
      <button type="submit" className={buttonClass} disabled={busy || !me}>
        {milestone === null ? 'Release the funds' : `Release milestone ${milestone + 1}`}
      </button>
      <StepProgress state={state} backHref={`/escrows/${escrowId}`} />
    </form>
  );
}
