import { canDispute } from '@/lib/escrow/available-actions';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DisputeForm } from '@/components/steps/dispute-form';

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} title="Raise a dispute">
      {({ escrow }) =>
        escrow.config.kind !== 'Single' ? (
          <Refusal reason="This is a multi-release escrow: dispute a milestone from its own page" />
        ) : (
          <>
            <Refusal reason={canDispute(escrow)} />
            <DisputeForm escrowId={id} milestone={null} />
          </>
        )
      }
    </StepPage>
  );
}
