/**
 * The step registry: every lifecycle step, defined once (one file per step beside this one).
 * Server actions, pages, the action panel and the REST API all read from here; see README.md.
 */
export { STEPS, stepDefinition, stepHref, stepLabel } from './registry';
export { approveMilestone } from './approve-milestone';
export { claimRefund } from './claim-refund';
export { dispute } from './dispute';
export { disputeMilestone } from './dispute-milestone';
export { fund } from './fund';
export { release } from './release';
export { releaseMilestone } from './release-milestone';
export { resolve } from './resolve';
export { resolveMilestone } from './resolve-milestone';
export { setMilestoneStatus } from './set-milestone-status';
export { updateEscrow } from './update-escrow';
export { withdrawRemaining } from './withdraw-remaining';
export { availableActions, type AvailableAction } from './available';
export { fieldErrors, finishPrepare, loadStepContext, refusalOf, runStep } from './run';
export { stepVerdict } from './verdict';
export { loadEscrow, type LoadedEscrow } from './load';
export type { StepContext, StepDefinition, StepFacts, StepName, StepPrepared, StepRequest, StepRoles, Verdict } from './types';
