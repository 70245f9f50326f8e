/**
 * What a lifecycle step is: one definition (lib/steps/<step>.ts) from which its server action,
 * its page guard, the action panel's offer or refusal and (in the API) its REST endpoint derive.
 */
import type { xdr } from '@stellar/stellar-sdk';
import type { z } from 'zod';
import type { Escrow, EscrowKind } from '../escrow/types';
import type { NetworkConfig } from '../networks/config';
import type { PreparedTx } from '../stellar/prepare';
import type { TokenInfo } from '../stellar/rpc';

/** "Why not now", as a sentence the person can act on, or null when the contract would accept it. */
export type Verdict = string | null;

/** What a precondition judges: the escrow's state, who asks, when, and (for one milestone) which. */
export interface StepFacts {
  escrow: Escrow;
  /** The milestone index for a per-milestone step, null otherwise. */
  milestone: number | null;
  /** The caller; null on a page rendered on the server (it does not know the wallet). */
  address: string | null;
  /** Chain time, unix seconds. */
  now: bigint;
  /** What the caller has funded (`get_funding`); read only for steps with `needsFunding`. */
  funding: bigint;
}

/** What a step's server side has once the escrow is loaded and verified. */
export interface StepContext {
  network: NetworkConfig;
  escrowId: string;
  source: string;
  escrow: Escrow;
  token: TokenInfo;
  now: bigint;
  milestone: number | null;
  funding: bigint;
}

/** A request to run a step: from the form's server action or from the REST API. */
export interface StepRequest<I = unknown> {
  escrowId: string;
  /** The connected wallet's address: the transaction's source and usually the acting role. */
  source: string;
  /** Required for a per-milestone step, ignored otherwise. */
  milestone?: number | null;
  input: I;
}

/** What a prepare returns: the transaction and what it will do, in sentences. */
export interface StepPrepared extends PreparedTx {
  summary: string[];
  feeXlm: string;
  escrowId: string;
  networkPassphrase: string;
}

/** Who may take a step: a rule on the escrow's roles and the sentence when the caller fails it. */
export interface StepRoles {
  /** Plain words for docs and the API ("the service provider"). */
  who: string;
  may: (escrow: Escrow, address: string) => boolean;
  refusal: string;
}

export interface StepDefinition<S extends z.ZodType = z.ZodType, N extends string = string> {
  /** Stable: used in URLs of the API and in the panel's data (the union `StepName` is read from the registry). */
  name: N;
  /** The panel's link text ("Approve milestone"; the milestone number is appended). */
  label: string;
  /** The escrow page's banner once the step is confirmed ("Funded"). */
  done: string;
  /** The escrow event the contract emits for it: the banner shows only when the chain has one. */
  event: string;
  /** The page's heading. */
  title: (milestone: number | null) => string;
  /** The page's path under /escrows/[id] (or /escrows/[id]/milestones/[index] when per milestone). */
  path: string;
  /** The contract function it calls (checked against the wasm's spec in a test). */
  contractFn: string;
  perMilestone: boolean;
  kinds: readonly EscrowKind[];
  /** Why not, for an escrow of another kind. */
  wrongKind?: string;
  /** 'anyone' when the contract does not restrict the caller. */
  roles: StepRoles | 'anyone';
  /** Offer it in the panel only to a caller who has funded (refunds). */
  fundersOnly?: boolean;
  /** The precondition reads `funding` (the server loads it). */
  needsFunding?: boolean;
  /** The precondition depends on the caller, so a server-rendered page (no wallet) cannot judge it. */
  callerSpecific?: boolean;
  /** The contract's state refusal, written once: panel, page and action all call it. */
  precondition: (facts: StepFacts) => Verdict;
  /** The step's zod schema (a factory: amounts depend on the token's decimals). */
  schema: (ctx: StepContext) => S;
  /** True when the contract's own refusal is the better answer (skips the early refusals). */
  defer?: (ctx: StepContext, input: z.output<S>) => boolean;
  /** Checks of this input against the chain (trustlines, balances) after the precondition. */
  check?: (ctx: StepContext, input: z.output<S>) => Verdict | Promise<Verdict>;
  call: (ctx: StepContext, input: z.output<S>) => xdr.Operation;
  summary: (ctx: StepContext, input: z.output<S>) => string[] | Promise<string[]>;
}

/** Keeps a definition's schema type and its literal name while checking it against StepDefinition. */
export const defineStep = <S extends z.ZodType, N extends string>(def: StepDefinition<S, N>): StepDefinition<S, N> =>
  def;

/** The milestone of a per-milestone step's context (the runner has checked it). */
export function milestoneOf(ctx: { milestone: number | null }): number {
  if (ctx.milestone === null) throw new Error('a per-milestone step ran without a milestone');
  return ctx.milestone;
}
