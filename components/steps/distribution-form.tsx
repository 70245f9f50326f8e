'use client';
/** Resolve, resolve a milestone, or withdraw what remains: a distribution that must add up, previewed per recipient. */
import { useEffect, useMemo, useState } from 'react';
import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { fundingOf } from '@/lib/actions/funding-of';
import { prepareResolve } from '@/lib/actions/resolve';
import { prepareResolveMilestone } from '@/lib/actions/resolve-milestone';
import { prepareWithdrawRemaining } from '@/lib/actions/withdraw-remaining';
import { displayAmount, formatAmount, tryParseAmount } from '@/lib/amounts';
import { splitDistribution } from '@/lib/fees';
import { resolveSchema, type ResolveInput } from '@/lib/schemas/steps';
import { isAddress, shortAddress } from '@/lib/strkey';
import { AddressField } from '../forms/address-field';
import { FormError, secondaryButtonClass, TextField } from '../forms/field';
import { StepForm } from './step-form';

export interface DistributionFormProps {
  escrowId: string;
  mode: 'resolve' | 'resolve-milestone' | 'withdraw';
  milestone: number | null;
  /** Base units (decimal string) the shares must add up to. */
  total: string;
  decimals: number;
  symbol: string;
  token: string;
  rates: { platformBps: number; protocolBps: number };
  /** Suggested recipients (funders, receiver) for quick filling. */
  suggestions: { label: string; address: string }[];
}

export function DistributionForm(p: DistributionFormProps) {
  const total = BigInt(p.total);
  const schema = useMemo(() => resolveSchema(p.decimals, total), [p.decimals, total]);
  return (
    <StepForm
      escrowId={p.escrowId}
      step={p.mode}
      schema={schema}
      defaultValues={{ distributions: p.suggestions.slice(0, 2).map((s) => ({ recipient: s.address, amount: '' })) }}
      tokens={[p.token]}
      prepare={(input, source) =>
        p.mode === 'resolve'
          ? prepareResolve({ escrowId: p.escrowId, source, input })
          : p.mode === 'resolve-milestone'
            ? prepareResolveMilestone({ escrowId: p.escrowId, milestone: p.milestone ?? 0, source, input })
            : prepareWithdrawRemaining({ escrowId: p.escrowId, source, input })
      }
      submitLabel={() => (p.mode === 'withdraw' ? 'Withdraw' : 'Resolve the dispute')}
    >
      {(form) => <DistributionFields form={form} p={p} total={total} />}
    </StepForm>
  );
}

/** The rows of the distribution, their fee preview and the running total (hooks need a component). */
function DistributionFields({ form, p, total }: { form: UseFormReturn<ResolveInput>; p: DistributionFormProps; total: bigint }) {
  const rows = useFieldArray({ control: form.control, name: 'distributions' });
  const watched = useWatch({ control: form.control, name: 'distributions' }) ?? [];
  const [funding, setFunding] = useState<Record<string, string>>({});
  const recipientsKey = watched.map((w) => w?.recipient?.trim() ?? '').filter(isAddress).join(',');

  useEffect(() => {
    if (!recipientsKey) return;
    void fundingOf({ escrowId: p.escrowId, addresses: recipientsKey.split(',') }).then((r) => r.ok && setFunding(r.data));
  }, [recipientsKey, p.escrowId]);

  const shares = watched.map((w) => ({ recipient: w?.recipient?.trim() ?? '', amount: tryParseAmount(w?.amount ?? '', p.decimals) ?? 0n }));
  const preview = splitDistribution(shares, p.rates, (r) => BigInt(funding[r] ?? '0'));
  const sum = preview.total.gross;
  const a = (u: bigint) => `${displayAmount(u, p.decimals)} ${p.symbol}`;
  const e = form.formState.errors;

  return (
    <>
      <p className="text-sm">
        Distribute exactly <strong>{a(total)}</strong>. Each share pays its own fees; what goes back to a funder, up to what they put in, is a fee-free refund.
      </p>
      {rows.fields.map((row, i) => (
        <fieldset key={row.id} className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">Recipient {i + 1}</legend>
          <AddressField
            label={`Recipient ${i + 1} address`}
            error={e.distributions?.[i]?.recipient?.message}
            onUseMine={(mine) => form.setValue(`distributions.${i}.recipient`, mine, { shouldValidate: true })}
            {...form.register(`distributions.${i}.recipient`)}
          />
          <TextField label={`Recipient ${i + 1} share (${p.symbol})`} inputMode="decimal" autoComplete="off" error={e.distributions?.[i]?.amount?.message} {...form.register(`distributions.${i}.amount`)} />
          {preview.shares[i] && preview.shares[i].gross > 0n ? (
            <p className="text-xs text-zinc-700 dark:text-zinc-300" data-testid={`share-preview-${i}`}>
              Receives {a(preview.shares[i].received)}
              {preview.shares[i].refund > 0n ? ` — ${a(preview.shares[i].refund)} of it a fee-free refund` : ''}
              {preview.shares[i].platform + preview.shares[i].protocol > 0n
                ? `; platform fee ${a(preview.shares[i].platform)}, protocol fee ${a(preview.shares[i].protocol)}`
                : ''}
            </p>
          ) : null}
          {rows.fields.length > 1 ? (
            <button type="button" className={secondaryButtonClass} onClick={() => rows.remove(i)}>
              Remove recipient {i + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => rows.append({ recipient: '', amount: '' })} disabled={rows.fields.length >= 20}>
          Add recipient
        </button>
        {p.suggestions.map((s) => (
          <button
            key={s.address}
            type="button"
            className={secondaryButtonClass}
            onClick={() => rows.append({ recipient: s.address, amount: '' })}
            title={s.address}
          >
            + {s.label} ({shortAddress(s.address)})
          </button>
        ))}
      </div>
      <p className={`text-sm ${sum === total ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-800 dark:text-amber-300'}`} aria-live="polite" data-testid="distribution-total">
        Shares add up to {formatAmount(sum, p.decimals)} of {formatAmount(total, p.decimals)} {p.symbol}
        {sum === total ? ' ✓' : ''}
      </p>
      <FormError message={e.distributions?.root?.message ?? e.distributions?.message} />
    </>
  );
}
