'use client';
import { prepareApproveMilestone } from '@/lib/actions/approve-milestone';
import { buttonClass } from '../forms/field';
import { StepProgress } from '../step/step-progress';
import { useStepSubmit } from '../step/use-step-submit';
import { useWallet } from '../wallet/wallet-provider';

export function ApproveForm({ escrowId, milestone }: { escrowId: string; milestone: number }) {
  const { address } = useWallet();
  const { state, submit } = useStepSubmit(escrowId, undefined, 'approve');
  const busy = !['idle', 'error', 'confirmed'].includes(state.phase);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => prepareApproveMilestone({ escrowId, milestone, source: address ?? '', input: {} }));
      }}
    >
      <button type="submit" className={buttonClass} disabled={busy || !address}>
        Approve milestone {milestone + 1}
      </button>
      <StepProgress state={state} backHref={`/escrows/${escrowId}`} />
    </form>
  );
}
