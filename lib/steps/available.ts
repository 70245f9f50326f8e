/** What an address may do now: derived from the step registry, for the panel, the dashboard and the API. */
import type { z } from 'zod';
import type { Escrow } from '../escrow/types';
import { STEPS, stepHref, stepLabel, type StepName } from './registry';
import { stepVerdict } from './verdict';
import type { StepDefinition } from './types';

export interface AvailableAction {
  step: StepName;
  milestone?: number;
  label: string;
  href: string;
  /** True when the contract would accept this step from this address now. */
  allowed: boolean;
  /** Why not (when not allowed), in a sentence the person can act on. */
  reason?: string;
}

/** Offered at all: the escrow's kind and the address's roles (or, for refunds, having funded). */
function offered(def: StepDefinition, escrow: Escrow, address: string, funding: bigint): boolean {
  if (!def.kinds.includes(escrow.config.kind)) return false;
  if (def.fundersOnly && funding <= 0n) return false;
  return def.roles === 'anyone' || def.roles.may(escrow, address);
}

/**
 * What `address` may do with `escrow` at `now` (unix seconds), across all of its roles: every
 * step it may take, and the steps a role would allow but the state does not yet, with the reason.
 * Steps that none of the address's roles allows are left out, except funding (anyone may fund).
 * `funding` is what the address has funded (`get_funding`; 0 when unknown).
 */
export function availableActions(
  escrow: Escrow,
  id: string,
  address: string | null,
  now: bigint,
  ctx: { funding?: bigint } = {},
): AvailableAction[] {
  const out: AvailableAction[] = [];
  if (!address) return out;
  const funding = ctx.funding ?? 0n;
  const add = (def: StepDefinition<z.ZodType, StepName>, milestone: number | null) => {
    if (!offered(def, escrow, address, funding)) return;
    const verdict = stepVerdict(def, { escrow, milestone, address, now, funding });
    out.push({
      step: def.name,
      ...(milestone === null ? {} : { milestone }),
      label: stepLabel(def, milestone),
      href: stepHref(id, def, milestone),
      allowed: verdict === null,
      ...(verdict === null ? {} : { reason: verdict }),
    });
  };
  // Runs of per-milestone steps go milestone by milestone, in registry order within each.
  for (let s = 0; s < STEPS.length;) {
    let end = s;
    while (end < STEPS.length && STEPS[end]!.perMilestone) end++;
    if (end === s) {
      add(STEPS[s]!, null);
      s++;
      continue;
    }
    for (let i = 0; i < escrow.milestones.length; i++) for (let k = s; k < end; k++) add(STEPS[k]!, i);
    s = end;
  }
  return out;
}
