/**
 * The pipeline every step's server action runs: parse the input with the step's schema, read the
 * escrow, refuse early what the contract would refuse for this caller, build the call, prepare
 * it through RPC, and describe what will happen. Not a `'use server'` module: the actions are.
 */
import type { xdr } from '@stellar/stellar-sdk';
import type { z } from 'zod';
import { formatAmount } from '../amounts';
import { escrowErrors } from '../escrow/errors';
import { chainNow, readEscrow } from '../escrow/read';
import type { Escrow } from '../escrow/types';
import type { NetworkConfig } from '../networks/config';
import { getNetwork } from '../networks/server';
import { accountAddress, contractId } from '../schemas/fields';
import { prepareOperation, type PreparedTx } from '../stellar/prepare';
import { ChainError, fail, ok, type Result } from '../stellar/result';
import { readToken, type TokenInfo } from '../stellar/rpc';
import { logDetail, unexpected } from '../log';
import { limitAction } from '../rate-limit';
import { unverifiedTokenWarning } from '../tokens';

/** What the browser sends to a step's action. */
export interface StepRequest<I> {
  escrowId: string;
  /** The connected wallet's address: the transaction's source and usually the acting role. */
  source: string;
  input: I;
}

export interface StepContext {
  network: NetworkConfig;
  escrowId: string;
  source: string;
  escrow: Escrow;
  token: TokenInfo;
  now: bigint;
}

/** What a prepare action returns: the transaction and what it will do, in sentences. */
export interface StepPrepared extends PreparedTx {
  summary: string[];
  feeXlm: string;
  escrowId: string;
  networkPassphrase: string;
}

export interface StepDefinition<S extends z.ZodType> {
  schema: (ctx: StepContext) => S;
  /** Why the contract would refuse this (a sentence), or null. Runs before any simulation. */
  refuse?: (ctx: StepContext, input: z.output<S>) => string | null | Promise<string | null>;
  op: (ctx: StepContext, input: z.output<S>) => xdr.Operation;
  summary: (ctx: StepContext, input: z.output<S>) => string[] | Promise<string[]>;
}

/** zod issues → `{ "path.to.field": [messages] }` for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Loads what every step needs: network, a verified escrow, its token, chain time. */
export async function loadStepContext(escrowIdRaw: unknown, sourceRaw: unknown): Promise<Result<StepContext>> {
  const id = contractId.safeParse(escrowIdRaw);
  if (!id.success) return fail('bad-escrow-id', id.error.issues[0]!.message);
  const src = accountAddress.safeParse(sourceRaw);
  if (!src.success) return fail('no-wallet', src.error.issues[0]!.message);
  try {
    const network = await getNetwork();
    const escrow = await readEscrow(network, id.data);
    const [token, now] = await Promise.all([readToken(network, escrow.config.token), chainNow(network)]);
    return ok({ network, escrowId: id.data, source: src.data, escrow, token, now });
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    logDetail(`step context of ${id.data}`, e);
    return fail('unexpected', 'The escrow could not be read; try again in a moment.');
  }
}

/** Runs a step definition against a request. */
export async function prepareStep<S extends z.ZodType>(req: StepRequest<unknown>, def: StepDefinition<S>): Promise<Result<StepPrepared>> {
  const limited = await limitAction(2);
  if (limited) return limited;
  const loaded = await loadStepContext(req?.escrowId, req?.source);
  if (!loaded.ok) return loaded;
  const ctx = loaded.data;
  const parsed = def.schema(ctx).safeParse(req.input);
  if (!parsed.success) return fail('invalid-input', 'Some fields need attention', fieldErrors(parsed.error));
  try {
    const refusal = def.refuse ? await def.refuse(ctx, parsed.data) : null;
    if (refusal) return fail('refused', refusal);
    const warning = unverifiedTokenWarning(ctx.token);
    const summary = [...(warning ? [warning] : []), ...(await def.summary(ctx, parsed.data))];
    return await finishPrepare(ctx.network, ctx.source, def.op(ctx, parsed.data), summary, ctx.escrowId, new Set([ctx.escrow.config.token]));
  } catch (e) {
    if (e instanceof ChainError) return { ok: false, error: e.error };
    return unexpected(`preparing a step of ${ctx.escrowId}`, e);
  }
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

/** "12.5 USDC" for a known token, "12.5 USDC (unverified)" for any other. */
export function money(ctx: Pick<StepContext, 'token'>, units: bigint): string {
  return `${formatAmount(units, ctx.token.decimals)} ${ctx.token.label}`;
}
