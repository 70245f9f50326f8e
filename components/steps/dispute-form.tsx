'use client';
import { prepareDispute } from '@/lib/actions/dispute';
import { prepareDisputeMilestone } from '@/lib/actions/dispute-milestone';
import { disputeSchema } from '@/lib/schemas/steps';
import { TextAreaField } from '../forms/field';
import { StepForm } from './step-form';

export function DisputeForm({ escrowId, milestone }: { escrowId: string; milestone: number | null }) {
  return (
    <StepForm
      escrowId={escrowId}
      step="dispute"
      schema={disputeSchema}
      defaultValues={{ reason: '' }}
      prepare={(input, source) =>
        milestone === null ? prepareDispute({ escrowId, source, input }) : prepareDisputeMilestone({ escrowId, milestone, source, input })
      }
      submitLabel={() => 'Raise the dispute'}
    >
      {(form) => (
        <TextAreaField label="Reason" hint="What went wrong. The dispute resolver reads it." error={form.formState.errors.reason?.message} {...form.register('reason')} />
      )}
    </StepForm>
  );
}
