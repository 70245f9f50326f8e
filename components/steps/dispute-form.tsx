'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { prepareDispute } from '@/lib/actions/dispute';
import { prepareDisputeMilestone } from '@/lib/actions/dispute-milestone';
import { disputeSchema, type DisputeInput } from '@/lib/schemas/steps';
import { buttonClass, TextAreaField } from '../forms/field';
import { StepProgress } from '../step/step-progress';
import { useStepSubmit } from '../step/use-step-submit';
import { useWallet } from '../wallet/wallet-provider';

export function DisputeForm({ escrowId, milestone }: { escrowId: string; milestone: number | null }) {
  const { address } = useWallet();
  const form = useForm<DisputeInput>({ resolver: zodResolver(disputeSchema), defaultValues: { reason: '' } });
  const { state, submit } = useStepSubmit(escrowId, form.setError, 'dispute');
  const busy = !['idle', 'error', 'confirmed'].includes(state.phase);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit((input) =>
        submit(() =>
          milestone === null
            ? prepareDispute({ escrowId, source: address ?? '', input })
            : prepareDisputeMilestone({ escrowId, milestone, source: address ?? '', input }),
        ),
      )}
    >
      <TextAreaField label="Reason" hint="What went wrong. The dispute resolver reads it." error={form.formState.errors.reason?.message} {...form.register('reason')} />
      <button type="submit" className={buttonClass} disabled={busy || !address}>
        Raise the dispute
      </button>
      <StepProgress state={state} backHref={`/escrows/${escrowId}`} />
    </form>
  );
}
