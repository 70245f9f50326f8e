'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { startPendingRelease } from '@/lib/actions/start-pending-release';
import { prepareRelease } from '@/lib/actions/release';
import { prepareReleaseMilestone } from '@/lib/actions/release-milestone';
import { releaseSchema, type ReleaseInput } from '@/lib/schemas/steps';
import { useWallet } from '../wallet/wallet-provider';
import { StepForm } from './step-form';

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
  const router = useRouter();
  const [starting, setStarting] = useState(false);
  // Signers whose keys this wallet does not hold sign from their own browsers (a pending release).
  const elsewhere = selected.filter((s) => s !== me && !wallet.canSignAuthFor(s));
  return (
    <StepForm
      escrowId={escrowId}
      step="release"
      schema={releaseSchema}
      defaultValues={{ signers: selected }}
      tokens={[token]}
      busy={starting}
      intercept={(input, form) => {
        if (input.signers.length < required) {
          form.setError('signers', { type: 'count', message: `Choose at least ${required} signers` });
          return true;
        }
        if (!elsewhere.length) return false;
        setStarting(true);
        void startPendingRelease({ escrowId, milestone, source: me, input }).then((r) => {
          setStarting(false);
          if (r.ok) router.push(`/escrows/${escrowId}/pending/${r.data.id}`);
          else form.setError('signers', { type: 'server', message: r.error.message });
        });
        return true;
      }}
      prepare={(input, source) =>
        milestone === null ? prepareRelease({ escrowId, source, input }) : prepareReleaseMilestone({ escrowId, milestone, source, input })
      }
      submitLabel={() => (elsewhere.length ? 'Start and collect signatures' : milestone === null ? 'Release the funds' : `Release milestone ${milestone + 1}`)}
    >
      {(form) => (
        <SignerFields form={form} signers={signers} required={required} selected={selected} onChange={setChosen} me={me} summary={summary} elsewhere={elsewhere.length} />
      )}
    </StepForm>
  );
}

function SignerFields(p: {
  form: UseFormReturn<ReleaseInput>;
  signers: string[];
  required: number;
  selected: string[];
  onChange: (signers: string[]) => void;
  me: string;
  summary: string[];
  elsewhere: number;
}) {
  const wallet = useWallet();
  const { form, selected } = p;
  const key = selected.join(',');
  // The checkboxes are the form's `signers` value.
  useEffect(() => {
    form.setValue('signers', key ? key.split(',') : []);
  }, [form, key]);
  const error = form.formState.errors.signers?.message ?? form.formState.errors.signers?.root?.message;
  return (
    <>
      <ul className="list-disc pl-5 text-sm">
        {p.summary.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <fieldset className="space-y-1" aria-describedby={error ? 'signers-error' : undefined}>
        <legend className="text-sm font-medium">
          Signers ({p.required} of {p.signers.length} required)
        </legend>
        {p.signers.map((s) => (
          <label key={s} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={selected.includes(s)} onChange={(e) => p.onChange(e.target.checked ? [...selected, s] : selected.filter((x) => x !== s))} />
            <span className="break-all font-mono text-xs">{s}</span>
            {s === p.me ? <span className="text-xs">(you)</span> : wallet.canSignAuthFor(s) ? <span className="text-xs">(in your dev wallet)</span> : null}
          </label>
        ))}
        {error ? (
          <p id="signers-error" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </fieldset>
      {p.elsewhere ? (
        <p className="text-sm">
          {p.elsewhere === 1 ? 'One signer signs' : `${p.elsewhere} signers sign`} from their own wallet: you will get a page to share with them.
        </p>
      ) : null}
    </>
  );
}
