export type { CheckInStart } from './check-in.machine.js';
export { checkInLifecycle, checkInMachine, helpDomains } from './check-in.machine.js';
export type { EventSpec, GuardSpec, LifecycleDefinition, PayloadProblem, StateSpec } from './define.js';
export type { PermissionRow } from './docs.js';
export { lifecyclesMarkdown, mermaidDiagram, normaliseMarkdown, permissionTable } from './docs.js';
export type { GuardTree, TransitionInfo } from './lifecycle.js';
export {
  allowedEvents,
  can,
  deadlines,
  eventLabel,
  guardTree,
  LIFECYCLES,
  overdueSteps,
  restoreLifecycle,
  rolesFor,
  startLifecycle,
  stateTitle,
  transition,
  transitionsOf,
} from './lifecycle.js';
export type { PathwayPlanStart } from './pathway-plan.machine.js';
export {
  ATTEMPTS_BEFORE_PROCEEDING,
  checkPlanRules,
  countedAttempts,
  nextPlanStart,
  pathwayPlanLifecycle,
  pathwayPlanMachine,
  planReviewDue,
  planRules,
  unsuccessfulAttempts,
} from './pathway-plan.machine.js';
export type { SnapshotError } from './snapshot.js';
export { checkSnapshot, validateLifecycleSnapshot } from './snapshot.js';
export type { StayingPutStart } from './staying-put.machine.js';
export {
  ATTENDEE_NAMES,
  arrangementRules,
  checkArrangementRules,
  earliestStart,
  requiredParties,
  requiredSigners,
  stayingPutLifecycle,
  stayingPutMachine,
} from './staying-put.machine.js';
export * from './types.js';
