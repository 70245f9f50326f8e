import { configToForm } from '@/lib/escrow/form-config';
import { updateEscrow } from '@/lib/steps';
import { EscrowForm } from '@/components/forms/escrow-form';
import { StepPage } from '@/components/escrow/step-page';
import { Refusal } from '@/components/escrow/refusal';

export default async function EditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <StepPage id={id} step={updateEscrow}>
      {({ escrow, token, network, refusal }) => (
        <>
          <Refusal reason={refusal} />
          <EscrowForm
            mode="edit"
            escrowId={id}
            tokens={[...network.tokens.filter((t) => t.contractId === escrow.config.token), ...(network.tokens.some((t) => t.contractId === escrow.config.token) ? [] : [{ code: token.label, contractId: token.contractId, decimals: token.decimals }])]}
            protocolFeeBps={escrow.config.protocolFee.bps}
            decimals={token.decimals}
            initial={configToForm(escrow.config, token.decimals)}
          />
        </>
      )}
    </StepPage>
  );
}
