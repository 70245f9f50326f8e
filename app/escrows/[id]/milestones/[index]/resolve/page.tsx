import { resolveMilestone } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DistributionStep } from '@/components/escrow/distribution-page';

export default async function ResolveMilestonePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} step={resolveMilestone} index={index}>
      {(data) => {
        const m = data.escrow.milestones[data.milestone!]!;
        return (
          <>
            {m.disputeReason ? <p className="text-sm">Reason given: “{m.disputeReason}”</p> : null}
            <Refusal reason={data.refusal} />
            <DistributionStep data={data} mode="resolve-milestone" milestone={data.milestone} />
          </>
        );
      }}
    </StepPage>
  );
}
