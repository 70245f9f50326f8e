import { release } from '@/lib/steps';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { ReleaseForm } from '@/components/steps/release-form';
import { releasePreview } from '@/components/steps/release-preview';

export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} step={release}>
      {({ escrow, token, refusal }) => (
        <>
          <Refusal reason={refusal} />
          <ReleaseForm
            escrowId={id}
            milestone={null}
            signers={escrow.config.roles.releaseSigners}
            required={escrow.config.roles.releasesRequired}
            token={token.contractId}
            summary={releasePreview(escrow, token, null)}
          />
        </>
      )}
    </StepPage>
  );
}
