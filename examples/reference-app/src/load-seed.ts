// Writes the demo data into the server's store as the event log the real service would have written: each
// event is made by the engine's builders (recordEvents), as the server's routes make them, and applied through
// the engine's reducer with its historical time, so every state in the demo is one the service itself reaches.
import {
  type Actor,
  addDays,
  applyRecordEvent,
  birthday,
  defaultCouncilSettings,
  type EventDraft,
  emptyChecklist,
  emptyProjection,
  type LifecycleEvent,
  LifecycleRefusedError,
  type Moment,
  type NamedPerson,
  type PathwayPlan,
  type PlanRecord,
  type ProjectionState,
  pathwayPlanRules,
  questionSet,
  recordEvents,
  requiredSigners,
  type StayingPutContext,
  stayingPutRules,
} from '@onward/engine';
import { hashPassword, type NewEvent, type Store } from '@onward/server';
import type { SeedCouncil, SeedData, SeedStaff, SeedYoungPerson } from './seed.js';

/** The server's store (docs/api.md §1): the loader uses its bulk methods and appendHistory (the demo's past). */
export type SeedStore = Pick<
  Store,
  | 'createCouncil'
  | 'councilSettings'
  | 'createTeam'
  | 'createStaffUsers'
  | 'createYoungPeople'
  | 'createYoungPersonUser'
  | 'createInvitation'
  | 'appendHistory'
  | 'freezePlans'
>;

export interface LoadSeedOptions {
  log?: (line: string) => void;
  youngPersonAccounts?: number;
  /**
   * True: every plan the seed authorises is frozen with its PDF queued, as the server does when a manager
   * authorises one; the server's freeze queue makes the PDFs in the background (or one on the spot when asked
   * for), so "Download my plan (PDF)" works on demo data. Otherwise the frozen copies have no PDF.
   */
  queuePlanPdfs?: boolean;
}

export interface LoadReport {
  events: number;
  /** Authorised plans frozen (with their PDF queued when asked). */
  frozen: number;
  refused: number;
  ms: number;
}

/**
 * The record being written for one young person, checked as it is written: each event comes from the engine's
 * builders and is applied to a projection through the same reducer the server uses (which re-runs the lifecycle
 * machines), so the demo can only hold steps the service itself would accept. A refused step is counted and left
 * out; the store checks every event again when it is appended.
 */
class RecordWriter {
  readonly events: NewEvent[] = [];
  readonly state: ProjectionState = emptyProjection();
  refused = 0;
  constructor(
    readonly councilId: string,
    readonly youngPersonId: string,
  ) {}
  moment(actor: Actor, at: string): Moment {
    return { councilId: this.councilId, youngPersonId: this.youngPersonId, actor, at };
  }
  /** Adds the event when its lifecycle accepts it; false (and nothing changes) when it refuses. */
  add(e: EventDraft): boolean {
    try {
      applyRecordEvent(this.state, e);
    } catch (err) {
      if (!(err instanceof LifecycleRefusedError)) throw err;
      this.refused++;
      return false;
    }
    this.events.push(e);
    return true;
  }
  plan(id: string): PlanRecord {
    return this.state.plans.get(id)!;
  }
}

function later(at: string, minutes: number): string {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}

function eventsFor(
  council: SeedCouncil,
  yp: SeedYoungPerson,
  staff: Map<string, SeedStaff>,
  today: string,
): { events: NewEvent[]; refused: number } {
  const w = new RecordWriter(council.id, yp.id);
  // The council's rules (the reference app's councils use the defaults for their nation).
  const settings = defaultCouncilSettings(council.nation);
  const team = council.teams.find((t) => t.id === yp.teamId)!;
  const manager = staff.get(team.managerId)!;
  const mActor: Actor = { id: manager.id, role: 'team-manager' };
  const ypActor: Actor = { id: yp.id, role: 'young-person' };
  const named = (id: string): NamedPerson => ({ id, name: id === yp.id ? yp.name : (staff.get(id)?.name ?? id) });
  const set = questionSet();
  let previous: string | undefined;

  for (const sp of yp.plans) {
    const doc = sp.plan;
    const pa = staff.get(doc.pa.id)!;
    const paActor: Actor = { id: pa.id, role: 'pa' };
    const start = sp.history[0]!.at;
    // At a review the PA starts it on the previous plan, which then waits to be replaced.
    if (previous)
      w.add(
        recordEvents.planStep(
          w.moment(paActor, start),
          previous,
          { type: 'plan.review.start', nextPlanId: doc.id },
          pa,
        ),
      );
    const base: PathwayPlan = {
      ...doc,
      checklist: emptyChecklist(set) as PathwayPlan['checklist'],
      domains: {},
      engagement: { attempts: [], completedBy: doc.engagement.completedBy },
      signOffs: [],
    };
    delete base.authorised;
    delete base.nextReview;
    delete base.returns;
    if (!w.add(recordEvents.planCreated(w.moment(paActor, start), base, pathwayPlanRules(settings)))) break;
    for (const a of doc.engagement.attempts) w.add(recordEvents.engagementAttempt(w.moment(paActor, a.at), doc.id, a));
    const answers = Object.values(
      doc.checklist.answers as Record<string, Record<string, { at: string; by: string }>>,
    ).flatMap((d) => Object.values(d));
    const answeredAt = answers.map((a) => a.at).sort()[answers.length - 1];
    const withoutYp = doc.engagement.completedBy === 'worker-without-young-person';
    let lastAt =
      doc.engagement.attempts
        .map((a) => a.at)
        .sort()
        .at(-1) ?? start;
    if (withoutYp) {
      const at = later(lastAt, 60);
      w.add(recordEvents.planStep(w.moment(paActor, at), doc.id, { type: 'plan.completeWithoutYoungPerson' }, pa));
      // Later steps come after it: the log is sorted by time, and submitting needs this step first.
      lastAt = at;
    }
    if (answeredAt) {
      const how =
        doc.engagement.completedBy === 'together-by-phone'
          ? 'together-by-phone'
          : doc.engagement.completedBy === 'together'
            ? 'together'
            : 'apart';
      const at = answeredAt < lastAt ? later(lastAt, 5) : answeredAt;
      const m = w.moment(withoutYp ? paActor : ypActor, at);
      w.add(recordEvents.checklistSaved(m, w.plan(doc.id).doc, doc.checklist, how));
      lastAt = at;
    }
    // The PA's part of the plan: goals, contingency, views, codes (sign-offs and returns come from the steps).
    const savedAt = later(lastAt, 30);
    w.add(recordEvents.planSaved(w.moment(paActor, savedAt), w.plan(doc.id).doc, doc));
    let stepAt = savedAt;
    for (const h of sp.history.slice(1)) {
      if (h.type === 'plan.engagement') continue;
      const actor: Actor = h.type === 'plan.submit' ? paActor : mActor;
      const by = h.type === 'plan.submit' ? pa : manager;
      // Each step after the one before (the log is sorted by time).
      const at = h.at <= stepAt ? later(stepAt, 10) : h.at;
      stepAt = at;
      const m = w.moment(actor, at);
      const e =
        h.type === 'plan.authorise'
          ? recordEvents.planAuthorised(m, w.plan(doc.id).doc, by)
          : recordEvents.planStep(
              m,
              doc.id,
              h.type === 'plan.return' ? { type: h.type, comment: h.comment ?? '' } : { type: h.type },
              by,
            );
      if (!w.add(e)) break;
      if (h.type === 'plan.authorise' && previous)
        w.add(recordEvents.planStep(w.moment(mActor, later(at, 1)), previous, { type: 'plan.supersede' }, manager));
    }
    previous = doc.id;
  }

  // At 25 the service ends: the last plan is closed on the birthday (if that day has come).
  const twentyFive = birthday(yp.dateOfBirth, 25);
  if (
    previous &&
    twentyFive <= today &&
    ['active', 'reviewDue', 'draft', 'returned', 'submitted'].includes(w.plan(previous).state)
  ) {
    const m = w.moment(mActor, `${twentyFive}T09:30:00.000Z`);
    w.add(recordEvents.planStep(m, previous, { type: 'plan.close', reason: 'turned-25' }, manager));
  }

  for (const c of yp.checkIns) {
    if (!w.add(recordEvents.checkInRecorded(w.moment(ypActor, c.at), c, yp.paId))) continue;
    // Older help requests have been seen by the PA; those from the last fortnight are still open.
    const recorded = w.state.checkIns.get(c.id)!;
    if (
      recorded.lifecycle.state === 'helpRequested' &&
      Date.parse(c.at) < Date.parse(`${today}T00:00:00Z`) - 14 * 86_400_000
    )
      w.add(recordEvents.checkInAcknowledged(w.moment({ id: yp.paId, role: 'pa' }, later(c.at, 60 * 20)), c.id));
  }

  const sp = yp.stayingPut;
  if (sp) {
    const pa = staff.get(yp.paId)!;
    const paActor: Actor = { id: pa.id, role: 'pa' };
    const ssw = council.staff.find((s) => s.role === 'supervising-social-worker');
    const sw = sp.agreement?.socialWorker?.id ?? yp.socialWorkerId;
    const stepAt = (s: string) => `${sp.steps.find((x) => x.step === s)?.at}T11:00:00.000Z`;
    const has = (s: string) => sp.steps.some((x) => x.step === s);
    const first = stepAt('identified');
    const created = recordEvents.stayingPutCreated(w.moment(paActor, first), {
      arrangementId: sp.id,
      youngPersonId: yp.id,
      dateOfBirth: yp.dateOfBirth,
      carerIds: sp.carerIds,
      paId: pa.id,
      ...(sw ? { socialWorkerId: sw } : {}),
      ...(ssw ? { supervisingSocialWorkerId: ssw.id } : {}),
      carerFostersOthers: sp.agreement?.checks?.dbsNeeded ?? false,
      identifiedOn: first.slice(0, 10),
      rules: stayingPutRules(settings),
    });
    let ok = w.add(created);
    const go = (actor: Actor, event: LifecycleEvent, at: string) =>
      w.add(recordEvents.stayingPutStep(w.moment(actor, at), sp.id, event, named(actor.id)));
    const day = (s: string) => stepAt(s).slice(0, 10);
    if (ok && has('discussed'))
      ok = go(
        paActor,
        { type: 'stayingPut.discuss', youngPersonWants: 'yes', carerWilling: 'yes', on: day('discussed') },
        stepAt('discussed'),
      );
    if (ok && has('in-plan'))
      ok = go(paActor, { type: 'stayingPut.plans.include', on: day('in-plan') }, stepAt('in-plan'));
    // Progress towards Staying Put is reviewed at 17½ (when that day has come and the arrangement is that far on).
    const seventeenHalf = addDays(birthday(yp.dateOfBirth, 17), 182);
    if (ok && has('in-plan') && seventeenHalf <= today) {
      const on = [seventeenHalf, day('in-plan')].sort()[1]!;
      if (!has('agreement-meeting') || on <= day('agreement-meeting'))
        go(paActor, { type: 'stayingPut.progress.record', on }, `${on}T15:00:00.000Z`);
    }
    if (ok && has('agreement-meeting'))
      ok = go(
        paActor,
        {
          type: 'stayingPut.meeting.record',
          attendees: [...settings.stayingPut.meetingAttendees],
          on: day('agreement-meeting'),
        },
        stepAt('agreement-meeting'),
      );
    // The agreement drafted and saved in one event (it names its parties: the young person, each carer, the workers).
    if (ok && has('agreement-drafted') && sp.agreement)
      ok = w.add(recordEvents.agreementSaved(w.moment(paActor, stepAt('agreement-drafted')), sp.id, sp.agreement));
    if (ok && has('signed')) {
      const context = w.state.arrangements.get(sp.id)!.lifecycle.context as StayingPutContext;
      requiredSigners(context).forEach((s, i) => {
        if (ok) ok = go({ id: s.id, role: s.party }, { type: 'stayingPut.agreement.sign' }, later(stepAt('signed'), i));
      });
    }
    if (ok && has('approved')) {
      ok = go(mActor, { type: 'stayingPut.approve' }, stepAt('approved'));
      if (ok && ssw)
        ok = go(
          { id: ssw.id, role: 'supervising-social-worker' },
          { type: 'stayingPut.panel.approve', on: day('approved') },
          later(stepAt('approved'), 5),
        );
    }
    if (ok && has('checks') && ssw)
      ok = go(
        { id: ssw.id, role: 'supervising-social-worker' },
        { type: 'stayingPut.checks.record', carerApproved: true, dbsStarted: true, dbsDone: true, on: day('checks') },
        stepAt('checks'),
      );
    if (ok && has('active')) {
      ok = go(paActor, { type: 'stayingPut.start', on: day('active') }, stepAt('active'));
      // When I am Ready (Wales) runs past 21 only while the young person is in education or training.
      const twentyOne = birthday(yp.dateOfBirth, 21);
      if (ok && council.nation === 'wales' && twentyOne <= (sp.ended?.at ?? today)) {
        const on = addDays(twentyOne, -30);
        go(paActor, { type: 'stayingPut.education.record', on }, `${on}T10:00:00.000Z`);
      }
      // Reviews: the first within 28 days of the start, then about every six months, up to today (or the end).
      const endDay = sp.ended?.at ?? today;
      for (let review = addDays(day('active'), 24); ok && review < endDay; review = addDays(review, 175))
        go(paActor, { type: 'stayingPut.review.record', on: review }, `${review}T10:00:00.000Z`);
    }
    if (ok && has('ended') && sp.ended) {
      const last = yp.plans.at(-1)?.plan.ssda903;
      const activity = last?.activity && last.activity !== '0' ? last.activity : 'F2';
      go(
        paActor,
        {
          type: 'stayingPut.end',
          kind: sp.ended.planned ? 'planned' : 'unplanned',
          activity,
          accommodation: sp.ended.planned ? 'U1' : 'E1',
          on: sp.ended.at,
        },
        `${sp.ended.at}T12:00:00.000Z`,
      );
    }
  }
  // One log, in time order (each record's own steps are already in order; the records interleave).
  const events = [...w.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { events, refused: w.refused };
}

/**
 * Loads the demo data into an empty store. Young people's own sign-ins are made only for the demo accounts and
 * a sample of others. They all have the one demo password, hashed once (scrypt is slow on purpose: 64 hashes
 * were about 20 s of CPU); every demo account holds that hash, salt and all.
 */
export async function loadSeed(store: SeedStore, data: SeedData, options: LoadSeedOptions = {}): Promise<LoadReport> {
  const t0 = Date.now();
  let count = 0;
  let refused = 0;
  let frozen = 0;
  const demoHash = await hashPassword(data.demoPassword);
  for (const council of data.councils) {
    const tc = Date.now();
    const frozenBefore = frozen;
    const lap = (what: string) => options.log?.(`    ${what}: ${((Date.now() - tc) / 1000).toFixed(1)} s`);
    await store.createCouncil({ id: council.id, name: council.name });
    // A council outside England runs on its nation's defaults (Welsh law and terms), kept as its settings so the
    // server and every page use them; an English council runs on the defaults with nothing stored.
    if (council.nation !== 'england')
      await store.councilSettings.put({
        councilId: council.id,
        settings: defaultCouncilSettings(council.nation),
        by: council.staff.find((s) => s.role === 'admin')?.id ?? 'seed',
        at: `${data.today}T09:00:00.000Z`,
      });
    for (const t of council.teams) await store.createTeam({ id: t.id, councilId: council.id, name: t.name });
    await store.createStaffUsers(
      council.staff.map((s) => ({
        id: s.id,
        councilId: council.id,
        email: s.email,
        name: s.name,
        role: s.role,
        ...(s.teamId ? { teamId: s.teamId } : {}),
        passwordHash: demoHash,
      })),
    );
    lap('staff sign-ins');
    const staff = new Map(council.staff.map((s) => [s.id, s]));
    const registered = (y: SeedYoungPerson) => y.plans[0]?.history[0]?.at ?? `${data.today}T09:00:00.000Z`;
    await store.createYoungPeople(
      council.youngPeople.map((y) => ({
        id: y.id,
        councilId: council.id,
        name: y.name,
        ...(y.preferredName ? { preferredName: y.preferredName } : {}),
        dateOfBirth: y.dateOfBirth,
        category: y.category,
        teamId: y.teamId,
        paId: y.paId,
        ...(y.socialWorkerId ? { socialWorkerId: y.socialWorkerId } : {}),
        language: y.language,
        at: later(registered(y), -60 * 24 * 7),
      })),
    );
    // Events in batches of young people: one transaction each, so a big council does not hold one huge one.
    const BATCH = 40;
    for (let i = 0; i < council.youngPeople.length; i += BATCH) {
      const batch: NewEvent[] = [];
      for (const y of council.youngPeople.slice(i, i + BATCH)) {
        const r = eventsFor(council, y, staff, data.today);
        batch.push(...r.events);
        refused += r.refused;
      }
      // The demo's past: recorded, but no PA is emailed about help asked for months ago.
      const states = await store.appendHistory(batch);
      count += batch.length;
      // Each authorised plan is frozen as the server freezes one: the document as authorised, its PDF queued. The
      // batch's plans are frozen together, in one transaction (one each took most of the seed's time).
      const freezes: Parameters<SeedStore['freezePlans']>[0][number][] = [];
      for (const e of batch) {
        const p = e.payload as { planId?: string; event?: { type?: string } };
        if (e.type !== 'plan.transition' || p.event?.type !== 'plan.authorise' || !p.planId) continue;
        const plan = states.get(e.youngPersonId)?.plans.get(p.planId);
        if (!plan) continue;
        const locale = plan.doc.wording?.locale ?? 'en-GB';
        freezes.push({
          planId: plan.id,
          councilId: council.id,
          youngPersonId: e.youngPersonId,
          doc: plan.doc,
          ...(options.queuePlanPdfs ? { queue: { councilName: council.name, locale } } : {}),
          at: e.at ?? plan.updatedAt,
        });
      }
      await store.freezePlans(freezes);
      frozen += freezes.length;
    }
    lap(
      `plans, check-ins and Staying Put, replayed through the lifecycles; ${frozen - frozenBefore} authorised plans frozen${options.queuePlanPdfs ? ', their PDFs queued' : ''}`,
    );
    const accounts = council.youngPeople.filter((y) => y.account === 'active' && y.email);
    const limit = options.youngPersonAccounts ?? 12;
    const chosen = [
      ...accounts.filter((y) => y.demo),
      ...accounts.filter((y) => !y.demo).slice(0, Math.max(0, limit - 1)),
    ];
    for (let i = 0; i < chosen.length; i += 8)
      await Promise.all(
        chosen.slice(i, i + 8).map((y) =>
          store.createYoungPersonUser({
            councilId: council.id,
            youngPersonId: y.id,
            email: y.email!,
            passwordHash: demoHash,
          }),
        ),
      );
    for (const y of council.youngPeople.filter((x) => x.account === 'invited').slice(0, 20))
      await store.createInvitation({ councilId: council.id, youngPersonId: y.id, createdBy: y.paId });
    options.log?.(`  ${council.name}: ${council.youngPeople.length} young people, ${council.staff.length} staff`);
  }
  return { events: count, refused, frozen, ms: Date.now() - t0 };
}
