'use client';
import { prepareClaimRefund } from '@/lib/actions/claim-refund';
import { buttonClass } from '../forms/field';
import { StepProgress } from '../step/step-progress';
import { useStepSubmit } from '../step/use-step-submit';
import { useWallet } from '../wallet/wallet-provider';

export function RefundForm({ escrowId, token }: { escrowId: string; token: string }) {
  const { address } = useWallet();
  const { state, submit } = useStepSubmit(escrowId, undefined, 'refund');
  const busy = !['idle', 'error', 'confirmed'].includes(state.phase);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(() => prepareClaimRefund({ escrowId, source: address ?? '', input: {} }), [token]);
      }}
    >
      <button type="submit" className={buttonClass} disabled={busy || !address}>
        Claim my refund
      </button>
      <StepProgress state={state} backHref={`/escrows/${escrowId}`} />
    </form>
  );
}
