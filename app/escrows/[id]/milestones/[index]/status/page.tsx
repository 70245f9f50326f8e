import { canMarkMilestone } from '@/lib/escrow/available-actions';
import { StepPage, milestoneParam } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { StatusForm } from '@/components/steps/status-form';

export default async function StatusPage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} title={`Mark milestone ${Number(index) + 1}`}>
      {({ escrow }) => {
        const i = milestoneParam(index, escrow);
        if (i === null) return <Refusal reason="There is no such milestone" />;
        return (
          <>
            <p className="text-sm">{escrow.config.milestones[i]!.description}</p>
            <Refusal reason={canMarkMilestone(escrow, i)} />
            <StatusForm escrowId={id} milestone={i} current={{ status: escrow.milestones[i]!.status, evidence: escrow.milestones[i]!.evidence }} />
          </>
        );
      }}
    </StepPage>
  );
}
