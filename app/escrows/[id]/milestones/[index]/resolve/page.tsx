import { canResolveMilestone } from '@/lib/escrow/available-actions';
import { StepPage, milestoneParam } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DistributionStep } from '@/components/escrow/distribution-page';

export default async function ResolveMilestonePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} title={`Resolve the dispute on milestone ${Number(index) + 1}`}>
      {(data) => {
        const i = milestoneParam(index, data.escrow);
        if (i === null) return <Refusal reason="There is no such milestone" />;
        const m = data.escrow.milestones[i]!;
        return (
          <>
            {m.disputeReason ? <p className="text-sm">Reason given: “{m.disputeReason}”</p> : null}
            <Refusal reason={canResolveMilestone(data.escrow, i)} />
            <DistributionStep data={data} mode="resolve-milestone" milestone={i} />
          </>
        );
      }}
    </StepPage>
  );
}
