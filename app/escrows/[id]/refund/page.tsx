import { claimRefund } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { RefundForm } from '@/components/steps/refund-form';
import { formatChainTime } from '@/lib/text';

export default async function RefundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} step={claimRefund}>
      {({ escrow, token }) => (
        <>
          <p className="text-sm">
            {escrow.config.deadline === null
              ? 'This escrow has no deadline, so it has no refunds.'
              : `After the deadline (${formatChainTime(escrow.config.deadline)}), each funder can take back what they put in, as long as nothing was released or resolved. Refunds bear no fee.`}
          </p>
          <RefundForm escrowId={id} token={token.contractId} />
        </>
      )}
    </StepPage>
  );
}
