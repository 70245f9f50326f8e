import { canDisputeMilestone } from '@/lib/escrow/available-actions';
import { StepPage, milestoneParam } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DisputeForm } from '@/components/steps/dispute-form';

export default async function DisputeMilestonePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} title={`Dispute milestone ${Number(index) + 1}`}>
      {({ escrow }) => {
        const i = milestoneParam(index, escrow);
        if (i === null) return <Refusal reason="There is no such milestone" />;
        return (
          <>
            <Refusal reason={canDisputeMilestone(escrow, i)} />
            <DisputeForm escrowId={id} milestone={i} />
          </>
        );
      }}
    </StepPage>
  );
}
