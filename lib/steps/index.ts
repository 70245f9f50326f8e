/**
 * The step registry: every lifecycle step, defined once (one file per step beside this one).
 * Server actions, pages, the action panel and the REST API all read from here; see README.md.
 */
// The list and every definition by name (`approveMilestone`, `fund`, …).
export * from './registry';
export { availableActions, type AvailableAction } from './available';
export { fieldErrors, finishPrepare, loadStepContext, refusalOf, runStep } from './run';
export { stepVerdict } from './verdict';
export { loadEscrow, type LoadedEscrow } from './load';
export type { StepContext, StepDefinition, StepFacts, StepPrepared, StepRequest, StepRoles, Verdict } from './types';
