import { disputeMilestone } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DisputeForm } from '@/components/steps/dispute-form';

export default async function DisputeMilestonePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} step={disputeMilestone} index={index}>
      {({ milestone, refusal }) => (
        <>
          <Refusal reason={refusal} />
          <DisputeForm escrowId={id} milestone={milestone} />
        </>
      )}
    </StepPage>
  );
}
