// The projections: the current state of one young person's records (their details, plans, check-ins and Staying
// Put arrangements), computed from their events alone. Every lifecycle state comes from re-running the engine's
// machines: an event carries the lifecycle's start input or the lifecycle event, and the reducer calls
// startLifecycle / transition with the event's actor and time. Appending one event and replaying the whole log
// therefore give the same result, whatever version of the machines is in use (they decide, not the log).
import type { CheckIn, LivingTogetherAgreement, PathwayPlan } from '@onward/schemas';
import { sixMonthReviewDue } from '../dates/deadlines.js';
import { startLifecycle, transition } from '../machines/lifecycle.js';
import {
  type Actor,
  type CheckInSnapshot,
  LifecycleInputError,
  type LifecycleName,
  type LifecycleSnapshot,
  type PathwayPlanSnapshot,
  type PathwayPlanState,
  ROLES,
  type Role,
  type StayingPutSnapshot,
  type StayingPutState,
} from '../machines/types.js';
import {
  type EventDraft,
  type EventFacts,
  RECORD_SCHEMA_VERSION,
  type RecordEvent,
  type RecordEventType,
  type RecordPayload,
} from './types.js';

export interface YoungPersonRecord {
  id: string;
  councilId: string;
  name: string;
  preferredName?: string;
  dateOfBirth: string;
  category: PathwayPlan['youngPerson']['category'];
  teamId: string;
  paId: string;
  socialWorkerId?: string;
  language?: string;
  createdAt: string;
}

export interface PlanRecord {
  id: string;
  councilId: string;
  youngPersonId: string;
  state: PathwayPlanState;
  lifecycle: PathwayPlanSnapshot;
  doc: PathwayPlan;
  version: number;
  submittedAt?: string;
  updatedAt: string;
}

export interface CheckInRecord {
  id: string;
  councilId: string;
  youngPersonId: string;
  doc: CheckIn;
  at: string;
  help: boolean;
  helpSeen: boolean;
  /** The check-in's lifecycle state is `lifecycle.state`. */
  lifecycle: CheckInSnapshot;
}

export interface ArrangementRecord {
  id: string;
  councilId: string;
  youngPersonId: string;
  state: StayingPutState;
  lifecycle: StayingPutSnapshot;
  agreement?: LivingTogetherAgreement;
  carerUserIds: string[];
  supervisingSocialWorkerId?: string;
  version: number;
  updatedAt: string;
}

export interface ProjectionState {
  youngPerson?: YoungPersonRecord;
  plans: Map<string, PlanRecord>;
  checkIns: Map<string, CheckInRecord>;
  arrangements: Map<string, ArrangementRecord>;
  /** What changed since the state was loaded: a store writes only these rows back. */
  dirty: { youngPerson: boolean; plans: Set<string>; checkIns: Set<string>; arrangements: Set<string> };
}

export function emptyProjection(): ProjectionState {
  return {
    plans: new Map(),
    checkIns: new Map(),
    arrangements: new Map(),
    dirty: { youngPerson: false, plans: new Set(), checkIns: new Set(), arrangements: new Set() },
  };
}

/** An event that does not fit the records: it refers to a record that does not exist, or names no one who can act. */
export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
}

/** A lifecycle refused an event's step: 403 (this person may never), 409 (not now), 422 (bad input, `field`). */
export class LifecycleRefusedError extends Error {
  override readonly name = 'LifecycleRefusedError';
  constructor(
    readonly status: 403 | 409 | 422,
    readonly reason: string,
    readonly field?: string,
  ) {
    super(reason);
  }
}

/** What the reducer reads of an event (a draft about to be appended, or a stored event). */
type Applied = EventDraft | RecordEvent;

/** The id a person acts under in the lifecycles: a young person acts as themselves (their record's id). */
export function lifecycleActorOf(
  actor: { id: string; role: string },
  youngPersonId: string,
): { id: string; role: Role } {
  if (!ROLES.includes(actor.role as Role)) {
    throw new ProjectionError(`A ${actor.role} cannot take a step in a lifecycle.`);
  }
  return { id: actor.role === 'young-person' ? youngPersonId : actor.id, role: actor.role as Role };
}

function start<S extends LifecycleSnapshot>(name: LifecycleName, input: unknown, at: string): S {
  try {
    return startLifecycle(name, input, new Date(at)) as S;
  } catch (e) {
    if (e instanceof LifecycleInputError) throw new LifecycleRefusedError(422, e.message, e.field);
    throw e;
  }
}

function step<S extends LifecycleSnapshot>(
  name: LifecycleName,
  e: Applied,
  event: { type: string; [k: string]: unknown },
  snapshot: S,
): S {
  const actor: Actor = lifecycleActorOf({ id: e.actorId, role: e.actorRole }, e.youngPersonId);
  const r = transition(name, actor, event, snapshot, new Date(e.at));
  if (!r.ok) throw new LifecycleRefusedError(r.status, r.reason, r.field);
  return r.snapshot as S;
}

function need<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new ProjectionError(`The event refers to a ${what} that does not exist.`);
  return x;
}

type P<T extends RecordEventType> = RecordPayload<T>;

function updatePlan(state: ProjectionState, e: Applied, planId: string, fn: (r: PlanRecord) => void): void {
  const r = need(state.plans.get(planId), 'plan');
  fn(r);
  r.state = r.lifecycle.state;
  r.version += 1;
  r.updatedAt = e.at;
  state.dirty.plans.add(r.id);
}

function updateArrangement(state: ProjectionState, e: Applied, id: string, fn: (r: ArrangementRecord) => void): void {
  const r = need(state.arrangements.get(id), 'Staying Put arrangement');
  fn(r);
  r.state = r.lifecycle.state;
  r.version += 1;
  r.updatedAt = e.at;
  state.dirty.arrangements.add(r.id);
}

/** The doc changes a plan step brings: submitted, completed without the young person, returned, authorised. */
function planStepOnDoc(r: PlanRecord, e: Applied, p: P<'plan.transition'>): void {
  const event = p.event as { type: string; comment?: unknown; wording?: unknown };
  const by = p.by;
  const comment = typeof event.comment === 'string' ? event.comment : undefined;
  const ctx = r.lifecycle.context;
  if (event.type === 'plan.submit') {
    r.submittedAt = e.at;
    if (typeof ctx.completedBy === 'string') {
      r.doc = { ...r.doc, engagement: { ...r.doc.engagement, completedBy: ctx.completedBy } };
    }
  }
  if (event.type === 'plan.completeWithoutYoungPerson') {
    r.doc = { ...r.doc, engagement: { ...r.doc.engagement, completedBy: 'worker-without-young-person' } };
  }
  if (event.type === 'plan.return' && by && comment !== undefined) {
    r.doc = { ...r.doc, returns: [...(r.doc.returns ?? []), { by, at: e.at, comment }] };
  }
  if (event.type === 'plan.authorise') {
    const day = typeof ctx.authorisedOn === 'string' ? ctx.authorisedOn : e.at.slice(0, 10);
    const signOff = {
      role: 'team-manager' as const,
      name: by?.name ?? 'Manager',
      at: e.at,
      ...(comment ? { comment } : {}),
    };
    const wording = event.wording as NonNullable<PathwayPlan['wording']> | undefined;
    r.doc = {
      ...r.doc,
      authorised: day,
      nextReview: typeof ctx.sixMonthReviewOn === 'string' ? ctx.sixMonthReviewOn : sixMonthReviewDue(day),
      ...(wording ? { wording: { ...(r.doc.wording ?? {}), ...wording } } : {}),
      ...(by ? { manager: by } : {}),
      signOffs: [...r.doc.signOffs, signOff].slice(-10),
    };
  }
}

const PARTIES = new Set(['young-person', 'carer', 'pa', 'social-worker', 'supervising-social-worker', 'team-manager']);

/**
 * Applies one event to the state, re-running the lifecycle it moves. Throws ProjectionError when the event refers
 * to a record that does not exist, LifecycleRefusedError when the lifecycle refuses its step.
 */
export function applyRecordEvent(state: ProjectionState, e: Applied): void {
  switch (e.type) {
    case 'young-person.registered': {
      const { youngPerson } = e.payload as P<'young-person.registered'>;
      state.youngPerson = { ...youngPerson, id: e.youngPersonId, councilId: e.councilId, createdAt: e.at };
      state.dirty.youngPerson = true;
      return;
    }
    case 'young-person.allocated': {
      const yp = need(state.youngPerson, 'young person');
      const p = e.payload as P<'young-person.allocated'>;
      for (const k of ['paId', 'socialWorkerId', 'teamId', 'preferredName', 'language'] as const) {
        const v = p[k];
        if (typeof v === 'string') yp[k] = v;
      }
      state.dirty.youngPerson = true;
      return;
    }
    case 'plan.created': {
      const p = e.payload as P<'plan.created'>;
      const lifecycle = start<PathwayPlanSnapshot>('pathway-plan', p.start, e.at);
      const plan = p.plan as PathwayPlan;
      state.plans.set(plan.id, {
        id: plan.id,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        state: lifecycle.state,
        lifecycle,
        doc: plan,
        version: 1,
        updatedAt: e.at,
      });
      state.dirty.plans.add(plan.id);
      return;
    }
    case 'plan.saved': {
      const p = e.payload as P<'plan.saved'>;
      updatePlan(state, e, p.planId, (r) => {
        r.doc = p.plan as PathwayPlan;
      });
      return;
    }
    case 'plan.checklist-saved': {
      const p = e.payload as P<'plan.checklist-saved'>;
      updatePlan(state, e, p.planId, (r) => {
        r.lifecycle = step('pathway-plan', e, p.event, r.lifecycle);
        r.doc = { ...r.doc, checklist: p.checklist as PathwayPlan['checklist'] };
      });
      return;
    }
    case 'plan.views-saved': {
      const p = e.payload as P<'plan.views-saved'>;
      updatePlan(state, e, p.planId, (r) => {
        const views = { ...r.doc.views };
        if (typeof p.youngPerson === 'string') views.youngPerson = p.youngPerson;
        if (typeof p.disagreements === 'string') views.disagreements = p.disagreements;
        r.doc = { ...r.doc, views };
      });
      return;
    }
    case 'plan.engagement-attempt': {
      const p = e.payload as P<'plan.engagement-attempt'>;
      updatePlan(state, e, p.planId, (r) => {
        r.lifecycle = step('pathway-plan', e, p.event, r.lifecycle);
        const attempts = [...r.doc.engagement.attempts, p.attempt];
        r.doc = { ...r.doc, engagement: { ...r.doc.engagement, attempts } };
      });
      return;
    }
    case 'plan.transition': {
      const p = e.payload as P<'plan.transition'>;
      updatePlan(state, e, p.planId, (r) => {
        r.lifecycle = step('pathway-plan', e, p.event, r.lifecycle);
        planStepOnDoc(r, e, p);
      });
      return;
    }
    case 'check-in.recorded': {
      const p = e.payload as P<'check-in.recorded'>;
      const c = p.checkIn as CheckIn;
      const lifecycle = step('check-in', e, p.event, start<CheckInSnapshot>('check-in', p.start, e.at));
      state.checkIns.set(c.id, {
        id: c.id,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        doc: c,
        at: c.at,
        help: Object.values(c.moods).some((m) => m?.help === true),
        helpSeen: false,
        lifecycle,
      });
      state.dirty.checkIns.add(c.id);
      return;
    }
    case 'check-in.acknowledged': {
      const p = e.payload as P<'check-in.acknowledged'>;
      const r = need(state.checkIns.get(p.checkInId), 'check-in');
      r.lifecycle = step('check-in', e, p.event, r.lifecycle);
      r.helpSeen = true;
      state.dirty.checkIns.add(r.id);
      return;
    }
    case 'staying-put.created': {
      const p = e.payload as P<'staying-put.created'>;
      const lifecycle = start<StayingPutSnapshot>('staying-put', p.start, e.at);
      state.arrangements.set(p.arrangementId, {
        id: p.arrangementId,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        state: lifecycle.state,
        lifecycle,
        carerUserIds: [...p.carerUserIds],
        ...(p.supervisingSocialWorkerId ? { supervisingSocialWorkerId: p.supervisingSocialWorkerId } : {}),
        version: 1,
        updatedAt: e.at,
      });
      state.dirty.arrangements.add(p.arrangementId);
      return;
    }
    case 'staying-put.agreement-saved': {
      const p = e.payload as P<'staying-put.agreement-saved'>;
      updateArrangement(state, e, p.arrangementId, (r) => {
        if (p.event) r.lifecycle = step('staying-put', e, p.event, r.lifecycle);
        r.agreement = p.agreement as LivingTogetherAgreement;
      });
      return;
    }
    case 'staying-put.transition': {
      const p = e.payload as P<'staying-put.transition'>;
      updateArrangement(state, e, p.arrangementId, (r) => {
        r.lifecycle = step('staying-put', e, p.event, r.lifecycle);
        // A signature on the lifecycle is also a sign-off on the agreement itself, dated and named.
        if (p.event.type === 'stayingPut.agreement.sign' && r.agreement && p.by && PARTIES.has(e.actorRole)) {
          const signOff = { party: e.actorRole as 'carer', name: p.by.name, at: e.at };
          r.agreement = { ...r.agreement, signOffs: [...r.agreement.signOffs, signOff].slice(-10) };
        }
      });
      return;
    }
    default:
      throw new ProjectionError(`Unknown event type ${String((e as { type: unknown }).type)}`);
  }
}

/** The young person's situation now, as recorded on an event appended at this point of their log. */
export function factsOf(state: ProjectionState): EventFacts {
  const yp = need(state.youngPerson, 'young person');
  return { teamId: yp.teamId, category: yp.category, paId: yp.paId };
}

/**
 * Appends a draft to the state: applies it (re-running its lifecycle) and returns the stored event, numbered, in
 * the current format, with the facts of the moment (the young person's team, category and PA once it applies).
 */
export function appendToProjection(
  state: ProjectionState,
  draft: EventDraft,
  meta: { id: string; sequence: number },
): RecordEvent {
  applyRecordEvent(state, draft);
  return {
    schemaVersion: RECORD_SCHEMA_VERSION,
    id: meta.id,
    councilId: draft.councilId,
    youngPersonId: draft.youngPersonId,
    sequence: meta.sequence,
    actorId: draft.actorId,
    actorRole: draft.actorRole,
    type: draft.type,
    at: draft.at,
    facts: factsOf(state),
    payload: draft.payload,
  } as RecordEvent;
}

/** Replays one young person's log (in sequence order) into a fresh state. */
export function replayRecord(events: Iterable<RecordEvent>): ProjectionState {
  const state = emptyProjection();
  for (const e of events) applyRecordEvent(state, e);
  return state;
}

/**
 * A plan as it was when it had `version` (the version a writer read, e.g. from `If-Match`): one young person's
 * events replayed up to the one that gave the plan that version. Undefined when the plan never had it.
 */
export function planAtVersion(events: Iterable<RecordEvent>, planId: string, version: number): PlanRecord | undefined {
  const state = emptyProjection();
  for (const e of events) {
    applyRecordEvent(state, e);
    const p = state.plans.get(planId);
    if (p && p.version === version) return p;
    if (p && p.version > version) return undefined;
  }
  return undefined;
}
