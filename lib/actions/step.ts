/**
 * The wallet-facing side of every step's server action: the per-client rate limit, then the
 * registry's runner (lib/steps). Not a `'use server'` module: the actions are.
 */
import type { z } from 'zod';
import { limitAction } from '../rate-limit';
import { runStep, type StepDefinition, type StepPrepared, type StepRequest } from '../steps';
import type { Result } from '../stellar/result';

/** Runs a step for the browser: two rate-limit points (a prepare fans out to several RPC calls). */
export async function stepAction<S extends z.ZodType>(def: StepDefinition<S>, req: StepRequest): Promise<Result<StepPrepared>> {
  const limited = await limitAction(2);
  if (limited) return limited;
  return runStep(def, req);
}
