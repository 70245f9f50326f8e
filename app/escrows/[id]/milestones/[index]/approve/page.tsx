import { approveMilestone } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { ApproveForm } from '@/components/steps/approve-form';

export default async function ApprovePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} step={approveMilestone} index={index}>
      {({ escrow, milestone }) => {
        const i = milestone!;
        const m = escrow.milestones[i]!;
        return (
          <>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
              <dt>Milestone</dt>
              <dd>{escrow.config.milestones[i]!.description}</dd>
              <dt>Status</dt>
              <dd>{m.status || 'not marked yet'}</dd>
              <dt>Evidence</dt>
              <dd className="break-all">{m.evidence || '—'}</dd>
              <dt>Approvals</dt>
              <dd>
                {m.approvals.length} of {escrow.config.roles.approvalsRequired}
              </dd>
            </dl>
            <ApproveForm escrowId={id} milestone={i} />
          </>
        );
      }}
    </StepPage>
  );
}
