// The young person's pages: my plan, my checklist, a check-in in under a minute, my Living Together
// Agreement, and my plan as a PDF. Only the young person can send a check-in (the server enforces it too).
import {
  type AnyChecklist,
  type CheckIn,
  checklistProgress,
  DOMAINS,
  type DomainId,
  needsHelp,
  questionSet,
  writtenHouseRules,
} from '@onward/engine';
import type { Context } from 'hono';
import { localeOf, type Prefs, strings, variantOf } from '../i18n.js';
import type { ArrangementView, PlanListItem, PlanView, YoungPersonSummary } from '../web/api-types.js';
import { councilWords, formatDate, prefsOf, type Session } from '../web/context.js';
import { ErrorSummary, SuccessBanner } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, formOf, page, seeOther, sessionOf } from '../web/render.js';
import { councilLocaleFiles } from '../web/wording.js';
import { checklistDomain, domainTitle, questionText, saveChecklistDomain, TaskList } from './checklist.js';
import { planPdfPath } from './plan-pdf.js';
import { MyArrangements } from './staying-put.js';
import { AllowanceLine, SIGN, SignForm, SigningList } from './staying-put-agreement.js';
import { stayingPutStrings } from './staying-put-strings.js';
import { messageData, WidgetMessages } from './young-person-widgets.js';

const set = questionSet();

/** The signed-in young person, else a redirect to sign in (or a refusal for anyone else). */
export async function youngPersonSession(app: AnyHono, c: Context): Promise<Session | Response> {
  const s = await sessionOf(app, c);
  if (!s) return seeOther(c, `/sign-in?back=${encodeURIComponent(new URL(c.req.url).pathname)}`);
  if (s.user.role !== 'young-person' || !s.user.youngPersonId) return errorPage(c, 403, s);
  return s;
}

async function currentPlanId(app: AnyHono, c: Context, s: Session): Promise<string | undefined> {
  const r = await apiFor(app, c, s).get<YoungPersonSummary>(
    `/api/young-people/${encodeURIComponent(s.user.youngPersonId!)}`,
  );
  return r.ok ? r.data.currentPlan?.id : undefined;
}

/** A drawn face (not an emoji, which some phones and fonts lack). Decorative: the text label says the mood. */
function Face(props: { mood: 'good' | 'ok' | 'bad' }) {
  const mouth =
    props.mood === 'good' ? 'M12 22 Q20 30 28 22' : props.mood === 'ok' ? 'M12 25 L28 25' : 'M12 28 Q20 20 28 28';
  return (
    <svg class="face-svg" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="18" fill="none" stroke="currentColor" stroke-width="3" />
      <circle cx="14" cy="15" r="2.5" fill="currentColor" />
      <circle cx="26" cy="15" r="2.5" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
    </svg>
  );
}

export function mountYoungPerson(app: AnyHono) {
  app.get('/me', async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const api = apiFor(app, c, s);
    const me = await api.get<YoungPersonSummary>(`/api/young-people/${encodeURIComponent(s.user.youngPersonId!)}`);
    if (!me.ok) return errorPage(c, me.status, s);
    const planId = me.data.currentPlan?.id;
    const view = planId ? await api.get<PlanView>(`/api/plans/${encodeURIComponent(planId)}`) : undefined;
    const plans = await api.get<{ items: PlanListItem[] }>(
      `/api/young-people/${encodeURIComponent(s.user.youngPersonId!)}/plans`,
    );
    const lastAuthorised = (plans.ok ? plans.data.items : [])
      .filter((p) => p.authorised)
      .sort((a, b) => (a.authorised! < b.authorised! ? 1 : -1))[0];
    const first = (me.data.preferredName ?? me.data.name).split(' ')[0];
    if (!view?.ok)
      return page(
        c,
        { title: t.myPlan, session: s },
        <>
          <h1>{t.myPlan}</h1>
          <p>{t.noPlanYet}</p>
        </>,
      );
    const plan = view.data.plan;
    const progress = checklistProgress(set, plan.checklist as AnyChecklist);
    const help = needsHelp(set, plan.checklist as AnyChecklist);
    const actions = DOMAINS.flatMap((d) =>
      (plan.domains[d]?.goals ?? []).flatMap((g) =>
        g.actions.filter((a) => !a.done).map((a) => ({ d, goal: g.goal, ...a })),
      ),
    ).sort((a, b) => (a.byWhen < b.byWhen ? -1 : 1));
    return page(
      c,
      { title: t.myPlan, session: s, widgets: true, scripts: ['plan-page.js'] },
      <>
        <h1>
          {t.myPlan}
          <span class="caption">{first}</span>
        </h1>
        <p>
          {t.yourPa}: <strong>{plan.pa.name}</strong>
          {/* The review to come is the engine's rule (six months, sooner after a change or a request, the
              council's periods), as on the worker's caseload, not a date stored in the plan. */}
          {me.data.reviewDue ? (
            <>
              {' · '}
              {t.nextReview}:{' '}
              <strong data-review-due={me.data.reviewDue}>{formatDate(me.data.reviewDue, prefs.lang)}</strong>
            </>
          ) : null}
          {' · '}
          <span class="tag">{t.states[view.data.state] ?? view.data.state}</span>
        </p>
        <div class="actions-row">
          <a class="button" href="/me/checklist">
            {progress.overall.answered < progress.overall.total ? t.continueSection : t.checklist}
          </a>
          <a class="button secondary" href="/me/check-in">
            {t.checkIn}
          </a>
          {lastAuthorised ? (
            <a class="button secondary" href={planPdfPath(lastAuthorised.id)}>
              {t.downloadPlan}
            </a>
          ) : null}
        </div>
        <h2>{t.progress}</h2>
        <p>{t.answeredOf(progress.overall.answered, progress.overall.total)}</p>
        <ul class="progress-list">
          {DOMAINS.map((d) => {
            const p = progress.domains[d];
            return (
              <li>
                <a href={`/me/checklist/${d}`}>{domainTitle(d, prefs)}</a>
                <progress
                  max={p.total}
                  value={p.answered}
                  aria-label={`${domainTitle(d, prefs)}: ${t.answeredOf(p.answered, p.total)}`}
                />
                <span class="small">{t.answeredOf(p.answered, p.total)}</span>
              </li>
            );
          })}
        </ul>
        <h2>{t.whatNext}</h2>
        {actions.length ? (
          <ul class="next-list">
            {actions.slice(0, 8).map((a) => (
              <li>
                <strong>{a.what}</strong>
                <span class="small">
                  {' '}
                  – {a.who}, {t.by} {formatDate(a.byWhen, prefs.lang)} ({domainTitle(a.d, prefs)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.noActions}</p>
        )}
        {['draft', 'returned'].includes(view.data.state) ? (
          <form method="post" action="/me/views" class="inline-form">
            <h2>{t.myViews}</h2>
            <input type="hidden" name="_csrf" value={s.csrfToken} />
            <div class="field">
              <label for="views">{t.myViews}</label>
              <p class="hint" id="views-hint">
                {t.myViewsHint}
              </p>
              <textarea id="views" name="youngPerson" rows={4} maxlength={4000} aria-describedby="views-hint">
                {plan.views.youngPerson ?? ''}
              </textarea>
            </div>
            <div class="field">
              <label for="disagreements">{t.disagree}</label>
              <textarea id="disagreements" name="disagreements" rows={2} maxlength={4000}>
                {plan.views.disagreements ?? ''}
              </textarea>
            </div>
            <button type="submit" class="button secondary">
              {t.saveViews}
            </button>
          </form>
        ) : null}
        <h2>{t.fullPlan}</h2>
        <div
          data-onward-plan={planId}
          data-keep={`/api/plans/${encodeURIComponent(planId!)}`}
          data-viewer-id={s.user.youngPersonId}
          data-viewer-role="young-person"
          data-variant={variantOf(prefs)}
        >
          <p class="small">{t.plans}…</p>
        </div>
        {help.length ? (
          <>
            <h2>{t.wantHelp}</h2>
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
      </>,
    );
  });

  app.post('/me/views', async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const id = await currentPlanId(app, c, s);
    if (!id) return errorPage(c, 404, s);
    // Their words exactly as written (only line endings normalised).
    const body: { youngPerson?: string; disagreements?: string } = {};
    if (f.youngPerson !== undefined) body.youngPerson = f.youngPerson.replace(/\r\n/g, '\n');
    if (f.disagreements !== undefined) body.disagreements = f.disagreements.replace(/\r\n/g, '\n');
    const r = await apiFor(app, c, s).put(`/api/plans/${encodeURIComponent(id)}/views`, body);
    if (!r.ok) return errorPage(c, r.status === 409 ? 403 : r.status, s);
    return seeOther(c, '/me');
  });

  app.get('/me/checklist', async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const id = await currentPlanId(app, c, s);
    const t = strings(prefsOf(c));
    if (!id)
      return page(
        c,
        { title: t.checklist, session: s },
        <>
          <h1>{t.checklist}</h1>
          <p>{t.noPlanYet}</p>
        </>,
      );
    const prefs = prefsOf(c);
    const r = await apiFor(app, c, s).get<PlanView>(`/api/plans/${encodeURIComponent(id)}`);
    if (!r.ok) return errorPage(c, r.status === 403 ? 403 : 404, s);
    const progress = checklistProgress(set, r.data.plan.checklist as AnyChecklist);
    // The <onward-checklist> widget (young-person-checklist.js) replaces the task list, which stays as the
    // no-script version: each area links to its own form page.
    return page(
      c,
      { title: t.checklist, session: s, widgets: true, scripts: ['young-person-checklist.js'] },
      <>
        <h1>{t.checklist}</h1>
        <WidgetMessages />
        <div
          class="widget-host"
          data-onward-checklist={id}
          data-keep={`/api/plans/${encodeURIComponent(id)}`}
          data-csrf={s.csrfToken}
          data-variant={variantOf(prefs)}
          data-storage-key={`checklist:${s.user.youngPersonId}:${id}`}
          data-widget-titled=""
          {...(councilLocaleFiles().length ? { 'data-wording': '/wording/council.json' } : {})}
          {...messageData(prefs, [
            'network',
            'notSavedTitle',
            'notSaved',
            'savedNow',
            'sent',
            'readOnly',
            'bothChangedTitle',
            'bothChanged',
            'youWrote',
            'answersSavedOffline',
            'answersSent',
            'answersRefusedTitle',
            'chooseTitle',
            'chooseIntro',
            'chooseMine',
            'chooseSaved',
            'chooseSave',
            'chooseSaved1',
            'answerNone',
          ])}
          data-msg-answer-yes={t.yes}
          data-msg-answer-no={t.no}
          data-msg-answer-not-relevant={t.notRelevant}
          data-msg-answer-help={t.wantHelp}
          data-young-person={s.user.youngPersonId}
          // Each question's words as shown to this young person, for the page to name an answer it asks about.
          data-questions={JSON.stringify(
            Object.fromEntries(set.domains.flatMap((d) => d.questions.map((q) => [q.id, questionText(q.id, prefs)]))),
          )}
        >
          <div data-fallback="">
            <p>{t.answeredOf(progress.overall.answered, progress.overall.total)}</p>
            <TaskList view={r.data} prefs={prefs} base="/me/checklist" />
          </div>
        </div>
      </>,
    );
  });
  app.get('/me/checklist/:domain', async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const id = await currentPlanId(app, c, s);
    return id ? checklistDomain(app, c, s, id, '/me/checklist') : errorPage(c, 404, s);
  });
  app.post('/me/checklist/:domain', async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const id = await currentPlanId(app, c, s);
    return id ? saveChecklistDomain(app, c, s, id, '/me/checklist', 'young-person') : errorPage(c, 404, s);
  });

  const checkInPage = async (
    c: Context,
    s: Session,
    errors: { field?: string; message: string }[] = [],
    sent?: 'sent' | 'help',
  ) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    return page(
      c,
      {
        title: t.checkInTitle,
        session: s,
        status: errors.length ? 400 : 200,
        widgets: true,
        scripts: ['young-person-check-in.js'],
      },
      <>
        {sent ? (
          <div class="panel-success" role="status">
            <p>{t.checkInSent}</p>
            {sent === 'help' ? <p>{t.helpSent}</p> : null}
          </div>
        ) : null}
        <ErrorSummary title={t.errorSummary} errors={errors} />
        <h1>{t.checkInTitle}</h1>
        <WidgetMessages />
        {/* The <onward-check-in> widget (young-person-check-in.js) replaces the form, the no-script version. */}
        <div
          class="widget-host"
          data-onward-check-in={s.user.youngPersonId}
          data-csrf={s.csrfToken}
          data-variant={variantOf(prefs)}
          data-storage-key={`check-in:${s.user.youngPersonId}`}
          data-widget-titled=""
          {...messageData(prefs, [
            'network',
            'sending',
            'checkInSent',
            'helpSent',
            'notSentTitle',
            'notSent',
            'another',
            'savedOffline',
            'outboxSent',
            'outboxRefusedTitle',
            'outboxRefused',
          ])}
        >
          <div data-fallback="">
            <p>{t.checkInIntro}</p>
            <form method="post" novalidate class="check-in">
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              {DOMAINS.map((d, i) => (
                <fieldset class="mood">
                  <legend>{domainTitle(d, prefs)}</legend>
                  <div class="faces">
                    {(['good', 'ok', 'bad'] as const).map((m, j) => (
                      <div class="face">
                        <input
                          type="radio"
                          id={i === 0 && j === 0 ? 'first-mood' : `${d}-${m}`}
                          name={`${d}.mood`}
                          value={m}
                        />
                        <label for={i === 0 && j === 0 ? 'first-mood' : `${d}-${m}`}>
                          <Face mood={m} />
                          {m === 'good' ? t.good : m === 'ok' ? t.ok : t.bad}
                        </label>
                      </div>
                    ))}
                  </div>
                  <div class="checkbox">
                    <input type="checkbox" id={`${d}-help`} name={`${d}.help`} value="yes" />
                    <label for={`${d}-help`}>{t.wantHelp}</label>
                  </div>
                  <details class="extra">
                    <summary>{t.note}</summary>
                    <label for={`${d}-note`} class="visually-hidden">
                      {t.note}: {domainTitle(d, prefs)}
                    </label>
                    <textarea id={`${d}-note`} name={`${d}.note`} rows={2} maxlength={280} />
                  </details>
                </fieldset>
              ))}
              <button type="submit" class="button">
                {t.sendCheckIn}
              </button>
            </form>
          </div>
        </div>
      </>,
    );
  };

  app.get('/me/check-in', async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const sent = c.req.query('sent');
    return checkInPage(c, s, [], sent === 'help' ? 'help' : sent ? 'sent' : undefined);
  });
  app.post('/me/check-in', async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const moods: CheckIn['moods'] = {};
    let help = false;
    for (const d of DOMAINS) {
      const mood = f[`${d}.mood`];
      const wantsHelp = f[`${d}.help`] === 'yes';
      const note = (f[`${d}.note`] ?? '').replace(/\r\n/g, '\n');
      // Asking for help or writing a note without a face still counts: it is "ok" unless they said otherwise.
      if (mood !== 'good' && mood !== 'ok' && mood !== 'bad' && !wantsHelp && !note) continue;
      const m = mood === 'good' || mood === 'bad' ? mood : 'ok';
      moods[d as DomainId] = { mood: m, ...(wantsHelp ? { help: true } : {}), ...(note ? { note } : {}) };
      if (wantsHelp) help = true;
    }
    const t = strings(prefs);
    if (!Object.keys(moods).length) return checkInPage(c, s, [{ field: 'first-mood', message: t.checkInIntro }]);
    const checkIn: CheckIn = {
      id: `ci-${crypto.randomUUID()}`,
      youngPersonId: s.user.youngPersonId!,
      author: 'young-person',
      at: new Date().toISOString(),
      locale: localeOf(prefs),
      moods,
    };
    const r = await apiFor(app, c, s).post(
      `/api/young-people/${encodeURIComponent(s.user.youngPersonId!)}/check-ins`,
      checkIn,
    );
    if (!r.ok) {
      const problem = r.data as { errors?: { path: string; message: string }[]; detail?: string } | null;
      return checkInPage(
        c,
        s,
        problem?.errors?.map((e) => ({ message: `${e.path}: ${e.message}` })) ?? [
          { message: problem?.detail ?? t.tryAgain },
        ],
      );
    }
    return seeOther(c, `/me/check-in?sent=${help ? 'help' : '1'}`);
  });

  // Carers and supervising social workers: their agreements come by link (/agreements/:id).
  app.get('/welcome', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, '/sign-in');
    const t = strings(prefsOf(c));
    return page(
      c,
      { title: t.welcome, session: s },
      <>
        <h1>
          {t.welcome}
          <span class="caption">{s.user.name}</span>
        </h1>
        <p>{councilWords(s.user.role === 'supervising-social-worker' ? t.welcomeSsw : t.welcomeParty, s)}</p>
        <MyArrangements app={app} c={c} s={s} />
      </>,
    );
  });

  const STAFF_AND_PARTIES = ['pa', 'social-worker', 'team-manager', 'carer', 'supervising-social-worker'];
  // A Living Together Agreement by its arrangement id, for anyone the server lets see it (the young person,
  // their workers, the carers and supervising social worker named on it), with who signs it and, for whoever the
  // lifecycle lets sign now, the sign-off form.
  app.get('/agreements/:id', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, `/sign-in?back=${encodeURIComponent(new URL(c.req.url).pathname)}`);
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const w = stayingPutStrings(prefs);
    const id = c.req.param('id');
    const r = await apiFor(app, c, s).get<ArrangementView>(`/api/staying-put/${encodeURIComponent(id)}`);
    if (!r.ok) return errorPage(c, r.status === 403 ? 403 : 404, s);
    const a = r.data.agreement;
    if (!a)
      return page(
        c,
        { title: t.agreement, session: s },
        <>
          <h1>{t.agreement}</h1>
          <p>{t.noAgreement}</p>
        </>,
      );
    const sign = c.req.query('sign');
    return page(
      c,
      { title: t.agreement, session: s },
      <>
        {STAFF_AND_PARTIES.includes(s.user.role) ? (
          <a class="back-link" href={`/staying-put/${encodeURIComponent(id)}`}>
            {w.cancel}
          </a>
        ) : null}
        <SuccessBanner title={w.successTitle} message={c.req.query('signed') === '1' ? w.signedBanner : undefined} />
        {sign === 'refused' ? <p class="panel-warning">{t.tryAgain}</p> : null}
        <AgreementView
          a={a}
          prefs={prefs}
          title={t.agreement}
          role={s.user.role}
          signing={Boolean(r.data.signing?.length)}
          pdf={`/api/staying-put/${encodeURIComponent(id)}/agreement.pdf`}
        />
        <SigningList a={r.data} w={w} lang={prefs.lang} me={s.user.youngPersonId ?? s.user.id} />
        {r.data.allowedEvents.includes(SIGN) ? (
          <SignForm arrangementId={id} s={s} w={w} {...(sign === 'tick' ? { error: w.mustTick } : {})} />
        ) : null}
      </>,
    );
  });

  app.get('/me/agreement', async (c) => {
    const s = await youngPersonSession(app, c);
    if (s instanceof Response) return s;
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const r = await apiFor(app, c, s).get<ArrangementView>(
      `/api/young-people/${encodeURIComponent(s.user.youngPersonId!)}/staying-put`,
    );
    const a = r.ok ? r.data.agreement : undefined;
    if (!a)
      return page(
        c,
        { title: t.myAgreement, session: s },
        <>
          <h1>{t.myAgreement}</h1>
          <p>{t.noAgreement}</p>
        </>,
      );
    // The <onward-agreement> widget (young-person-agreement.js) replaces the plain version: read-only, with the
    // young person's own sign-off when the server's lifecycle allows it now.
    return page(
      c,
      { title: t.myAgreement, session: s, widgets: true, scripts: ['young-person-agreement.js'] },
      <>
        <SuccessBanner
          title={stayingPutStrings(prefs).successTitle}
          message={c.req.query('signed') === '1' ? stayingPutStrings(prefs).signedBanner : undefined}
        />
        <h1>{t.myAgreement}</h1>
        <p>
          <a
            href={`/api/staying-put/${encodeURIComponent(r.data.id)}/agreement.pdf`}
            download="living-together-agreement.pdf"
          >
            {t.downloadPdf}
          </a>
        </p>
        <WidgetMessages />
        <div
          class="widget-host"
          data-onward-agreement={r.data.id}
          data-keep={`/api/staying-put/${encodeURIComponent(r.data.id)}`}
          data-young-person-id={s.user.youngPersonId}
          data-variant={variantOf(prefs)}
          data-csrf={s.csrfToken}
          {...messageData(prefs, ['network', 'signing', 'signed', 'notSignedTitle'])}
        >
          <div data-fallback="">
            <AgreementView a={a} prefs={prefs} title={t.myAgreement} role={s.user.role} headingless />
            {r.data.allowedEvents.includes(SIGN) ? (
              <SignForm
                arrangementId={r.data.id}
                s={s}
                w={stayingPutStrings(prefs)}
                {...(c.req.query('sign') === 'tick' ? { error: stayingPutStrings(prefs).mustTick } : {})}
              />
            ) : null}
          </div>
        </div>
      </>,
    );
  });
}

function money(pence: number): string {
  return `£${(pence / 100).toFixed(2)}`;
}

export function AgreementView(props: {
  a: NonNullable<ArrangementView['agreement']>;
  prefs: Prefs;
  title: string;
  /** The viewer's role: the engine decides from it whether the carers' allowance is shown. */
  role: string;
  pdf?: string;
  /** Leave out the h1 (the page has its own). */
  headingless?: boolean;
  /** The page lists who signs from the lifecycle (SigningList) instead of the agreement's own sign-offs. */
  signing?: boolean;
}) {
  const { a, prefs } = props;
  const lang = prefs.lang;
  const t = strings(prefs);
  return (
    <>
      {props.headingless ? null : <h1>{props.title}</h1>}
      {props.pdf ? (
        <p>
          <a href={props.pdf} download="living-together-agreement.pdf">
            {t.downloadPdf}
          </a>
        </p>
      ) : null}
      <dl class="summary">
        <div>
          <dt>{t.address}</dt>
          <dd>{a.address}</dd>
        </div>
        <div>
          <dt>{t.carers}</dt>
          <dd>{a.carers.map((x) => x.name).join(', ')}</dd>
        </div>
        <div>
          <dt>{t.starts}</dt>
          <dd>{formatDate(a.dates.starts, lang)}</dd>
        </div>
        {a.dates.firstReview ? (
          <div>
            <dt>{t.firstReview}</dt>
            <dd>{formatDate(a.dates.firstReview, lang)}</dd>
          </div>
        ) : null}
        {a.dates.plannedEnd ? (
          <div>
            <dt>{t.plannedEnd}</dt>
            <dd>{formatDate(a.dates.plannedEnd, lang)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.contribution}</dt>
          <dd>
            {money(a.money.contribution.amountPence)}{' '}
            {t.perPeriod[a.money.contribution.period] ?? a.money.contribution.period}
            {a.money.contribution.covers ? ` – ${a.money.contribution.covers}` : ''}
          </dd>
        </div>
        <AllowanceLine a={a} role={props.role} w={stayingPutStrings(prefs)} perPeriod={t.perPeriod} />
      </dl>
      <h2>{t.houseRules}</h2>
      <dl class="summary">
        {writtenHouseRules(a).map(([k, words]) => (
          <div>
            <dt>{t.rules[k]}</dt>
            <dd>{words}</dd>
          </div>
        ))}
      </dl>
      {a.skills?.length ? (
        <>
          <h2>{t.skills}</h2>
          <ul>
            {a.skills.map((s) => (
              <li>
                {s.skill}
                {s.targetDate ? ` (${t.by} ${formatDate(s.targetDate, lang)})` : ''}
                {s.done ? ' ✓' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t.support}</h2>
      <ul>
        {a.support.map((s) => (
          <li>
            {s.what} {s.howOften ? `(${s.howOften})` : ''}
          </li>
        ))}
      </ul>
      {a.disagreements ? (
        <>
          <h2>{t.ifWeDisagree}</h2>
          <p>{a.disagreements}</p>
        </>
      ) : null}
      {props.signing ? null : (
        <>
          <h2>{t.signed}</h2>
          {a.signOffs.length ? (
            <ul>
              {a.signOffs.map((x) => (
                <li>
                  {x.name} ({stayingPutStrings(prefs).parties[x.party] ?? x.party}), {formatDate(x.at, lang)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.notSigned}</p>
          )}
        </>
      )}
    </>
  );
}
