/** The early refusal from a step's definition alone (pure: the panel runs it in the browser). */
import type { StepDefinition, StepFacts, Verdict } from './types';

/**
 * Why the contract would refuse this step now, from the definition alone: kind, role, then the
 * state precondition. Pure; `address` null (a server-rendered page) skips the role and, for a
 * caller-specific step, the precondition.
 */
export function stepVerdict(def: StepDefinition, facts: StepFacts): Verdict {
  if (!def.kinds.includes(facts.escrow.config.kind)) return def.wrongKind ?? 'This step does not apply to this kind of escrow';
  if (facts.milestone !== null && !facts.escrow.milestones[facts.milestone]) return 'There is no such milestone';
  if (facts.address === null) return def.callerSpecific ? null : def.precondition(facts);
  if (def.roles !== 'anyone' && !def.roles.may(facts.escrow, facts.address)) return def.roles.refusal;
  return def.precondition(facts);
}
