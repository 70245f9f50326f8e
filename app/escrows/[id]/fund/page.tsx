import { canFund, fundingRoom } from '@/lib/escrow/available-actions';
import { formatAmount } from '@/lib/amounts';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { AccountHelper } from '@/components/escrow/account-helper';
import { FundForm } from '@/components/steps/fund-form';
import { FundTerms } from '@/components/steps/fund-terms';

export default async function FundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} title="Fund the escrow">
      {({ escrow, token, now, network }) => (
        <>
          <Refusal reason={canFund(escrow, now)} />
          <FundTerms escrow={escrow} token={token} explorerUrl={network.explorerUrl} />
          <AccountHelper token={token.contractId} />
          <FundForm
            escrowId={id}
            decimals={token.decimals}
            symbol={token.label}
            room={formatAmount(fundingRoom(escrow), token.decimals)}
            token={token.contractId}
            termsVersion={escrow.termsVersion}
          />
        </>
      )}
    </StepPage>
  );
}
