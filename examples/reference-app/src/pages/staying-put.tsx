// Staying Put: one arrangement's steps. The page shows the step it is at, its deadlines (worked out by the engine
// from the young person's date of birth, overdue ones first and marked), and a form for each step the signed-in
// person may take now: the server sends the engine's `allowedEvents` for their role and the arrangement's state,
// so nobody sees a button the server would refuse. Every step goes through POST /api/staying-put/:id/events.
// Carers and supervising social workers find their arrangements on /welcome (GET /api/my-arrangements).
import { ageOn, birthday, inNationWords, type Nation, stayingPutLifecycle, ukDate } from '@onward/engine';
import type { Context } from 'hono';
import { strings } from '../i18n.js';
import type { ArrangementView, YoungPersonSummary } from '../web/api-types.js';
import { councilWords, formatDate, prefsOf, type Session } from '../web/context.js';
import { ErrorSummary, SuccessBanner } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, page, seeOther, sessionOf } from '../web/render.js';
import { TableRegion } from '../web/table.js';
import { type ManagerStrings, managerStrings } from './manager-strings.js';
import { DRAFT, mountAgreementPages, SIGN, SigningList, type StayingPutPeople } from './staying-put-agreement.js';
import { type StayingPutStrings, stayingPutStrings } from './staying-put-strings.js';

interface Deadline {
  step: string;
  label?: string;
  due: string;
  overdue?: boolean;
}
interface PartyArrangement {
  id: string;
  youngPersonId: string;
  name: string;
  state: string;
  allowedEvents: string[];
  deadlines: Deadline[];
}

const VIEWS = ['yes', 'unsure', 'no'] as const;
const ATTENDEES = ['young-person', 'carer', 'social-worker', 'supervising-social-worker', 'pa', 'benefits-adviser'];
export const STAFF = ['pa', 'social-worker', 'team-manager'];
const STARTERS = ['pa', 'social-worker'];
/** The national return's ACTIV codes (SSDA903), in plain words. */
const ACTIVITIES: readonly (readonly [string, string])[] = [
  ['F1', 'Higher education, full time'],
  ['P1', 'Higher education, part time'],
  ['F2', 'Other education, full time'],
  ['P2', 'Other education, part time'],
  ['F4', 'Apprenticeship, full time'],
  ['P4', 'Apprenticeship, part time'],
  ['F5', 'Training or work, full time'],
  ['P5', 'Training or work, part time'],
  ['G4', 'Not in education, training or work: illness or disability'],
  ['G5', 'Not in education, training or work: other reasons'],
  ['G6', 'Not in education, training or work: pregnant or a parent'],
  ['0', 'No information'],
];
/** ACCOM: a kind of home and whether it suits them (1 suitable, 2 not suitable); S and X are always 2. */
const HOMES: readonly (readonly [string, string])[] = [
  ['U', 'Living on their own (independent living)'],
  ['Z', 'With their former foster carers'],
  ['B', 'With parents or relatives'],
  ['K', 'Ordinary lodgings'],
  ['E', 'Supported lodgings'],
  ['D', 'Semi-independent living'],
  ['T', 'Foyer'],
  ['C', 'Residential care'],
  ['V', 'Emergency accommodation'],
  ['W', 'Bed and breakfast'],
  ['G', 'Abroad'],
  ['H', 'Deported'],
  ['Y', 'Other'],
  ['R', 'Not known'],
];
const ACCOMMODATION: readonly (readonly [string, string])[] = [
  ...HOMES.flatMap(([l, w]) => [[`${l}1`, `${w}, suitable`] as const, [`${l}2`, `${w}, not suitable`] as const]),
  ['S2', 'No fixed address (homeless)'],
  ['X2', 'In custody'],
  ['0', 'No information'],
];
const WITHDRAW_REASONS = ['young-person-does-not-want', 'carer-cannot-continue', 'not-in-welfare', 'moved', 'other'];
/** Steps with only a date. */
const DATED = new Set([
  'stayingPut.plans.include',
  'stayingPut.progress.record',
  'stayingPut.panel.approve',
  'stayingPut.review.record',
  'stayingPut.managers.tell',
  'stayingPut.conversionTasks.list',
  'stayingPut.education.record',
  // The day it started, which may be before the day it is recorded.
  'stayingPut.start',
]);
/**
 * Steps taken elsewhere: drafting is saving the agreement and signing is on the agreement page; allocation and
 * rules are managers' and admins' tools.
 */
const NOT_BUTTONS = new Set([DRAFT, SIGN, 'stayingPut.workers.allocate', 'stayingPut.rules.adopt']);
/** Steps that cannot be undone: a check-and-confirm page comes first. */
const CONFIRMED = new Set(['stayingPut.end', 'stayingPut.withdraw']);
const FINISHED = new Set(['ended', 'withdrawn']);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function stateTitle(state: string, nation: Nation = 'england'): string {
  return inNationWords(stayingPutLifecycle.states[state]?.title ?? state, nation);
}
export function eventLabel(type: string, nation: Nation = 'england'): string {
  return inNationWords(capital(stayingPutLifecycle.events[type]?.label ?? type), nation);
}

/** Deadlines, overdue first, each marked. */
export function DeadlineList(props: { deadlines: readonly Deadline[]; m: ManagerStrings; lang: 'en' | 'cy' }) {
  const list = [...props.deadlines].sort(
    (a, b) => Number(Boolean(b.overdue)) - Number(Boolean(a.overdue)) || a.due.localeCompare(b.due),
  );
  if (!list.length) return <p>–</p>;
  return (
    <ul class="deadlines">
      {list.map((d) => (
        <li class={d.overdue ? 'deadline overdue' : 'deadline'} data-step={d.step}>
          {d.overdue ? <strong class="tag tag-red">{props.m.overdueTag}</strong> : null} {capital(d.label ?? d.step)}:{' '}
          {props.m.due} {formatDate(d.due, props.lang)}
        </li>
      ))}
    </ul>
  );
}

function DateField(props: { id: string; m: ManagerStrings; today: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.m.on}</label>
      <input id={props.id} name="on" type="date" value={props.today} max={props.today} required />
    </div>
  );
}

function Choice(props: { id: string; name: string; label: string; options: readonly (readonly [string, string])[] }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} required>
        {props.options.map(([v, text]) => (
          <option value={v}>{text}</option>
        ))}
      </select>
    </div>
  );
}

function Tick(props: { id: string; name: string; label: string }) {
  return (
    <div class="checkbox">
      <input id={props.id} name={props.name} type="checkbox" value="true" />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

/** The fields one step needs (the engine's payload for that event). */
function StepFields(props: {
  type: string;
  n: number;
  m: ManagerStrings;
  w: StayingPutStrings;
  today: string;
  required: readonly string[];
  nation: Nation;
  f?: Record<string, string>;
}) {
  const { type, n, m, w, today } = props;
  const id = (x: string) => `s${n}-${x}`;
  const yesNo = VIEWS.map((v) => [v, v === 'yes' ? m.yes : v === 'no' ? m.no : m.unsure] as const);
  if (DATED.has(type)) return <DateField id={id('on')} m={m} today={today} />;
  switch (type) {
    case 'stayingPut.discuss':
      return (
        <>
          <Choice id={id('yp')} name="youngPersonWants" label={m.youngPersonWants} options={yesNo} />
          <Choice id={id('carer')} name="carerWilling" label={m.carerWilling} options={yesNo} />
          <DateField id={id('on')} m={m} today={today} />
        </>
      );
    case 'stayingPut.meeting.record':
      return (
        <>
          <fieldset aria-describedby={props.required.length ? id('att-hint') : undefined}>
            <legend>{m.attendees}</legend>
            {props.required.length ? (
              <p class="hint" id={id('att-hint')}>
                {m.attendeesNeeded}: {props.required.map((a) => w.attendeeNames[a] ?? a).join(', ')}.
              </p>
            ) : null}
            {ATTENDEES.map((a) => (
              <div class="checkbox">
                <input id={id(`att-${a}`)} name="attendees" type="checkbox" value={a} checked={a === 'young-person'} />
                <label for={id(`att-${a}`)}>{w.attendeeNames[a] ?? a}</label>
              </div>
            ))}
          </fieldset>
          <DateField id={id('on')} m={m} today={today} />
        </>
      );
    case 'stayingPut.checks.record':
      return (
        <fieldset>
          <legend>{eventLabel(type, props.nation)}</legend>
          <Tick id={id('approved')} name="carerApproved" label={m.carerApproved} />
          <Tick id={id('dbs1')} name="dbsStarted" label={m.dbsStarted} />
          <Tick id={id('dbs2')} name="dbsDone" label={m.dbsDone} />
          <DateField id={id('on')} m={m} today={today} />
        </fieldset>
      );
    case 'stayingPut.end':
      return (
        <>
          <Choice
            id={id('kind')}
            name="kind"
            label={m.kind}
            options={[
              ['planned', m.planned],
              ['unplanned', m.unplanned],
            ]}
          />
          <Choice
            id={id('activity')}
            name="activity"
            label={m.activity}
            options={[['', '–'], ...ACTIVITIES.map(([code, x]) => [code, `${x} (${code})`] as const)]}
          />
          <Choice
            id={id('accom')}
            name="accommodation"
            label={m.accommodation}
            options={[['', '–'], ...ACCOMMODATION.map(([code, x]) => [code, `${x} (${code})`] as const)]}
          />
          <div class="field">
            <label for={id('on')}>{w.endDate}</label>
            <input id={id('on')} name="on" type="date" value={today} max={today} required />
          </div>
        </>
      );
    case 'stayingPut.withdraw':
      return (
        <Choice
          id={id('reason')}
          name="reason"
          label={m.reason}
          options={[['', w.chooseReason], ...WITHDRAW_REASONS.map((r) => [r, w.withdrawReasons[r] ?? r] as const)]}
        />
      );
    default:
      return null;
  }
}

/** The event body from the form: only the fields this step takes. */
function eventBody(f: Record<string, string>, attendees: string[]): Record<string, unknown> {
  const type = f.type ?? '';
  const body: Record<string, unknown> = { type };
  const on = f.on ? { on: f.on } : {};
  if (DATED.has(type)) return { ...body, ...on };
  switch (type) {
    case 'stayingPut.discuss':
      return { ...body, youngPersonWants: f.youngPersonWants, carerWilling: f.carerWilling, ...on };
    case 'stayingPut.meeting.record':
      return { ...body, attendees, ...on };
    case 'stayingPut.checks.record':
      return {
        ...body,
        ...(f.carerApproved === 'true' ? { carerApproved: true } : {}),
        ...(f.dbsStarted === 'true' ? { dbsStarted: true } : {}),
        ...(f.dbsDone === 'true' ? { dbsDone: true } : {}),
        ...on,
      };
    case 'stayingPut.end':
      return {
        ...body,
        kind: f.kind,
        activity: f.activity,
        accommodation: (f.accommodation ?? '').trim().toUpperCase(),
        ...on,
      };
    case 'stayingPut.withdraw':
      return { ...body, reason: f.reason };
    default:
      return body;
  }
}

/** The API's problem as the page's error list. */
function problems(r: { data: unknown }, fallback: string): { field?: string; message: string }[] {
  const p = r.data as { errors?: { path: string; message: string }[]; detail?: string; title?: string } | null;
  return p?.errors?.length
    ? p.errors.map((e) => ({ message: `${e.path ? `${e.path}: ` : ''}${e.message}` }))
    : [{ message: p?.detail ?? p?.title ?? fallback }];
}

/** What the banner says after an action (?done=…). */
function doneMessage(done: string | undefined, w: StayingPutStrings, m: ManagerStrings, nation: Nation) {
  if (!done) return undefined;
  if (done === 'started') return inNationWords(w.started, nation);
  if (done === 'agreement') return w.agreementSaved;
  if (done === 'stayingPut.end') return w.endedBanner;
  if (done === 'stayingPut.withdraw') return inNationWords(w.withdrawnBanner, nation);
  if (done.startsWith('stayingPut.')) return w.stepSaved(eventLabel(done, nation).toLowerCase());
  return m.done;
}

/** A GOV.UK-style notification banner after an action. */
async function arrangementPage(
  app: AnyHono,
  c: Context,
  s: Session,
  clock: () => Date,
  errors: { field?: string; message: string }[] = [],
): Promise<Response> {
  const prefs = prefsOf(c);
  const t = strings(prefs);
  const m = managerStrings(prefs);
  const w = stayingPutStrings(prefs);
  const id = c.req.param('id') ?? '';
  const api = apiFor(app, c, s);
  const r = await api.get<ArrangementView & { deadlines: Deadline[] }>(`/api/staying-put/${encodeURIComponent(id)}`);
  if (!r.ok) return errorPage(c, r.status === 403 ? 403 : 404, s);
  const a = r.data;
  let name = a.agreement?.youngPerson.name;
  if (STAFF.includes(s.user.role)) {
    const yp = await api.get<{ name: string; preferredName?: string }>(
      `/api/young-people/${encodeURIComponent(a.youngPersonId)}`,
    );
    if (yp.ok) name = yp.data.preferredName ?? yp.data.name;
  }
  const today = ukDate(clock());
  const steps = a.allowedEvents.filter((e) => !NOT_BUTTONS.has(e));
  const nation = a.rules?.nation ?? 'england';
  const done = errors.length ? undefined : doneMessage(c.req.query('done'), w, m, nation);
  const canDraft = a.allowedEvents.includes(DRAFT) && ['pa', 'social-worker'].includes(s.user.role);
  const canSign = a.allowedEvents.includes(SIGN);
  const agreementLink = `/agreements/${encodeURIComponent(a.id)}`;
  return page(
    c,
    { title: inNationWords(m.arrangement, nation), session: s, status: errors.length ? 422 : 200 },
    <>
      <ErrorSummary title={t.errorSummary} errors={errors} />
      <SuccessBanner title={w.successTitle} message={done} />
      <h1>
        {inNationWords(m.arrangement, nation)}
        {name ? <span class="caption">{name}</span> : null}
      </h1>
      <p>
        {m.step}: <strong data-state={a.state}>{stateTitle(a.state, nation)}</strong>
      </p>
      <h2>{t.agreement}</h2>
      {a.agreement ? (
        <div class="actions-row">
          <a class={canSign ? 'button' : 'button secondary'} href={agreementLink}>
            {canSign ? w.readAndSign : w.readAgreement}
          </a>
          {canDraft ? (
            <a class="button secondary" href={`/staying-put/${encodeURIComponent(a.id)}/agreement`}>
              {w.changeAgreement}
            </a>
          ) : null}
        </div>
      ) : canDraft ? (
        <p>
          <a class="button" href={`/staying-put/${encodeURIComponent(a.id)}/agreement`}>
            {w.writeAgreement}
          </a>
        </p>
      ) : (
        <p>{t.noAgreement}</p>
      )}
      <SigningList a={a} w={w} lang={prefs.lang} me={s.user.youngPersonId ?? s.user.id} />
      <h2>{m.deadlines}</h2>
      <DeadlineList deadlines={a.deadlines ?? []} m={m} lang={prefs.lang} />
      <h2>{m.nextSteps}</h2>
      {steps.length ? (
        <div class="step-forms">
          {steps.map((type, n) => (
            <form
              method="post"
              action={`/staying-put/${encodeURIComponent(a.id)}/${CONFIRMED.has(type) ? 'confirm' : 'step'}`}
              class="step-form"
            >
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <input type="hidden" name="type" value={type} />
              <StepFields
                type={type}
                n={n}
                m={m}
                w={w}
                today={today}
                required={a.rules?.meetingAttendees ?? []}
                nation={nation}
              />
              <button class={CONFIRMED.has(type) ? 'button secondary' : 'button'} type="submit" data-event={type}>
                {eventLabel(type, nation)}
              </button>
            </form>
          ))}
        </div>
      ) : (
        <p>{m.noNextSteps}</p>
      )}
    </>,
  );
}

/** Check and confirm an ending or a withdrawal: what was chosen, in words, and a button that cannot be missed. */
async function confirmPage(
  app: AnyHono,
  c: Context,
  s: Session,
  f: Record<string, string>,
  clock: () => Date,
): Promise<Response> {
  const prefs = prefsOf(c);
  const m = managerStrings(prefs);
  const w = stayingPutStrings(prefs);
  const id = c.req.param('id') ?? '';
  const r = await apiFor(app, c, s).get<ArrangementView>(`/api/staying-put/${encodeURIComponent(id)}`);
  if (!r.ok) return errorPage(c, r.status === 403 ? 403 : 404, s);
  const type = f.type ?? '';
  if (!CONFIRMED.has(type) || !r.data.allowedEvents.includes(type))
    return seeOther(c, `/staying-put/${encodeURIComponent(id)}`);
  const nation = r.data.rules?.nation ?? 'england';
  // Anything left unchosen goes back to the arrangement's page with the problem named.
  const missing: { field?: string; message: string }[] = [];
  if (type === 'stayingPut.withdraw' && !WITHDRAW_REASONS.includes(f.reason ?? ''))
    missing.push({ message: w.chooseReason });
  if (type === 'stayingPut.end') {
    if (!f.activity) missing.push({ message: m.activity });
    if (!f.accommodation) missing.push({ message: m.accommodation });
  }
  if (missing.length) return arrangementPage(app, c, s, clock, missing);
  const rows: [string, string][] =
    type === 'stayingPut.withdraw'
      ? [[m.reason, w.withdrawReasons[f.reason ?? ''] ?? '']]
      : [
          [m.kind, f.kind === 'unplanned' ? m.unplanned : m.planned],
          [w.endDate, formatDate(f.on, prefs.lang)],
          [m.activity, ACTIVITIES.find(([code]) => code === f.activity)?.[1] ?? ''],
          [m.accommodation, ACCOMMODATION.find(([code]) => code === (f.accommodation ?? '').toUpperCase())?.[1] ?? ''],
        ];
  const title = inNationWords(type === 'stayingPut.end' ? w.confirmEndTitle : w.confirmWithdrawTitle, nation);
  return page(
    c,
    { title, session: s },
    <>
      <a class="back-link" href={`/staying-put/${encodeURIComponent(id)}`}>
        {w.goBack}
      </a>
      <h1>{title}</h1>
      <p class="panel-warning">{w.confirmIntro}</p>
      <dl class="summary">
        {rows.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <form method="post" action={`/staying-put/${encodeURIComponent(id)}/step`}>
        <input type="hidden" name="_csrf" value={s.csrfToken} />
        <input type="hidden" name="confirmed" value="yes" />
        {Object.entries(f)
          .filter(([k]) => ['type', 'reason', 'kind', 'activity', 'accommodation', 'on'].includes(k))
          .map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
        <div class="actions-row">
          <button class="button warning" type="submit" data-event={type}>
            {inNationWords(type === 'stayingPut.end' ? w.confirmEnd : w.confirmWithdraw, nation)}
          </button>
          <a class="button secondary" href={`/staying-put/${encodeURIComponent(id)}`}>
            {w.goBack}
          </a>
        </div>
      </form>
    </>,
  );
}

/** Starting an arrangement: the carers (their sign-ins) and the supervising social worker. */
async function startPage(
  app: AnyHono,
  c: Context,
  s: Session,
  clock: () => Date,
  posted?: { carers: string[]; ssw: string },
): Promise<Response> {
  const prefs = prefsOf(c);
  const t = strings(prefs);
  const w = stayingPutStrings(prefs);
  if (!STARTERS.includes(s.user.role)) return errorPage(c, 403, s);
  const ypId = c.req.param('id') ?? '';
  const api = apiFor(app, c, s);
  const [yp, people] = await Promise.all([
    api.get<YoungPersonSummary>(`/api/young-people/${encodeURIComponent(ypId)}`),
    api.get<StayingPutPeople>('/api/staying-put-people'),
  ]);
  if (!yp.ok) return errorPage(c, yp.status === 403 ? 403 : 404, s);
  if (!people.ok) return errorPage(c, people.status === 403 ? 403 : 500, s);
  if (yp.data.stayingPut && !FINISHED.has(yp.data.stayingPut.state))
    return seeOther(c, `/staying-put/${encodeURIComponent(yp.data.stayingPut.id)}`);
  let errors: { field?: string; message: string }[] = [];
  if (posted) {
    if (!posted.carers.length) errors = [{ field: 'carer-0', message: w.chooseCarer }];
    else {
      const r = await api.post<{ id: string }>(`/api/young-people/${encodeURIComponent(ypId)}/staying-put`, {
        carerUserIds: posted.carers,
        ...(posted.ssw ? { supervisingSocialWorkerId: posted.ssw } : {}),
      });
      if (r.ok) return seeOther(c, `/staying-put/${encodeURIComponent(r.data.id)}?done=started`);
      errors = problems(r, t.tryAgain);
    }
  }
  const name = yp.data.preferredName ?? yp.data.name;
  const today = ukDate(clock());
  const adult = ageOn(yp.data.dateOfBirth, today) >= 18;
  const chosen = new Set(posted?.carers ?? []);
  const carerError = errors.find((e) => e.field === 'carer-0')?.message;
  return page(
    c,
    { title: councilWords(w.start, s), session: s, status: errors.length ? 400 : 200 },
    <>
      <a class="back-link" href={`/young-people/${encodeURIComponent(ypId)}`}>
        {name}
      </a>
      <ErrorSummary title={t.errorSummary} errors={errors} />
      <h1>
        {councilWords(w.start, s)}
        <span class="caption">{name}</span>
      </h1>
      <p>
        {adult
          ? councilWords(w.startIntroAdult(name), s)
          : councilWords(w.startIntro(name, formatDate(birthday(yp.data.dateOfBirth, 18), prefs.lang)), s)}
      </p>
      {people.data.carers.length ? (
        <form method="post" action={`/young-people/${encodeURIComponent(ypId)}/staying-put`}>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <fieldset aria-describedby={`carers-hint${carerError ? ' carers-error' : ''}`}>
            <legend>{w.carersLegend}</legend>
            <p class="hint" id="carers-hint">
              {w.carersHint}
            </p>
            {carerError ? (
              <p class="field-error" id="carers-error">
                {carerError}
              </p>
            ) : null}
            {people.data.carers.map((x, i) => (
              <div class="checkbox">
                <input id={`carer-${i}`} name="carerUserIds" type="checkbox" value={x.id} checked={chosen.has(x.id)} />
                <label for={`carer-${i}`}>{x.name}</label>
              </div>
            ))}
          </fieldset>
          <div class="field">
            <label for="ssw">{w.ssw}</label>
            <p class="hint" id="ssw-hint">
              {w.sswHint}
            </p>
            <select id="ssw" name="supervisingSocialWorkerId" aria-describedby="ssw-hint">
              <option value="">{w.notAllocated}</option>
              {people.data.supervisingSocialWorkers.map((x) => (
                <option value={x.id} selected={posted?.ssw === x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <button class="button" type="submit">
            {councilWords(w.start, s)}
          </button>
        </form>
      ) : (
        <p class="panel-warning">{w.noCarers}</p>
      )}
    </>,
  );
}

/** A form's fields as strings (last value wins) and one repeated field as a list. */
async function formWithList(c: Context, list: string): Promise<{ f: Record<string, string>; items: string[] }> {
  const body = await c.req.parseBody({ all: true });
  const f: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const x = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof x === 'string') f[k] = x;
  }
  const raw = body[list];
  const items = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
    (x): x is string => typeof x === 'string',
  );
  return { f, items };
}

/** The Staying Put pages. `clock` is the server's, so dates on the forms match the dates the server checks. */
export function mountStayingPut(app: AnyHono, clock: () => Date = () => new Date()) {
  mountAgreementPages(app, clock);

  app.get('/young-people/:id/staying-put', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, `/sign-in?back=${encodeURIComponent(new URL(c.req.url).pathname)}`);
    return startPage(app, c, s, clock);
  });

  app.post('/young-people/:id/staying-put', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, '/sign-in');
    const { f, items } = await formWithList(c, 'carerUserIds');
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    return startPage(app, c, s, clock, { carers: items, ssw: f.supervisingSocialWorkerId ?? '' });
  });

  app.get('/staying-put/:id', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, `/sign-in?back=${encodeURIComponent(new URL(c.req.url).pathname)}`);
    if (s.user.role === 'young-person') return seeOther(c, '/me/agreement');
    return arrangementPage(app, c, s, clock);
  });

  app.post('/staying-put/:id/confirm', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, '/sign-in');
    const { f } = await formWithList(c, 'attendees');
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    return confirmPage(app, c, s, f, clock);
  });

  app.post('/staying-put/:id/step', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, '/sign-in');
    const { f, items: attendees } = await formWithList(c, 'attendees');
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    // An ending or a withdrawal is sent only from its confirmation page.
    if (CONFIRMED.has(f.type ?? '') && f.confirmed !== 'yes') return confirmPage(app, c, s, f, clock);
    const id = c.req.param('id');
    const r = await apiFor(app, c, s).post(
      `/api/staying-put/${encodeURIComponent(id)}/events`,
      eventBody(f, attendees),
    );
    if (!r.ok) {
      if (r.status === 404) return errorPage(c, 404, s);
      return arrangementPage(app, c, s, clock, problems(r, strings(prefsOf(c)).tryAgain));
    }
    return seeOther(c, `/staying-put/${encodeURIComponent(id)}?done=${encodeURIComponent(f.type ?? '')}`);
  });
}

/** For /welcome: the arrangements a carer or supervising social worker is named on. */
export async function MyArrangements(props: { app: AnyHono; c: Context; s: Session }) {
  const { s } = props;
  if (s.user.role !== 'carer' && s.user.role !== 'supervising-social-worker') return null;
  const prefs = prefsOf(props.c);
  const m = managerStrings(prefs);
  const t = strings(prefs);
  const r = await apiFor(props.app, props.c, s).get<{ items: PartyArrangement[] }>('/api/my-arrangements');
  if (!r.ok) return null;
  return (
    <section aria-labelledby="my-arrangements">
      <h2 id="my-arrangements">{councilWords(m.myArrangements, s)}</h2>
      {r.data.items.length ? (
        <TableRegion label={m.myArrangements}>
          <table>
            <caption>{councilWords(m.myArrangements, s)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.youngPerson}</th>
                <th scope="col">{m.step}</th>
                <th scope="col">{m.deadlines}</th>
                <th scope="col">{t.agreement}</th>
              </tr>
            </thead>
            <tbody>
              {r.data.items.map((a) => (
                <tr>
                  <th scope="row">
                    <a href={`/staying-put/${encodeURIComponent(a.id)}`}>{a.name}</a>
                  </th>
                  <td>{stateTitle(a.state)}</td>
                  <td>
                    <DeadlineList deadlines={a.deadlines} m={m} lang={prefs.lang} />
                  </td>
                  <td>
                    <a href={`/agreements/${encodeURIComponent(a.id)}`}>
                      {t.agreement}
                      <span class="visually-hidden">: {a.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{m.noArrangements}</p>
      )}
    </section>
  );
}
