// A cast of people and valid payloads, shared by the lifecycle tests. Each young person is of an age at NOW that
// lets every step of their process be taken (the plan's young person is 17, the Staying Put young person 18).
import type { AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type {
  Actor,
  LifecycleEvent,
  LifecycleName,
  LifecycleSnapshot,
  MachineEvent,
  PathwayPlanContext,
  Role,
  StayingPutContext,
} from '../../src/index.js';
import {
  countedAttempts,
  LIFECYCLES,
  ROLES,
  startLifecycle,
  transition,
  ukDate,
  unsuccessfulAttempts,
} from '../../src/index.js';

export const NOW = new Date('2026-03-02T10:00:00Z');
export const TODAY = ukDate(NOW);

// The plan's young person is still looked after (eligible), so the Independent Reviewing Officer takes part.
export const PLAN_INPUT = {
  planId: 'plan-1',
  youngPersonId: 'yp-1',
  dateOfBirth: '2008-06-15',
  paId: 'pa-1',
  category: 'eligible',
};
export const STAYING_PUT_INPUT = {
  arrangementId: 'sp-1',
  youngPersonId: 'yp-1',
  dateOfBirth: '2008-01-10',
  carerIds: ['carer-1', 'carer-2'],
  paId: 'pa-1',
  socialWorkerId: 'sw-1',
  supervisingSocialWorkerId: 'ssw-1',
  carerFostersOthers: true,
};
export const CHECK_IN_INPUT = { checkInId: 'ci-1', youngPersonId: 'yp-1', paId: 'pa-1' };
export const INPUTS: Record<LifecycleName, Record<string, unknown>> = {
  'pathway-plan': PLAN_INPUT,
  'staying-put': STAYING_PUT_INPUT,
  'check-in': CHECK_IN_INPUT,
};

/**
 * Where the model walks start: a process under the council's rules, and one recorded before council rules existed
 * (`rules: null`), which must still accept every step it accepted then so that stored logs replay.
 */
export const MODEL_STARTS: Record<
  LifecycleName,
  { label: string; input: Record<string, unknown>; without?: readonly string[] }[]
> = {
  // The walk from an old process leaves out moving it onto current rules, so it explores the old rules only.
  'pathway-plan': [
    { label: 'council rules', input: PLAN_INPUT },
    { label: 'before council rules', input: { ...PLAN_INPUT, rules: null }, without: ['plan.rules.adopt'] },
  ],
  'staying-put': [
    { label: 'council rules', input: STAYING_PUT_INPUT },
    {
      label: 'before council rules',
      input: { ...STAYING_PUT_INPUT, rules: null },
      without: ['stayingPut.rules.adopt'],
    },
  ],
  'check-in': [{ label: 'always', input: CHECK_IN_INPUT }],
};

/** Everyone who might try a step: the right people and some wrong ones. */
export const CAST: Actor[] = [
  { id: 'yp-1', role: 'young-person' },
  { id: 'yp-2', role: 'young-person' },
  { id: 'pa-1', role: 'pa' },
  { id: 'pa-2', role: 'pa' },
  { id: 'sw-1', role: 'social-worker' },
  { id: 'tm-1', role: 'team-manager' },
  { id: 'tm-2', role: 'team-manager' },
  { id: 'ssw-1', role: 'supervising-social-worker' },
  { id: 'ssw-2', role: 'supervising-social-worker' },
  { id: 'iro-1', role: 'independent-reviewing-officer' },
  { id: 'carer-1', role: 'carer' },
  { id: 'carer-2', role: 'carer' },
  { id: 'carer-9', role: 'carer' },
  { id: 'an-1', role: 'analyst' },
  { id: 'admin-1', role: 'admin' },
];

/** The person of each role who is entitled by identity (the plan's own young person, the named PA, …). */
export function rightful(role: Role): Actor {
  const a = CAST.find((c) => c.role === role);
  if (!a) throw new Error(role);
  return a;
}
export { ROLES };

/** The parties the fixtures' agreement names: everyone in the arrangement. */
export const PARTIES = [
  { party: 'young-person', id: 'yp-1' },
  { party: 'carer', id: 'carer-1' },
  { party: 'carer', id: 'carer-2' },
  { party: 'social-worker', id: 'sw-1' },
  { party: 'supervising-social-worker', id: 'ssw-1' },
  { party: 'pa', id: 'pa-1' },
];

/** A valid payload for each event type (payloads with a choice also come in their variants). */
export const PAYLOADS: Record<string, Record<string, unknown>[]> = {
  'plan.checklist.update': [{ how: 'together' }, { how: 'apart' }],
  'plan.engagement.record': [
    { method: 'phone', outcome: 'no-reply' },
    { method: 'in-person', outcome: 'engaged' },
  ],
  'plan.rules.adopt': [{ rules: { nation: 'england', attemptsBeforeProceeding: 3, attemptSpacingDays: 1 } }],
  'plan.completeWithoutYoungPerson': [{}],
  'plan.submit': [{}],
  'plan.authorise': [
    { wording: { questionSetVersion: 2, locale: 'en-GB', variant: 'standard' }, contentDigest: 'sha256:abc' },
  ],
  'plan.return': [{ comment: 'Please add the contingency plan.' }],
  'plan.change.record': [{ on: '2026-02-20' }],
  'plan.review.request': [{}],
  'plan.review.start': [{ nextPlanId: 'plan-2' }],
  'plan.supersede': [{}],
  'plan.close': [{ reason: 'moved-away' }],
  'stayingPut.discuss': [
    { youngPersonWants: 'yes', carerWilling: 'yes' },
    { youngPersonWants: 'unsure', carerWilling: 'yes' },
  ],
  'stayingPut.plans.include': [{}],
  'stayingPut.progress.record': [{}],
  'stayingPut.meeting.record': [
    { attendees: ['young-person', 'carer', 'social-worker', 'supervising-social-worker', 'pa', 'benefits-adviser'] },
    // Enough under the old rules only.
    { attendees: ['young-person', 'carer'] },
  ],
  'stayingPut.agreement.draft': [{ agreementId: 'lta-1', parties: PARTIES }],
  'stayingPut.managers.tell': [{}],
  'stayingPut.conversionTasks.list': [{}],
  'stayingPut.education.record': [{}],
  'stayingPut.workers.allocate': [{ supervisingSocialWorkerId: 'ssw-1' }],
  // Wales: the council's rules, with When I am Ready running to 25 for education or training.
  'stayingPut.rules.adopt': [
    {
      rules: {
        nation: 'wales',
        meetingAttendees: [
          'young-person',
          'carer',
          'social-worker',
          'supervising-social-worker',
          'pa',
          'benefits-adviser',
        ],
        signatories: ['young-person', 'carer', 'social-worker', 'supervising-social-worker', 'pa'],
      },
    },
  ],
  'stayingPut.agreement.sign': [{}],
  'stayingPut.approve': [{}],
  'stayingPut.panel.approve': [{}],
  'stayingPut.checks.record': [{ carerApproved: true }, { dbsStarted: true }, { dbsDone: true }],
  // On the 18th birthday, recorded later.
  'stayingPut.start': [{ on: '2026-01-10' }],
  'stayingPut.review.record': [{}],
  'stayingPut.end': [{ kind: 'planned', activity: 'F2', accommodation: 'U1' }],
  'stayingPut.withdraw': [{ reason: 'carer-cannot-continue' }],
  'checkIn.submit': [
    { moods: { housing: { mood: 'good' }, money: { mood: 'bad', help: true, note: 'Rent went up <b>again</b>' } } },
    { moods: { health: { mood: 'ok' } } },
  ],
  'checkIn.acknowledge': [{}],
};

/** Attempts to reach the young person are made on different days: 2 days and 1 day before NOW, and at NOW. */
const ATTEMPT_DAYS = [2, 1, 0];

/** Every event any member of the cast could send, as the machine receives it. */
export function machineEvents(types: readonly string[], now = NOW): MachineEvent[] {
  const out: MachineEvent[] = [];
  for (const type of types) {
    const days = type === 'plan.engagement.record' ? ATTEMPT_DAYS : [0];
    for (const payload of PAYLOADS[type] ?? [{}]) {
      for (const back of days) {
        const when = new Date(now.getTime() - back * 86_400_000);
        for (const actor of CAST) out.push({ type, ...payload, actor, at: when.toISOString(), today: ukDate(when) });
      }
    }
  }
  return out;
}

/** The instant an event was made at, to replay it through the API at that time. */
export function whenOf(e: MachineEvent): Date {
  return new Date(e.at);
}

/** Strips the machine-only fields, giving what a caller sends. */
export function callerEvent(e: MachineEvent): LifecycleEvent {
  const { actor: _a, at: _t, today: _d, ...rest } = e;
  return rest as LifecycleEvent;
}

export function stateOf(s: LifecycleSnapshot): string {
  return s.state;
}

/** What makes two snapshots different for the rules (so the walk stays finite as lists grow). */
export function summary(name: LifecycleName, s: AnyMachineSnapshot): string {
  const value = String(s.value);
  if (name === 'pathway-plan') {
    const c = s.context as PathwayPlanContext;
    return JSON.stringify([
      value,
      Math.min(countedAttempts(c), 3),
      Math.min(unsuccessfulAttempts(c), 3),
      c.youngPersonContributed,
      c.withoutYoungPerson,
      Boolean(c.rules),
    ]);
  }
  if (name === 'staying-put') {
    const c = s.context as StayingPutContext;
    return JSON.stringify([
      value,
      c.youngPersonWants,
      c.carerWilling,
      c.signatures.length,
      Boolean(c.managerApproval),
      Boolean(c.panelApproval),
      Boolean(c.carerApprovedOn),
      Boolean(c.dbsDoneOn),
      c.reviews.length > 0,
      c.rules?.nation ?? 'legacy',
      Boolean(c.educationCondition),
    ]);
  }
  return JSON.stringify([value, (s.context as { helpDomains: string[] }).helpDomains.length > 0]);
}

/** The shortest path to every distinct (per summary) state, found by xstate/graph from a start input. */
export function modelPaths(
  name: LifecycleName,
  input: Record<string, unknown> = INPUTS[name],
  without: readonly string[] = [],
) {
  const def = LIFECYCLES[name];
  const start = startLifecycle(name, input, NOW);
  const events = machineEvents(Object.keys(def.events).filter((t) => !without.includes(t)));
  const paths = getShortestPaths(def.machine, {
    input: start.context,
    events: () => events,
    serializeState: (s) => summary(name, s as AnyMachineSnapshot),
  });
  return { start, events, paths };
}

const reachableCache = new Map<LifecycleName, LifecycleSnapshot[]>();

/** One stored snapshot per distinct state the machine can reach, made through the public API (shortest first). */
export function reachableSnapshots(name: LifecycleName): LifecycleSnapshot[] {
  const cached = reachableCache.get(name);
  if (cached) return cached;
  const out: LifecycleSnapshot[] = [];
  for (const { input, without } of MODEL_STARTS[name]) {
    const { start, paths } = modelPaths(name, input, without);
    for (const path of [...paths].sort((a, b) => a.steps.length - b.steps.length)) {
      let snap = start;
      for (const step of path.steps) {
        const ev = step.event as unknown as MachineEvent;
        if (!ev.actor) continue;
        const r = transition(name, ev.actor, callerEvent(ev), snap, whenOf(ev));
        if (!r.ok) throw new Error(`${ev.type}: ${r.reason}`);
        snap = r.snapshot;
      }
      out.push(snap);
    }
  }
  reachableCache.set(name, out);
  return out;
}
