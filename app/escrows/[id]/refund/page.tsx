import { StepPage } from '@/components/escrow/step-page';
import { RefundForm } from '@/components/steps/refund-form';

export default async function RefundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} title="Claim a refund">
      {({ escrow, token }) => (
        <>
          <p className="text-sm">
            {escrow.config.deadline === null
              ? 'This escrow has no deadline, so it has no refunds.'
              : `After the deadline (${new Date(Number(escrow.config.deadline) * 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC), each funder can take back what they put in, as long as nothing was released or resolved. Refunds bear no fee.`}
          </p>
          <RefundForm escrowId={id} token={token.contractId} />
        </>
      )}
    </StepPage>
  );
}
