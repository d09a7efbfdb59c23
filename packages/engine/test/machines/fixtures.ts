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
import { LIFECYCLES, ROLES, startLifecycle, transition, ukDate, unsuccessfulAttempts } from '../../src/index.js';

export const NOW = new Date('2026-03-02T10:00:00Z');
export const TODAY = ukDate(NOW);

export const PLAN_INPUT = { planId: 'plan-1', youngPersonId: 'yp-1', dateOfBirth: '2008-06-15', paId: 'pa-1' };
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

/** A valid payload for each event type (payloads with a choice also come in their variants). */
export const PAYLOADS: Record<string, Record<string, unknown>[]> = {
  'plan.checklist.update': [{ how: 'together' }, { how: 'apart' }],
  'plan.engagement.record': [
    { method: 'phone', outcome: 'no-reply' },
    { method: 'in-person', outcome: 'engaged' },
  ],
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
    { attendees: ['young-person', 'carer', 'social-worker', 'supervising-social-worker', 'pa'] },
  ],
  'stayingPut.agreement.draft': [{ agreementId: 'lta-1' }],
  'stayingPut.agreement.sign': [{}],
  'stayingPut.approve': [{}],
  'stayingPut.panel.approve': [{}],
  'stayingPut.checks.record': [{ carerApproved: true }, { dbsStarted: true }, { dbsDone: true }],
  'stayingPut.start': [{}],
  'stayingPut.review.record': [{}],
  'stayingPut.end': [{ kind: 'planned', activity: 'F2', accommodation: 'U1' }],
  'stayingPut.withdraw': [{ reason: 'carer-cannot-continue' }],
  'checkIn.submit': [
    { moods: { housing: { mood: 'good' }, money: { mood: 'bad', help: true, note: 'Rent went up <b>again</b>' } } },
    { moods: { health: { mood: 'ok' } } },
  ],
  'checkIn.acknowledge': [{}],
};

/** Every event any member of the cast could send, as the machine receives it. */
export function machineEvents(types: readonly string[], now = NOW): MachineEvent[] {
  const out: MachineEvent[] = [];
  for (const type of types) {
    for (const payload of PAYLOADS[type] ?? [{}]) {
      for (const actor of CAST) out.push({ type, ...payload, actor, at: now.toISOString(), today: ukDate(now) });
    }
  }
  return out;
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
      Math.min(unsuccessfulAttempts(c), 3),
      c.youngPersonContributed,
      c.withoutYoungPerson,
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
    ]);
  }
  return JSON.stringify([value, (s.context as { helpDomains: string[] }).helpDomains.length > 0]);
}

/** The shortest path to every distinct (per summary) state, found by xstate/graph from the start input. */
export function modelPaths(name: LifecycleName) {
  const def = LIFECYCLES[name];
  const start = startLifecycle(name, INPUTS[name], NOW);
  const events = machineEvents(Object.keys(def.events));
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
  const { start, paths } = modelPaths(name);
  const out: LifecycleSnapshot[] = [];
  for (const path of [...paths].sort((a, b) => a.steps.length - b.steps.length)) {
    let snap = start;
    for (const step of path.steps) {
      const ev = step.event as unknown as MachineEvent;
      if (!ev.actor) continue;
      const r = transition(name, ev.actor, callerEvent(ev), snap, NOW);
      if (!r.ok) throw new Error(`${ev.type}: ${r.reason}`);
      snap = r.snapshot;
    }
    out.push(snap);
  }
  reachableCache.set(name, out);
  return out;
}
