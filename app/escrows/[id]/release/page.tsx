import { canRelease } from '@/lib/escrow/available-actions';
import { splitFees } from '@/lib/fees';
import { displayAmount } from '@/lib/amounts';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { ReleaseForm } from '@/components/steps/release-form';

export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} title="Release the funds">
      {({ escrow, token }) => {
        const c = escrow.config;
        if (c.kind !== 'Single') return <Refusal reason="This is a multi-release escrow: release each milestone from its own page" />;
        const f = splitFees(c.amount, { platformBps: c.platformFeeBps, protocolBps: c.protocolFee.bps });
        const a = (u: bigint) => `${displayAmount(u, token.decimals)} ${token.label}`;
        return (
          <>
            <Refusal reason={canRelease(escrow)} />
            <ReleaseForm
              escrowId={id}
              milestone={null}
              signers={c.roles.releaseSigners}
              required={c.roles.releasesRequired}
              token={token.contractId}
              summary={[`The receiver gets ${a(f.net)}.`, `The platform gets ${a(f.platform)}; the protocol gets ${a(f.protocol)}.`]}
            />
          </>
        );
      }}
    </StepPage>
  );
}
