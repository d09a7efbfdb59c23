// Shared types of the lifecycles. The snapshot types come from schemas/lifecycle/lifecycle-snapshot.schema.json.
import type { LifecycleSnapshot } from '@onward/schemas';
import type { IsoDate } from '../dates/civil-date.js';

export type { LifecycleSnapshot };

/** Everyone who uses Onward. Analysts see aggregates only and take no step in any process. */
export type Role =
  | 'young-person'
  | 'pa'
  | 'social-worker'
  | 'team-manager'
  | 'supervising-social-worker'
  | 'independent-reviewing-officer'
  | 'carer'
  | 'analyst'
  | 'admin';

export const ROLES: readonly Role[] = [
  'young-person',
  'pa',
  'social-worker',
  'team-manager',
  'supervising-social-worker',
  'independent-reviewing-officer',
  'carer',
  'analyst',
  'admin',
];

/** Role names for sentences ("Only a team manager can …"). */
export const ROLE_NAMES: Readonly<Record<Role, { one: string; title: string }>> = {
  'young-person': { one: 'the young person', title: 'Young person' },
  pa: { one: 'a PA', title: 'PA' },
  'social-worker': { one: 'a social worker', title: 'Social worker' },
  'team-manager': { one: 'a team manager', title: 'Team manager' },
  'supervising-social-worker': { one: 'a supervising social worker', title: 'Supervising social worker' },
  // Chairs the looked-after reviews of an eligible (category 1) young person, which are their pathway plan reviews.
  'independent-reviewing-officer': {
    one: 'an Independent Reviewing Officer',
    title: 'Independent Reviewing Officer (IRO)',
  },
  carer: { one: 'a carer', title: 'Carer' },
  analyst: { one: 'an analyst', title: 'Analyst' },
  admin: { one: 'an admin', title: 'Admin' },
};

/** Who is taking a step. */
export interface Actor {
  id: string;
  role: Role;
}

export type LifecycleName = 'pathway-plan' | 'staying-put' | 'check-in';
export const LIFECYCLE_NAMES: readonly LifecycleName[] = ['pathway-plan', 'staying-put', 'check-in'];

export type PathwayPlanSnapshot = Extract<LifecycleSnapshot, { lifecycle: 'pathway-plan' }>;
export type StayingPutSnapshot = Extract<LifecycleSnapshot, { lifecycle: 'staying-put' }>;
export type CheckInSnapshot = Extract<LifecycleSnapshot, { lifecycle: 'check-in' }>;
export type PathwayPlanContext = PathwayPlanSnapshot['context'];
export type StayingPutContext = StayingPutSnapshot['context'];
export type CheckInContext = CheckInSnapshot['context'];
export type PathwayPlanState = PathwayPlanSnapshot['state'];
export type StayingPutState = StayingPutSnapshot['state'];
export type CheckInState = CheckInSnapshot['state'];

/** An event as callers send it: a type and its payload. */
export interface LifecycleEvent {
  type: string;
  [key: string]: unknown;
}

/** What a machine receives: the caller's event plus who sent it and when. */
export interface MachineEvent extends LifecycleEvent {
  actor: Actor;
  /** The instant, ISO 8601. */
  at: string;
  /** The UK calendar date at that instant. */
  today: IsoDate;
}

/** 403: this actor may never take this step; 409: not now (wrong state, or a rule says no). Reason in plain English. */
export type Decision = { ok: true } | { ok: false; status: 403 | 409; reason: string };
/** A refused step: as Decision, or 422 when the payload is wrong (`field` names it). */
export type Refusal = { ok: false; status: 403 | 409 | 422; reason: string; field?: string };

/** Something the caller must do after a step, e.g. tell the named PA that a young person asked for help. */
export interface Effect {
  type: 'notify';
  /** The person to tell. */
  recipientId: string;
  reason: 'check-in.help';
  youngPersonId: string;
  subjectId: string;
  /** The areas of life the young person asked for help with. */
  domains: string[];
}

export type TransitionResult = { ok: true; snapshot: LifecycleSnapshot; effects: Effect[] } | Refusal;

/** A step that should have been done by now. */
export interface OverdueStep {
  step: string;
  dueBy: IsoDate;
  label: string;
  /** Calendar days past `dueBy`. */
  daysOverdue: number;
}

/** Bad input to startLifecycle or a snapshot that does not fit, naming the field. */
export class LifecycleInputError extends TypeError {
  override readonly name = 'LifecycleInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
