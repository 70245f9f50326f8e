'use server';
import { percentToBps } from '../amounts';
import { canEdit } from '../escrow/available-actions';
import { escrowCalls } from '../escrow/calls';
import { formToConfig } from '../escrow/form-config';
import { escrowFormSchema, type EscrowFormInput } from '../schemas/steps';
import { prepareStep, type StepRequest } from './step';

/** Prepares `update(config)`: the platform changes the escrow before anyone funds it. The token stays. */
export async function prepareUpdateEscrow(req: StepRequest<EscrowFormInput>) {
  return prepareStep(req, {
    schema: (ctx) => escrowFormSchema(ctx.token.decimals),
    refuse: (ctx, input) =>
      (ctx.source !== ctx.escrow.config.roles.platform ? 'Only the platform may edit the escrow; connect the platform’s account' : null) ??
      canEdit(ctx.escrow) ??
      (input.token !== ctx.escrow.config.token ? 'The token cannot change after creation' : null) ??
      (input.kind !== ctx.escrow.config.kind ? 'The kind cannot change after creation' : null) ??
      // The contract fixes the fees at deployment (its ImmutableField error).
      (percentToBps(input.platformFeePercent) !== ctx.escrow.config.platformFeeBps ? 'The platform fee cannot change after creation' : null),
    op: (ctx, input) =>
      escrowCalls.update(
        ctx.escrowId,
        formToConfig(input, { decimals: ctx.token.decimals, token: ctx.escrow.config.token, protocolFee: ctx.escrow.config.protocolFee }),
      ),
    summary: (_ctx, input) => [`Update the escrow “${input.title}”.`],
  });
}
