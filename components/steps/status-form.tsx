'use client';
import { prepareSetMilestoneStatus } from '@/lib/actions/set-milestone-status';
import { statusSchema } from '@/lib/schemas/steps';
import { TextAreaField, TextField } from '../forms/field';
import { StepForm } from './step-form';

export function StatusForm({ escrowId, milestone, current }: { escrowId: string; milestone: number; current: { status: string; evidence: string } }) {
  return (
    <StepForm
      escrowId={escrowId}
      step="status"
      schema={statusSchema}
      defaultValues={{ status: current.status || 'Done', evidence: current.evidence }}
      prepare={(input, source) => prepareSetMilestoneStatus({ escrowId, milestone, source, input })}
      submitLabel={() => `Mark milestone ${milestone + 1}`}
    >
      {(form) => (
        <>
          <TextField label="Status" hint="What state the work is in, e.g. Done, In review (50 characters at most)." error={form.formState.errors.status?.message} {...form.register('status')} />
          <TextAreaField label="Evidence (optional)" hint="A link or a note the approvers can check." error={form.formState.errors.evidence?.message} {...form.register('evidence')} />
        </>
      )}
    </StepForm>
  );
}
