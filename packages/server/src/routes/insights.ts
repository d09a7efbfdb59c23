// Insights (aggregates with small-number suppression, from the engine) and the case-management export.
// Both are built from the council's own records only: authorised (frozen) plans, Staying Put and check-ins.
import {
  aggregates,
  buildInsightsIndex,
  caseManagementCsv,
  caseManagementRecords,
  compareCohorts,
  estimateCostAvoidance,
  exactFor,
  InsightsAccessError,
  type InsightsFilters,
  moodTrends,
  rawCohortComparison,
  trends,
  type Viewer,
} from '@onward/engine';
import type { Hono } from 'hono';
import { assertSeesCase, seesCase } from '../access.js';
import type { Deps } from '../app.js';
import { audit, councilOf, type Env, principal, user } from '../http/context.js';
import { forbidden, HttpProblem, notFound } from '../http/problem.js';
import type { PlanRecord, YoungPersonRecord } from '../storage/projection.js';
import type { Store } from '../storage/store.js';

type InsightsYoungPerson = Parameters<typeof buildInsightsIndex>[0] extends Iterable<infer T> ? T : never;

/** The engine's insight records for some young people, from their authorised plans, arrangements and check-ins. */
export async function insightRecords(store: Store, yps: readonly YoungPersonRecord[]): Promise<InsightsYoungPerson[]> {
  const ids = yps.map((y) => y.id);
  if (!ids.length) return [];
  const plans = await store.listPlans({ youngPersonIds: ids });
  const arrangements = await store.listArrangements({ youngPersonIds: ids });
  const checkIns = await store.listCheckIns({ youngPersonIds: ids, limit: 1_000_000 });
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
    return {
      youngPersonId: y.id,
      plans: authorised.slice(0, 200).map((x) => ({
        planId: x.id,
        council: y.councilId,
        team: y.teamId,
        paId: x.doc.pa.id,
        dateOfBirth: y.dateOfBirth,
        category: y.category,
        authorised: x.doc.authorised as string,
        checklist: x.doc.checklist,
        ...(x.doc.ssda903 ? { ssda903: x.doc.ssda903 } : {}),
      })),
      ...(sp.length ? { stayingPut: sp.slice(0, 20) } : {}),
      ...(checks.length ? { checkIns: checks } : {}),
    } as InsightsYoungPerson;
  });
}

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
    const viewer: Viewer = {
      role: u.role,
      ...(u.role === 'pa' ? { paId: u.id } : {}),
      ...(u.role === 'team-manager' && u.teamId ? { team: u.teamId } : {}),
    };
    const yps = await store.listYoungPeople(u.councilId);
    try {
      const index = buildInsightsIndex(await insightRecords(store, yps));
      const result = aggregates(index, { ...(asAt ? { asAt } : {}) }, viewer);
      await audit(c, store, now(), 'read', 'insights', u.councilId);
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
    if (u.role !== 'team-manager' && u.role !== 'analyst' && u.role !== 'admin')
      throw forbidden('Only team managers, analysts and admins see the dashboard.');
    if (u.role === 'team-manager' && !u.teamId) throw forbidden('You are not in a team yet.');
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
    const from = day('from', monthsBefore(asAt, 23));
    if (from > asAt)
      throw new HttpProblem(400, 'invalid-body', '1 problem with the query.', [
        { path: 'from', message: 'The first month must come before the date the figures are for.' },
      ]);
    const viewer: Viewer = { role: u.role, ...(u.role === 'team-manager' && u.teamId ? { team: u.teamId } : {}) };
    const team = u.role === 'team-manager' ? (u.teamId as string) : undefined;
    const yps = (await store.listYoungPeople(u.councilId)).filter((y) => team === undefined || y.teamId === team);
    const filters: InsightsFilters = team ? { team: [team] } : {};
    try {
      const index = buildInsightsIndex(await insightRecords(store, yps));
      // Teams by name for people to read (the figures are worked out on ids).
      const names = new Map((await store.listTeams(u.councilId)).map((t) => [t.id, t.name]));
      const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id);
      const result = {
        asAt,
        from,
        filters: team ? { team: named([team]) } : {},
        viewer,
        exact: exactFor(viewer, filters),
        aggregates: aggregates(index, { asAt, filters }, viewer),
        trends: trends(index, { from, to: asAt, filters }, viewer),
        moods: moodTrends(index, { from, to: asAt, filters }, viewer),
        cohorts: compareCohorts(index, { asAt, from, filters }, viewer),
        costs: estimateCostAvoidance(
          rawCohortComparison(index, { asAt, from, filters: { ...filters, ages: { min: 19, max: 21 } } }),
          viewer,
        ),
        teams: named(index.teams),
      };
      await audit(c, store, now(), 'read', 'insights', u.councilId);
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
    if (p.kind === 'user' && !['pa', 'social-worker', 'team-manager'].includes(p.user.role))
      throw forbidden('Only workers and integrations read the case-management export.');
    const [rec] = await insightRecords(store, [yp]);
    const record = caseManagementRecords(buildInsightsIndex(rec ? [rec] : [])).find((r) => r.plan_id === plan.id);
    if (!record) throw notFound('export yet: a plan has one once it is authorised');
    await audit(c, store, now(), 'export', 'plan-export', plan.id, yp.id);
    return c.json(record);
  });

  app.get('/api/exports/case-management', async (c) => {
    const p = principal(c);
    if (p.kind === 'user' && p.user.role !== 'team-manager')
      throw forbidden('Only a team manager or an integration reads the whole export.');
    const councilId = councilOf(p);
    let yps = await store.listYoungPeople(councilId);
    if (p.kind === 'user') yps = yps.filter((y) => seesCase(p.user, y));
    const records = caseManagementRecords(buildInsightsIndex(await insightRecords(store, yps)));
    await audit(c, store, now(), 'export', 'case-management-export', councilId);
    if (c.req.query('format') === 'csv') {
      return c.body(caseManagementCsv(records), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="case-management.csv"',
      });
    }
    return c.json({ items: records });
  });
}

/** The first day of the month `months` before `day` (YYYY-MM-DD). */
function monthsBefore(day: string, months: number): string {
  const m = Number(day.slice(5, 7)) - 1 - months;
  const y = Number(day.slice(0, 4)) + Math.floor(m / 12);
  return `${String(y).padStart(4, '0')}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}-01`;
}
