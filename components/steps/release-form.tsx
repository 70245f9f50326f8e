'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { startPendingRelease } from '@/lib/actions/start-pending-release';
import { prepareRelease } from '@/lib/actions/release';
import { prepareReleaseMilestone } from '@/lib/actions/release-milestone';
import { buttonClass } from '../forms/field';
import { StepProgress } from './step-progress';
import { useStepSubmit } from './use-step-submit';
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
  // By default: you, then signers this wallet holds, then others, up to the number required.
  const ranked = [...signers].sort((a, b) => rank(a) - rank(b));
  function rank(s: string) {
    return s === me ? 0 : wallet.canSignAuthFor(s) ? 1 : 2;
  }
  const selected = chosen ?? ranked.slice(0, Math.max(required, 1));
  const [error, setError] = useState<string>();
  const { state, submit } = useStepSubmit(escrowId, undefined, 'release');
  const router = useRouter();
  const [starting, setStarting] = useState(false);
  const busy = starting || !['idle', 'error', 'confirmed'].includes(state.phase);
  // Signers whose keys this wallet does not hold sign from their own browsers (a pending release).
  const elsewhere = selected.filter((s) => s !== me && !wallet.canSignAuthFor(s));
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (selected.length < required) return setError(`Choose at least ${required} signers`);
        setError(undefined);
        if (elsewhere.length) {
          setStarting(true);
          void startPendingRelease({ escrowId, milestone, source: me, input: { signers: selected } }).then((r) => {
            setStarting(false);
            if (r.ok) router.push(`/escrows/${escrowId}/pending/${r.data.id}`);
            else setError(r.error.message);
          });
          return;
        }
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
      {elsewhere.length ? (
        <p className="text-sm">
          {elsewhere.length === 1 ? 'One signer signs' : `${elsewhere.length} signers sign`} from their own wallet: you will get a page to share with them.
        </p>
      ) : null}
      <button type="submit" className={buttonClass} disabled={busy || !me}>
        {elsewhere.length ? 'Start and collect signatures' : milestone === null ? 'Release the funds' : `Release milestone ${milestone + 1}`}
      </button>
      <StepProgress state={state} backHref={`/escrows/${escrowId}`} />
    </form>
  );
}
