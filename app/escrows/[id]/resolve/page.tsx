import { resolve } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DistributionStep } from '@/components/escrow/distribution-page';

export default async function ResolvePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} step={resolve}>
      {(data) => (
        <>
          {data.escrow.disputeReason ? <p className="text-sm">Reason given: “{data.escrow.disputeReason}”</p> : null}
          <Refusal reason={data.refusal} />
          <DistributionStep data={data} mode="resolve" milestone={null} />
        </>
      )}
    </StepPage>
  );
}
