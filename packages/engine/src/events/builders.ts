// The one way to make an event. The server's routes, the demo seed and the tests all call these builders, so an
// event of a type always has the same shape, whoever writes it. Each builder records what the moment needs for
// a replay through the machines: the lifecycle's start input or the lifecycle event itself (never the resulting
// state), and what the person saw (wording). The event log adds the id, the sequence and the facts of the moment.
import type { CheckIn, LivingTogetherAgreement, PathwayPlan } from '@onward/schemas';
import type { StayingPutStart } from '../machines/staying-put.machine.js';
import type { LifecycleEvent } from '../machines/types.js';
import type { PathwayPlanRules } from '../settings/council-settings.js';
import type {
  AccountEvent,
  ActorRole,
  AdminEventOf,
  CouncilEvent,
  EventDraft,
  RecordEventType,
  RecordPayload,
} from './types.js';

/** Whose record, who acts (in which role) and when. */
export interface Moment {
  councilId: string;
  youngPersonId: string;
  actor: { id: string; role: ActorRole };
  /** The instant; a Date or an ISO string. */
  at: Date | string;
}

/** A person as named on returns and sign-offs. */
export interface NamedPerson {
  id: string;
  name: string;
}

function draft<T extends RecordEventType>(m: Moment, type: T, payload: RecordPayload<T>): EventDraft<T> {
  return {
    councilId: m.councilId,
    youngPersonId: m.youngPersonId,
    actorId: m.actor.id,
    actorRole: m.actor.role,
    type,
    at: typeof m.at === 'string' ? new Date(m.at).toISOString() : m.at.toISOString(),
    payload,
  } as EventDraft<T>;
}

type Wording = NonNullable<PathwayPlan['wording']>;

/** Everyone the agreement names, as the staying-put lifecycle checks them against the council's signatories. */
export function agreementParties(youngPersonId: string, a: LivingTogetherAgreement): { party: string; id: string }[] {
  return [
    { party: 'young-person', id: youngPersonId },
    ...a.carers.map((x) => ({ party: 'carer', id: x.id })),
    ...(a.socialWorker ? [{ party: 'social-worker', id: a.socialWorker.id }] : []),
    ...(a.supervisingSocialWorker ? [{ party: 'supervising-social-worker', id: a.supervisingSocialWorker.id }] : []),
    ...(a.pa ? [{ party: 'pa', id: a.pa.id }] : []),
  ];
}

/** The wording a plan is frozen with when it is authorised: its own (without per-question overrides), or the default. */
export function frozenWording(plan: PathwayPlan): Omit<Wording, 'questions'> {
  const { questions: _q, ...w } = plan.wording ?? {
    questionSetVersion: Number(plan.checklist.version),
    locale: 'en-GB',
    variant: 'standard' as const,
  };
  return w;
}

/**
 * A worker's save of the whole plan: the fields the service owns are kept from the current plan (who it is for,
 * the checklist and the young person's own words, which have their own routes; engagement attempts, returns and
 * sign-offs, which come from the lifecycle; the link to the previous plan), and authorisation dates are dropped.
 */
export function workerPlanSave(current: PathwayPlan, sent: PathwayPlan): PathwayPlan {
  const { pa: _pa, socialWorker: _sw, manager: _m, wording: _w, ...editable } = sent;
  const merged: PathwayPlan = {
    ...editable,
    id: current.id,
    council: current.council,
    youngPerson: current.youngPerson,
    // Who the plan names as PA, social worker and manager comes from the allocation and the authorisation, and the
    // wording shown from the plan itself: never from a worker's save.
    pa: current.pa,
    ...(current.socialWorker ? { socialWorker: current.socialWorker } : {}),
    ...(current.manager ? { manager: current.manager } : {}),
    ...(current.wording ? { wording: current.wording } : {}),
    checklist: current.checklist,
    views: { ...sent.views, youngPerson: current.views.youngPerson, disagreements: current.views.disagreements },
    engagement: current.engagement,
    signOffs: current.signOffs,
    ...(current.returns ? { returns: current.returns } : {}),
    ...(current.previousPlanId ? { previousPlanId: current.previousPlanId } : {}),
  };
  for (const k of ['youngPerson', 'disagreements'] as const) if (merged.views[k] === undefined) delete merged.views[k];
  delete merged.authorised;
  delete merged.nextReview;
  if (!merged.returns) delete merged.returns;
  return merged;
}

export const recordEvents = {
  youngPersonRegistered(m: Moment, youngPerson: RecordPayload<'young-person.registered'>['youngPerson']) {
    return draft(m, 'young-person.registered', { youngPerson: { ...youngPerson } });
  },

  youngPersonAllocated(m: Moment, change: RecordPayload<'young-person.allocated'>) {
    return draft(m, 'young-person.allocated', { ...change });
  },

  /**
   * A new plan; the lifecycle starts from the plan itself (its young person, their category, PA, previous plan) and
   * its author, and with the council's rules (`pathwayPlanRules(settings)`) when given: the plan keeps them from then on.
   */
  planCreated(m: Moment, plan: PathwayPlan, rules?: PathwayPlanRules) {
    const start = {
      planId: plan.id,
      youngPersonId: plan.youngPerson.id,
      dateOfBirth: plan.youngPerson.dateOfBirth,
      paId: plan.pa.id,
      startedBy: m.actor.id,
      ...(plan.previousPlanId ? { previousPlanId: plan.previousPlanId } : {}),
      // The category decides who may take part in reviews (an IRO while the young person is eligible).
      ...(plan.youngPerson.category ? { category: plan.youngPerson.category } : {}),
      ...(rules ? { rules: { ...rules } } : {}),
    };
    return draft(m, 'plan.created', { plan, start });
  },

  /** A worker's save of the plan: `sent` merged into `current` by workerPlanSave. */
  planSaved(m: Moment, current: PathwayPlan, sent: PathwayPlan) {
    return draft(m, 'plan.saved', { planId: current.id, plan: workerPlanSave(current, sent) });
  },

  /** Checklist answers saved; `how` the answers were given (default apart), with the wording the plan offers. */
  checklistSaved(
    m: Moment,
    plan: PathwayPlan,
    checklist: PathwayPlan['checklist'],
    how?: 'together' | 'together-by-phone' | 'apart',
  ) {
    return draft(m, 'plan.checklist-saved', {
      planId: plan.id,
      checklist,
      event: { type: 'plan.checklist.update', ...(how ? { how } : {}) },
      ...(plan.wording ? { wording: { ...plan.wording } } : {}),
    });
  },

  viewsSaved(m: Moment, planId: string, views: { youngPerson?: string; disagreements?: string }) {
    return draft(m, 'plan.views-saved', { planId, ...views });
  },

  engagementAttempt(m: Moment, planId: string, attempt: PathwayPlan['engagement']['attempts'][number]) {
    return draft(m, 'plan.engagement-attempt', {
      planId,
      attempt: { ...attempt },
      event: { type: 'plan.engagement.record', method: attempt.method, outcome: attempt.outcome, madeAt: attempt.at },
    });
  },

  /** A step of the plan's lifecycle, as sent (plan.submit, plan.return with `comment`, plan.authorise …). */
  planStep(m: Moment, planId: string, event: LifecycleEvent, by: NamedPerson) {
    return draft(m, 'plan.transition', { planId, event: { ...event }, by: { id: by.id, name: by.name } });
  },

  /** Authorising a plan (`extra`: the step's other fields, e.g. `comment`): it carries the wording frozen with it. */
  planAuthorised(m: Moment, plan: PathwayPlan, by: NamedPerson, extra: Record<string, unknown> = {}) {
    return recordEvents.planStep(m, plan.id, { ...extra, type: 'plan.authorise', wording: frozenWording(plan) }, by);
  },

  /** The young person's check-in: its lifecycle starts and is submitted with the moods, in the words they used. */
  checkInRecorded(m: Moment, checkIn: CheckIn, paId: string) {
    return draft(m, 'check-in.recorded', {
      checkIn,
      start: { checkInId: checkIn.id, youngPersonId: checkIn.youngPersonId, paId },
      event: { type: 'checkIn.submit', moods: checkIn.moods, locale: checkIn.locale },
    });
  },

  checkInAcknowledged(m: Moment, checkInId: string) {
    return draft(m, 'check-in.acknowledged', { checkInId, event: { type: 'checkIn.acknowledge' } });
  },

  stayingPutCreated(m: Moment, start: StayingPutStart) {
    return draft(m, 'staying-put.created', {
      arrangementId: start.arrangementId,
      carerUserIds: [...start.carerIds],
      ...(start.supervisingSocialWorkerId ? { supervisingSocialWorkerId: start.supervisingSocialWorkerId } : {}),
      start: { ...start, carerIds: [...start.carerIds] },
    });
  },

  /** A draft of the Living Together Agreement. A new draft clears the signatures: sign-offs come only from signing. */
  agreementSaved(m: Moment, arrangementId: string, agreement: LivingTogetherAgreement) {
    return draft(m, 'staying-put.agreement-saved', {
      arrangementId,
      agreement: { ...agreement, signOffs: [] },
      event: {
        type: 'stayingPut.agreement.draft',
        agreementId: agreement.id,
        parties: agreementParties(m.youngPersonId, agreement),
      },
    });
  },

  /** A step of the arrangement's lifecycle, as sent; a signature becomes a sign-off on the agreement. */
  stayingPutStep(m: Moment, arrangementId: string, event: LifecycleEvent, by: NamedPerson) {
    return draft(m, 'staying-put.transition', { arrangementId, event: { ...event }, by: { id: by.id, name: by.name } });
  },
};

/** Who changes an account or the council's set-up, and when. */
export interface AdminMoment {
  councilId: string;
  actor: { id: string; role: ActorRole };
  at: Date | string;
}

const instant = (at: Date | string) => (typeof at === 'string' ? new Date(at).toISOString() : at.toISOString());

function account<T extends AccountEvent['type']>(
  m: AdminMoment,
  userId: string,
  type: T,
  payload: AdminEventOf<T>['payload'],
): AdminEventOf<T> {
  const e = { schemaVersion: 1, councilId: m.councilId, userId, actorId: m.actor.id, actorRole: m.actor.role };
  return { ...e, type, at: instant(m.at), payload } as AdminEventOf<T>;
}

function council<T extends CouncilEvent['type']>(
  m: AdminMoment,
  subjectId: string,
  type: T,
  payload: AdminEventOf<T>['payload'],
): AdminEventOf<T> {
  const e = { schemaVersion: 1, councilId: m.councilId, subjectId, actorId: m.actor.id, actorRole: m.actor.role };
  return { ...e, type, at: instant(m.at), payload } as AdminEventOf<T>;
}

/** Events about accounts and the council's set-up (teams, API tokens, webhooks). */
export const adminEvents = {
  userCreated: (m: AdminMoment, userId: string, user: AdminEventOf<'user.created'>['payload']) =>
    account(m, userId, 'user.created', { ...user }),
  userUpdated: (m: AdminMoment, userId: string, patch: AdminEventOf<'user.updated'>['payload']) =>
    account(m, userId, 'user.updated', { ...patch }),
  passwordChanged: (m: AdminMoment, userId: string) => account(m, userId, 'user.password-changed', {}),
  teamCreated: (m: AdminMoment, teamId: string, name: string) => council(m, teamId, 'team.created', { name }),
  apiTokenCreated: (m: AdminMoment, tokenId: string, name: string) =>
    council(m, tokenId, 'api-token.created', { name }),
  apiTokenRevoked: (m: AdminMoment, tokenId: string) => council(m, tokenId, 'api-token.revoked', {}),
  webhookCreated: (m: AdminMoment, webhookId: string, hook: { url: string; events: string[] }) =>
    council(m, webhookId, 'webhook.created', { url: hook.url, events: [...hook.events] }),
};
