import { canFund, fundingRoom } from '@/lib/escrow/available-actions';
import { formatAmount } from '@/lib/amounts';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { AccountHelper } from '@/components/escrow/account-helper';
import { FundForm } from '@/components/steps/fund-form';

export default async function FundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} title="Fund the escrow">
      {({ escrow, token, now }) => (
        <>
          <Refusal reason={canFund(escrow, now)} />
          <AccountHelper token={token.contractId} />
          <FundForm escrowId={id} decimals={token.decimals} symbol={token.label} room={formatAmount(fundingRoom(escrow), token.decimals)} token={token.contractId} />
        </>
      )}
    </StepPage>
  );
}
