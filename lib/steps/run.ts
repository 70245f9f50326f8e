/**
 * Runs a step by its definition for a request `{ escrowId, source, milestone?, input }`: parse
 * the input with the step's schema, load the verified escrow, refuse early what the contract
 * would refuse for this caller, build the call, prepare it through RPC and describe it. Free of
 * Next-only APIs: the 'use server' actions (rate limit) and the REST API both call it.
 */
import type { xdr } from '@stellar/stellar-sdk';
import type { z } from 'zod';
import { formatAmount } from '../amounts';
import { escrowErrors } from '../escrow/errors';
import { readFunding } from '../escrow/read';
import type { NetworkConfig } from '../networks/config';
import { accountAddress, milestoneIndex } from '../schemas/fields';
import { prepareOperation } from '../stellar/prepare';
import { ChainError, fail, ok, type Result } from '../stellar/result';
import { unexpected } from '../log';
import { unverifiedTokenWarning } from '../tokens';
import { loadEscrow } from './load';
import type { StepContext, StepDefinition, StepFacts, StepPrepared, StepRequest, Verdict } from './types';
import { stepVerdict } from './verdict';

/** zod issues → `{ "path.to.field": [messages] }` for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Loads the context of a step for a caller: the verified escrow, the milestone, what they funded. */
export async function loadStepContext(def: StepDefinition, req: StepRequest): Promise<Result<StepContext>> {
  let milestone: number | null = null;
  if (def.perMilestone) {
    const m = milestoneIndex.safeParse(req?.milestone);
    if (!m.success) return fail('bad-milestone', 'There is no such milestone');
    milestone = m.data;
  }
  const loaded = await loadEscrow(req?.escrowId);
  if (!loaded.ok) return loaded;
  const src = accountAddress.safeParse(req?.source);
  if (!src.success) return fail('no-wallet', src.error.issues[0]!.message);
  const { network, id, escrow, token, now } = loaded.data;
  if (milestone !== null && !escrow.milestones[milestone]) return fail('bad-milestone', 'There is no such milestone');
  try {
    const funding = def.needsFunding ? await readFunding(network, id, src.data) : 0n;
    return ok({ network, escrowId: id, source: src.data, escrow, token, now, milestone, funding });
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    return unexpected(`reading the funding of ${src.data} in ${id}`, e);
  }
}

/** Runs a step definition against a request and returns the transaction to sign. */
export async function runStep<S extends z.ZodType>(def: StepDefinition<S>, req: StepRequest): Promise<Result<StepPrepared>> {
  const loaded = await loadStepContext(def as unknown as StepDefinition, req);
  if (!loaded.ok) return loaded;
  const ctx = loaded.data;
  const parsed = def.schema(ctx).safeParse(req.input);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  try {
    const refusal = await refusalOf(def, ctx, parsed.data);
    if (refusal) return fail('refused', refusal);
    const warning = unverifiedTokenWarning(ctx.token);
    const summary = [...(warning ? [warning] : []), ...(await def.summary(ctx, parsed.data))];
    return await finishPrepare(ctx.network, ctx.source, def.call(ctx, parsed.data), summary, ctx.escrowId, new Set([ctx.escrow.config.token]));
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    return unexpected(`preparing ${def.name} of ${ctx.escrowId}`, e);
  }
}

/** The early refusal of a parsed request: the definition's verdict, then its checks of the input. */
export async function refusalOf<S extends z.ZodType>(def: StepDefinition<S>, ctx: StepContext, input: z.output<S>): Promise<Verdict> {
  if (def.defer?.(ctx, input)) return null;
  const facts: StepFacts = { escrow: ctx.escrow, milestone: ctx.milestone, address: ctx.source, now: ctx.now, funding: ctx.funding };
  return stepVerdict(def as unknown as StepDefinition, facts) ?? (def.check ? await def.check(ctx, input) : null);
}

/** Prepares an operation and wraps the result with its summary and fee in XLM. */
export async function finishPrepare(
  network: NetworkConfig,
  source: string,
  op: xdr.Operation,
  summary: string[],
  escrowId: string,
  tokens: ReadonlySet<string>,
): Promise<Result<StepPrepared>> {
  const prepared = await prepareOperation(network, source, op, { errors: escrowErrors(), tokens });
  if (!prepared.ok) return prepared;
  return ok({
    ...prepared.data,
    summary,
    feeXlm: formatAmount(BigInt(prepared.data.feeStroops), 7),
    escrowId,
    networkPassphrase: network.passphrase,
  });
}
