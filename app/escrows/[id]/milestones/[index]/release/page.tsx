import { canReleaseMilestone } from '@/lib/escrow/available-actions';
import { milestoneReceiver } from '@/lib/escrow/types';
import { splitFees } from '@/lib/fees';
import { displayAmount } from '@/lib/amounts';
import { StepPage, milestoneParam } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { ReleaseForm } from '@/components/steps/release-form';

export default async function ReleaseMilestonePage({ params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return (
    <StepPage id={id} title={`Release milestone ${Number(index) + 1}`}>
      {({ escrow, token }) => {
        const c = escrow.config;
        const i = milestoneParam(index, escrow);
        if (i === null) return <Refusal reason="There is no such milestone" />;
        if (c.kind !== 'Multi') return <Refusal reason="This is a single-release escrow: release it as a whole" />;
        const f = splitFees(c.milestones[i]!.amount, { platformBps: c.platformFeeBps, protocolBps: c.protocolFee.bps });
        const a = (u: bigint) => `${displayAmount(u, token.decimals)} ${token.label}`;
        return (
          <>
            <Refusal reason={canReleaseMilestone(escrow, i)} />
            <ReleaseForm
              escrowId={id}
              milestone={i}
              signers={c.roles.releaseSigners}
              required={c.roles.releasesRequired}
              token={token.contractId}
              summary={[`${milestoneReceiver(c, i)} gets ${a(f.net)}.`, `The platform gets ${a(f.platform)}; the protocol gets ${a(f.protocol)}.`]}
            />
          </>
        );
      }}
    </StepPage>
  );
}
