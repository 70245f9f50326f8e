import { canResolve } from '@/lib/escrow/available-actions';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { DistributionStep } from '@/components/escrow/distribution-page';

export default async function ResolvePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} title="Resolve the dispute">
      {(data) =>
        data.escrow.config.kind !== 'Single' ? (
          <Refusal reason="This is a multi-release escrow: resolve each disputed milestone from its own page" />
        ) : (
          <>
            {data.escrow.disputeReason ? <p className="text-sm">Reason given: “{data.escrow.disputeReason}”</p> : null}
            <Refusal reason={canResolve(data.escrow)} />
            <DistributionStep data={data} mode="resolve" milestone={null} />
          </>
        )
      }
    </StepPage>
  );
}
