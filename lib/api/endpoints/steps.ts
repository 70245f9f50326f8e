/**
 * One prepare endpoint per lifecycle step, derived from the step registry (never written per
 * step): POST /escrows/{id}/{path} for a whole-escrow step, POST /escrows/{id}/milestones/{index}/{path}
 * for a per-milestone one, PUT /escrows/{id} for the update. Each runs the dApp's own pipeline
 * (schema, precondition, call, preparation) and answers the unsigned XDR with its ticket.
 */
import { z } from 'zod';
import { STEPS } from '../../steps/registry';
import { fieldErrors, runStep } from '../../steps/run';
import { isAccountAddress } from '../../strkey';
import type { StepDefinition, StepPrepared } from '../../steps/types';
import { fail, ok, type Result } from '../../stellar/result';
import type { ApiContext } from '../route';

/** The update step is PUT /escrows/{id}; every other step is a POST under its page path. */
const UPDATE_PATH = 'edit';

/** The account a prepared transaction is for, checked before anything is read from the chain. */
export const sourceAccount = z
  .string({ error: 'A Stellar account address (G…, 56 characters)' })
  .trim()
  .refine(isAccountAddress, 'A Stellar account address (G…, 56 characters)');

export const stepBody = z.object({
  source: sourceAccount.describe('The account (G…) that signs and pays: usually the acting role'),
  input: z.unknown().describe('The step’s fields, as its form sends them'),
});

/** The step a path names, or null. */
export function stepAt(path: string, perMilestone: boolean): StepDefinition | null {
  if (path === UPDATE_PATH) return null;
  return STEPS.find((s) => s.path === path && s.perMilestone === perMilestone) ?? null;
}

/** Every step endpoint: its method and OpenAPI path (the document is generated from this list). */
export function stepRoutes(): { def: StepDefinition; method: 'post' | 'put'; path: string }[] {
  return STEPS.map((def) =>
    def.path === UPDATE_PATH
      ? { def, method: 'put' as const, path: '/escrows/{id}' }
      : {
          def,
          method: 'post' as const,
          path: def.perMilestone ? `/escrows/{id}/milestones/{index}/${def.path}` : `/escrows/{id}/${def.path}`,
        },
  );
}

async function prepare(
  def: StepDefinition,
  escrowId: string,
  milestone: number | null,
  body: unknown,
): Promise<Result<unknown>> {
  const parsed = stepBody.safeParse(body);
  if (!parsed.success) return fail('invalid-input', 'Send { source, input }', fieldErrors(parsed.error));
  const prepared = await runStep(def, {
    escrowId,
    source: parsed.data.source,
    milestone,
    input: parsed.data.input ?? {},
  });
  if (!prepared.ok) return prepared;
  return ok(preparedResponse(prepared.data));
}

/** A prepared transaction as the API answers it (step endpoints and a pending step's submit). */
export function preparedResponse(p: StepPrepared) {
  return {
    xdr: p.xdr,
    ticket: p.ticket,
    hash: p.hash,
    summary: p.summary,
    fee: p.feeXlm,
    fee_stroops: p.feeStroops,
    other_signers: p.otherSigners,
    auth_valid_until_ledger: p.authValidUntilLedger,
    network_passphrase: p.networkPassphrase,
  };
}

/** POST /escrows/{id}/{step} and /escrows/{id}/milestones/{index}/{step}. */
export async function postStep({
  params,
  body,
}: ApiContext<{ id: string; step: string; index?: string }>): Promise<Result<unknown>> {
  const perMilestone = params.index !== undefined;
  const def = stepAt(params.step, perMilestone);
  if (!def) return fail('not-found', `There is no step “${params.step}”${perMilestone ? ' for a milestone' : ''}`);
  let milestone: number | null = null;
  if (perMilestone) {
    if (!/^\d{1,3}$/.test(params.index!)) return fail('bad-milestone', 'There is no such milestone');
    milestone = Number(params.index);
  }
  return prepare(def, params.id, milestone, body);
}

/** PUT /escrows/{id}: the update step. */
export async function putEscrow({ params, body }: ApiContext<{ id: string }>): Promise<Result<unknown>> {
  const def = STEPS.find((s) => s.path === UPDATE_PATH)!;
  return prepare(def, params.id, null, body);
}
