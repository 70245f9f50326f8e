import { setMilestoneStatus } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { StatusForm } from '@/components/steps/status-form';

export default async function StatusPage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} step={setMilestoneStatus} index={index}>
      {({ escrow, milestone, refusal }) => {
        const i = milestone!;
        return (
          <>
            <p className="text-sm">{escrow.config.milestones[i]!.description}</p>
            <Refusal reason={refusal} />
            <StatusForm escrowId={id} milestone={i} current={{ status: escrow.milestones[i]!.status, evidence: escrow.milestones[i]!.evidence }} />
          </>
        );
      }}
    </StepPage>
  );
}
