// Pages for personal advisers and social workers: caseload (reviews due and overdue), help requests from
// check-ins, a young person's record (plans, engagement attempts, invitation), plan editing and submitting, and
// the Staying Put tracker. Team managers use the plan page too, to return or authorise.
import {
  type AnyChecklist,
  ageOn,
  DOMAINS,
  type DomainId,
  getAnswer,
  needsHelp,
  type PathwayPlan,
  questionSet,
  stayingPutLifecycle,
  ukDate,
} from '@onward/engine';
import { roleMay } from '@onward/server';
import type { Context } from 'hono';
import { type Prefs, type Strings, strings } from '../i18n.js';
import type {
  CheckIn,
  HelpRequest,
  PlanListItem,
  PlanView,
  TrackerItem,
  YoungPersonSummary,
} from '../web/api-types.js';
import { arrangementWord, councilWords, formatDate, prefsOf, type Session } from '../web/context.js';
import { ErrorSummary, SuccessBanner } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, formOf, page, seeOther, sessionOf } from '../web/render.js';
import { TableRegion } from '../web/table.js';
import { checklistDomain, checklistIndex, domainTitle, questionText, saveChecklistDomain } from './checklist.js';
import { planPdfPath } from './plan-pdf.js';
import { planStrings } from './plan-strings.js';
import { stayingPutStrings } from './staying-put-strings.js';

/** Today in the UK. */
const ukToday = () => ukDate(new Date());

const set = questionSet();
export const STAFF = ['pa', 'social-worker', 'team-manager'];
const EDITORS = ['pa', 'social-worker'];

export async function staffSession(app: AnyHono, c: Context, roles: string[] = STAFF): Promise<Session | Response> {
  const s = await sessionOf(app, c);
  if (!s) return seeOther(c, `/sign-in?back=${encodeURIComponent(new URL(c.req.url).pathname)}`);
  if (!roles.includes(s.user.role)) return errorPage(c, 403, s);
  return s;
}

/** Today as a UK calendar date (the engine's civil dates). */
export function today(): string {
  return ukDate(new Date());
}

function problemErrors(data: unknown, t: Strings): { field?: string; message: string }[] {
  const p = data as { errors?: { path: string; message: string }[]; detail?: string; title?: string } | null;
  if (p?.errors?.length) return p.errors.map((e) => ({ message: `${e.path ? `${e.path}: ` : ''}${e.message}` }));
  return [{ message: p?.detail ?? p?.title ?? t.tryAgain }];
}

/** Review overdue: the server says so with the engine's rule (a closed plan has no review to miss). */
export function isOverdue(y: YoungPersonSummary): boolean {
  return y.reviewStatus === 'overdue';
}

export function ReviewTag(props: { yp: YoungPersonSummary; t: Strings; lang: Prefs['lang'] }) {
  const { yp, t } = props;
  if (!yp.reviewDue) return <span class="small">–</span>;
  return (
    <>
      {formatDate(yp.reviewDue, props.lang)}{' '}
      {yp.reviewStatus === 'overdue' ? (
        <strong class="tag tag-red">{t.overdue}</strong>
      ) : yp.reviewStatus === 'due-soon' ? (
        <strong class="tag tag-amber">{t.dueSoon}</strong>
      ) : null}
    </>
  );
}

export function CaseloadTable(props: { items: YoungPersonSummary[]; prefs: Prefs; caption: string }) {
  const t = strings(props.prefs);
  const d = today();
  const rank = (y: YoungPersonSummary) => (isOverdue(y) ? 0 : y.reviewDue ? 1 : 2);
  const items = [...props.items].sort(
    (a, b) =>
      rank(a) - rank(b) || (a.reviewDue ?? '9').localeCompare(b.reviewDue ?? '9') || a.name.localeCompare(b.name),
  );
  return (
    <TableRegion label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.age}</th>
            <th scope="col">{t.planState}</th>
            <th scope="col">{t.review}</th>
            <th scope="col">{t.helpCount}</th>
            <th scope="col">{t.lastCheckIn}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((y) => (
            <tr>
              <th scope="row">
                <a href={`/young-people/${encodeURIComponent(y.id)}`}>
                  {y.preferredName ? `${y.name} (${y.preferredName})` : y.name}
                </a>
              </th>
              <td>{ageOn(y.dateOfBirth, d)}</td>
              <td>{y.currentPlan ? (t.states[y.currentPlan.state] ?? y.currentPlan.state) : '–'}</td>
              <td>
                <ReviewTag yp={y} t={t} lang={props.prefs.lang} />
              </td>
              <td>{y.openHelpRequests ? <strong class="tag tag-red">{y.openHelpRequests}</strong> : '0'}</td>
              <td>{y.lastCheckInAt ? formatDate(y.lastCheckInAt, props.prefs.lang) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Answers(props: { plan: PathwayPlan; prefs: Prefs }) {
  const t = strings(props.prefs);
  const doc = props.plan.checklist as AnyChecklist;
  return (
    <>
      {set.domains.map((d) => {
        const answered = d.questions.filter((q) => getAnswer(doc, q.id));
        const dp = props.plan.domains[d.id as DomainId];
        return (
          <section class="domain" aria-labelledby={`d-${d.id}`}>
            <h3 id={`d-${d.id}`}>{domainTitle(d.id, props.prefs)}</h3>
            {answered.length ? (
              <dl class="answers">
                {answered.map((q) => {
                  const a = getAnswer(doc, q.id)!;
                  return (
                    <div class={a.value === 'no' ? 'answer-no' : ''}>
                      <dt>{questionText(q.id, props.prefs)}</dt>
                      <dd>
                        {a.value === 'yes' ? t.yes : a.value === 'no' ? t.no : t.notRelevant}
                        {a.help ? <strong class="tag tag-amber">{t.wantHelp}</strong> : null}
                        {a.note ? <q class="yp-words">{a.note}</q> : null}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            ) : (
              <p class="small">{t.notStarted}</p>
            )}
            {dp?.goals?.length ? (
              <>
                <h4>{t.goals}</h4>
                <ul>
                  {dp.goals.map((g) => (
                    <li>
                      <strong>{g.goal}</strong>
                      <ul>
                        {g.actions.map((a) => (
                          <li>
                            {a.what} – {a.who}, {t.by} {formatDate(a.byWhen, props.prefs.lang)}
                            {a.done ? ' ✓' : ''}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

export function mountStaff(app: AnyHono, options: { publicOrigin?: string } = {}) {
  app.get('/caseload', async (c) => {
    const s = await staffSession(app, c);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const r = await apiFor(app, c, s).get<{ items: YoungPersonSummary[] }>('/api/young-people');
    if (!r.ok) return errorPage(c, r.status, s);
    const mine =
      s.user.role === 'pa'
        ? r.data.items.filter((y) => y.paId === s.user.id)
        : s.user.role === 'social-worker'
          ? r.data.items.filter((y) => y.socialWorkerId === s.user.id)
          : r.data.items;
    const overdue = mine.filter(isOverdue).length;
    const dueSoon = mine.filter((y) => y.reviewStatus === 'due-soon').length;
    const help = mine.reduce((n, y) => n + y.openHelpRequests, 0);
    return page(
      c,
      { title: t.caseload, session: s },
      <>
        <h1>{t.caseload}</h1>
        <ul class="stats">
          <li>
            <span class="stat">{mine.length}</span> {t.youngPeople}
          </li>
          <li>
            <span class="stat">{overdue}</span> {t.overdue}
          </li>
          <li>
            <span class="stat">{dueSoon}</span> {t.dueSoon}
          </li>
          <li>
            <a href="/help-requests">
              <span class="stat">{help}</span> {t.helpRequests}
            </a>
          </li>
        </ul>
        <CaseloadTable items={mine} prefs={prefs} caption={t.caseload} />
      </>,
    );
  });

  app.get('/help-requests', async (c) => {
    const s = await staffSession(app, c);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const r = await apiFor(app, c, s).get<{ items: HelpRequest[] }>('/api/help-requests');
    if (!r.ok) return errorPage(c, r.status, s);
    const items = [...r.data.items].sort((a, b) => Number(a.seen) - Number(b.seen) || b.at.localeCompare(a.at));
    return page(
      c,
      { title: t.helpRequests, session: s },
      <>
        <h1>{t.helpRequests}</h1>
        {items.length ? (
          <ul class="cards">
            {items.map((h) => (
              <li class={`card ${h.seen ? 'seen' : ''}`}>
                <h2 class="card-title">
                  <a href={`/young-people/${encodeURIComponent(h.youngPersonId)}`}>{h.name}</a>
                </h2>
                <p class="small">{formatDate(h.at, prefs.lang)}</p>
                <ul>
                  {h.domains.map((d) => (
                    <li>
                      <strong>{domainTitle(d.domain, prefs)}</strong>:{' '}
                      {d.mood === 'good' ? t.good : d.mood === 'ok' ? t.ok : t.bad}
                      {d.note ? <q class="yp-words">{d.note}</q> : null}
                    </li>
                  ))}
                </ul>
                {h.seen ? null : (
                  <form method="post" action={`/help-requests/${encodeURIComponent(h.checkInId)}/seen`}>
                    <input type="hidden" name="_csrf" value={s.csrfToken} />
                    <button class="button secondary" type="submit">
                      {t.seen}
                      <span class="visually-hidden">: {h.name}</span>
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.noItems}</p>
        )}
      </>,
    );
  });

  app.post('/help-requests/:id/seen', async (c) => {
    const s = await staffSession(app, c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    await apiFor(app, c, s).post(`/api/check-ins/${encodeURIComponent(c.req.param('id'))}/acknowledge`, {});
    return seeOther(c, '/help-requests');
  });

  const recordPage = async (
    c: Context,
    s: Session,
    extra?: { invite?: { url: string; expiresAt: string }; errors?: { field?: string; message: string }[] },
  ) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const id = c.req.param('id') ?? '';
    const api = apiFor(app, c, s);
    const yp = await api.get<YoungPersonSummary>(`/api/young-people/${encodeURIComponent(id)}`);
    if (!yp.ok) return errorPage(c, yp.status, s);
    const [plans, checkIns] = await Promise.all([
      api.get<{ items: PlanListItem[] }>(`/api/young-people/${encodeURIComponent(id)}/plans`),
      api.get<{ items: CheckIn[] }>(`/api/young-people/${encodeURIComponent(id)}/check-ins`),
    ]);
    const current = yp.data.currentPlan;
    const view = current ? await api.get<PlanView>(`/api/plans/${encodeURIComponent(current.id)}`) : undefined;
    const canEdit = EDITORS.includes(s.user.role);
    const open = current && ['draft', 'returned'].includes(current.state);
    return page(
      c,
      { title: yp.data.name, session: s, status: extra?.errors?.length ? 400 : 200 },
      <>
        <ErrorSummary title={t.errorSummary} errors={extra?.errors ?? []} />
        <h1>
          {yp.data.name}
          {yp.data.preferredName ? <span class="caption">({yp.data.preferredName})</span> : null}
        </h1>
        <dl class="summary">
          <div>
            <dt>{t.age}</dt>
            <dd>
              {ageOn(yp.data.dateOfBirth, today())} ({formatDate(yp.data.dateOfBirth, prefs.lang)})
            </dd>
          </div>
          <div>
            <dt>{t.planState}</dt>
            <dd>{current ? (t.states[current.state] ?? current.state) : '–'}</dd>
          </div>
          <div>
            <dt>{t.review}</dt>
            <dd>
              <ReviewTag yp={yp.data} t={t} lang={prefs.lang} />
            </dd>
          </div>
        </dl>
        <div class="actions-row">
          {current ? (
            <a class="button" href={`/plans/${encodeURIComponent(current.id)}`}>
              {t.openPlan}
            </a>
          ) : null}
          {canEdit &&
          (!current ||
            current.state === 'authorised' ||
            current.state === 'active' ||
            current.state === 'review-due') ? (
            <form method="post" action={`/young-people/${encodeURIComponent(id)}/plans`}>
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <button class="button secondary" type="submit">
                {t.startPlan}
              </button>
            </form>
          ) : null}
          {yp.data.stayingPut ? (
            <a class="button secondary" href={`/staying-put/${encodeURIComponent(yp.data.stayingPut.id)}`}>
              {councilWords(stayingPutStrings(prefs).openArrangement, s)}
            </a>
          ) : ['pa', 'social-worker'].includes(s.user.role) && ageOn(yp.data.dateOfBirth, today()) < 21 ? (
            <a class="button secondary" href={`/young-people/${encodeURIComponent(id)}/staying-put`}>
              {councilWords(stayingPutStrings(prefs).start, s)}
            </a>
          ) : null}
          {roleMay('subjectAccess', s.user.role) ? (
            <a
              class="button secondary"
              href={`/api/young-people/${encodeURIComponent(id)}/subject-access`}
              download
              data-subject-access
            >
              {t.subjectAccess}
            </a>
          ) : null}
          {['pa', 'team-manager'].includes(s.user.role) ? (
            <form method="post" action={`/young-people/${encodeURIComponent(id)}/invite`}>
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <button class="button secondary" type="submit">
                {t.invite}
              </button>
            </form>
          ) : null}
        </div>
        {extra?.invite ? (
          <div class="panel-success" role="status">
            <h2>{t.inviteLink}</h2>
            <p>{t.inviteHelp}</p>
            <p>
              <label for="invite-url">{t.inviteLink}</label>
              <input id="invite-url" class="copy" type="text" readonly value={extra.invite.url} />
            </p>
          </div>
        ) : null}
        {view?.ok ? (
          <>
            <h2>{t.engagement}</h2>
            {view.data.plan.engagement.attempts.length ? (
              <ul>
                {view.data.plan.engagement.attempts.map((a) => (
                  <li>
                    {formatDate(a.at, prefs.lang)}: {t.methods[a.method] ?? a.method} –{' '}
                    {t.outcomes[a.outcome] ?? a.outcome}
                    {a.note ? ` (${a.note})` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t.noItems}</p>
            )}
            {canEdit && open ? (
              <form method="post" action={`/plans/${encodeURIComponent(current!.id)}/engagement`} class="inline-form">
                <input type="hidden" name="_csrf" value={s.csrfToken} />
                <div class="field">
                  <label for="attempt-day">{t.attemptDay}</label>
                  <p class="hint" id="attempt-day-hint">
                    {t.attemptDayHint}
                  </p>
                  <input
                    id="attempt-day"
                    name="day"
                    type="date"
                    value={ukToday()}
                    max={ukToday()}
                    required
                    aria-describedby="attempt-day-hint"
                  />
                </div>
                <div class="field">
                  <label for="method">{t.method}</label>
                  <select id="method" name="method">
                    {Object.entries(t.methods).map(([k, v]) => (
                      <option value={k}>{v}</option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="outcome">{t.outcome}</label>
                  <select id="outcome" name="outcome">
                    {Object.entries(t.outcomes).map(([k, v]) => (
                      <option value={k}>{v}</option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="attempt-note">{t.note}</label>
                  <input id="attempt-note" name="note" type="text" maxlength={1000} />
                </div>
                <button type="submit" class="button secondary">
                  {t.addAttempt}
                </button>
              </form>
            ) : null}
          </>
        ) : null}
        <h2>{t.checkIn}</h2>
        {checkIns.ok && checkIns.data.items.length ? (
          <ul>
            {checkIns.data.items.slice(0, 5).map((ci) => (
              <li>
                {formatDate(ci.at, prefs.lang)}:{' '}
                {Object.entries(ci.moods)
                  .map(
                    ([d, m]) =>
                      `${domainTitle(d, prefs)} ${m?.mood === 'good' ? t.good : m?.mood === 'ok' ? t.ok : t.bad}${m?.help ? ` (${t.wantHelp})` : ''}`,
                  )
                  .join(', ')}
                {Object.values(ci.moods)
                  .filter((m) => m?.note)
                  .map((m) => (
                    <q class="yp-words">{m!.note}</q>
                  ))}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.noItems}</p>
        )}
        <h2>{t.plans}</h2>
        <ul>
          {(plans.ok ? plans.data.items : []).map((p) => (
            <li>
              <a href={`/plans/${encodeURIComponent(p.id)}`}>
                {formatDate(p.started, prefs.lang)} – {t.states[p.state] ?? p.state}
              </a>
              {p.authorised ? ` (${formatDate(p.authorised, prefs.lang)})` : ''}
            </li>
          ))}
        </ul>
      </>,
    );
  };

  app.get('/young-people/:id', async (c) => {
    const s = await staffSession(app, c);
    if (s instanceof Response) return s;
    return recordPage(c, s);
  });

  app.post('/young-people/:id/invite', async (c) => {
    const s = await staffSession(app, c, ['pa', 'team-manager']);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const r = await apiFor(app, c, s).post<{ token: string; url: string; expiresAt: string }>(
      `/api/young-people/${encodeURIComponent(c.req.param('id'))}/invitations`,
      {},
    );
    if (!r.ok) return recordPage(c, s, { errors: problemErrors(r.data, strings(prefsOf(c))) });
    // The link is shown on the page the PA sees (and is never logged); an absolute URL so it can be texted.
    const url = new URL(
      r.data.url ?? `/invitation/${r.data.token}`,
      options.publicOrigin ?? new URL(c.req.url).origin,
    ).toString();
    return recordPage(c, s, { invite: { url, expiresAt: r.data.expiresAt } });
  });

  app.post('/young-people/:id/plans', async (c) => {
    const s = await staffSession(app, c, EDITORS);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const r = await apiFor(app, c, s).post<PlanView>(
      `/api/young-people/${encodeURIComponent(c.req.param('id'))}/plans`,
      {},
    );
    if (!r.ok) return recordPage(c, s, { errors: problemErrors(r.data, strings(prefsOf(c))) });
    return seeOther(c, `/plans/${encodeURIComponent(r.data.plan.id)}`);
  });

  app.post('/plans/:id/engagement', async (c) => {
    const s = await staffSession(app, c, EDITORS);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const id = c.req.param('id');
    // An attempt made today is recorded at this moment; one made on an earlier day at midday (UK) that day.
    const day = /^\d{4}-\d{2}-\d{2}$/.test(f.day ?? '') ? (f.day as string) : ukToday();
    const r = await apiFor(app, c, s).post<PlanView>(`/api/plans/${encodeURIComponent(id)}/engagement-attempts`, {
      at: day === ukToday() ? new Date().toISOString() : `${day}T12:00:00.000Z`,
      method: f.method,
      outcome: f.outcome,
      ...(f.note ? { note: f.note } : {}),
    });
    if (!r.ok) return planPage(c, s, problemErrors(r.data, strings(prefsOf(c))));
    return seeOther(c, `/young-people/${encodeURIComponent(r.data.plan.youngPerson.id)}`);
  });

  const planPage = async (c: Context, s: Session, errors: { field?: string; message: string }[] = []) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const id = c.req.param('id') ?? '';
    const r = await apiFor(app, c, s).get<PlanView>(`/api/plans/${encodeURIComponent(id)}`);
    if (!r.ok) return errorPage(c, r.status, s);
    const { plan, state, allowedEvents } = r.data;
    const editable = EDITORS.includes(s.user.role) && ['draft', 'returned'].includes(state);
    const help = needsHelp(set, plan.checklist as AnyChecklist);
    const ps = planStrings(prefs);
    const done = errors.length ? undefined : c.req.query('done');
    const ypName = plan.youngPerson.preferredName ?? plan.youngPerson.name;
    return page(
      c,
      { title: `${t.planState}: ${plan.youngPerson.name}`, session: s, status: errors.length ? 400 : 200 },
      <>
        <a class="back-link" href={`/young-people/${encodeURIComponent(plan.youngPerson.id)}`}>
          {plan.youngPerson.name}
        </a>
        <ErrorSummary title={t.errorSummary} errors={errors} />
        {done === 'plan.submit' ? <SuccessBanner title={ps.submittedTitle} message={ps.submitted} /> : null}
        {done === 'plan.completeWithoutYoungPerson' ? (
          <SuccessBanner title={ps.withoutTitle} message={ps.without(ypName)} />
        ) : null}
        <h1>
          {t.planState}: {plan.youngPerson.preferredName ?? plan.youngPerson.name}
          <span class="caption">
            <span class="tag">{t.states[state] ?? state}</span> {formatDate(plan.started, prefs.lang)}
          </span>
        </h1>
        {state === 'authorised' || plan.authorised ? (
          <p>
            <a class="button secondary" href={planPdfPath(plan.id)}>
              PDF
            </a>
          </p>
        ) : null}
        {plan.returns?.length ? (
          <div class="panel-warning">
            <h2>{t.managerComments}</h2>
            <ul>
              {plan.returns.map((x) => (
                <li>
                  {x.comment}{' '}
                  <span class="small">
                    – {x.by.name}, {formatDate(x.at, prefs.lang)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {editable ? (
          <p>
            <a class="button secondary" href={`/plans/${encodeURIComponent(plan.id)}/checklist`}>
              {t.checklist}
            </a>
          </p>
        ) : null}
        {help.length ? (
          <>
            <h2>{t.askedForHelp}</h2>
            <ul>
              {help.map((h) => (
                <li>
                  {questionText(h.question.id, prefs)}
                  {h.answer.note ? <q class="yp-words">{h.answer.note}</q> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {plan.views.youngPerson ? (
          <>
            <h2>{t.views}</h2>
            <blockquote class="yp-words">{plan.views.youngPerson}</blockquote>
          </>
        ) : null}
        <h2>{t.answers}</h2>
        <Answers plan={plan} prefs={prefs} />
        {editable ? (
          <section aria-labelledby="add-goal">
            <h2 id="add-goal">{t.addGoal}</h2>
            <form method="post" action={`/plans/${encodeURIComponent(plan.id)}/goals`}>
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <input type="hidden" name="_version" value={String(r.data.version)} />
              <div class="field">
                <label for="goal-domain">{t.goals}</label>
                <select id="goal-domain" name="domain">
                  {DOMAINS.map((d) => (
                    <option value={d}>{domainTitle(d, prefs)}</option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="goal">{t.goal}</label>
                <input id="goal" name="goal" type="text" maxlength={500} required />
              </div>
              <div class="field">
                <label for="action-what">{t.action}</label>
                <input id="action-what" name="what" type="text" maxlength={500} required />
              </div>
              <div class="field">
                <label for="action-who">{t.who}</label>
                <input id="action-who" name="who" type="text" maxlength={120} value={s.user.name} required />
              </div>
              <div class="field">
                <label for="action-by">{t.byWhen}</label>
                <input id="action-by" name="byWhen" type="date" required />
              </div>
              <button class="button secondary" type="submit">
                {t.addGoal}
              </button>
            </form>
            <h2>{t.contingency}</h2>
            <form method="post" action={`/plans/${encodeURIComponent(plan.id)}/contingency`}>
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <input type="hidden" name="_version" value={String(r.data.version)} />
              <label for="contingency" class="visually-hidden">
                {t.contingency}
              </label>
              <textarea id="contingency" name="contingency" rows={3} maxlength={4000}>
                {plan.contingency ?? ''}
              </textarea>
              <button class="button secondary" type="submit">
                {t.save}
              </button>
            </form>
          </section>
        ) : plan.contingency ? (
          <>
            <h2>{t.contingency}</h2>
            <p>{plan.contingency}</p>
          </>
        ) : null}
        <div class="actions-row">
          {allowedEvents.includes('plan.submit') && EDITORS.includes(s.user.role) ? (
            <form method="post" action={`/plans/${encodeURIComponent(plan.id)}/events`}>
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <input type="hidden" name="type" value="plan.submit" />
              <button class="button" type="submit">
                {t.submit}
              </button>
            </form>
          ) : null}
          {allowedEvents.includes('plan.completeWithoutYoungPerson') && EDITORS.includes(s.user.role) ? (
            <form method="post" action={`/plans/${encodeURIComponent(plan.id)}/events`}>
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <input type="hidden" name="type" value="plan.completeWithoutYoungPerson" />
              <p class="hint">{t.withoutYpHint}</p>
              <button class="button secondary" type="submit">
                {t.withoutYp}
              </button>
            </form>
          ) : null}
          {allowedEvents.includes('plan.authorise') ? (
            <form method="post" action={`/plans/${encodeURIComponent(plan.id)}/events`}>
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <input type="hidden" name="type" value="plan.authorise" />
              <button class="button" type="submit">
                {t.authorise}
              </button>
            </form>
          ) : null}
        </div>
        {allowedEvents.includes('plan.return') ? (
          <form method="post" action={`/plans/${encodeURIComponent(plan.id)}/events`} class="return-form">
            <input type="hidden" name="_csrf" value={s.csrfToken} />
            <input type="hidden" name="type" value="plan.return" />
            <div class="field">
              <label for="comment">{t.comment}</label>
              <textarea id="comment" name="comment" rows={3} maxlength={1000} required />
            </div>
            <button class="button secondary" type="submit">
              {t.returnPlan}
            </button>
          </form>
        ) : null}
      </>,
    );
  };

  app.get('/plans/:id', async (c) => {
    const s = await staffSession(app, c);
    if (s instanceof Response) return s;
    return planPage(c, s);
  });

  const editPlan = async (c: Context, change: (plan: PathwayPlan, f: Record<string, string>) => string | undefined) => {
    const s = await staffSession(app, c, EDITORS);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const id = c.req.param('id') ?? '';
    const api = apiFor(app, c, s);
    const r = await api.get<PlanView>(`/api/plans/${encodeURIComponent(id)}`);
    if (!r.ok) return errorPage(c, r.status, s);
    const plan = structuredClone(r.data.plan);
    const problem = change(plan, f);
    if (problem) return planPage(c, s, [{ message: problem }]);
    const w = await api.call<PlanView>('PUT', `/api/plans/${encodeURIComponent(id)}`, plan, {
      'if-match': f._version ?? String(r.data.version),
    });
    if (!w.ok) return planPage(c, s, problemErrors(w.data, strings(prefsOf(c))));
    return seeOther(c, `/plans/${encodeURIComponent(id)}`);
  };

  app.post('/plans/:id/goals', (c) =>
    editPlan(c, (plan, f) => {
      const domain = f.domain as DomainId;
      if (!DOMAINS.includes(domain)) return 'Choose an area of life for the goal.';
      const goal = (f.goal ?? '').trim();
      const what = (f.what ?? '').trim();
      const who = (f.who ?? '').trim();
      if (!goal) return 'Write the goal.';
      if (!what) return 'Write the first action.';
      if (!who) return 'Say who will do the action.';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(f.byWhen ?? '')) return 'Give the date the action is due, like 2026-03-01.';
      const entry = plan.domains[domain] ?? {};
      const gid = `g${Date.now().toString(36)}`;
      entry.goals = [
        ...(entry.goals ?? []),
        { id: gid, goal, actions: [{ id: `${gid}.a1`, what, who, byWhen: f.byWhen! }] },
      ];
      plan.domains[domain] = entry;
      return undefined;
    }),
  );
  app.post('/plans/:id/contingency', (c) =>
    editPlan(c, (plan, f) => {
      const v = (f.contingency ?? '').replace(/\r\n/g, '\n');
      if (v) plan.contingency = v;
      else delete plan.contingency;
      return undefined;
    }),
  );

  app.post('/plans/:id/events', async (c) => {
    const s = await staffSession(app, c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const id = c.req.param('id');
    const type = f.type ?? '';
    const comment = (f.comment ?? '').trim();
    const t = strings(prefsOf(c));
    if (type === 'plan.return' && !comment)
      return planPage(c, s, [{ field: 'comment', message: `${t.comment}: ${t.errorSummary}` }]);
    const r = await apiFor(app, c, s).post<PlanView>(`/api/plans/${encodeURIComponent(id)}/events`, {
      type,
      ...(comment ? { comment } : {}),
    });
    if (!r.ok) return planPage(c, s, problemErrors(r.data, t));
    // The page the person goes back to says what happened and what is next (a manager's queue names the plan).
    const done = `done=${encodeURIComponent(type)}`;
    return seeOther(
      c,
      s.user.role === 'team-manager'
        ? `/authorisations?${done}&plan=${encodeURIComponent(id ?? '')}`
        : `/plans/${encodeURIComponent(id ?? '')}?${done}`,
    );
  });

  app.get('/plans/:id/checklist', async (c) => {
    const s = await staffSession(app, c, EDITORS);
    if (s instanceof Response) return s;
    const id = c.req.param('id');
    return checklistIndex(app, c, s, id, `/plans/${encodeURIComponent(id)}/checklist`, strings(prefsOf(c)).checklist);
  });
  app.get('/plans/:id/checklist/:domain', async (c) => {
    const s = await staffSession(app, c, EDITORS);
    if (s instanceof Response) return s;
    const id = c.req.param('id');
    return checklistDomain(app, c, s, id, `/plans/${encodeURIComponent(id)}/checklist`);
  });
  app.post('/plans/:id/checklist/:domain', async (c) => {
    const s = await staffSession(app, c, EDITORS);
    if (s instanceof Response) return s;
    const id = c.req.param('id');
    // A worker filling in answers is doing it with the young person; the plan's engagement record says how.
    return saveChecklistDomain(app, c, s, id, `/plans/${encodeURIComponent(id)}/checklist`, 'together', 'together');
  });

  app.get('/staying-put', async (c) => {
    const s = await staffSession(app, c);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const r = await apiFor(app, c, s).get<{ items: TrackerItem[] }>('/api/staying-put-tracker');
    if (!r.ok) return errorPage(c, r.status, s);
    const items = [...r.data.items].sort((a, b) => {
      const na = a.deadlines.find((d) => !d.overdue)?.due ?? '9';
      const nb = b.deadlines.find((d) => !d.overdue)?.due ?? '9';
      return (
        Number(b.deadlines.some((d) => d.overdue)) - Number(a.deadlines.some((d) => d.overdue)) || na.localeCompare(nb)
      );
    });
    return page(
      c,
      { title: arrangementWord(s, prefs.lang), session: s },
      <>
        <h1>{arrangementWord(s, prefs.lang)}</h1>
        <TableRegion label={t.deadlines}>
          <table>
            <caption>{t.deadlines}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.when18}</th>
                <th scope="col">{t.step}</th>
                <th scope="col">{t.deadlines}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => {
                const overdue = i.deadlines.filter((x) => x.overdue);
                const next = i.deadlines.find((x) => !x.overdue);
                return (
                  <tr class={overdue.length ? 'row-overdue' : undefined}>
                    <th scope="row">
                      <a href={`/young-people/${encodeURIComponent(i.youngPersonId)}`}>{i.name}</a>
                    </th>
                    <td>{formatDate(i.eighteenthBirthday, prefs.lang)}</td>
                    <td>
                      {i.state && i.arrangementId ? (
                        // The arrangement's page: its steps, with a button for each one this person may take now.
                        <a href={`/staying-put/${encodeURIComponent(i.arrangementId)}`}>
                          {stayingPutLifecycle.states[i.state]?.title ?? i.state}
                          <span class="visually-hidden">: {i.name}</span>
                        </a>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>
                      {overdue.map((x) => (
                        <div>
                          <strong class="tag tag-red">{t.overdue}</strong> {x.label ?? x.step} (
                          {formatDate(x.due, prefs.lang)})
                        </div>
                      ))}
                      {next ? (
                        <div>
                          {t.due}: {next.label ?? next.step} ({formatDate(next.due, prefs.lang)})
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      </>,
    );
  });
}
