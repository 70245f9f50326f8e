'use client';
/**
 * The escrow's own fields (kind, terms, token, amounts, milestones, roles, fees, deadline) with a
 * live fee preview; the step shell around them is escrow-form.tsx.
 */
import { useEffect } from 'react';
import { useFieldArray, useWatch, type Path, type UseFormReturn } from 'react-hook-form';
import { displayAmount, percentToBps, tryParseAmount } from '@/lib/amounts';
import { splitFees } from '@/lib/fees';
import type { KnownToken } from '@/lib/networks/config';
import type { EscrowFormInput } from '@/lib/schemas/steps';
import type { EscrowTemplate } from '@/lib/templates/templates';
import { useWallet } from '../wallet/wallet-provider';
import { AddressField } from './address-field';
import { EscrowRoles } from './escrow-roles';
import { FormError, secondaryButtonClass, SelectField, TextAreaField, TextField } from './field';
import { toLocalInput } from './local-time';
import { useTemplate } from './use-template';

export interface EscrowFieldsProps {
  form: UseFormReturn<EscrowFormInput>;
  /** Editing: the kind and the token are fixed. */
  editing: boolean;
  tokens: KnownToken[];
  protocolFeeBps: number;
  /** Editing: the stored deadline (ISO, UTC). */
  initialDeadline?: string;
  /** Creating: the use case the form started from. */
  template?: EscrowTemplate;
  decimals: number;
}

export function EscrowFields({
  form,
  editing,
  tokens,
  protocolFeeBps,
  initialDeadline,
  template,
  decimals,
}: EscrowFieldsProps) {
  const wallet = useWallet();
  useTemplate(form, template, wallet.address);
  // A stored deadline (ISO, UTC) shown in the browser's own time zone, which the server does not know.
  useEffect(() => {
    if (initialDeadline) form.setValue('deadline', toLocalInput(initialDeadline));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialDeadline]);
  const { register, control, setValue, formState } = form;
  const e = formState.errors;
  const milestones = useFieldArray({ control, name: 'milestones' });
  const v = useWatch({ control }) as EscrowFormInput;
  const single = v.kind === 'Single';
  const tokenKnown = tokens.find((t) => t.contractId === v.token);
  const symbol = tokenKnown?.code ?? 'tokens';

  // Live preview of a full payout.
  const total = single
    ? (tryParseAmount(v.amount ?? '', decimals) ?? 0n)
    : (v.milestones ?? []).reduce((s, m) => s + (tryParseAmount(m?.amount ?? '', decimals) ?? 0n), 0n);
  let platformBps = 0;
  try {
    platformBps = percentToBps(v.platformFeePercent ?? '0');
  } catch {
    platformBps = 0;
  }
  const preview = splitFees(total, { platformBps, protocolBps: protocolFeeBps });
  const amt = (u: bigint) => `${displayAmount(u, decimals)} ${symbol}`;
  const mine = (path: Path<EscrowFormInput>) => (address: string) =>
    setValue(path, address as never, { shouldValidate: true });

  return (
    <>
      <section aria-labelledby="terms" className="space-y-4">
        <h2 id="terms" className="text-lg font-semibold">
          Terms
        </h2>
        <fieldset className="space-y-1" disabled={editing}>
          <legend className="text-sm font-medium">Kind</legend>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" value="Single" {...register('kind')} /> Single release (one payout when every milestone
            is approved)
          </label>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="radio" value="Multi" {...register('kind')} /> Multi release (each milestone paid on its own)
          </label>
        </fieldset>
        <TextField label="Title" error={e.title?.message} {...register('title')} />
        <TextField
          label="Engagement ID"
          hint="Your own reference (an order or contract number)."
          error={e.engagementId?.message}
          {...register('engagementId')}
        />
        <TextAreaField label="Description" error={e.description?.message} {...register('description')} />
        <SelectField
          label="Token"
          disabled={editing}
          error={e.token?.message}
          value={tokenKnown ? v.token : 'custom'}
          onChange={(ev) =>
            setValue('token', ev.target.value === 'custom' ? '' : ev.target.value, {
              shouldValidate: ev.target.value !== 'custom',
            })
          }
        >
          {tokens.map((t) => (
            <option key={t.contractId} value={t.contractId}>
              {t.code}
              {t.issuer ? ` (${t.issuer.slice(0, 4)}…${t.issuer.slice(-4)})` : ''}
            </option>
          ))}
          <option value="custom">Another token…</option>
        </SelectField>
        {!tokenKnown ? (
          <TextField
            label="Custom token"
            hint="A token contract id (C…) or a Stellar asset as CODE:ISSUER. A token that is not in the list is shown everywhere as an unverified token, with its issuer or contract id: anyone can issue an asset with any code."
            className="font-mono"
            error={e.token?.message}
            disabled={editing}
            {...register('token')}
          />
        ) : null}
        {single ? (
          <TextField
            label={`Amount (${symbol})`}
            inputMode="decimal"
            autoComplete="off"
            error={e.amount?.message}
            {...register('amount')}
          />
        ) : null}
      </section>

      <section aria-labelledby="milestones-title" className="space-y-3">
        <h2 id="milestones-title" className="text-lg font-semibold">
          Milestones
        </h2>
        {e.milestones?.message ? <FormError message={e.milestones.message} /> : null}
        {milestones.fields.map((f, i) => (
          <fieldset key={f.id} className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <legend className="px-1 text-sm font-medium">Milestone {i + 1}</legend>
            <TextField
              label={`Milestone ${i + 1} description`}
              error={e.milestones?.[i]?.description?.message}
              {...register(`milestones.${i}.description`)}
            />
            {!single ? (
              <>
                <TextField
                  label={`Milestone ${i + 1} amount (${symbol})`}
                  inputMode="decimal"
                  autoComplete="off"
                  error={e.milestones?.[i]?.amount?.message}
                  {...register(`milestones.${i}.amount`)}
                />
                <AddressField
                  label={`Milestone ${i + 1} receiver (optional)`}
                  error={e.milestones?.[i]?.receiver?.message}
                  onUseMine={mine(`milestones.${i}.receiver`)}
                  {...register(`milestones.${i}.receiver`)}
                />
              </>
            ) : null}
            {milestones.fields.length > 1 ? (
              <button type="button" className={secondaryButtonClass} onClick={() => milestones.remove(i)}>
                Remove milestone {i + 1}
              </button>
            ) : null}
          </fieldset>
        ))}
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => milestones.append({ description: '', amount: '', receiver: '' })}
          disabled={milestones.fields.length >= 20}
        >
          Add milestone
        </button>
      </section>

      <EscrowRoles form={form} mine={mine} />

      <section aria-labelledby="fees-title" className="space-y-3">
        <h2 id="fees-title" className="text-lg font-semibold">
          Fees and deadline
        </h2>
        <TextField
          label="Platform fee (%)"
          inputMode="decimal"
          hint="Up to two decimals, e.g. 2.5"
          error={e.platformFeePercent?.message}
          {...register('platformFeePercent')}
        />
        <TextField
          label="Deadline (optional)"
          type="datetime-local"
          hint="After it, funders can take back what was not paid out."
          error={e.deadline?.message}
          {...register('deadline')}
        />
        <div
          className="rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
          aria-live="polite"
          data-testid="fee-preview"
        >
          <p className="font-medium">On a full payout of {amt(total)}</p>
          <ul>
            <li>
              Receiver gets <strong data-testid="preview-receiver">{amt(preview.net)}</strong>
            </li>
            <li>Platform gets {amt(preview.platform)}</li>
            <li>
              Protocol gets {amt(preview.protocol)} ({protocolFeeBps / 100} %)
            </li>
          </ul>
        </div>
      </section>
    </>
  );
}
