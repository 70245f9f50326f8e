'use client';
/**
 * The one shell of every step form: binds the step's zod schema (react-hook-form), the wallet,
 * prepare → sign → submit and the progress display. A step's form only lays out its fields.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { AppError } from '@/lib/stellar/errors';
import type { Result } from '@/lib/stellar/result';
import type { StepPrepared } from '@/lib/steps/types';
import { buttonClass, FormError } from '../forms/field';
import { useWallet } from '../wallet/wallet-provider';
import { StepProgress } from './step-progress';
import type { StepState } from './use-step';
import { useStepSubmit } from './use-step-submit';

export interface StepFormProps<T extends FieldValues> {
  /** The escrow the step acts on ('' for a creation: the prepared step names the new one). */
  escrowId: string;
  /** The step's name: the escrow page's "confirmed" notice and the timings use it. */
  step: string;
  /** Validates the form's values (T is what the fields hold; the output may be coerced). */
  schema: z.ZodType<unknown, T>;
  defaultValues?: DefaultValues<T>;
  /** Token contracts the step moves, so their errors read as the token's. */
  tokens?: string[];
  /** The step's server action for this input and the connected account. */
  prepare: (input: T, source: string) => Promise<Result<StepPrepared>>;
  /** The submit button's text, given the connected address. */
  submitLabel: (address: string | null) => ReactNode;
  /** The step's own fields. */
  children?: (form: UseFormReturn<T>, state: StepState) => ReactNode;
  /** Takes the submit over (e.g. a release whose signers sign elsewhere); true when it did. */
  intercept?: (input: T, form: UseFormReturn<T>) => boolean;
  /** Set while an intercepted submit runs. */
  busy?: boolean;
  /** Called once when the step ends in an error (e.g. to reload the page's terms). */
  onError?: (error: AppError) => void;
  /** The form's classes (default: fields spaced for a short form). */
  className?: string;
  /** Where the confirmed notice links back to; null for none (default: the escrow's page). */
  backHref?: string | null;
}

export function StepForm<T extends FieldValues>(p: StepFormProps<T>) {
  const { address } = useWallet();
  const form = useForm<T>({
    resolver: zodResolver(p.schema as never) as unknown as Resolver<T>,
    defaultValues: p.defaultValues,
  });
  const { state, submit } = useStepSubmit(p.escrowId, form.setError, p.step);
  // The latest callback, so that a new closure on each render does not re-run the effect.
  const onError = useRef(p.onError);
  useEffect(() => {
    onError.current = p.onError;
  });
  useEffect(() => {
    if (state.phase === 'error' && state.error) onError.current?.(state.error);
  }, [state.phase, state.error]);
  const busy = Boolean(p.busy) || !['idle', 'error', 'confirmed'].includes(state.phase);
  return (
    <form
      noValidate
      className={p.className ?? 'space-y-4'}
      onSubmit={form.handleSubmit((input) => {
        if (p.intercept?.(input, form)) return;
        return submit(() => p.prepare(input, address ?? ''), p.tokens).then(() => undefined);
      })}
    >
      {p.children?.(form, state)}
      <FormError message={form.formState.errors.root?.message} />
      <button type="submit" className={buttonClass} disabled={busy || !address}>
        {p.submitLabel(address)}
      </button>
      <StepProgress
        state={state}
        backHref={p.backHref === undefined ? `/escrows/${p.escrowId}` : (p.backHref ?? undefined)}
      />
    </form>
  );
}
