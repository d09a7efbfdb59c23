// The council admin's settings page (/admin/council-settings): the deadlines Onward shows, how contact attempts
// count, who must come to the Staying Put meeting and sign the agreement, the nation and the bank holidays. It
// shows GET /api/council/settings and sends the whole document to PUT /api/council/settings, which checks it
// (validateCouncilSettings, the one home of the rules) and names each field that is wrong; this page only puts each
// problem next to its field. A value that is not a number is sent as typed, so the server says what is wrong.
import {
  AGREEMENT_PARTIES,
  type CouncilSettings,
  MEETING_ATTENDEES,
  STAYING_PUT_STEP_WORDS,
  STAYING_PUT_TIMELINE_STEPS,
} from '@onward/engine';
import type { Context } from 'hono';
import { strings } from '../i18n.js';
import { formatDate, prefsOf, type Session } from '../web/context.js';
import { ErrorSummary } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, formOf, page, seeOther } from '../web/render.js';
import { type CouncilSettingsStrings, councilSettingsStrings } from './council-settings-strings.js';
import { staffSession } from './staff.js';

interface SettingsView {
  settings: CouncilSettings;
  defaults: boolean;
  updatedAt?: string;
  updatedBy?: string;
}
interface FieldError {
  field?: string;
  message: string;
}

const PLAN_FIELDS = [
  'firstPlanMonths',
  'reviewMonths',
  'significantChangeWorkingDays',
  'requestedReviewWorkingDays',
  'attemptsBeforeProceeding',
  'attemptSpacingDays',
] as const;
const ARRANGEMENT_FIELDS = ['firstReviewDays', 'reviewMonths'] as const;

/** The form control's id for a settings path: `pathwayPlan.reviewMonths` → `pathwayPlan-reviewMonths`. */
const idOf = (path: string) => path.replaceAll('.', '-');

/** Every settings path the form has a control for, and the id the error summary links to. */
function controls(): Map<string, string> {
  const m = new Map<string, string>([
    ['nation', 'nation-england'],
    ['bankHolidays', 'bankHolidays'],
    ['stayingPut.meetingAttendees', 'stayingPut-meetingAttendees-young-person'],
    ['stayingPut.signatories', 'stayingPut-signatories-young-person'],
  ]);
  for (const f of PLAN_FIELDS) m.set(`pathwayPlan.${f}`, idOf(`pathwayPlan.${f}`));
  for (const f of ARRANGEMENT_FIELDS) m.set(`stayingPut.${f}`, idOf(`stayingPut.${f}`));
  for (const step of STAYING_PUT_TIMELINE_STEPS) {
    const base = `stayingPut.timeline.${step}`;
    m.set(base, idOf(`${base}.age`));
    for (const part of ['age', 'months', 'before']) m.set(`${base}.${part}`, idOf(`${base}.${part}`));
  }
  return m;
}
const CONTROLS = controls();

/** The path of the form control a server problem belongs to: the longest path the form has that contains it. */
function fieldOf(path: string): string | undefined {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') if (CONTROLS.has(p)) return p;
  return undefined;
}

/** A label for a path, for the error summary: the field's own label, or the step it belongs to. */
function labelOf(w: CouncilSettingsStrings, field: string): string {
  const own = w.fields[field]?.[0];
  if (own) return own;
  if (field === 'nation') return w.nation;
  if (field === 'stayingPut.meetingAttendees') return w.meetingAttendees;
  if (field === 'stayingPut.signatories') return w.signatories;
  const step = /^stayingPut\.timeline\.([a-z-]+)(?:\.(age|months|before))?$/.exec(field);
  if (step) {
    const words = STAYING_PUT_STEP_WORDS[step[1] as keyof typeof STAYING_PUT_STEP_WORDS] ?? step[1];
    const part = step[2] === 'age' ? w.age : step[2] === 'months' ? w.months : step[2] === 'before' ? w.dueBy : '';
    return part ? `${words}: ${part}` : words;
  }
  return field;
}

const num = (v: string | undefined): number | string => {
  const t = (v ?? '').trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
};

/** The settings document from the form, as typed. */
function fromForm(f: Record<string, string>): unknown {
  const timeline: Record<string, unknown> = {};
  for (const step of STAYING_PUT_TIMELINE_STEPS) {
    const base = idOf(`stayingPut.timeline.${step}`);
    timeline[step] = {
      age: num(f[`${base}-age`]),
      months: num(f[`${base}-months`]),
      before: f[`${base}-before`] === '1',
    };
  }
  return {
    schemaVersion: 1,
    nation: f.nation ?? '',
    bankHolidays: (f.bankHolidays ?? '').split(/[\s,]+/).filter(Boolean),
    pathwayPlan: Object.fromEntries(PLAN_FIELDS.map((k) => [k, num(f[idOf(`pathwayPlan.${k}`)])])),
    stayingPut: {
      timeline,
      ...Object.fromEntries(ARRANGEMENT_FIELDS.map((k) => [k, num(f[idOf(`stayingPut.${k}`)])])),
      meetingAttendees: MEETING_ATTENDEES.filter((p) => f[idOf(`stayingPut.meetingAttendees.${p}`)] === '1'),
      signatories: AGREEMENT_PARTIES.filter((p) => f[idOf(`stayingPut.signatories.${p}`)] === '1'),
    },
  };
}

function problems(w: CouncilSettingsStrings, data: unknown, fallback: string): FieldError[] {
  const p = data as { errors?: { path: string; message: string }[]; detail?: string } | null;
  if (!p?.errors?.length) return [{ message: p?.detail ?? fallback }];
  return p.errors.map((e) => {
    const field = fieldOf(e.path);
    return field ? { field, message: `${labelOf(w, field)}: ${e.message}` } : { message: e.message };
  });
}

export function mountCouncilSettings(app: AnyHono) {
  const adminSession = (c: Context) => staffSession(app, c, ['admin']);

  const settingsPage = async (
    c: Context,
    s: Session,
    extra: { errors?: FieldError[]; sent?: Record<string, string>; saved?: boolean } = {},
  ) => {
    const prefs = prefsOf(c);
    const t = strings(prefs);
    const w = councilSettingsStrings(prefs);
    const api = apiFor(app, c, s);
    const [r, users] = await Promise.all([
      api.get<SettingsView>('/api/council/settings'),
      api.get<{ items: { id: string; name: string }[] }>('/api/users'),
    ]);
    if (!r.ok) return errorPage(c, r.status === 403 ? 403 : 500, s);
    const view = r.data;
    const errors = extra.errors ?? [];
    const sent = extra.sent;
    const set = view.settings;
    // What the form shows: what was sent when it was refused, else what is stored.
    const value = (id: string, stored: string | number) => (sent ? (sent[id] ?? '') : String(stored));
    const ticked = (id: string, stored: boolean) => (sent ? sent[id] === '1' : stored);
    const errorFor = (field: string) => errors.filter((e) => e.field === field);
    const who = view.updatedBy ? (users.ok ? users.data.items : []).find((u) => u.id === view.updatedBy) : undefined;

    const Message = (props: { field: string }) => {
      const es = errorFor(props.field);
      return es.length ? (
        <p class="field-error" id={`${idOf(props.field)}-error`}>
          {es.map((e) => e.message).join(' ')}
        </p>
      ) : null;
    };
    // A control's hint and its problem, read out with it; `group`: a fieldset, which takes no aria-invalid.
    const describedBy = (field: string, hint: boolean, group = false) => {
      const bad = errorFor(field).length > 0;
      const ids = [hint ? `${idOf(field)}-hint` : '', bad ? `${idOf(field)}-error` : ''].filter(Boolean).join(' ');
      return {
        ...(ids ? { 'aria-describedby': ids } : {}),
        ...(bad && !group ? { 'aria-invalid': 'true' as const } : {}),
      };
    };
    const NumberField = (props: { field: string; stored: number }) => {
      const [label, hint] = w.fields[props.field] ?? [props.field, ''];
      const id = idOf(props.field);
      return (
        <div class="field">
          <label for={id}>{label}</label>
          {hint ? (
            <p class="hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
          <Message field={props.field} />
          <input
            id={id}
            name={id}
            class="input-short"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            value={value(id, props.stored)}
            {...describedBy(props.field, Boolean(hint))}
          />
        </div>
      );
    };
    const People = (props: {
      field: string;
      legend: string;
      hint: string;
      options: readonly string[];
      stored: readonly string[];
    }) => {
      const chosen = new Set(props.stored);
      return (
        <fieldset class="field" {...describedBy(props.field, true, true)}>
          <legend>{props.legend}</legend>
          <p class="hint" id={`${idOf(props.field)}-hint`}>
            {props.hint}
          </p>
          <Message field={props.field} />
          <div class="checkboxes">
            {props.options.map((p) => {
              const id = idOf(`${props.field}.${p}`);
              return (
                <div class="checkbox">
                  <input id={id} name={id} type="checkbox" value="1" checked={ticked(id, chosen.has(p))} />
                  <label for={id}>{w.people[p] ?? p}</label>
                </div>
              );
            })}
          </div>
        </fieldset>
      );
    };

    return page(
      c,
      { title: w.title, session: s, status: errors.length ? 400 : 200 },
      <>
        <ErrorSummary
          title={t.errorSummary}
          errors={errors.map((e) => ({
            ...(e.field ? { field: CONTROLS.get(e.field) } : {}),
            message: e.message,
          }))}
        />
        <h1>{w.title}</h1>
        {extra.saved ? (
          <div class="panel-success" role="status">
            <p>{w.saved}</p>
          </div>
        ) : null}
        <p>{w.intro}</p>
        <p class="hint">
          {view.defaults || !view.updatedAt
            ? w.defaults
            : w.lastChanged(who?.name ?? view.updatedBy ?? '', formatDate(view.updatedAt, prefs.lang))}
        </p>
        <form method="post" action="/admin/council-settings" novalidate>
          <input type="hidden" name="_csrf" value={s.csrfToken} />
          <fieldset class="field" {...describedBy('nation', true, true)}>
            <legend>{w.nation}</legend>
            <p class="hint" id="nation-hint">
              {w.nationHint}
            </p>
            <Message field="nation" />
            <div class="radios">
              {['england', 'wales'].map((n) => (
                <div class="radio">
                  <input
                    id={`nation-${n}`}
                    name="nation"
                    type="radio"
                    value={n}
                    checked={(sent ? sent.nation : set.nation) === n}
                  />
                  <label for={`nation-${n}`}>{w.nations[n] ?? n}</label>
                </div>
              ))}
            </div>
          </fieldset>

          <h2>{w.pathwayPlans}</h2>
          {PLAN_FIELDS.map((f) => (
            <NumberField field={`pathwayPlan.${f}`} stored={set.pathwayPlan[f]} />
          ))}

          <h2>{w.stayingPut}</h2>
          <h3>{w.timeline}</h3>
          <p class="hint">{w.timelineHint}</p>
          {STAYING_PUT_TIMELINE_STEPS.map((step) => {
            const base = `stayingPut.timeline.${step}`;
            const rule = set.stayingPut.timeline[step];
            const ids = { age: idOf(`${base}.age`), months: idOf(`${base}.months`), before: idOf(`${base}.before`) };
            return (
              <fieldset class="field timeline-step" {...describedBy(base, false, true)}>
                <legend>{STAYING_PUT_STEP_WORDS[step]}</legend>
                <Message field={base} />
                <div class="inline-fields">
                  {(['age', 'months'] as const).map((part) => (
                    <div class="field">
                      <label for={ids[part]}>{part === 'age' ? w.age : w.months}</label>
                      <Message field={`${base}.${part}`} />
                      <input
                        id={ids[part]}
                        name={ids[part]}
                        class="input-short"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        value={value(ids[part], rule[part])}
                        {...describedBy(`${base}.${part}`, false)}
                      />
                    </div>
                  ))}
                  <div class="field">
                    <label for={ids.before}>{w.dueBy}</label>
                    <select id={ids.before} name={ids.before}>
                      <option value="0" selected={!(sent ? sent[ids.before] === '1' : rule.before)}>
                        {w.onTheDay}
                      </option>
                      <option value="1" selected={sent ? sent[ids.before] === '1' : rule.before}>
                        {w.dayBefore}
                      </option>
                    </select>
                  </div>
                </div>
              </fieldset>
            );
          })}
          {ARRANGEMENT_FIELDS.map((f) => (
            <NumberField field={`stayingPut.${f}`} stored={set.stayingPut[f]} />
          ))}
          <People
            field="stayingPut.meetingAttendees"
            legend={w.meetingAttendees}
            hint={w.meetingAttendeesHint}
            options={MEETING_ATTENDEES}
            stored={set.stayingPut.meetingAttendees}
          />
          <People
            field="stayingPut.signatories"
            legend={w.signatories}
            hint={w.signatoriesHint}
            options={AGREEMENT_PARTIES}
            stored={set.stayingPut.signatories}
          />

          <div class="field">
            <label for="bankHolidays">{w.fields.bankHolidays?.[0]}</label>
            <p class="hint" id="bankHolidays-hint">
              {w.fields.bankHolidays?.[1]}
            </p>
            <Message field="bankHolidays" />
            <textarea
              id="bankHolidays"
              name="bankHolidays"
              rows={8}
              spellcheck={false}
              {...describedBy('bankHolidays', true)}
            >
              {sent ? (sent.bankHolidays ?? '') : set.bankHolidays.join('\n')}
            </textarea>
          </div>
          <button type="submit" class="button">
            {w.save}
          </button>
        </form>
      </>,
    );
  };

  app.get('/admin/council-settings', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    return settingsPage(c, s, { saved: c.req.query('saved') === '1' });
  });
  app.post('/admin/council-settings', async (c) => {
    const s = await adminSession(c);
    if (s instanceof Response) return s;
    const f = await formOf(c);
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const r = await apiFor(app, c, s).call('PUT', '/api/council/settings', fromForm(f));
    if (!r.ok) {
      const w = councilSettingsStrings(prefsOf(c));
      return settingsPage(c, s, { errors: problems(w, r.data, strings(prefsOf(c)).tryAgain), sent: f });
    }
    return seeOther(c, '/admin/council-settings?saved=1');
  });
}
