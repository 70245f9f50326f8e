/**
 * The list of every lifecycle step. Its order is the action panel's order (whole-escrow steps
 * before the first per-milestone step come first, then each milestone's steps, then the rest).
 */
import { approveMilestone } from './approve-milestone';
import { claimRefund } from './claim-refund';
import { dispute } from './dispute';
import { disputeMilestone } from './dispute-milestone';
import { fund } from './fund';
import { release } from './release';
import { releaseMilestone } from './release-milestone';
import { resolve } from './resolve';
import { resolveMilestone } from './resolve-milestone';
import { setMilestoneStatus } from './set-milestone-status';
import type { z } from 'zod';
import type { StepDefinition } from './types';
import { updateEscrow } from './update-escrow';
import { withdrawRemaining } from './withdraw-remaining';

const DEFINITIONS = [
  fund,
  setMilestoneStatus,
  approveMilestone,
  releaseMilestone,
  disputeMilestone,
  resolveMilestone,
  release,
  dispute,
  resolve,
  withdrawRemaining,
  claimRefund,
  updateEscrow,
] as const;

/** Every step's name: stable, used in URLs of the API and in the panel's data. */
export type StepName = (typeof DEFINITIONS)[number]['name'];

/** The definitions, each with its schema's type erased (a list of different schemas). */
export const STEPS = DEFINITIONS as unknown as readonly StepDefinition<z.ZodType, StepName>[];

export {
  approveMilestone,
  claimRefund,
  dispute,
  disputeMilestone,
  fund,
  release,
  releaseMilestone,
  resolve,
  resolveMilestone,
  setMilestoneStatus,
  updateEscrow,
  withdrawRemaining,
};

/** The definition of a step by its name. */
export function stepDefinition(name: StepName): StepDefinition {
  const def = STEPS.find((s) => s.name === name);
  if (!def) throw new Error(`no step ${name}`);
  return def;
}

/** The panel's text for a step ("Approve milestone 2"). */
export function stepLabel(def: StepDefinition, milestone?: number | null): string {
  return milestone === undefined || milestone === null ? def.label : `${def.label} ${milestone + 1}`;
}

/** The page of a step. */
export function stepHref(escrowId: string, def: StepDefinition, milestone?: number | null): string {
  const base = `/escrows/${escrowId}`;
  return def.perMilestone ? `${base}/milestones/${milestone}/${def.path}` : `${base}/${def.path}`;
}
