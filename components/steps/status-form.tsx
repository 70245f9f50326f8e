'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { prepareSetMilestoneStatus } from '@/lib/actions/set-milestone-status';
import { statusSchema, type StatusInput } from '@/lib/schemas/steps';
import { buttonClass, TextAreaField, TextField } from '../forms/field';
import { StepProgress } from '../step/step-progress';
import { useStepSubmit } from '../step/use-step-submit';
import { useWallet } from '../wallet/wallet-provider';

export function StatusForm({ escrowId, milestone, current }: { escrowId: string; milestone: number; current: { status: string; evidence: string } }) {
  const { address } = useWallet();
  const form = useForm<StatusInput>({ resolver: zodResolver(statusSchema), defaultValues: { status: current.status || 'Done', evidence: current.evidence } });
  const { state, submit } = useStepSubmit(escrowId, form.setError, 'status');
  const busy = !['idle', 'error', 'confirmed'].includes(state.phase);
  const e = form.formState.errors;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((input) => submit(() => prepareSetMilestoneStatus({ escrowId, milestone, source: address ?? '', input })))}
    >
      <TextField label="Status" hint="What state the work is in, e.g. Done, In review (50 characters at most)." error={e.status?.message} {...form.register('status')} />
      <TextAreaField label="Evidence (optional)" hint="A link or a note the approvers can check." error={e.evidence?.message} {...form.register('evidence')} />
      <button type="submit" className={buttonClass} disabled={busy || !address}>
        Mark milestone {milestone + 1}
      </button>
      <StepProgress state={state} backHref={`/escrows/${escrowId}`} />
    </form>
  );
}
