import { withdrawRemaining } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DistributionStep } from '@/components/escrow/distribution-page';

export default async function WithdrawPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} step={withdrawRemaining}>
      {(data) => (
        <>
          <Refusal reason={data.refusal} />
          <DistributionStep data={data} mode="withdraw" milestone={null} />
        </>
      )}
    </StepPage>
  );
}
