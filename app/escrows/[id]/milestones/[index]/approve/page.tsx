import { StepPage, milestoneParam } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { ApproveForm } from '@/components/steps/approve-form';

export default async function ApprovePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} title={`Approve milestone ${Number(index) + 1}`}>
      {({ escrow }) => {
        const i = milestoneParam(index, escrow);
        if (i === null) return <Refusal reason="There is no such milestone" />;
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
