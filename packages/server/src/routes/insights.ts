// Insights (aggregates with small-number suppression, from the engine) and the case-management export.
// Both are built from the council's own records only: authorised (frozen) plans, Staying Put and check-ins.
import {
  aggregates,
  buildDashboardData,
  buildInsightsIndex,
  caseManagementCsv,
  caseManagementRecords,
  InsightsAccessError,
  type InsightsFilters,
  insightsSettingsFor,
  insightsVoice,
  trendsStart,
  ukDate,
} from '@onward/engine';
import type { Hono } from 'hono';
import { assertSeesCase, dashboardTeamOf, insightsViewerOf, managerWithoutTeam, seesCase } from '../access.js';
import { audit, auditList, councilOf, type Env, principal, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { forbidden, HttpProblem, notFound } from '../http/problem.js';
import type { PlanRecord, StoredEvent, YoungPersonRecord } from '../storage/projection.js';
import type { Store } from '../storage/store.js';

type InsightsYoungPerson = Parameters<typeof buildInsightsIndex>[0] extends Iterable<infer T> ? T : never;

/** The young person's team and category at one moment of their record. */
export interface PlanFacts {
  readonly team: string;
  readonly category: YoungPersonRecord['category'];
}

/**
 * Each authorised plan's team and category as they were when the plan was authorised, read from the young person's
 * event log: an event that records its own facts (`facts.teamId`, `facts.category`) is taken at its word; older
 * events are replayed (registration, then each allocation) to find the team in force at that moment. So a young
 * person moving team, or turning 18, never changes the history of the figures.
 */
export function planFactsFromEvents(events: readonly StoredEvent[]): Map<string, PlanFacts> {
  const out = new Map<string, PlanFacts>();
  let team: string | undefined;
  let category: PlanFacts['category'] | undefined;
  const categoryOf = new Map<string, PlanFacts['category']>();
  for (const e of [...events].sort((a, b) => a.sequence - b.sequence)) {
    const p = e.payload as Record<string, unknown>;
    const facts = (e as { facts?: { teamId?: unknown; category?: unknown } }).facts;
    if (e.type === 'young-person.registered') {
      const yp = p.youngPerson as { teamId?: unknown; category?: unknown } | undefined;
      if (typeof yp?.teamId === 'string') team = yp.teamId;
      if (typeof yp?.category === 'string') category = yp.category as PlanFacts['category'];
    } else if (e.type === 'young-person.allocated') {
      if (typeof p.teamId === 'string') team = p.teamId;
      if (typeof p.category === 'string') category = p.category as PlanFacts['category'];
    } else if (e.type === 'plan.created') {
      // The plan records the young person's category as it was when the plan was started.
      const plan = p.plan as { id?: unknown; youngPerson?: { category?: unknown } } | undefined;
      if (typeof plan?.id === 'string' && typeof plan.youngPerson?.category === 'string')
        categoryOf.set(plan.id, plan.youngPerson.category as PlanFacts['category']);
    }
    if (typeof facts?.teamId === 'string') team = facts.teamId;
    if (typeof facts?.category === 'string') category = facts.category as PlanFacts['category'];
    const event = p.event as { type?: unknown } | undefined;
    if (e.type === 'plan.transition' && event?.type === 'plan.authorise' && typeof p.planId === 'string' && team) {
      const cat =
        typeof facts?.category === 'string'
          ? (facts.category as PlanFacts['category'])
          : (categoryOf.get(p.planId) ?? category);
      if (cat) out.set(p.planId, { team, category: cat });
    }
  }
  return out;
}

/** The days (UK dates) on which the young person did something in Onward under their own sign-in. */
export function ownUseDays(events: readonly StoredEvent[]): string[] {
  const days = new Set<string>();
  for (const e of events) if (e.actorRole === 'young-person') days.add(ukDate(new Date(e.at)));
  return [...days].sort();
}

/** A closed plan's day and reason (the pathway-plan lifecycle's context), for the insights. */
function closedOf(x: PlanRecord): { closed?: { on: string; reason: string } } {
  if (x.state !== 'closed') return {};
  const ctx = x.lifecycle.context as { closedOn?: unknown; closedReason?: unknown };
  const on = typeof ctx.closedOn === 'string' ? ctx.closedOn : x.updatedAt.slice(0, 10);
  const reason = typeof ctx.closedReason === 'string' ? ctx.closedReason : 'other';
  return on >= (x.doc.authorised as string) ? { closed: { on, reason } } : {};
}

/** The engine's insight records for some young people, from their authorised plans, arrangements and check-ins. */
export async function insightRecords(store: Store, yps: readonly YoungPersonRecord[]): Promise<InsightsYoungPerson[]> {
  const ids = yps.map((y) => y.id);
  if (!ids.length) return [];
  const plans = await store.listPlans({ youngPersonIds: ids });
  const arrangements = await store.listArrangements({ youngPersonIds: ids });
  const checkIns = await store.listCheckIns({ youngPersonIds: ids, limit: 1_000_000 });
  const facts = new Map<string, Map<string, PlanFacts>>();
  const ownUse = new Map<string, string[]>();
  for (const y of yps) {
    const events = await store.listEvents(y.id);
    facts.set(y.id, planFactsFromEvents(events));
    ownUse.set(y.id, ownUseDays(events));
  }
  const byYp = <T extends { youngPersonId: string }>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.youngPersonId, [...(m.get(x.youngPersonId) ?? []), x]);
    return m;
  };
  const p = byYp(plans);
  const a = byYp(arrangements);
  const ci = byYp(checkIns);
  return yps.map((y) => {
    const authorised = (p.get(y.id) ?? []).filter((x: PlanRecord) => x.doc.authorised);
    const sp = (a.get(y.id) ?? [])
      .map((x) => {
        const ctx = x.lifecycle.context as { startedOn?: string; ending?: { on?: string } };
        return ctx.startedOn ? { start: ctx.startedOn, ...(ctx.ending?.on ? { end: ctx.ending.on } : {}) } : undefined;
      })
      .filter((x) => x !== undefined);
    const checks = (ci.get(y.id) ?? []).slice(0, 2000).map((x) => ({
      at: x.at.slice(0, 10),
      // Moods only: notes stay out of insights.
      moods: Object.fromEntries(
        Object.entries(x.doc.moods).map(([k, v]) => [k, { mood: v?.mood, ...(v?.help ? { help: true } : {}) }]),
      ),
    }));
    const known = facts.get(y.id);
    return {
      youngPersonId: y.id,
      plans: authorised.slice(0, 200).map((x) => {
        // The team and category of the moment the plan was authorised; a plan with no such record (made before
        // the log recorded it) falls back to the plan's own record of the category and the young person's team.
        const f = known?.get(x.id);
        return {
          planId: x.id,
          council: y.councilId,
          team: f?.team ?? y.teamId,
          paId: x.doc.pa.id,
          dateOfBirth: y.dateOfBirth,
          category: f?.category ?? x.doc.youngPerson.category,
          authorised: x.doc.authorised as string,
          ...(x.doc.nextReview && x.doc.nextReview >= (x.doc.authorised as string)
            ? { nextReview: x.doc.nextReview }
            : {}),
          ...closedOf(x),
          // Who gave the answers, as the engine reads them (planVoice), not the plan's own mark.
          voice: insightsVoice(x.doc),
          checklist: x.doc.checklist,
          ...(x.doc.ssda903 ? { ssda903: x.doc.ssda903 } : {}),
        };
      }),
      ...(sp.length ? { stayingPut: sp.slice(0, 20) } : {}),
      ...(checks.length ? { checkIns: checks } : {}),
      ...(ownUse.get(y.id)?.length ? { ownUse: ownUse.get(y.id)?.slice(-2000) } : {}),
    } as InsightsYoungPerson;
  });
}

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const INSIGHT_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/insights',
    summary: 'Aggregates, small numbers suppressed by role',
    who: 'analyst, staff (not young people or carers)',
    permission: 'insights',
    ok: 200,
    query: ['asAt'],
  },
  {
    method: 'get',
    path: '/api/insights/dashboard',
    summary: 'Every figure the dashboard draws (aggregates, trends, moods, Staying Put cohorts, costs)',
    who: 'team-manager (their team), analyst and admin (council, small numbers hidden for analysts)',
    permission: 'dashboard',
    ok: 200,
    query: ['asAt', 'from'],
  },
  {
    method: 'get',
    path: '/api/exports/plans/:planId',
    summary: 'The case-management record of an authorised plan',
    who: 'their PA, social worker, team manager; API token',
    permission: 'planExport',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/exports/case-management',
    summary: 'Every case-management record (JSON, or CSV with format=csv)',
    who: 'team-manager; API token',
    permission: 'caseManagementExport',
    ok: 200,
    query: ['format'],
  },
];

export function registerInsightRoutes(app: Hono<Env>, d: Deps): void {
  const { store, now } = d;

  app.get('/api/insights', async (c) => {
    const u = user(c);
    const asAt = c.req.query('asAt');
    if (asAt !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asAt)) {
      throw new HttpProblem(400, 'invalid-body', '1 problem with the query.', [
        { path: 'asAt', message: 'Give a date written YYYY-MM-DD.' },
      ]);
    }
    const viewer = insightsViewerOf(u, { withPa: true });
    const yps = await store.listYoungPeople(u.councilId);
    try {
      const index = buildInsightsIndex(await insightRecords(store, yps));
      const settings = insightsSettingsFor(await store.councilSettings.settingsFor(u.councilId));
      const result = aggregates(index, { ...(asAt ? { asAt } : {}), settings }, viewer);
      // Figures made from many young people: how many, not which.
      await auditList(
        c,
        store,
        now(),
        'read',
        'insights',
        u.councilId,
        yps.map((y) => y.id),
        { ids: false },
      );
      return c.json(result);
    } catch (e) {
      if (e instanceof InsightsAccessError) throw forbidden(e.message);
      throw e;
    }
  });

  // Everything the dashboard draws (the shape of @onward/dashboard's DashboardData, built with the same engine
  // functions), for one viewer: a team manager gets their own team's young people only, with exact figures for
  // it; an analyst (and an admin) gets the council, small numbers hidden as the engine's rules say.
  app.get('/api/insights/dashboard', async (c) => {
    const u = user(c);
    if (managerWithoutTeam(u)) throw forbidden('You are not in a team yet.');
    const today = now().toISOString().slice(0, 10);
    const day = (name: string, fallback: string) => {
      const v = c.req.query(name);
      if (v === undefined) return fallback;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        throw new HttpProblem(400, 'invalid-body', '1 problem with the query.', [
          { path: name, message: 'Give a date written YYYY-MM-DD.' },
        ]);
      return v;
    };
    const asAt = day('asAt', today);
    const from = day('from', trendsStart(asAt));
    if (from > asAt)
      throw new HttpProblem(400, 'invalid-body', '1 problem with the query.', [
        { path: 'from', message: 'The first month must come before the date the figures are for.' },
      ]);
    const viewer = insightsViewerOf(u);
    const team = dashboardTeamOf(u);
    // Every young person of the council: a team's figures are its plans at the time, including those of young
    // people who have since moved to another team (the filter below picks them by the team on each plan).
    const yps = await store.listYoungPeople(u.councilId);
    const filters: InsightsFilters = team ? { team: [team] } : {};
    try {
      const index = buildInsightsIndex(await insightRecords(store, yps));
      // The council's own settings decide who is still counted (its nation's law, its review period).
      const settings = insightsSettingsFor(await store.councilSettings.settingsFor(u.councilId));
      const data = buildDashboardData(index, { asAt, from, filters, settings }, viewer);
      // Teams by name for people to read (the figures are worked out on ids).
      const names = new Map((await store.listTeams(u.councilId)).map((t) => [t.id, t.name]));
      const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id);
      const teams = team ? index.teams.filter((t) => t === team) : index.teams;
      const result = { ...data, filters: team ? { team: named([team]) } : {}, teams: named(teams) };
      await auditList(
        c,
        store,
        now(),
        'read',
        'insights-dashboard',
        u.councilId,
        (team ? yps.filter((y) => y.teamId === team) : yps).map((y) => y.id),
        { ids: false },
      );
      return c.json(result);
    } catch (e) {
      if (e instanceof InsightsAccessError) throw forbidden(e.message);
      throw e;
    }
  });

  app.get('/api/exports/plans/:planId', async (c) => {
    const p = principal(c);
    const plan = await store.getPlan(c.req.param('planId'));
    if (!plan) throw notFound('plan');
    const yp = await store.getYoungPerson(plan.youngPersonId);
    assertSeesCase(p, yp);
    const [rec] = await insightRecords(store, [yp]);
    const record = caseManagementRecords(buildInsightsIndex(rec ? [rec] : [])).find((r) => r.plan_id === plan.id);
    if (!record) throw notFound('export yet: a plan has one once it is authorised');
    await audit(c, store, now(), 'export', 'plan-export', plan.id, yp.id);
    return c.json(record);
  });

  app.get('/api/exports/case-management', async (c) => {
    const p = principal(c);
    const councilId = councilOf(p);
    let yps = await store.listYoungPeople(councilId);
    if (p.kind === 'user') yps = yps.filter((y) => seesCase(p.user, y));
    const records = caseManagementRecords(buildInsightsIndex(await insightRecords(store, yps)));
    await auditList(
      c,
      store,
      now(),
      'export',
      'case-management-export',
      councilId,
      yps.map((y) => y.id),
    );
    if (c.req.query('format') === 'csv') {
      return c.body(caseManagementCsv(records), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="case-management.csv"',
      });
    }
    return c.json({ items: records });
  });
}
