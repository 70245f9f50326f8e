'use client';
import { prepareClaimRefund } from '@/lib/actions/claim-refund';
import { refundSchema } from '@/lib/schemas/steps';
import { StepForm } from './step-form';

export function RefundForm({ escrowId, token }: { escrowId: string; token: string }) {
  return (
    <StepForm
      escrowId={escrowId}
      step="refund"
      schema={refundSchema}
      tokens={[token]}
      prepare={(input, source) => prepareClaimRefund({ escrowId, source, input })}
      submitLabel={() => 'Claim my refund'}
    />
  );
}
