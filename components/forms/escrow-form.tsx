'use client';
/** Create (or edit) an escrow: the step shell around the escrow's fields (see escrow-fields.tsx). */
import { useMemo } from 'react';
import { prepareCreateEscrow } from '@/lib/actions/create-escrow';
import { prepareUpdateEscrow } from '@/lib/actions/update-escrow';
import type { KnownToken } from '@/lib/networks/config';
import { escrowFormSchema, type EscrowFormInput } from '@/lib/schemas/steps';
import { templateValues } from '@/lib/templates/apply';
import { findTemplate, type EscrowTemplate } from '@/lib/templates/templates';
import { StepForm } from '../steps/step-form';
import { EscrowFields } from './escrow-fields';

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
  escrowId = '',
  tokens,
  protocolFeeBps,
  initial,
  template,
  decimals = 7,
}: EscrowFormProps) {
  const schema = useMemo(() => escrowFormSchema(decimals), [decimals]);
  return (
    <StepForm<EscrowFormInput>
      escrowId={escrowId}
      step={mode}
      schema={schema}
      className="space-y-8"
      backHref={null}
      defaultValues={
        initial
          ? { ...initial, deadline: '' }
          : templateValues(template ?? findTemplate('blank'), { token: tokens[0]?.contractId ?? '' })
      }
      prepare={(input, source) => {
        // The browser's local time becomes an instant (UTC) here: the server does not know the time zone.
        const payload = { ...input, deadline: input.deadline ? new Date(input.deadline).toISOString() : '' };
        return mode === 'create'
          ? prepareCreateEscrow({ source, input: payload })
          : prepareUpdateEscrow({ escrowId, source, input: payload });
      }}
      submitLabel={(address) =>
        !address ? 'Connect a wallet to continue' : mode === 'create' ? 'Create the escrow' : 'Save changes'
      }
    >
      {(form) => (
        <EscrowFields
          form={form}
          editing={mode === 'edit'}
          tokens={tokens}
          protocolFeeBps={protocolFeeBps}
          initialDeadline={initial?.deadline}
          template={initial ? undefined : template}
          decimals={decimals}
        />
      )}
    </StepForm>
  );
}
