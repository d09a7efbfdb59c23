// Team manager pages: the authorisation queue (return with comments or authorise happens on the plan page),
// the team overview, the dashboard (also for analysts and admins, aggregates only) (the audit view is audit.tsx).
import { questionSet } from '@onward/engine';
import { strings } from '../i18n.js';
import type { PlanView, QueueItem, YoungPersonSummary } from '../web/api-types.js';
import { formatDate, prefsOf } from '../web/context.js';
import { SuccessBanner } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, page } from '../web/render.js';
import { TableRegion } from '../web/table.js';
import { domainTitle, questionText } from './checklist.js';
import { managerStrings } from './manager-strings.js';
import { planStrings } from './plan-strings.js';
import { CaseloadTable, isOverdue, staffSession } from './staff.js';

interface Figure {
  value: number | null;
  suppressed: boolean;
}
interface InsightRow {
  id: string;
  answered: Figure;
  percent: { yes: Figure; no: Figure; needsHelp: Figure };
  peopleAnswered?: Figure;
  percentPeopleNeedingHelp?: Figure;
}
interface Insights {
  asAt?: string;
  exact?: boolean;
  population?: Figure;
  questions?: InsightRow[];
  domains?: InsightRow[];
}
interface CohortGroupFigures {
  population: Figure;
  measures: { measure: string; label: string; latest: { percentOfAll: Figure } }[];
}
/** The parts of GET /api/insights/dashboard (the dashboard's DashboardData) this page shows as tables. */
interface DashboardFigures {
  asAt: string;
  exact: boolean;
  aggregates: Insights;
  cohorts: { groups: [CohortGroupFigures, CohortGroupFigures] };
  costs: { lines: { id: string; description: string; people: Figure; amount: Figure }[] };
}

function money(f: Figure, fewer: string): string {
  if (f.suppressed || f.value === null) return fewer;
  return `£${Math.round(f.value).toLocaleString('en-GB')}`;
}

function fig(f: Figure | undefined, pct = false, fewer = 'fewer than 5'): string {
  if (!f) return '–';
  if (f.suppressed || f.value === null) return fewer;
  return pct ? `${Math.round(f.value)}%` : String(f.value);
}

export function mountManager(app: AnyHono) {
  app.get('/authorisations', async (c) => {
    const s = await staffSession(app, c, ['team-manager']);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const ps = planStrings(prefs);
    const api = apiFor(app, c, s);
    const r = await api.get<{ items: QueueItem[] }>('/api/authorisation-queue');
    if (!r.ok) return errorPage(c, r.status, s);
    const items = [...r.data.items].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    // After authorising or returning: the plan just decided, named, with what happens next.
    const done = c.req.query('done');
    const planId = c.req.query('plan');
    let banner: { title: string; message: string; planId: string; name: string } | undefined;
    if ((done === 'plan.authorise' || done === 'plan.return') && planId) {
      const p = await api.get<PlanView>(`/api/plans/${encodeURIComponent(planId)}`);
      if (p.ok) {
        const name = p.data.plan.youngPerson.preferredName ?? p.data.plan.youngPerson.name;
        const pa = p.data.plan.pa?.name ?? ps.pa;
        banner =
          done === 'plan.authorise' && p.data.state === 'active'
            ? {
                title: ps.authorisedTitle(name),
                message: ps.authorised(name, formatDate(p.data.plan.nextReview, prefs.lang)),
                planId,
                name,
              }
            : done === 'plan.return' && p.data.state === 'returned'
              ? { title: ps.returnedTitle(name, pa), message: ps.returned(pa), planId, name }
              : undefined;
      }
    }
    const oldest = items[0]?.daysWaiting ?? 0;
    return page(
      c,
      { title: t.authorisations, session: s },
      <>
        {banner ? (
          <SuccessBanner title={banner.title} message={banner.message}>
            <p>
              <a href={`/plans/${encodeURIComponent(banner.planId)}`}>{ps.openPlan(banner.name)}</a>
            </p>
          </SuccessBanner>
        ) : null}
        <h1>{t.authorisations}</h1>
        {items.length ? (
          <>
            <p>{ps.queueSummary(items.length, oldest)}</p>
            <TableRegion label={t.authorisations}>
              <table>
                <caption>{t.authorisations}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.name}</th>
                    <th scope="col">{ps.pa}</th>
                    <th scope="col">{t.submitted}</th>
                    <th scope="col">{ps.daysWaiting}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr data-days-waiting={String(i.daysWaiting)}>
                      <th scope="row">
                        <a href={`/plans/${encodeURIComponent(i.planId)}`}>{i.name}</a>
                      </th>
                      <td>{i.pa || '–'}</td>
                      <td>{formatDate(i.submittedAt, prefs.lang)}</td>
                      <td>{ps.days(i.daysWaiting)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        ) : (
          <p>{t.noItems}</p>
        )}
      </>,
    );
  });

  app.get('/team', async (c) => {
    const s = await staffSession(app, c, ['team-manager']);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const api = apiFor(app, c, s);
    const [yps, users] = await Promise.all([
      api.get<{ items: YoungPersonSummary[] }>('/api/young-people'),
      api.get<{ items: { id: string; name: string; role: string }[] }>('/api/users'),
    ]);
    if (!yps.ok) return errorPage(c, yps.status, s);
    const names = new Map((users.ok ? users.data.items : []).map((u) => [u.id, u.name]));
    const byPa = new Map<string, YoungPersonSummary[]>();
    for (const y of yps.data.items) byPa.set(y.paId, [...(byPa.get(y.paId) ?? []), y]);
    return page(
      c,
      { title: t.team, session: s },
      <>
        <h1>{t.team}</h1>
        <TableRegion label={t.team}>
          <table>
            <caption>{t.team}</caption>
            <thead>
              <tr>
                <th scope="col">PA</th>
                <th scope="col">{t.youngPeople}</th>
                <th scope="col">{t.overdue}</th>
                <th scope="col">{t.dueSoon}</th>
                <th scope="col">{t.helpRequests}</th>
                <th scope="col">{t.states.submitted}</th>
              </tr>
            </thead>
            <tbody>
              {[...byPa.entries()]
                .sort((a, b) => (names.get(a[0]) ?? a[0]).localeCompare(names.get(b[0]) ?? b[0]))
                .map(([pa, list]) => (
                  <tr>
                    <th scope="row">{names.get(pa) ?? pa}</th>
                    <td>{list.length}</td>
                    <td>{list.filter(isOverdue).length}</td>
                    <td>{list.filter((y) => y.reviewStatus === 'due-soon').length}</td>
                    <td>{list.reduce((n, y) => n + y.openHelpRequests, 0)}</td>
                    <td>{list.filter((y) => y.currentPlan?.state === 'submitted').length}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableRegion>
        <h2>{t.overdue}</h2>
        <CaseloadTable items={yps.data.items.filter(isOverdue)} prefs={prefs} caption={t.overdue} />
      </>,
    );
  });

  app.get('/dashboard', async (c) => {
    const s = await staffSession(app, c, ['team-manager', 'analyst', 'admin']);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const m = managerStrings(prefs);
    // The same figures the chart dashboard draws, built by the server for this viewer (their team, or the
    // council with small numbers hidden); rendered here as tables for pages without scripts.
    const r = await apiFor(app, c, s).get<DashboardFigures>('/api/insights/dashboard');
    if (!r.ok) return errorPage(c, r.status, s);
    const ins = r.data.aggregates;
    const qs = questionSet();
    const byId = new Map((ins.questions ?? []).map((q) => [q.id, q]));
    const [sp, other] = r.data.cohorts.groups;
    const fewer = t.fewerThan5;
    return page(
      c,
      { title: t.dashboard, session: s, scripts: ['dashboard-page.js'] },
      <>
        <h1>{t.dashboard}</h1>
        <p>
          {`${t.asAt} ${formatDate(r.data.asAt, prefs.lang)}. `}
          {t.counted}: <strong>{fig(ins.population, false, fewer)}</strong>. {r.data.exact ? '' : t.hidden}
        </p>
        <p>{m.chartsIntro}</p>
        <div class="dashboard-host" data-onward-dashboard="/api/insights/dashboard" hidden />
        <div data-dashboard-fallback>
          <h2>{m.stayingPutComparison}</h2>
          <p>{m.stayingPutIntro}</p>
          <TableRegion label={m.stayingPutComparison}>
            <table>
              <caption>{m.stayingPutComparison}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.measure}</th>
                  <th scope="col">
                    {m.stayingPutGroup} ({fig(sp.population, false, fewer)})
                  </th>
                  <th scope="col">
                    {m.otherGroup} ({fig(other.population, false, fewer)})
                  </th>
                </tr>
              </thead>
              <tbody>
                {sp.measures.map((x, i) => (
                  <tr data-measure={x.measure}>
                    <th scope="row">{x.label}</th>
                    <td>{fig(x.latest.percentOfAll, true, fewer)}</td>
                    <td>{fig(other.measures[i]?.latest.percentOfAll, true, fewer)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <h2>{m.costEstimate}</h2>
          <p>{m.costIntro}</p>
          {r.data.costs.lines.length ? (
            <TableRegion label={m.costEstimate}>
              <table>
                <caption>{m.costEstimate}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.costLine}</th>
                    <th scope="col">{m.people}</th>
                    <th scope="col">{m.amount}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.data.costs.lines.map((l) => (
                    <tr data-cost={l.id}>
                      <th scope="row">{l.description}</th>
                      <td>{fig(l.people, false, fewer)}</td>
                      <td>{money(l.amount, fewer)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : (
            <p>{m.noCosts}</p>
          )}
          <h2>{t.areasOfLife}</h2>
          <TableRegion label={t.needingHelpByArea}>
            <table>
              <caption>{t.needingHelpByArea}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.area}</th>
                  <th scope="col">{t.answered}</th>
                  <th scope="col">{t.needingHelp}</th>
                </tr>
              </thead>
              <tbody>
                {(ins.domains ?? []).map((d) => (
                  <tr>
                    <th scope="row">{domainTitle(d.id, prefs)}</th>
                    <td>{fig(d.peopleAnswered, false, fewer)}</td>
                    <td>{fig(d.percentPeopleNeedingHelp, true, fewer)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <h2>{t.everyQuestion}</h2>
          {qs.domains.map((d) => (
            <TableRegion label={domainTitle(d.id, prefs)}>
              <table>
                <caption>{domainTitle(d.id, prefs)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.question}</th>
                    <th scope="col">{t.answered}</th>
                    <th scope="col">{t.yes}</th>
                    <th scope="col">{t.no}</th>
                    <th scope="col">{t.needingHelp}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.questions.map((q) => {
                    const row = byId.get(q.id);
                    return (
                      <tr data-question={q.id}>
                        <th scope="row">{questionText(q.id, prefs)}</th>
                        <td>{fig(row?.answered, false, fewer)}</td>
                        <td>{fig(row?.percent.yes, true, fewer)}</td>
                        <td>{fig(row?.percent.no, true, fewer)}</td>
                        <td>{fig(row?.percent.needsHelp, true, fewer)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
          ))}
        </div>
      </>,
    );
  });
}
