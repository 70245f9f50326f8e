'use client';
import { useRouter } from 'next/navigation';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { StepPrepared } from '@/lib/steps/types';
import type { Result } from '@/lib/stellar/result';
import { useStep } from './use-step';

/**
 * A step form's submit: runs the step, copies the server's field errors into the form, and on
 * confirmation goes to the escrow's page, which shows the confirmed transaction.
 */
export function useStepSubmit<T extends FieldValues>(escrowId: string, setError?: UseFormSetError<T>, stepName = 'step') {
  const router = useRouter();
  const step = useStep();
  async function submit(prepare: () => Promise<Result<StepPrepared>>, tokens?: string[]) {
    const result = await step.run(
      async () => {
        const res = await prepare();
        if (!res.ok && res.error.fieldErrors && setError) {
          for (const [field, messages] of Object.entries(res.error.fieldErrors)) {
            setError((field === '_form' ? 'root' : field) as Path<T>, { type: 'server', message: messages[0] });
          }
        }
        return res;
      },
      {
        tokens,
        label: stepName,
        onConfirmed: (p, hash) => {
          const target = p.escrowId || escrowId;
          router.push(`/escrows/${target}?done=${encodeURIComponent(stepName)}&tx=${hash}`);
          router.refresh();
        },
      },
    );
    return result;
  }
  return { state: step.state, submit, reset: step.reset };
}
