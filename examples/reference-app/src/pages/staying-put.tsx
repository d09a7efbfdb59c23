// Staying Put: one arrangement's steps. The page shows the step it is at, its deadlines (worked out by the engine
// from the young person's date of birth, overdue ones first and marked), and a form for each step the signed-in
// person may take now: the server sends the engine's `allowedEvents` for their role and the arrangement's state,
// so nobody sees a button the server would refuse. Every step goes through POST /api/staying-put/:id/events.
// Carers and supervising social workers find their arrangements on /welcome (GET /api/my-arrangements).
import { ATTENDEE_NAMES, inNationWords, type Nation, stayingPutLifecycle, ukDate } from '@onward/engine';
import type { Context } from 'hono';
import { strings } from '../i18n.js';
import type { ArrangementView } from '../web/api-types.js';
import { formatDate, prefsOf, type Session } from '../web/context.js';
import { ErrorSummary } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, page, seeOther, sessionOf } from '../web/render.js';
import { type ManagerStrings, managerStrings } from './manager-strings.js';

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
/** Steps taken elsewhere: drafting is saving the agreement; allocation and rules are managers' and admins' tools. */
const NOT_BUTTONS = new Set(['stayingPut.agreement.draft', 'stayingPut.workers.allocate', 'stayingPut.rules.adopt']);

const words = (s: string) => s.replace(/-/g, ' ');
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
function StepFields(props: { type: string; n: number; m: ManagerStrings; today: string; required: readonly string[] }) {
  const { type, n, m, today } = props;
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
          <fieldset aria-describedby={id('att-hint')}>
            <legend>{m.attendees}</legend>
            {props.required.length ? (
              <p class="hint" id={id('att-hint')}>
                {m.attendeesNeeded}:{' '}
                {props.required.map((a) => ATTENDEE_NAMES[a as keyof typeof ATTENDEE_NAMES] ?? a).join(', ')}.
              </p>
            ) : null}
            {ATTENDEES.map((a) => (
              <div class="checkbox">
                <input id={id(`att-${a}`)} name="attendees" type="checkbox" value={a} checked={a === 'young-person'} />
                <label for={id(`att-${a}`)}>{capital(words(a))}</label>
              </div>
            ))}
          </fieldset>
          <DateField id={id('on')} m={m} today={today} />
        </>
      );
    case 'stayingPut.checks.record':
      return (
        <fieldset>
          <legend>{eventLabel(type)}</legend>
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
            options={ACTIVITIES.map(([code, w]) => [code, `${w} (${code})`])}
          />
          <Choice
            id={id('accom')}
            name="accommodation"
            label={m.accommodation}
            options={ACCOMMODATION.map(([code, w]) => [code, `${w} (${code})`])}
          />
          <DateField id={id('on')} m={m} today={today} />
        </>
      );
    case 'stayingPut.withdraw':
      return (
        <Choice
          id={id('reason')}
          name="reason"
          label={m.reason}
          options={WITHDRAW_REASONS.map((r) => [r, capital(words(r))])}
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

async function arrangementPage(
  app: AnyHono,
  c: Context,
  s: Session,
  errors: { field?: string; message: string }[] = [],
): Promise<Response> {
  const prefs = prefsOf(c);
  const t = strings(prefs);
  const m = managerStrings(prefs);
  const id = c.req.param('id') ?? '';
  const api = apiFor(app, c, s);
  const r = await api.get<ArrangementView & { deadlines: Deadline[] }>(`/api/staying-put/${encodeURIComponent(id)}`);
  if (!r.ok) return errorPage(c, r.status === 403 ? 403 : 404, s);
  const a = r.data;
  let name = a.agreement?.youngPerson.name;
  if (['pa', 'social-worker', 'team-manager'].includes(s.user.role)) {
    const yp = await api.get<{ name: string; preferredName?: string }>(
      `/api/young-people/${encodeURIComponent(a.youngPersonId)}`,
    );
    if (yp.ok) name = yp.data.preferredName ?? yp.data.name;
  }
  const today = ukDate(new Date());
  // Drafting the agreement is saving it (PUT …/agreement), not a step button.
  const steps = a.allowedEvents.filter((e) => !NOT_BUTTONS.has(e));
  const nation = a.rules?.nation ?? 'england';
  const done = c.req.query('done') === '1' && !errors.length;
  return page(
    c,
    { title: m.arrangement, session: s, status: errors.length ? 422 : 200 },
    <>
      <ErrorSummary title={t.errorSummary} errors={errors} />
      <h1>
        {m.arrangement}
        {name ? <span class="caption">{name}</span> : null}
      </h1>
      {done ? (
        <p class="panel-success" role="status">
          {m.done}
        </p>
      ) : null}
      <p>
        {m.step}: <strong data-state={a.state}>{stateTitle(a.state, nation)}</strong>
      </p>
      {a.agreement ? (
        <p>
          <a href={`/agreements/${encodeURIComponent(a.id)}`}>{t.agreement}</a>
        </p>
      ) : null}
      <h2>{m.deadlines}</h2>
      <DeadlineList deadlines={a.deadlines ?? []} m={m} lang={prefs.lang} />
      <h2>{m.nextSteps}</h2>
      {steps.length ? (
        <div class="step-forms">
          {steps.map((type, n) => (
            <form method="post" action={`/staying-put/${encodeURIComponent(a.id)}/step`} class="step-form">
              <input type="hidden" name="_csrf" value={s.csrfToken} />
              <input type="hidden" name="type" value={type} />
              <StepFields type={type} n={n} m={m} today={today} required={a.rules?.meetingAttendees ?? []} />
              <button class="button" type="submit" data-event={type}>
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

export function mountStayingPut(app: AnyHono) {
  app.get('/staying-put/:id', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, `/sign-in?back=${encodeURIComponent(new URL(c.req.url).pathname)}`);
    if (s.user.role === 'young-person') return seeOther(c, '/me/agreement');
    return arrangementPage(app, c, s);
  });

  app.post('/staying-put/:id/step', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, '/sign-in');
    const body = await c.req.parseBody({ all: true });
    const f: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) {
      const x = Array.isArray(v) ? v[v.length - 1] : v;
      if (typeof x === 'string') f[k] = x;
    }
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const raw = body.attendees;
    const attendees = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (x): x is string => typeof x === 'string',
    );
    const id = c.req.param('id');
    const r = await apiFor(app, c, s).post(
      `/api/staying-put/${encodeURIComponent(id)}/events`,
      eventBody(f, attendees),
    );
    if (!r.ok) {
      const p = r.data as { errors?: { path: string; message: string }[]; detail?: string; title?: string } | null;
      const errors = p?.errors?.length
        ? p.errors.map((e) => ({ message: `${e.path ? `${e.path}: ` : ''}${e.message}` }))
        : [{ message: p?.detail ?? p?.title ?? strings(prefsOf(c)).tryAgain }];
      if (r.status === 404) return errorPage(c, 404, s);
      return arrangementPage(app, c, s, errors);
    }
    return seeOther(c, `/staying-put/${encodeURIComponent(id)}?done=1`);
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
      <h2 id="my-arrangements">{m.myArrangements}</h2>
      {r.data.items.length ? (
        <div class="table-wrap">
          <table>
            <caption>{m.myArrangements}</caption>
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
        </div>
      ) : (
        <p>{m.noArrangements}</p>
      )}
    </section>
  );
}
