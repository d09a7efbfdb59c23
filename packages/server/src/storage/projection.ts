// Projections: the current state of one young person's records, computed from their events alone.
// `applyEvent` is pure over the in-memory state (it mutates only what it is given), so appending one event
// and replaying the whole log give the same result (tested in projection.test.ts).
import {
  type CheckIn,
  type LivingTogetherAgreement,
  type PathwayPlan,
  type Role,
  sixMonthReviewDue,
} from '@onward/engine';

// Roles are the engine's: one list for the lifecycles, the widgets and the server.
export type { Role } from '@onward/engine';
export { ROLES } from '@onward/engine';
export type ActorRole = Role | 'system';

export interface YoungPersonRecord {
  id: string;
  councilId: string;
  name: string;
  preferredName?: string;
  dateOfBirth: string;
  category: 'eligible' | 'relevant' | 'former-relevant' | 'qualifying';
  teamId: string;
  paId: string;
  socialWorkerId?: string;
  language?: string;
  createdAt: string;
}

/** A stored lifecycle snapshot (the engine's LifecycleSnapshot: `{ lifecycle, schemaVersion, state, context, updatedAt }`). */
export interface StoredLifecycle {
  lifecycle: string;
  state: string;
  context: Record<string, unknown>;
  [key: string]: unknown;
}

export interface PlanRecord {
  id: string;
  councilId: string;
  youngPersonId: string;
  state: string;
  lifecycle: StoredLifecycle;
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
  lifecycle: StoredLifecycle;
}

export interface ArrangementRecord {
  id: string;
  councilId: string;
  youngPersonId: string;
  state: string;
  lifecycle: StoredLifecycle;
  agreement?: LivingTogetherAgreement;
  carerUserIds: string[];
  supervisingSocialWorkerId?: string;
  version: number;
  updatedAt: string;
}

export interface StoredEvent {
  id: string;
  councilId: string;
  youngPersonId: string;
  sequence: number;
  actorId: string;
  actorRole: ActorRole;
  type: EventType;
  payload: Record<string, unknown>;
  at: string;
}

export const EVENT_TYPES = [
  'young-person.registered',
  'young-person.allocated',
  'plan.created',
  'plan.saved',
  'plan.checklist-saved',
  'plan.views-saved',
  'plan.engagement-attempt',
  'plan.transition',
  'check-in.recorded',
  'check-in.acknowledged',
  'staying-put.created',
  'staying-put.agreement-saved',
  'staying-put.transition',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface ProjectionState {
  youngPerson?: YoungPersonRecord;
  plans: Map<string, PlanRecord>;
  checkIns: Map<string, CheckInRecord>;
  arrangements: Map<string, ArrangementRecord>;
  /** What changed since the state was loaded: the store writes only these rows back. */
  dirty: { youngPerson: boolean; plans: Set<string>; checkIns: Set<string>; arrangements: Set<string> };
}

export function emptyState(): ProjectionState {
  return {
    plans: new Map(),
    checkIns: new Map(),
    arrangements: new Map(),
    dirty: { youngPerson: false, plans: new Set(), checkIns: new Set(), arrangements: new Set() },
  };
}

export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
}

type P = Record<string, unknown>;

/** Applies one event to the state. Throws ProjectionError when the event refers to a record that does not exist. */
export function applyEvent(state: ProjectionState, e: StoredEvent): void {
  const p = e.payload as P;
  switch (e.type) {
    case 'young-person.registered': {
      const yp = p.youngPerson as Omit<YoungPersonRecord, 'councilId' | 'createdAt'>;
      state.youngPerson = { ...yp, id: e.youngPersonId, councilId: e.councilId, createdAt: e.at };
      state.dirty.youngPerson = true;
      return;
    }
    case 'young-person.allocated': {
      const yp = need(state.youngPerson, 'young person');
      for (const k of ['paId', 'socialWorkerId', 'teamId', 'preferredName', 'language'] as const) {
        if (typeof p[k] === 'string') (yp as unknown as P)[k] = p[k];
      }
      state.dirty.youngPerson = true;
      return;
    }
    case 'plan.created': {
      const plan = p.plan as PathwayPlan;
      state.plans.set(plan.id, {
        id: plan.id,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        state: lifecycleOf(p).state,
        lifecycle: lifecycleOf(p),
        doc: plan,
        version: 1,
        updatedAt: e.at,
      });
      state.dirty.plans.add(plan.id);
      return;
    }
    case 'plan.saved':
      updatePlan(state, e, (r) => {
        r.doc = p.plan as PathwayPlan;
      });
      return;
    case 'plan.checklist-saved':
      updatePlan(state, e, (r) => {
        r.doc = { ...r.doc, checklist: p.checklist as PathwayPlan['checklist'] };
        setLifecycle(r, p);
      });
      return;
    case 'plan.views-saved':
      updatePlan(state, e, (r) => {
        const views = { ...r.doc.views };
        if (typeof p.youngPerson === 'string') views.youngPerson = p.youngPerson;
        if (typeof p.disagreements === 'string') views.disagreements = p.disagreements;
        r.doc = { ...r.doc, views };
      });
      return;
    case 'plan.engagement-attempt':
      updatePlan(state, e, (r) => {
        const attempt = p.attempt as PathwayPlan['engagement']['attempts'][number];
        r.doc = { ...r.doc, engagement: { ...r.doc.engagement, attempts: [...r.doc.engagement.attempts, attempt] } };
        setLifecycle(r, p);
      });
      return;
    case 'plan.transition':
      updatePlan(state, e, (r) => {
        setLifecycle(r, p);
        const event = (p.event ?? {}) as P;
        const by = p.by as { id: string; name: string } | undefined;
        const comment = typeof event.comment === 'string' ? event.comment : undefined;
        if (event.type === 'plan.submit') {
          r.submittedAt = e.at;
          const completedBy = r.lifecycle.context.completedBy;
          if (typeof completedBy === 'string') {
            r.doc = {
              ...r.doc,
              engagement: { ...r.doc.engagement, completedBy: completedBy as PathwayPlan['engagement']['completedBy'] },
            };
          }
        }
        if (event.type === 'plan.completeWithoutYoungPerson') {
          r.doc = { ...r.doc, engagement: { ...r.doc.engagement, completedBy: 'worker-without-young-person' } };
        }
        if (event.type === 'plan.return' && by && comment !== undefined) {
          r.doc = { ...r.doc, returns: [...(r.doc.returns ?? []), { by, at: e.at, comment }] };
        }
        if (event.type === 'plan.authorise') {
          const ctx = r.lifecycle.context;
          const day = typeof ctx.authorisedOn === 'string' ? ctx.authorisedOn : e.at.slice(0, 10);
          const signOff = {
            role: 'team-manager' as const,
            name: by?.name ?? 'Manager',
            at: e.at,
            ...(comment ? { comment } : {}),
          };
          r.doc = {
            ...r.doc,
            authorised: day,
            nextReview: typeof ctx.sixMonthReviewOn === 'string' ? ctx.sixMonthReviewOn : sixMonthReviewDue(day),
            ...(event.wording
              ? { wording: { ...(r.doc.wording ?? {}), ...(event.wording as NonNullable<PathwayPlan['wording']>) } }
              : {}),
            ...(by ? { manager: by } : {}),
            signOffs: [...r.doc.signOffs, signOff].slice(-10),
          };
        }
      });
      return;
    case 'check-in.recorded': {
      const c = p.checkIn as CheckIn;
      const help = Object.values(c.moods).some((m) => m?.help === true);
      state.checkIns.set(c.id, {
        id: c.id,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        doc: c,
        at: c.at,
        help,
        helpSeen: false,
        lifecycle: lifecycleOf(p),
      });
      state.dirty.checkIns.add(c.id);
      return;
    }
    case 'check-in.acknowledged': {
      const r = need(state.checkIns.get(String(p.checkInId)), 'check-in');
      r.helpSeen = true;
      r.lifecycle = lifecycleOf(p);
      state.dirty.checkIns.add(r.id);
      return;
    }
    case 'staying-put.created': {
      const id = String(p.arrangementId);
      state.arrangements.set(id, {
        id,
        councilId: e.councilId,
        youngPersonId: e.youngPersonId,
        state: lifecycleOf(p).state,
        lifecycle: lifecycleOf(p),
        carerUserIds: (p.carerUserIds as string[]) ?? [],
        ...(typeof p.supervisingSocialWorkerId === 'string'
          ? { supervisingSocialWorkerId: p.supervisingSocialWorkerId }
          : {}),
        version: 1,
        updatedAt: e.at,
      });
      state.dirty.arrangements.add(id);
      return;
    }
    case 'staying-put.agreement-saved':
      updateArrangement(state, e, (r) => {
        r.agreement = p.agreement as LivingTogetherAgreement;
        if (p.lifecycle) {
          r.lifecycle = lifecycleOf(p);
          r.state = r.lifecycle.state;
        }
      });
      return;
    case 'staying-put.transition':
      updateArrangement(state, e, (r) => {
        r.lifecycle = lifecycleOf(p);
        r.state = r.lifecycle.state;
        const event = (p.event ?? {}) as P;
        const by = p.by as { id: string; name: string } | undefined;
        // A signature on the lifecycle is also a sign-off on the agreement itself, dated and named.
        if (
          event.type === 'stayingPut.agreement.sign' &&
          r.agreement &&
          by &&
          e.actorRole !== 'system' &&
          e.actorRole !== 'analyst' &&
          e.actorRole !== 'admin' &&
          e.actorRole !== 'independent-reviewing-officer'
        ) {
          const signOff = { party: e.actorRole, name: by.name, at: e.at };
          r.agreement = { ...r.agreement, signOffs: [...r.agreement.signOffs, signOff].slice(-10) };
        }
      });
      return;
    default:
      throw new ProjectionError(`Unknown event type ${String((e as { type: unknown }).type)}`);
  }
}

function lifecycleOf(p: P): StoredLifecycle {
  const l = p.lifecycle as StoredLifecycle | undefined;
  if (!l || typeof l !== 'object' || typeof l.state !== 'string')
    throw new ProjectionError('The event has no lifecycle snapshot.');
  return l;
}

function setLifecycle(r: PlanRecord, p: P): void {
  r.lifecycle = lifecycleOf(p);
  r.state = r.lifecycle.state;
}

function updatePlan(state: ProjectionState, e: StoredEvent, fn: (r: PlanRecord) => void): void {
  const r = need(state.plans.get(String((e.payload as P).planId)), 'plan');
  fn(r);
  r.version += 1;
  r.updatedAt = e.at;
  state.dirty.plans.add(r.id);
}

function updateArrangement(state: ProjectionState, e: StoredEvent, fn: (r: ArrangementRecord) => void): void {
  const r = need(state.arrangements.get(String((e.payload as P).arrangementId)), 'Staying Put arrangement');
  fn(r);
  r.version += 1;
  r.updatedAt = e.at;
  state.dirty.arrangements.add(r.id);
}

function need<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new ProjectionError(`The event refers to a ${what} that does not exist.`);
  return x;
}
