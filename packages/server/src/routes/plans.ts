// Pathway plans: start, edit (whole plan by workers, checklist by the young person or workers, the young person's
// own views), engagement attempts, lifecycle steps (submit, return, authorise …) and the frozen PDF.
import {
  type AnyChecklist,
  answeredByFor,
  emptyChecklist,
  type PathwayPlan,
  questionSet,
  stampAuthorship,
  type WayOfWorking,
} from '@onward/engine';
import type { Hono } from 'hono';
import { assertSeesCase, lifecycleActor } from '../access.js';
import { newId } from '../auth/crypto.js';
import { audit, body, type Ctx, type Env, principal, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import { conflict, forbidden, HttpProblem, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import { allowed, start, step } from '../lifecycle.js';
import type { PlanRecord, YoungPersonRecord } from '../storage/projection.js';
import type { NewEvent, User } from '../storage/store.js';
import { visibleYoungPerson } from './cases.js';

const PLAN_STEPS = new Set([
  'plan.submit',
  'plan.return',
  'plan.authorise',
  'plan.completeWithoutYoungPerson',
  'plan.change.record',
  'plan.review.request',
  'plan.close',
]);

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

  const ev = (u: User, plan: PlanRecord, type: NewEvent['type'], payload: Record<string, unknown>): NewEvent => ({
    councilId: plan.councilId,
    youngPersonId: plan.youngPersonId,
    type,
    payload: { planId: plan.id, ...payload },
    at: now().toISOString(),
    actor: { id: u.id, role: u.role },
  });

  const saved = async (c: Ctx, u: User, plan: PlanRecord, type: NewEvent['type'], payload: Record<string, unknown>) => {
    const states = await store.appendEvents([ev(u, plan, type, payload)], undefined, {
      plans: { [plan.id]: plan.version },
    });
    await audit(c, store, now(), 'update', 'plan', plan.id, plan.youngPersonId);
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
    if (u.role !== 'pa' && u.role !== 'social-worker')
      throw forbidden('Only a PA or a social worker can start a pathway plan.');
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
      const r = step(
        'pathway-plan',
        lifecycleActor(u),
        { type: 'plan.review.start', nextPlanId: planId },
        previous.lifecycle,
        at,
      );
      events.push(
        ev(u, previous, 'plan.transition', {
          event: { type: 'plan.review.start', nextPlanId: planId },
          lifecycle: r.snapshot,
        }),
      );
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
    const lifecycle = start(
      'pathway-plan',
      {
        planId,
        youngPersonId: yp.id,
        dateOfBirth: yp.dateOfBirth,
        paId: yp.paId,
        startedBy: u.id,
        ...(previous ? { previousPlanId: previous.id } : {}),
      },
      at,
    );
    events.push({
      councilId: yp.councilId,
      youngPersonId: yp.id,
      type: 'plan.created',
      payload: { plan, lifecycle },
      at: at.toISOString(),
      actor: { id: u.id, role: u.role },
    });
    const states = await store.appendEvents(
      events,
      undefined,
      previous ? { plans: { [previous.id]: previous.version } } : {},
    );
    await audit(c, store, now(), 'create', 'plan', planId, yp.id);
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
    if (u.role !== 'pa' && u.role !== 'social-worker')
      throw forbidden('Only a PA or a social worker can edit the whole plan.');
    if (!['draft', 'returned'].includes(plan.state))
      throw conflict(`The plan cannot be edited while it is ${plan.state}.`);
    const doc = await body(c, bodies.plan);
    checkVersion(c, plan);
    // Fields the server owns: who the plan is for and who it names as PA, social worker and manager (from the
    // allocation and the authorisation, never from a body), the wording shown, the checklist and the young
    // person's words (their own routes), engagement attempts, returns, sign-offs and authorisation.
    const { pa: _pa, socialWorker: _sw, manager: _m, wording: _w, ...editable } = doc;
    const merged: PathwayPlan = {
      ...editable,
      id: plan.doc.id,
      council: plan.doc.council,
      youngPerson: plan.doc.youngPerson,
      pa: plan.doc.pa,
      ...(plan.doc.socialWorker ? { socialWorker: plan.doc.socialWorker } : {}),
      ...(plan.doc.manager ? { manager: plan.doc.manager } : {}),
      ...(plan.doc.wording ? { wording: plan.doc.wording } : {}),
      checklist: plan.doc.checklist,
      views: { ...doc.views, youngPerson: plan.doc.views.youngPerson, disagreements: plan.doc.views.disagreements },
      engagement: plan.doc.engagement,
      signOffs: plan.doc.signOffs,
      ...(plan.doc.returns ? { returns: plan.doc.returns } : {}),
      ...(plan.doc.previousPlanId ? { previousPlanId: plan.doc.previousPlanId } : {}),
    };
    for (const k of ['youngPerson', 'disagreements'] as const)
      if (merged.views[k] === undefined) delete merged.views[k];
    delete merged.authorised;
    delete merged.nextReview;
    if (!merged.returns) delete merged.returns;
    return saved(c, u, plan, 'plan.saved', { plan: merged });
  });

  app.put('/api/plans/:planId/checklist', async (c) => {
    const u = user(c);
    const { plan } = await loadPlan(c);
    const sent = await body(c, bodies.checklist);
    checkVersion(c, plan);
    const how = c.req.query('how');
    const event = { type: 'plan.checklist.update', ...(how ? { how } : {}) };
    const r = step('pathway-plan', lifecycleActor(u), event, plan.lifecycle, now());
    // Who answered comes from the session: new or changed answers are stamped, unchanged ones keep theirs.
    const checklist = stampAuthorship(plan.doc.checklist as AnyChecklist, sent, {
      by: answeredByFor(u.role, how as WayOfWorking | undefined),
      at: now().toISOString(),
    });
    return saved(c, u, plan, 'plan.checklist-saved', { checklist, lifecycle: r.snapshot });
  });

  app.put('/api/plans/:planId/views', async (c) => {
    const u = user(c);
    const { plan } = await loadPlan(c);
    if (u.role !== 'young-person') throw forbidden('Only the young person can write their own views.');
    const b = await body(c, bodies.planViews);
    if (!['draft', 'returned'].includes(plan.state))
      throw conflict(`Your views cannot be changed while the plan is ${plan.state}.`);
    return saved(c, u, plan, 'plan.views-saved', { ...b });
  });

  app.post('/api/plans/:planId/engagement-attempts', async (c) => {
    const u = user(c);
    const { plan } = await loadPlan(c);
    const b = await body(c, bodies.engagementAttempt);
    const r = step(
      'pathway-plan',
      lifecycleActor(u),
      { type: 'plan.engagement.record', method: b.method, outcome: b.outcome, madeAt: b.at },
      plan.lifecycle,
      now(),
    );
    return saved(c, u, plan, 'plan.engagement-attempt', { attempt: { ...b }, lifecycle: r.snapshot });
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
    const event: { type: string; [k: string]: unknown } = { ...b };
    if (b.type === 'plan.authorise')
      event.wording = {
        ...(plan.doc.wording ?? {
          questionSetVersion: plan.doc.checklist.version,
          locale: 'en-GB',
          variant: 'standard',
        }),
      };
    if (event.wording) delete (event.wording as Record<string, unknown>).questions;
    const r = step('pathway-plan', lifecycleActor(u), event, plan.lifecycle, at);
    const events: NewEvent[] = [
      ev(u, plan, 'plan.transition', { event, lifecycle: r.snapshot, by: { id: u.id, name: u.name } }),
    ];
    const superseded: Record<string, number> = {};
    if (b.type === 'plan.authorise' && plan.doc.previousPlanId) {
      const prev = await store.getPlan(plan.doc.previousPlanId);
      if (prev && prev.state === 'underReview') {
        superseded[prev.id] = prev.version;
        const s = step('pathway-plan', lifecycleActor(u), { type: 'plan.supersede' }, prev.lifecycle, at);
        events.push(
          ev(u, prev, 'plan.transition', {
            event: { type: 'plan.supersede' },
            lifecycle: s.snapshot,
            by: { id: u.id, name: u.name },
          }),
        );
      }
    }
    const council = (await store.getCouncil(plan.councilId)) ?? { id: plan.councilId, name: plan.councilId };
    const expected: Record<string, number> = { [plan.id]: plan.version, ...superseded };
    const result = await store.transaction(async (tx) => {
      const states = await store.appendEvents(events, tx, { plans: expected });
      const next = states.get(plan.youngPersonId)?.plans.get(plan.id) as PlanRecord;
      if (b.type === 'plan.authorise') {
        // Rendered inside the transaction: if the PDF cannot be made, the plan is not authorised either.
        const pdf = d.options.renderPlanPdf
          ? await d.options.renderPlanPdf(next.doc, { council, locale: next.doc.wording?.locale ?? 'en-GB' })
          : undefined;
        await store.freezePlan(
          {
            planId: plan.id,
            councilId: plan.councilId,
            youngPersonId: yp.id,
            doc: next.doc,
            ...(pdf ? { pdf } : {}),
            at: at.toISOString(),
          },
          tx,
        );
      }
      return next;
    });
    await audit(c, store, now(), 'event', 'plan', plan.id, plan.youngPersonId);
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
    if (!frozen.pdf) throw notFound('PDF for this plan: it was authorised without a PDF renderer');
    await audit(
      c,
      store,
      now(),
      principal(c).kind === 'token' ? 'export' : 'read',
      'plan-pdf',
      plan.id,
      plan.youngPersonId,
    );
    return c.body(frozen.pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="pathway-plan-${plan.doc.authorised ?? 'authorised'}.pdf"`,
    });
  });

  app.get('/api/authorisation-queue', async (c) => {
    const u = user(c);
    if (u.role !== 'team-manager' || !u.teamId) throw forbidden('Only a team manager has an authorisation queue.');
    const yps = await store.listYoungPeople(u.councilId, { teamId: u.teamId });
    const names = new Map(yps.map((y) => [y.id, y.preferredName ?? y.name]));
    const plans = yps.length ? await store.listPlans({ youngPersonIds: yps.map((y) => y.id), state: 'submitted' }) : [];
    await audit(c, store, now(), 'read', 'authorisation-queue', u.teamId);
    return c.json({
      items: plans
        .map((p) => ({
          planId: p.id,
          youngPersonId: p.youngPersonId,
          name: names.get(p.youngPersonId) ?? '',
          submittedAt: p.submittedAt ?? p.updatedAt,
        }))
        .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
    });
  });
}

/** A plan under review is not "open": its successor is the one being written. */
function isReviewedBy(p: PlanRecord, all: readonly PlanRecord[]): boolean {
  if (p.state !== 'underReview') return false;
  return !all.some((q) => q.doc.previousPlanId === p.id && ['draft', 'submitted', 'returned'].includes(q.state));
}
