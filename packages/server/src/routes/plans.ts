// Pathway plans: start, edit (whole plan by workers, checklist by the young person or workers, the young person's
// own views), engagement attempts, lifecycle steps (submit, return, authorise …) and the frozen PDF.
import {
  type Answer,
  type AnyChecklist,
  allShippedWording,
  answeredByFor,
  type ChecklistConflict,
  daysBetween,
  emptyChecklist,
  type LifecycleEvent,
  mergeAnswerPatch,
  mergeChecklistSave,
  type PathwayPlan,
  pathwayPlanRules,
  planAtVersion,
  questionSet,
  recordEvents,
  sameAnswer,
  stampAuthorship,
  ukDate,
  validateChecklist,
  type WayOfWorking,
} from '@onward/engine';
import type { Hono } from 'hono';
import { assertSeesCase, lifecycleActor } from '../access.js';
import { newId } from '../auth/crypto.js';
import {
  audit,
  auditEntry,
  auditList,
  body,
  type Ctx,
  type Env,
  principal,
  readVersion,
  user,
} from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { conflict, forbidden, HttpProblem, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import { allowed, momentOf } from '../lifecycle.js';
import type { PlanRecord, YoungPersonRecord } from '../storage/projection.js';
import { DuplicateEventError, type NewEvent, type User } from '../storage/store.js';
import { visibleYoungPerson } from './cases.js';

const wording = allShippedWording();

const PLAN_STEPS = new Set([
  'plan.submit',
  'plan.return',
  'plan.authorise',
  'plan.completeWithoutYoungPerson',
  'plan.change.record',
  'plan.review.request',
  'plan.close',
]);

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const PLAN_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/young-people/:id/plans',
    summary: 'Their pathway plans',
    who: 'the young person, their PA, social worker, team manager',
    permission: 'readCase',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/young-people/:id/plans',
    summary: 'Start a pathway plan (or the next one, at a review)',
    who: 'their PA or social worker',
    permission: 'startPlan',
    body: 'apiPlanCreateSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/plans/:planId',
    summary: 'A plan, its state and the steps you can take',
    who: 'the young person, their PA, social worker, team manager; API token',
    permission: 'readCaseOrToken',
    ok: 200,
  },
  {
    method: 'put',
    path: '/api/plans/:planId',
    summary: 'Save the whole plan',
    who: 'their PA or social worker, while draft or returned',
    permission: 'editPlan',
    body: 'pathwayPlanSchema',
    ok: 200,
  },
  {
    method: 'put',
    path: '/api/plans/:planId/checklist',
    summary: 'Save checklist answers (only those the writer changed; 409 names a question someone else changed)',
    who: 'the young person, their PA or social worker',
    permission: 'saveChecklist',
    body: 'outcomesV2Schema',
    ok: 200,
    query: ['how'],
  },
  {
    method: 'patch',
    path: '/api/plans/:planId/checklist',
    summary:
      'Save some checklist answers (by question id; null clears one). Others’ answers are never touched; 409 when an answer changed since the base you sent',
    who: 'the young person, their PA or social worker',
    permission: 'saveChecklist',
    body: 'apiChecklistAnswersSchema',
    ok: 200,
    query: ['how'],
  },
  {
    method: 'put',
    path: '/api/plans/:planId/views',
    summary: "Save the young person's own views",
    who: 'the young person',
    permission: 'writeViews',
    body: 'apiPlanViewsSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/plans/:planId/engagement-attempts',
    summary: 'Record an attempt to reach the young person',
    who: 'their PA or social worker',
    permission: 'recordEngagement',
    body: 'apiEngagementAttemptSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/plans/:planId/events',
    summary: 'Take a step: submit, return, authorise, close …',
    who: 'per the pathway-plan lifecycle',
    permission: 'planStep',
    body: 'apiLifecycleEventSchema',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/plans/:planId/pdf',
    summary: 'The authorised plan as PDF',
    who: 'the young person, their PA, social worker, team manager; API token',
    permission: 'readCaseOrToken',
    ok: 200,
    returns: 'pdf',
  },
  {
    method: 'get',
    path: '/api/authorisation-queue',
    summary: 'Plans waiting for authorisation, oldest first, each with its PA, submitted time and whole days waiting',
    who: 'team-manager',
    permission: 'authorisationQueue',
    ok: 200,
  },
];

export function registerPlanRoutes(app: Hono<Env>, d: Deps): void {
  const { store, now } = d;

  const view = (c: Ctx, p: PlanRecord) => {
    const pr = principal(c);
    const actor = pr.kind === 'user' ? lifecycleActor(pr.user) : undefined;
    return {
      plan: p.doc,
      state: p.state,
      version: p.version,
      allowedEvents: allowed('pathway-plan', actor, p.lifecycle, now()),
    };
  };

  const loadPlan = async (c: Ctx): Promise<{ plan: PlanRecord; yp: YoungPersonRecord }> => {
    const plan = await store.getPlan(c.req.param('planId') as string);
    if (!plan) throw notFound('plan');
    const yp = await store.getYoungPerson(plan.youngPersonId);
    assertSeesCase(c.get('principal'), yp);
    return { plan, yp };
  };

  const checkVersion = (c: Ctx, plan: PlanRecord) => {
    const ifMatch = c.req.header('if-match');
    if (ifMatch !== undefined && ifMatch.replace(/"/g, '') !== String(plan.version)) {
      throw conflict(
        'Someone else changed this plan since you opened it. Reload it to see their changes, then make yours again.',
      );
    }
  };

  const by = (u: User) => ({ id: u.id, name: u.name });

  /** Appends one event about the plan, refused (409) if the plan changed since it was read. */
  const saved = async (c: Ctx, plan: PlanRecord, event: NewEvent) => {
    const states = await store.events.append([event], {
      expect: { plans: { [plan.id]: plan.version } },
      audit: [auditEntry(c, now(), 'update', 'plan', plan.id, plan.youngPersonId)],
    });
    return c.json(view(c, states.get(plan.youngPersonId)?.plans.get(plan.id) as PlanRecord));
  };

  app.get('/api/young-people/:id/plans', async (c) => {
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    const plans = await store.listPlans({ youngPersonIds: [yp.id] });
    await audit(c, store, now(), 'read', 'plan-list', yp.id, yp.id);
    return c.json({
      items: plans.map((p) => ({
        id: p.id,
        state: p.state,
        started: p.doc.started,
        ...(p.doc.authorised ? { authorised: p.doc.authorised } : {}),
        ...(p.doc.nextReview ? { nextReview: p.doc.nextReview } : {}),
      })),
    });
  });

  app.post('/api/young-people/:id/plans', async (c) => {
    const u = user(c);
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    const b = await body(c, bodies.planCreate);
    const existing = await store.listPlans({ youngPersonIds: [yp.id] });
    if (
      existing.some(
        (p) => ['draft', 'submitted', 'returned', 'underReview'].includes(p.state) && !isReviewedBy(p, existing),
      )
    ) {
      throw conflict('This young person already has a plan being written. Finish that one first.');
    }
    const at = now();
    const planId = newId('plan');
    const previous = existing.find((p) => p.state === 'active' || p.state === 'reviewDue');
    const events: NewEvent[] = [];
    if (previous) {
      // A review: the authorised plan moves to "under review" and names the new one.
      const step = { type: 'plan.review.start', nextPlanId: planId };
      events.push(recordEvents.planStep(momentOf(u, previous, at), previous.id, step, by(u)));
    }
    const pa = await store.getUser(yp.paId);
    const sw = yp.socialWorkerId ? await store.getUser(yp.socialWorkerId) : undefined;
    const set = questionSet();
    const plan: PathwayPlan = {
      schemaVersion: 1,
      id: planId,
      council: yp.councilId,
      ...(previous ? { previousPlanId: previous.id } : {}),
      youngPerson: {
        id: yp.id,
        name: yp.name,
        dateOfBirth: yp.dateOfBirth,
        category: yp.category,
        ...(yp.preferredName ? { preferredName: yp.preferredName } : {}),
        ...(yp.language ? { language: yp.language } : {}),
      },
      pa: { id: yp.paId, name: pa?.name ?? 'Personal adviser' },
      ...(sw ? { socialWorker: { id: sw.id, name: sw.name } } : {}),
      started: b.started ?? at.toISOString().slice(0, 10),
      wording: {
        questionSetVersion: set.version,
        locale: b.locale ?? yp.language ?? 'en-GB',
        variant: b.variant ?? 'standard',
      },
      checklist: emptyChecklist(set) as PathwayPlan['checklist'],
      domains: {},
      views: {},
      engagement: { attempts: [], completedBy: 'together' },
      signOffs: [],
    };
    // The council's attempt rules and nation, kept by the plan from now on.
    const rules = pathwayPlanRules(await store.councilSettings.settingsFor(yp.councilId));
    events.push(
      recordEvents.planCreated(momentOf(u, { councilId: yp.councilId, youngPersonId: yp.id }, at), plan, rules),
    );
    const states = await store.events.append(events, {
      expect: previous ? { plans: { [previous.id]: previous.version } } : {},
      audit: [auditEntry(c, at, 'create', 'plan', planId, yp.id)],
    });
    return c.json(view(c, states.get(yp.id)?.plans.get(planId) as PlanRecord), 201);
  });

  app.get('/api/plans/:planId', async (c) => {
    const { plan } = await loadPlan(c);
    await audit(
      c,
      store,
      now(),
      principal(c).kind === 'token' ? 'export' : 'read',
      'plan',
      plan.id,
      plan.youngPersonId,
    );
    return c.json(view(c, plan));
  });

  app.put('/api/plans/:planId', async (c) => {
    const u = user(c);
    const { plan } = await loadPlan(c);
    if (!['draft', 'returned'].includes(plan.state))
      throw conflict(`The plan cannot be edited while it is ${plan.state}.`);
    const doc = await body(c, bodies.plan);
    checkVersion(c, plan);
    // The fields the service owns are kept from the plan as it is (the engine's workerPlanSave): who the plan is
    // for and who it names as PA, social worker and manager, the wording, the checklist, the young person's words,
    // engagement attempts, returns, sign-offs and authorisation.
    return saved(c, plan, recordEvents.planSaved(momentOf(u, plan, now()), plan.doc, doc));
  });

  app.put('/api/plans/:planId/checklist', async (c) => {
    const u = user(c);
    const { plan } = await loadPlan(c);
    const sent = (await body(c, bodies.checklist)) as AnyChecklist;
    const read = readVersion(c);
    // `how` is checked by the lifecycle (422 naming it when it is not one of its ways).
    const how = c.req.query('how') as 'together' | 'together-by-phone' | 'apart' | undefined;
    // Decided under the young person's row lock, from the plan as it is then: the save changes only the answers
    // this writer changed (the engine's mergeChecklistSave), so a young person and their PA saving different
    // answers at once both keep theirs, and the same answer changed by both is refused (409 naming it).
    const states = await store.events.decide([plan.youngPersonId], async (states, q) => {
      const current = states.get(plan.youngPersonId)?.plans.get(plan.id);
      if (!current) throw notFound('plan');
      const saved = current.doc.checklist as AnyChecklist;
      let base: AnyChecklist | undefined;
      if (read !== undefined) {
        base =
          read === current.version
            ? saved
            : (planAtVersion(await store.events.read(q, plan.youngPersonId), plan.id, read)?.doc.checklist as
                | AnyChecklist
                | undefined);
        if (!base) throw conflict(`This plan has no version ${read}. Reload it, then make your changes again.`);
      }
      if (sent.version !== saved.version || (base && base.version !== saved.version)) {
        throw conflict(
          `The plan's checklist uses question set version ${saved.version}, not ${sent.version}. Reload it, then make your changes again.`,
        );
      }
      const merged = mergeChecklistSave(saved, sent, base);
      if (merged.conflicts.length) throw answerConflict(current, merged.conflicts);
      const at = now();
      // Who answered comes from the session: new or changed answers are stamped, unchanged ones keep theirs.
      const checklist = stampAuthorship(saved, merged.checklist, {
        by: answeredByFor(u.role, how as WayOfWorking | undefined),
        at: at.toISOString(),
      });
      return {
        events: [recordEvents.checklistSaved(momentOf(u, current, at), current.doc, checklist, how)],
        audit: [auditEntry(c, at, 'update', 'plan', plan.id, plan.youngPersonId)],
      };
    });
    return c.json(view(c, states.get(plan.youngPersonId)?.plans.get(plan.id) as PlanRecord));
  });

  app.patch('/api/plans/:planId/checklist', async (c) => {
    const u = user(c);
    const { plan } = await loadPlan(c);
    const b = await body(c, bodies.checklistAnswers);
    const idem = idempotencyKey(c);
    const how = c.req.query('how') as WayOfWorking | undefined;
    const at = now();
    const stamp = { by: answeredByFor(u.role, how), at: at.toISOString() };
    // Each answer as it would be stored (who gave it and when are the server's), checked with the checklist's own
    // schema: the same check as a whole save, so a bad answer names its field (answers.<domain>.<key>.<field>).
    const answers: Record<string, Answer | null> = {};
    const nested: Record<string, Record<string, unknown>> = {};
    for (const [id, a] of Object.entries(b.answers)) {
      const [d, k] = splitId(id);
      answers[id] = a ? ({ ...a, ...stamp } as unknown as Answer) : null;
      if (a) {
        nested[d] ??= {};
        (nested[d] as Record<string, unknown>)[k] = answers[id];
      }
    }
    const checked = validateChecklist({ questionSet: 'onward.outcomes', version: b.version, answers: nested });
    if (!checked.ok)
      throw new HttpProblem(
        400,
        'invalid-body',
        `${checked.errors.length} problem(s) with what was sent.`,
        checked.errors.map((e) => ({ path: e.path, message: e.message })),
      );
    // The same answer sent again under the same key (a retry after a lost reply) is stored once: the key is the
    // event's idempotency key (unique in the database), per plan and writer.
    const key = idem ? `plan.checklist-answers:${plan.id}:${u.id}:${idem}` : undefined;
    let replayed = false;
    const decided = async () =>
      store.events.decide([plan.youngPersonId], async (states, q) => {
        const current = states.get(plan.youngPersonId)?.plans.get(plan.id);
        if (!current) throw notFound('plan');
        const saved = current.doc.checklist as AnyChecklist;
        if (key) {
          const [done] = await q.query('SELECT payload FROM events WHERE idempotency_key = $1', [key]);
          if (done) {
            const stored = (done.payload as { checklist?: AnyChecklist } | string | undefined) ?? {};
            const doc = (typeof stored === 'string' ? JSON.parse(stored) : stored).checklist as AnyChecklist;
            if (!sameAnswers(doc, answers))
              throw conflict('This Idempotency-Key was already used for other answers. Send these with a new key.');
            replayed = true;
            return { events: [] };
          }
        }
        if (b.version !== saved.version) {
          throw conflict(
            `The plan's checklist uses question set version ${saved.version}, not ${b.version}. Reload it, then make your changes again.`,
          );
        }
        // Decided under the young person's row lock, from the checklist as it is then (the engine's rule).
        const merged = mergeAnswerPatch(saved, { answers, ...(b.base ? { base: b.base } : {}) });
        if (merged.conflicts.length) throw answerConflict(current, merged.conflicts, 'answers');
        if (!merged.fromMine.length) return { events: [] };
        const checklist = stampAuthorship(saved, merged.checklist, stamp);
        return {
          events: [
            {
              ...recordEvents.checklistSaved(momentOf(u, current, at), current.doc, checklist, how),
              ...(key ? { key } : {}),
            },
          ],
          audit: [auditEntry(c, at, 'update', 'plan', plan.id, plan.youngPersonId)],
        };
      });
    let states: Awaited<ReturnType<typeof decided>>;
    try {
      states = await decided();
    } catch (e) {
      // The same key committed by another process between our lock and our insert cannot happen (one writer per
      // young person), but if the database says so, the answer is the replay's.
      if (!(e instanceof DuplicateEventError && e.constraint === 'events_idempotency_key')) throw e;
      states = await decided();
    }
    const p = states.get(plan.youngPersonId)?.plans.get(plan.id) as PlanRecord;
    const stored = p.doc.checklist as AnyChecklist;
    const v = view(c, p);
    return c.json(
      {
        version: v.version,
        state: v.state,
        allowedEvents: v.allowedEvents,
        answers: Object.fromEntries(Object.keys(answers).map((id) => [id, answerOf(stored, id) ?? null])),
      },
      200,
      replayed ? { 'idempotent-replayed': 'true' } : {},
    );
  });

  app.put('/api/plans/:planId/views', async (c) => {
    const u = user(c);
    const { plan } = await loadPlan(c);
    const b = await body(c, bodies.planViews);
    if (!['draft', 'returned'].includes(plan.state))
      throw conflict(`Your views cannot be changed while the plan is ${plan.state}.`);
    return saved(c, plan, recordEvents.viewsSaved(momentOf(u, plan, now()), plan.id, b));
  });

  app.post('/api/plans/:planId/engagement-attempts', async (c) => {
    const u = user(c);
    const { plan } = await loadPlan(c);
    const b = await body(c, bodies.engagementAttempt);
    return saved(c, plan, recordEvents.engagementAttempt(momentOf(u, plan, now()), plan.id, b));
  });

  app.post('/api/plans/:planId/events', async (c) => {
    const u = user(c);
    const { plan, yp } = await loadPlan(c);
    const b = await body(c, bodies.lifecycleEvent);
    if (!PLAN_STEPS.has(b.type)) {
      throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
        { path: 'type', message: `Choose one of: ${[...PLAN_STEPS].join(', ')}.` },
      ]);
    }
    const at = now();
    const m = momentOf(u, plan, at);
    // Authorising freezes the wording the plan was offered in (the engine's frozenWording).
    const step: LifecycleEvent = { ...b };
    const events: NewEvent[] = [
      b.type === 'plan.authorise'
        ? recordEvents.planAuthorised(m, plan.doc, by(u), step)
        : recordEvents.planStep(m, plan.id, step, by(u)),
    ];
    const superseded: Record<string, number> = {};
    if (b.type === 'plan.authorise' && plan.doc.previousPlanId) {
      const prev = await store.getPlan(plan.doc.previousPlanId);
      if (prev && prev.state === 'underReview') {
        superseded[prev.id] = prev.version;
        events.push(recordEvents.planStep(momentOf(u, prev, at), prev.id, { type: 'plan.supersede' }, by(u)));
      }
    }
    const council = (await store.getCouncil(plan.councilId)) ?? { id: plan.councilId, name: plan.councilId };
    const expected: Record<string, number> = { [plan.id]: plan.version, ...superseded };
    const result = await store.transaction(async (tx) => {
      const states = await store.events.append(events, {
        tx,
        expect: expected,
        audit: [auditEntry(c, at, 'event', 'plan', plan.id, plan.youngPersonId)],
      });
      const next = states.get(plan.youngPersonId)?.plans.get(plan.id) as PlanRecord;
      if (b.type === 'plan.authorise') {
        // Frozen in the authorisation's transaction, its PDF queued in the same one: the freeze queue's worker makes
        // it in the background (a failed render is kept in the queue and tried again).
        await store.freezePlan(
          {
            planId: plan.id,
            councilId: plan.councilId,
            youngPersonId: yp.id,
            doc: next.doc,
            ...(d.pdfFreezes
              ? { queue: { councilName: council.name, locale: next.doc.wording?.locale ?? 'en-GB' } }
              : {}),
            at: at.toISOString(),
          },
          tx,
        );
      }
      return next;
    });
    if (b.type === 'plan.authorise') d.pdfFreezes?.kick();
    if (b.type === 'plan.authorise') {
      d.webhooks.enqueue(plan.councilId, 'plan.authorised', {
        planId: plan.id,
        youngPersonId: yp.id,
        exportUrl: `${d.origin(c)}/api/exports/plans/${plan.id}`,
        pdfUrl: `${d.origin(c)}/api/plans/${plan.id}/pdf`,
      });
    }
    return c.json(view(c, result));
  });

  app.get('/api/plans/:planId/pdf', async (c) => {
    const { plan } = await loadPlan(c);
    const frozen = await store.getFrozenPlan(plan.id);
    if (!frozen) throw notFound('PDF yet: the plan gets one when a manager authorises it');
    // Still in the freeze queue: made now, stored, and the same bytes the worker would have stored.
    const pdf = frozen.pdf ?? (frozen.pending && d.pdfFreezes ? await d.pdfFreezes.pdfFor(frozen.pending) : undefined);
    if (!pdf) throw notFound('PDF for this plan: it was authorised without a PDF renderer');
    await audit(
      c,
      store,
      now(),
      principal(c).kind === 'token' ? 'export' : 'read',
      'plan-pdf',
      plan.id,
      plan.youngPersonId,
    );
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="pathway-plan-${plan.doc.authorised ?? 'authorised'}.pdf"`,
    });
  });

  app.get('/api/authorisation-queue', async (c) => {
    const u = user(c);
    if (!u.teamId) throw forbidden('You are not in a team yet, so you have no authorisation queue.');
    const yps = await store.listYoungPeople(u.councilId, { teamId: u.teamId });
    const names = new Map(yps.map((y) => [y.id, y.preferredName ?? y.name]));
    const plans = yps.length ? await store.listPlans({ youngPersonIds: yps.map((y) => y.id), state: 'submitted' }) : [];
    const at = now();
    await auditList(
      c,
      store,
      at,
      'read',
      'authorisation-queue',
      u.teamId,
      plans.map((p) => p.youngPersonId),
    );
    const today = ukDate(at);
    // Oldest first, each with its PA and the whole days it has waited (UK dates: submitted yesterday evening is 1).
    return c.json({
      items: plans
        .map((p) => {
          const submittedAt = p.submittedAt ?? p.updatedAt;
          return {
            planId: p.id,
            youngPersonId: p.youngPersonId,
            name: names.get(p.youngPersonId) ?? '',
            pa: p.doc.pa?.name ?? '',
            submittedAt,
            daysWaiting: Math.max(0, daysBetween(ukDate(new Date(submittedAt)), today)),
          };
        })
        .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
    });
  });
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The `Idempotency-Key` header, or undefined; 400 when it is not 1-100 letters, digits or `_.:-`. */
function idempotencyKey(c: Ctx): string | undefined {
  const h = c.req.header('idempotency-key');
  if (h === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(h))
    throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
      { path: 'Idempotency-Key', message: 'The Idempotency-Key header must be 1 to 100 letters, digits or _ . : -' },
    ]);
  return h;
}

function splitId(id: string): [string, string] {
  const dot = id.indexOf('.');
  return [id.slice(0, dot), id.slice(dot + 1)];
}
function answerOf(doc: AnyChecklist | undefined, id: string): Answer | undefined {
  const [d, k] = splitId(id);
  return (doc?.answers as Record<string, Record<string, Answer> | undefined> | undefined)?.[d]?.[k];
}
/** Whether the checklist holds these answers (what they say, not who or when): a replay sends what was stored. */
function sameAnswers(doc: AnyChecklist | undefined, answers: Readonly<Record<string, Answer | null>>): boolean {
  return Object.entries(answers).every(([id, a]) => sameAnswer(answerOf(doc, id), a ?? undefined));
}

/** 409 naming every answer both this writer and someone else changed differently, with the three versions. */
function answerConflict(
  plan: PlanRecord,
  conflicts: readonly ChecklistConflict[],
  route: 'checklist' | 'answers' = 'checklist',
): HttpProblem {
  const words = { locale: plan.doc.wording?.locale ?? 'en-GB', variant: plan.doc.wording?.variant ?? 'standard' };
  const text = (id: string) => {
    try {
      return wording.question(id, words).text;
    } catch {
      return id;
    }
  };
  const names = conflicts.map((x) => `“${text(x.questionId)}” (${x.questionId})`);
  return new HttpProblem(
    409,
    'conflict',
    `Someone else changed ${conflicts.length === 1 ? 'this answer' : 'these answers'} since you opened the plan: ${names.join(', ')}. Nothing was saved. ${
      route === 'answers'
        ? 'Choose which answer to keep and send it again with the saved answer (theirs) as its base.'
        : `Choose which answer to keep and save again with If-Match: ${plan.version}.`
    }`,
    conflicts.map((x) => ({
      path: `answers.${x.questionId}`,
      message: `Someone else changed the answer to “${text(x.questionId)}” since you opened the plan.`,
    })),
    {},
    {
      version: plan.version,
      conflicts: conflicts.map((x) => ({
        questionId: x.questionId,
        ...(x.base ? { base: x.base } : {}),
        ...(x.mine ? { mine: x.mine } : {}),
        ...(x.theirs ? { theirs: x.theirs } : {}),
      })),
    },
  );
}

/** A plan under review is not "open": its successor is the one being written. */
function isReviewedBy(p: PlanRecord, all: readonly PlanRecord[]): boolean {
  if (p.state !== 'underReview') return false;
  return !all.some((q) => q.doc.previousPlanId === p.id && ['draft', 'submitted', 'returned'].includes(q.state));
}
