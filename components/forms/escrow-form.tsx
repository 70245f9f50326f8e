'use client';
/** Create (or edit) an escrow: kind, terms, token, amounts, milestones, roles, fees, deadline — with a live fee preview. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { prepareCreateEscrow } from '@/lib/actions/create-escrow';
import { prepareUpdateEscrow } from '@/lib/actions/update-escrow';
import { displayAmount, percentToBps, tryParseAmount } from '@/lib/amounts';
import { splitFees } from '@/lib/fees';
import type { KnownToken } from '@/lib/networks/config';
import { escrowFormSchema, type EscrowFormInput } from '@/lib/schemas/steps';
import { templateValues } from '@/lib/templates/apply';
import { findTemplate, type EscrowTemplate } from '@/lib/templates/templates';
import { useStep } from '../steps/use-step';
import { StepProgress } from '../steps/step-progress';
import { useWallet } from '../wallet/wallet-provider';
import { AddressField } from './address-field';
import { buttonClass, FormError, secondaryButtonClass, SelectField, TextAreaField, TextField } from './field';
import { toLocalInput } from './local-time';
import { useTemplate } from './use-template';

export interface EscrowFormProps {
  mode: 'create' | 'edit';
  escrowId?: string;
  tokens: KnownToken[];
  protocolFeeBps: number;
  initial?: EscrowFormInput;
  /** Create only: the use case to start from (blank when absent). */
  template?: EscrowTemplate;
  decimals?: number;
}

export function EscrowForm({
  mode,
  escrowId,
  tokens,
  protocolFeeBps,
  initial,
  template,
  decimals = 7,
}: EscrowFormProps) {
  const router = useRouter();
  const wallet = useWallet();
  const schema = useMemo(() => escrowFormSchema(decimals), [decimals]);
  const form = useForm<EscrowFormInput>({
    resolver: zodResolver(schema) as never,
    defaultValues: initial
      ? { ...initial, deadline: '' }
      : templateValues(template ?? findTemplate('blank'), { token: tokens[0]?.contractId ?? '' }),
  });
  useTemplate(form, initial ? undefined : template, wallet.address);
  // A stored deadline (ISO, UTC) shown in the browser's own time zone, which the server does not know.
  useEffect(() => {
    if (initial?.deadline) form.setValue('deadline', toLocalInput(initial.deadline));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial?.deadline]);
  const { register, control, setValue, formState } = form;
  const e = formState.errors;
  const milestones = useFieldArray({ control, name: 'milestones' });
  const approvers = useFieldArray({ control, name: 'approvers' });
  const signers = useFieldArray({ control, name: 'releaseSigners' });
  const v = useWatch({ control }) as EscrowFormInput;
  const step = useStep();
  const busy = !['idle', 'error', 'confirmed'].includes(step.state.phase);
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

  async function onSubmit(input: EscrowFormInput) {
    const payload = { ...input, deadline: input.deadline ? new Date(input.deadline).toISOString() : '' };
    await step.run(
      async () => {
        const res =
          mode === 'create'
            ? await prepareCreateEscrow({ source: wallet.address ?? '', input: payload })
            : await prepareUpdateEscrow({ escrowId: escrowId ?? '', source: wallet.address ?? '', input: payload });
        if (!res.ok && res.error.fieldErrors) {
          for (const [field, messages] of Object.entries(res.error.fieldErrors)) {
            form.setError((field === '_form' ? 'root' : field) as Path<EscrowFormInput>, {
              type: 'server',
              message: messages[0],
            });
          }
        }
        return res;
      },
      {
        label: mode,
        onConfirmed: (p, hash) => {
          router.push(`/escrows/${p.escrowId}?done=${mode}&tx=${hash}`);
          router.refresh();
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="space-y-8">
      <section aria-labelledby="terms" className="space-y-4">
        <h2 id="terms" className="text-lg font-semibold">
          Terms
        </h2>
        <fieldset className="space-y-1" disabled={mode === 'edit'}>
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
          disabled={mode === 'edit'}
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
            disabled={mode === 'edit'}
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

      <section aria-labelledby="roles-title" className="space-y-3">
        <h2 id="roles-title" className="text-lg font-semibold">
          Roles
        </h2>
        <AddressField
          label="Platform"
          hint="Creates and may edit the escrow; receives the platform fee."
          error={e.platform?.message}
          onUseMine={mine('platform')}
          {...register('platform')}
        />
        <AddressField
          label="Service provider"
          hint="Marks milestones as done."
          error={e.serviceProvider?.message}
          onUseMine={mine('serviceProvider')}
          {...register('serviceProvider')}
        />
        <AddressField
          label="Receiver"
          hint="Gets the payout."
          error={e.receiver?.message}
          onUseMine={mine('receiver')}
          {...register('receiver')}
        />
        <AddressField
          label="Dispute resolver"
          error={e.disputeResolver?.message}
          onUseMine={mine('disputeResolver')}
          {...register('disputeResolver')}
        />
        <fieldset className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">Approvers</legend>
          {approvers.fields.map((f, i) => (
            <div key={f.id} className="space-y-1">
              <AddressField
                label={`Approver ${i + 1}`}
                error={e.approvers?.[i]?.address?.message}
                onUseMine={mine(`approvers.${i}.address`)}
                {...register(`approvers.${i}.address`)}
              />
              {approvers.fields.length > 1 ? (
                <button type="button" className={secondaryButtonClass} onClick={() => approvers.remove(i)}>
                  Remove approver {i + 1}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => approvers.append({ address: '' })}
            disabled={approvers.fields.length >= 5}
          >
            Add approver
          </button>
          <TextField
            label="Approvals required"
            type="number"
            min={1}
            max={approvers.fields.length}
            error={e.approvalsRequired?.message}
            {...register('approvalsRequired')}
          />
        </fieldset>
        <fieldset className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">Release signers</legend>
          {signers.fields.map((f, i) => (
            <div key={f.id} className="space-y-1">
              <AddressField
                label={`Release signer ${i + 1}`}
                error={e.releaseSigners?.[i]?.address?.message}
                onUseMine={mine(`releaseSigners.${i}.address`)}
                {...register(`releaseSigners.${i}.address`)}
              />
              {signers.fields.length > 1 ? (
                <button type="button" className={secondaryButtonClass} onClick={() => signers.remove(i)}>
                  Remove release signer {i + 1}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => signers.append({ address: '' })}
            disabled={signers.fields.length >= 5}
          >
            Add release signer
          </button>
          <TextField
            label="Release signatures required"
            type="number"
            min={1}
            max={signers.fields.length}
            error={e.releasesRequired?.message}
            {...register('releasesRequired')}
          />
        </fieldset>
      </section>

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

      <FormError message={e.root?.message} />
      <button type="submit" className={buttonClass} disabled={busy || !wallet.address}>
        {!wallet.address ? 'Connect a wallet to continue' : mode === 'create' ? 'Create the escrow' : 'Save changes'}
      </button>
      <StepProgress state={step.state} />
    </form>
  );
}
