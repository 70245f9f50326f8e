'use client';
import { prepareApproveMilestone } from '@/lib/actions/approve-milestone';
import { approveSchema } from '@/lib/schemas/steps';
import { StepForm } from './step-form';

export function ApproveForm({ escrowId, milestone }: { escrowId: string; milestone: number }) {
  return (
    <StepForm
      escrowId={escrowId}
      step="approve"
      schema={approveSchema}
      prepare={(input, source) => prepareApproveMilestone({ escrowId, milestone, source, input })}
      submitLabel={() => `Approve milestone ${milestone + 1}`}
    />
  );
}
