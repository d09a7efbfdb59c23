// Writes the demo data into the server's store as the event log the real service would have written: each
// plan, check-in and Staying Put arrangement is replayed through the engine's lifecycles (startLifecycle,
// transition) with its historical times, so every state in the demo is one the service itself could reach.
import {
  type Actor,
  type AnyChecklist,
  agreementParties,
  defaultCouncilSettings,
  emptyChecklist,
  type LifecycleEvent,
  type LifecycleName,
  type LifecycleSnapshot,
  type PathwayPlan,
  pathwayPlanRules,
  questionSet,
  requiredSigners,
  type StayingPutContext,
  startLifecycle,
  stayingPutRules,
  transition,
  upgradeRecord,
} from '@onward/engine';
import type { NewEvent, RenderContext, Store } from '@onward/server';
import type { SeedCouncil, SeedData, SeedStaff, SeedYoungPerson } from './seed.js';

/** The server's store (docs/api.md §1): the loader uses its bulk methods and appendEvents. */
export type SeedStore = Pick<
  Store,
  | 'createCouncil'
  | 'createTeam'
  | 'createStaffUsers'
  | 'createYoungPeople'
  | 'createYoungPersonUser'
  | 'createInvitation'
  | 'appendEvents'
  | 'freezePlan'
>;

export interface LoadSeedOptions {
  log?: (line: string) => void;
  youngPersonAccounts?: number;
  /**
   * Renders an authorised plan's PDF. Given, every plan the seed authorises is frozen with its PDF, as the
   * server does when a manager authorises one (so "Download my plan (PDF)" works on demo data); without it the
   * frozen copies have no PDF.
   */
  renderPlanPdf?: (plan: PathwayPlan, ctx: RenderContext) => Promise<Uint8Array>;
}

export interface LoadReport {
  events: number;
  /** Authorised plans frozen (with a PDF when a renderer was given). */
  frozen: number;
  refused: number;
  ms: number;
}

class Replay {
  snapshot: LifecycleSnapshot;
  refused = 0;
  constructor(
    readonly name: LifecycleName,
    input: unknown,
    at: string,
  ) {
    this.snapshot = startLifecycle(name, input, new Date(at));
  }
  /** Takes a step; false (and nothing changes) when the lifecycle refuses it. */
  step(actor: Actor, event: LifecycleEvent, at: string): { from: string; to: string } | undefined {
    const from = this.snapshot.state;
    const r = transition(this.name, actor, event, this.snapshot, new Date(at));
    if (!r.ok) {
      this.refused++;
      return undefined;
    }
    this.snapshot = r.snapshot;
    return { from, to: r.snapshot.state };
  }
}

function addDaysIso(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function addYearsIso(day: string, n: number): string {
  return `${String(Number(day.slice(0, 4)) + n).padStart(4, '0')}${day.slice(4)}`;
}

function later(at: string, minutes: number): string {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString();
}

/**
 * The seed works out its story as format-1 events (each with the lifecycle state it led to), then writes them in
 * the current format through the engine's upgrader: the upgrader re-runs the machines and refuses any event whose
 * recorded state they do not reach, so the demo can only hold histories the service itself could have written.
 */
function currentFormat(events: NewEvent[], yp: SeedYoungPerson): NewEvent[] {
  const stored = events.map((e, i) => ({ ...(e as object), id: `seed-${i}`, sequence: i + 1, schemaVersion: 1 }));
  const known = { teamId: yp.teamId, category: yp.category, paId: yp.paId };
  return upgradeRecord(stored as unknown as Parameters<typeof upgradeRecord>[0], known).map(
    ({ id: _id, sequence: _s, facts: _f, ...draft }) => draft as unknown as NewEvent,
  );
}

function eventsFor(
  council: SeedCouncil,
  yp: SeedYoungPerson,
  staff: Map<string, SeedStaff>,
  today: string,
): { events: NewEvent[]; refused: number } {
  const events: NewEvent[] = [];
  let refused = 0;
  // The council's rules (the reference app's councils use the defaults for their nation).
  const settings = defaultCouncilSettings(council.nation);
  const ev = (type: NewEvent['type'], payload: Record<string, unknown>, at: string, actor: Actor) =>
    events.push({
      councilId: council.id,
      youngPersonId: yp.id,
      type,
      payload,
      at,
      actorId: actor.id,
      actorRole: actor.role,
    } as NewEvent);
  const team = council.teams.find((t) => t.id === yp.teamId)!;
  const manager = staff.get(team.managerId)!;
  const mActor: Actor = { id: manager.id, role: 'team-manager' };
  const ypActor: Actor = { id: yp.id, role: 'young-person' };
  const set = questionSet();
  let previous: { id: string; replay: Replay } | undefined;

  for (const sp of yp.plans) {
    const doc = sp.plan;
    const pa = staff.get(doc.pa.id)!;
    const paActor: Actor = { id: pa.id, role: 'pa' };
    const start = sp.history[0]!.at;
    // At a review the PA starts it on the previous plan, which then waits to be replaced.
    if (previous) {
      const moved = previous.replay.step(paActor, { type: 'plan.review.start', nextPlanId: doc.id }, start);
      if (moved)
        ev(
          'plan.transition',
          {
            planId: previous.id,
            event: { type: 'plan.review.start' },
            ...moved,
            lifecycle: previous.replay.snapshot,
            by: { id: pa.id, name: pa.name },
          },
          start,
          paActor,
        );
    }
    const replay = new Replay(
      'pathway-plan',
      {
        planId: doc.id,
        youngPersonId: yp.id,
        dateOfBirth: yp.dateOfBirth,
        paId: pa.id,
        ...(doc.previousPlanId ? { previousPlanId: doc.previousPlanId } : {}),
        category: doc.youngPerson.category,
        rules: pathwayPlanRules(settings),
      },
      start,
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
    ev('plan.created', { plan: base, lifecycle: replay.snapshot }, start, paActor);
    for (const a of doc.engagement.attempts) {
      if (
        replay.step(
          paActor,
          { type: 'plan.engagement.record', method: a.method, outcome: a.outcome, madeAt: a.at },
          a.at,
        )
      )
        ev('plan.engagement-attempt', { planId: doc.id, attempt: a, lifecycle: replay.snapshot }, a.at, paActor);
    }
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
      const moved = replay.step(paActor, { type: 'plan.completeWithoutYoungPerson' }, at);
      if (moved)
        ev(
          'plan.transition',
          {
            planId: doc.id,
            event: { type: 'plan.completeWithoutYoungPerson' },
            ...moved,
            lifecycle: replay.snapshot,
            by: { id: pa.id, name: pa.name },
          },
          at,
          paActor,
        );
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
      const actor = withoutYp ? paActor : ypActor;
      const at = answeredAt < lastAt ? later(lastAt, 5) : answeredAt;
      if (replay.step(actor, { type: 'plan.checklist.update', how }, at))
        ev(
          'plan.checklist-saved',
          { planId: doc.id, checklist: doc.checklist as AnyChecklist, lifecycle: replay.snapshot },
          at,
          actor,
        );
      lastAt = at;
    }
    // The PA's part of the plan: goals, contingency, views, codes (sign-offs and returns come from the steps).
    const saved: PathwayPlan = { ...doc, signOffs: doc.signOffs.filter((s) => s.role !== 'team-manager') };
    delete saved.authorised;
    delete saved.nextReview;
    delete saved.returns;
    const savedAt = later(lastAt, 30);
    ev('plan.saved', { planId: doc.id, plan: saved }, savedAt, paActor);
    let stepAt = savedAt;
    for (const h of sp.history.slice(1)) {
      if (h.type === 'plan.engagement') continue;
      const actor: Actor = h.type === 'plan.submit' ? paActor : mActor;
      const by = h.type === 'plan.submit' ? pa : manager;
      const event: LifecycleEvent =
        h.type === 'plan.authorise'
          ? {
              type: h.type,
              wording: {
                questionSetVersion: set.version,
                locale: doc.wording?.locale ?? 'en-GB',
                variant: doc.wording?.variant ?? 'standard',
              },
            }
          : h.type === 'plan.return'
            ? { type: h.type, comment: h.comment ?? '' }
            : { type: h.type };
      // Each step after the one before (the log is sorted by time).
      const at = h.at <= stepAt ? later(stepAt, 10) : h.at;
      stepAt = at;
      const moved = replay.step(actor, event, at);
      if (!moved) break;
      ev(
        'plan.transition',
        {
          planId: doc.id,
          event,
          ...moved,
          ...(h.comment ? { comment: h.comment } : {}),
          lifecycle: replay.snapshot,
          by: { id: by.id, name: by.name },
        },
        at,
        actor,
      );
      if (h.type === 'plan.authorise' && previous) {
        const sup = previous.replay.step(mActor, { type: 'plan.supersede' }, later(at, 1));
        if (sup)
          ev(
            'plan.transition',
            {
              planId: previous.id,
              event: { type: 'plan.supersede' },
              ...sup,
              lifecycle: previous.replay.snapshot,
              by: { id: manager.id, name: manager.name },
            },
            later(at, 1),
            mActor,
          );
      }
    }
    refused += replay.refused;
    previous = { id: doc.id, replay };
  }

  // At 25 the service ends: the last plan is closed on the birthday (if that day has come).
  const twentyFive = addYearsIso(yp.dateOfBirth, 25);
  if (
    previous &&
    twentyFive <= today &&
    ['active', 'reviewDue', 'draft', 'returned', 'submitted'].includes(previous.replay.snapshot.state)
  ) {
    const at = `${twentyFive}T09:30:00.000Z`;
    const moved = previous.replay.step(mActor, { type: 'plan.close', reason: 'turned-25' }, at);
    if (moved)
      ev(
        'plan.transition',
        {
          planId: previous.id,
          event: { type: 'plan.close', reason: 'turned-25' },
          ...moved,
          lifecycle: previous.replay.snapshot,
          by: { id: manager.id, name: manager.name },
        },
        at,
        mActor,
      );
  }

  for (const c of yp.checkIns) {
    const replay = new Replay('check-in', { checkInId: c.id, youngPersonId: yp.id, paId: yp.paId }, c.at);
    if (replay.step(ypActor, { type: 'checkIn.submit', moods: c.moods }, c.at)) {
      ev('check-in.recorded', { checkIn: c, lifecycle: replay.snapshot }, c.at, ypActor);
      // Older help requests have been seen by the PA; those from the last fortnight are still open.
      if (
        replay.snapshot.state === 'helpRequested' &&
        Date.parse(c.at) < Date.parse(`${today}T00:00:00Z`) - 14 * 86_400_000
      ) {
        const at = later(c.at, 60 * 20);
        if (replay.step({ id: yp.paId, role: 'pa' }, { type: 'checkIn.acknowledge' }, at))
          ev('check-in.acknowledged', { checkInId: c.id, lifecycle: replay.snapshot }, at, { id: yp.paId, role: 'pa' });
      }
    }
    refused += replay.refused;
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
    const replay = new Replay(
      'staying-put',
      {
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
      },
      first,
    );
    ev(
      'staying-put.created',
      {
        arrangementId: sp.id,
        carerUserIds: sp.carerIds,
        ...(ssw ? { supervisingSocialWorkerId: ssw.id } : {}),
        lifecycle: replay.snapshot,
      },
      first,
      paActor,
    );
    const go = (actor: Actor, event: LifecycleEvent, at: string) => {
      const moved = replay.step(actor, event, at);
      if (moved)
        ev('staying-put.transition', { arrangementId: sp.id, event, ...moved, lifecycle: replay.snapshot }, at, actor);
      return Boolean(moved);
    };
    const day = (s: string) => stepAt(s).slice(0, 10);
    let ok = true;
    if (ok && has('discussed'))
      ok = go(
        paActor,
        { type: 'stayingPut.discuss', youngPersonWants: 'yes', carerWilling: 'yes', on: day('discussed') },
        stepAt('discussed'),
      );
    if (ok && has('in-plan'))
      ok = go(paActor, { type: 'stayingPut.plans.include', on: day('in-plan') }, stepAt('in-plan'));
    // Progress towards Staying Put is reviewed at 17½ (when that day has come and the arrangement is that far on).
    const seventeenHalf = addDaysIso(addYearsIso(yp.dateOfBirth, 17), 182);
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
    if (ok && has('agreement-drafted') && sp.agreement) {
      ok = go(
        paActor,
        {
          type: 'stayingPut.agreement.draft',
          agreementId: sp.agreement.id,
          // The agreement names its parties: the young person, each carer and the allocated workers.
          parties: agreementParties(yp.id, sp.agreement),
        },
        stepAt('agreement-drafted'),
      );
      if (ok)
        ev(
          'staying-put.agreement-saved',
          { arrangementId: sp.id, agreement: sp.agreement },
          later(stepAt('agreement-drafted'), 1),
          paActor,
        );
    }
    if (ok && has('signed')) {
      const signers = requiredSigners(replay.snapshot.context as StayingPutContext);
      signers.forEach((s, i) => {
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
      const twentyOne = addYearsIso(yp.dateOfBirth, 21);
      if (ok && council.nation === 'wales' && twentyOne <= (sp.ended?.at ?? today)) {
        const on = addDaysIso(twentyOne, -30);
        go(paActor, { type: 'stayingPut.education.record', on }, `${on}T10:00:00.000Z`);
      }
      // Reviews: the first within 28 days of the start, then about every six months, up to today (or the end).
      const endDay = sp.ended?.at ?? today;
      for (let review = addDaysIso(day('active'), 24); ok && review < endDay; review = addDaysIso(review, 175))
        go(paActor, { type: 'stayingPut.review.record', on: review }, `${review}T10:00:00.000Z`);
    }
    if (ok && has('ended') && sp.ended) {
      const last = yp.plans.at(-1)?.plan.ssda903;
      const activity = last?.activity && last.activity !== '0' ? last.activity : 'F2';
      ok = go(
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
    refused += replay.refused;
  }
  events.sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0));
  return { events: currentFormat(events, yp), refused };
}

/**
 * Loads the demo data into an empty store. Young people's own sign-ins are made only for the demo accounts and
 * a sample of others (each password is hashed with scrypt, which is slow on purpose).
 */
export async function loadSeed(store: SeedStore, data: SeedData, options: LoadSeedOptions = {}): Promise<LoadReport> {
  const t0 = Date.now();
  let count = 0;
  let refused = 0;
  let frozen = 0;
  for (const council of data.councils) {
    const tc = Date.now();
    const frozenBefore = frozen;
    const lap = (what: string) => options.log?.(`    ${what}: ${((Date.now() - tc) / 1000).toFixed(1)} s`);
    await store.createCouncil({ id: council.id, name: council.name });
    for (const t of council.teams) await store.createTeam({ id: t.id, councilId: council.id, name: t.name });
    await store.createStaffUsers(
      council.staff.map((s) => ({
        id: s.id,
        councilId: council.id,
        email: s.email,
        name: s.name,
        role: s.role,
        ...(s.teamId ? { teamId: s.teamId } : {}),
        password: data.demoPassword,
      })),
    );
    lap('staff sign-ins (passwords hashed with scrypt)');
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
      const states = await store.appendEvents(batch);
      count += batch.length;
      // Each authorised plan is frozen as the server freezes one: the document as authorised, with its PDF.
      for (const e of batch) {
        const p = e.payload as { planId?: string; event?: { type?: string } };
        if (e.type !== 'plan.transition' || p.event?.type !== 'plan.authorise' || !p.planId) continue;
        const plan = states.get(e.youngPersonId)?.plans.get(p.planId);
        if (!plan) continue;
        const pdf = options.renderPlanPdf
          ? await options.renderPlanPdf(plan.doc, {
              council: { id: council.id, name: council.name },
              locale: plan.doc.wording?.locale ?? 'en-GB',
            })
          : undefined;
        await store.freezePlan({
          planId: plan.id,
          councilId: council.id,
          youngPersonId: e.youngPersonId,
          doc: plan.doc,
          ...(pdf ? { pdf } : {}),
          at: e.at ?? plan.updatedAt,
        });
        frozen++;
      }
    }
    lap(
      `plans, check-ins and Staying Put, replayed through the lifecycles; ${frozen - frozenBefore} authorised plans frozen${options.renderPlanPdf ? ' with their PDFs' : ''}`,
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
            password: data.demoPassword,
          }),
        ),
      );
    for (const y of council.youngPeople.filter((x) => x.account === 'invited').slice(0, 20))
      await store.createInvitation({ councilId: council.id, youngPersonId: y.id, createdBy: y.paId });
    options.log?.(`  ${council.name}: ${council.youngPeople.length} young people, ${council.staff.length} staff`);
  }
  return { events: count, refused, frozen, ms: Date.now() - t0 };
}
