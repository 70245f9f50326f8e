import { formatAmount } from '@/lib/amounts';
import { fund } from '@/lib/steps';
import { fundingRoom } from '@/lib/steps/state';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';
import { AccountHelper } from '@/components/escrow/account-helper';
import { FundForm } from '@/components/steps/fund-form';
import { FundTerms } from '@/components/steps/fund-terms';

export default async function FundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} step={fund}>
      {({ escrow, token, network, refusal }) => (
        <>
          <Refusal reason={refusal} />
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
