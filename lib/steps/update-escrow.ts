import { percentToBps } from '../amounts';
import { escrowCalls } from '../escrow/calls';
import { formToConfig } from '../escrow/form-config';
import { escrowFormSchema } from '../schemas/steps';
import { defineStep } from './types';

/** `update(config)`: the platform changes the escrow before anyone funds it. The token stays. */
export const updateEscrow = defineStep({
  name: 'edit',
  label: 'Edit escrow',
  done: 'Escrow updated',
  event: 'updated',
  title: () => 'Edit escrow',
  path: 'edit',
  contractFn: 'update',
  perMilestone: false,
  kinds: ['Single', 'Multi'],
  roles: {
    who: 'the platform',
    may: (e, a) => a === e.config.roles.platform,
    refusal: 'Only the platform may edit the escrow; connect the platform’s account',
  },
  precondition: ({ escrow }) => {
    const touched =
      escrow.funded !== 0n ||
      escrow.balance !== 0n ||
      escrow.disputed ||
      escrow.milestones.some((m) => m.disputed || m.approvals.length > 0);
    return touched ? 'It can be edited only before any funding, approval or dispute' : null;
  },
  schema: (ctx) => escrowFormSchema(ctx.token.decimals),
  check: (ctx, input) =>
    (input.token !== ctx.escrow.config.token ? 'The token cannot change after creation' : null) ??
    (input.kind !== ctx.escrow.config.kind ? 'The kind cannot change after creation' : null) ??
    // The contract fixes the fees at deployment (its ImmutableField error).
    (percentToBps(input.platformFeePercent) !== ctx.escrow.config.platformFeeBps
      ? 'The platform fee cannot change after creation'
      : null),
  call: (ctx, input) =>
    escrowCalls.update(
      ctx.escrowId,
      formToConfig(input, {
        decimals: ctx.token.decimals,
        token: ctx.escrow.config.token,
        protocolFee: ctx.escrow.config.protocolFee,
      }),
    ),
  summary: (_ctx, input) => [`Update the escrow “${input.title}”.`],
});
