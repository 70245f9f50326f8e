'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { prepareFund } from '@/lib/actions/fund';
import { fundSchema, type FundInput } from '@/lib/schemas/steps';
import { buttonClass, FormError, TextField } from '../forms/field';
import { StepProgress } from '../step/step-progress';
import { useStepSubmit } from '../step/use-step-submit';
import { useWallet } from '../wallet/wallet-provider';

/** `termsVersion`: the version of the terms this page shows; the funding names it. */
export function FundForm({ escrowId, decimals, symbol, room, token, termsVersion }: { escrowId: string; decimals: number; symbol: string; room: string; token: string; termsVersion: number }) {
  const { address } = useWallet();
  const router = useRouter();
  const form = useForm<FundInput>({ resolver: zodResolver(fundSchema(decimals)), defaultValues: { amount: room === '0' ? '' : room } });
  const { state, submit } = useStepSubmit(escrowId, form.setError, 'fund');
  const busy = !['idle', 'error', 'confirmed'].includes(state.phase);
  const termsChanged = state.phase === 'error' && state.error?.code === 'escrow.TermsChanged';
  // The platform changed the terms meanwhile: reload the page's terms (the message stays).
  useEffect(() => {
    if (termsChanged) router.refresh();
  }, [termsChanged, router]);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((input) => submit(() => prepareFund({ escrowId, source: address ?? '', input: { ...input, termsVersion } }), [token]))}
    >
      <TextField
        label={`Amount (${symbol})`}
        inputMode="decimal"
        autoComplete="off"
        hint={`The escrow still needs ${room} ${symbol}. Up to ${decimals} decimals.`}
        error={form.formState.errors.amount?.message}
        {...form.register('amount')}
      />
      <FormError message={form.formState.errors.root?.message} />
      <button type="submit" className={buttonClass} disabled={busy || !address}>
        {address ? 'Fund the escrow' : 'Connect a wallet to fund'}
      </button>
      <StepProgress state={state} backHref={`/escrows/${escrowId}`} />
    </form>
  );
}
