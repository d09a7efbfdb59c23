// Young people: the caseload lists, registering and allocating, their story (the event log) and invitations.
import { eventsForViewer, type LifecycleSnapshot, planReview, recordEvents } from '@onward/engine';
import type { Hono } from 'hono';
import {
  assertSeesCase,
  caseloadScope,
  managesYoungPerson,
  registersInTeam,
  seesCase,
  seesRegistry,
} from '../access.js';
import { type Allocation, allocationProblems, dateOfBirthProblem } from '../allocation.js';
import { audit, auditEntry, audited, auditList, body, type Env, principal, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { forbidden, HttpProblem, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import { momentOf } from '../lifecycle.js';
import type { PlanRecord, YoungPersonRecord } from '../storage/projection.js';
import type { Store, User } from '../storage/store.js';

const OPEN_PLAN_STATES = new Set(['draft', 'submitted', 'returned']);

/** The plan that matters now: an open one, else the latest authorised one. */
export function currentPlan(plans: readonly PlanRecord[]): PlanRecord | undefined {
  const live = plans.filter((p) => p.state !== 'superseded' && p.state !== 'closed');
  return live.find((p) => OPEN_PLAN_STATES.has(p.state)) ?? live[0] ?? plans[0];
}

export async function summaries(store: Store, yps: readonly YoungPersonRecord[], now: Date) {
  const ids = yps.map((y) => y.id);
  if (!ids.length) return [];
  // Each council's settings, read once: the review periods are the council's.
  const councils = [...new Set(yps.map((y) => y.councilId))];
  const settings = new Map(
    await Promise.all(councils.map(async (id) => [id, await store.councilSettings.settingsFor(id)] as const)),
  );
  const [plans, checkIns, arrangements] = [
    await store.listPlans({ youngPersonIds: ids }),
    await store.listCheckIns({ youngPersonIds: ids, limit: 100_000 }),
    await store.listArrangements({ youngPersonIds: ids }),
  ];
  return yps.map((y) => {
    const mine = plans.filter((p) => p.youngPersonId === y.id);
    const plan = currentPlan(mine);
    const cis = checkIns.filter((c) => c.youngPersonId === y.id);
    const arr = arrangements.find((a) => a.youngPersonId === y.id);
    // The review to come and where it stands: the engine's one rule (none for a plan not authorised, closed or
    // superseded).
    const review = plan
      ? planReview(plan.lifecycle as unknown as LifecycleSnapshot, now, settings.get(y.councilId))
      : undefined;
    return {
      ...youngPersonView(y),
      ...(plan
        ? {
            currentPlan: {
              id: plan.id,
              state: plan.state,
              ...(plan.doc.nextReview ? { nextReview: plan.doc.nextReview } : {}),
              ...(plan.doc.authorised ? { authorised: plan.doc.authorised } : {}),
            },
          }
        : {}),
      ...(review ? { reviewDue: review.dueOn, reviewStatus: review.status } : {}),
      reviewOverdue: review?.status === 'overdue',
      openHelpRequests: cis.filter((c) => c.help && !c.helpSeen).length,
      ...(cis[0] ? { lastCheckInAt: cis[0].at } : {}),
      ...(arr ? { stayingPut: { id: arr.id, state: arr.state } } : {}),
    };
  });
}

export function youngPersonView(y: YoungPersonRecord) {
  const { councilId: _c, createdAt: _t, ...rest } = y;
  return rest;
}

/** Loads a young person the principal may see, or 404. */
export async function visibleYoungPerson(
  d: Deps,
  c: Parameters<typeof principal>[0],
  id: string,
): Promise<YoungPersonRecord> {
  const yp = await d.store.getYoungPerson(id);
  assertSeesCase(c.get('principal'), yp);
  return yp;
}

async function checkAllocation(store: Store, councilId: string, b: Allocation) {
  const team = b.teamId ? await store.getTeam(b.teamId) : undefined;
  const users = new Map<string, User>();
  for (const id of [b.paId, b.socialWorkerId]) {
    const u = id ? await store.getUser(id) : undefined;
    if (u) users.set(u.id, u);
  }
  const errors = allocationProblems(councilId, b, {
    team: (id) => (team?.id === id ? team : undefined),
    user: (id) => users.get(id),
  });
  if (errors.length)
    throw new HttpProblem(400, 'invalid-body', `${errors.length} problem(s) with what was sent.`, errors);
}

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const CASE_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/young-people',
    summary: 'Caseload (or the registry, for an admin)',
    who: 'pa, social-worker, team-manager, admin',
    permission: 'caseload',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/young-people',
    summary: 'Register a young person',
    who: 'admin, team-manager (own team)',
    permission: 'registerYoungPerson',
    body: 'apiYoungPersonCreateSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/young-people/:id',
    summary: 'A young person and where their plan is',
    who: 'the young person, their PA, social worker, team manager',
    permission: 'readCase',
    ok: 200,
  },
  {
    method: 'patch',
    path: '/api/young-people/:id',
    summary: 'Change allocation, preferred name or language',
    who: 'admin, team-manager',
    permission: 'allocateYoungPerson',
    body: 'apiYoungPersonUpdateSchema',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/young-people/:id/events',
    summary: 'Their record as a story: every event, oldest first',
    who: 'the young person, their PA, social worker, team manager',
    permission: 'readCase',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/young-people/:id/invitations',
    summary: 'Invite the young person to sign in',
    who: 'their PA, team manager',
    permission: 'inviteYoungPerson',
    body: 'apiEmptySchema',
    ok: 201,
  },
];

export function registerCaseRoutes(app: Hono<Env>, d: Deps): void {
  const { store, now } = d;

  app.get('/api/young-people', async (c) => {
    const u = user(c);
    if (seesRegistry(u)) {
      // The registry only (names, dates of birth, allocation), so an admin can allocate; no case records.
      const yps = await store.listYoungPeople(u.councilId);
      await auditList(
        c,
        store,
        now(),
        'read',
        'young-people-registry',
        u.councilId,
        yps.map((y) => y.id),
      );
      return c.json({ items: yps.map(youngPersonView) });
    }
    const scope = caseloadScope(u);
    if (!scope) throw forbidden('Your role does not hold a caseload.');
    const yps = await store.listYoungPeople(u.councilId, scope);
    const items = await summaries(store, yps, now());
    await auditList(
      c,
      store,
      now(),
      'read',
      'caseload',
      u.id,
      yps.map((y) => y.id),
    );
    return c.json({ items });
  });

  app.post('/api/young-people', async (c) => {
    const u = user(c);
    const b = await body(c, bodies.youngPersonCreate);
    if (!registersInTeam(u, b.teamId))
      throw forbidden('A team manager can register young people in their own team only.');
    const born = dateOfBirthProblem(b.dateOfBirth, now());
    if (born) throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [born]);
    await checkAllocation(store, u.councilId, b);
    const yp = await audited(
      store,
      () => store.createYoungPerson({ ...b, councilId: u.councilId, actor: { id: u.id, role: u.role } }),
      (yp) => [auditEntry(c, now(), 'create', 'young-person', yp.id, yp.id)],
    );
    return c.json(youngPersonView(yp), 201);
  });

  app.get('/api/young-people/:id', async (c) => {
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    const [s] = await summaries(store, [yp], now());
    await audit(c, store, now(), 'read', 'young-person', yp.id, yp.id);
    return c.json(s);
  });

  app.patch('/api/young-people/:id', async (c) => {
    const u = user(c);
    const yp = await store.getYoungPerson(c.req.param('id'));
    if (!yp || yp.councilId !== u.councilId) throw notFound();
    if (!managesYoungPerson(u, yp)) {
      if (seesCase(u, yp)) throw forbidden('Only an admin or the team manager can change who supports a young person.');
      throw notFound();
    }
    const b = await body(c, bodies.youngPersonUpdate);
    await checkAllocation(store, u.councilId, b);
    const at = now();
    const m = momentOf(u, { councilId: u.councilId, youngPersonId: yp.id }, at);
    const states = await store.events.append([recordEvents.youngPersonAllocated(m, { ...b })], {
      audit: [auditEntry(c, at, 'update', 'young-person', yp.id, yp.id)],
    });
    return c.json(youngPersonView(states.get(yp.id)?.youngPerson as YoungPersonRecord));
  });

  app.get('/api/young-people/:id/events', async (c) => {
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    const p = principal(c);
    if (p.kind === 'token') throw forbidden('An API token cannot read the event log.');
    const events = await store.listEvents(yp.id);
    await audit(c, store, now(), 'read', 'event-log', yp.id, yp.id);
    // Each event as this viewer may see it (the young person never sees a hidden carer's allowance).
    return c.json({ items: eventsForViewer(events, p.user).map(({ councilId: _c, ...e }) => e) });
  });

  app.post('/api/young-people/:id/invitations', async (c) => {
    const u = user(c);
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    await body(c, bodies.empty);
    const existing = (await store.listUsers(u.councilId, { role: 'young-person' })).find(
      (x) => x.youngPersonId === yp.id,
    );
    if (existing) throw new HttpProblem(409, 'conflict', 'This young person already has a sign-in.');
    const at = now();
    const inv = await audited(
      store,
      () => store.createInvitation({ councilId: u.councilId, youngPersonId: yp.id, createdBy: u.id, now: at }),
      () => [auditEntry(c, at, 'create', 'invitation', yp.id, yp.id)],
    );
    return c.json({ token: inv.token, url: `/invitation/${inv.token}`, expiresAt: inv.expiresAt }, 201);
  });
}
