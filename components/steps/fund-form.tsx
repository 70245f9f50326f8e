'use client';
import { useRouter } from 'next/navigation';
import { prepareFund } from '@/lib/actions/fund';
import { fundSchema } from '@/lib/schemas/steps';
import { TextField } from '../forms/field';
import { StepForm } from './step-form';

/** `termsVersion`: the version of the terms this page shows; the funding names it. */
export function FundForm({ escrowId, decimals, symbol, room, token, termsVersion }: { escrowId: string; decimals: number; symbol: string; room: string; token: string; termsVersion: number }) {
  const router = useRouter();
  return (
    <StepForm
      escrowId={escrowId}
      step="fund"
      schema={fundSchema(decimals)}
      defaultValues={{ amount: room === '0' ? '' : room }}
      tokens={[token]}
      prepare={(input, source) => prepareFund({ escrowId, source, input: { ...input, termsVersion } })}
      // The platform changed the terms meanwhile: reload the page's terms (the message stays).
      onError={(error) => {
        if (error.code === 'escrow.TermsChanged') router.refresh();
      }}
      submitLabel={(address) => (address ? 'Fund the escrow' : 'Connect a wallet to fund')}
    >
      {(form) => (
        <TextField
          label={`Amount (${symbol})`}
          inputMode="decimal"
          autoComplete="off"
          hint={`The escrow still needs ${room} ${symbol}. Up to ${decimals} decimals.`}
          error={form.formState.errors.amount?.message}
          {...form.register('amount')}
        />
      )}
    </StepForm>
  );
}
