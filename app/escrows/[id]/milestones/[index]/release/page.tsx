import { releaseMilestone } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { ReleaseForm } from '@/components/steps/release-form';
import { releasePreview } from '@/components/steps/release-preview';

export default async function ReleaseMilestonePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} step={releaseMilestone} index={index}>
      {({ escrow, token, milestone, refusal }) => (
        <>
          <Refusal reason={refusal} />
          <ReleaseForm
            escrowId={id}
            milestone={milestone}
            signers={escrow.config.roles.releaseSigners}
            required={escrow.config.roles.releasesRequired}
            token={token.contractId}
            summary={releasePreview(escrow, token, milestone)}
          />
        </>
      )}
    </StepPage>
  );
}
