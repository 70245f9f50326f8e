import type { StepDefinition } from '@/lib/steps';
import { ReleaseForm } from '../steps/release-form';
import { releasePreview } from '../steps/release-preview';
import { Refusal } from './refusal';
import { StepPage } from './step-page';

/**
 * The release page of either kind: `release` (the whole escrow) or `release-milestone` (with the
 * milestone `index` from the URL). The step's definition decides the title and the guard.
 */
export function ReleaseStepPage({ id, step, index }: { id: string; step: StepDefinition; index?: string }) {
  return (
    <StepPage id={id} step={step} index={index}>
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
