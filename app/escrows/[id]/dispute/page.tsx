import { dispute } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DisputeForm } from '@/components/steps/dispute-form';

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} step={dispute}>
      {({ refusal }) => (
        <>
          <Refusal reason={refusal} />
          <DisputeForm escrowId={id} milestone={null} />
        </>
      )}
    </StepPage>
  );
}
