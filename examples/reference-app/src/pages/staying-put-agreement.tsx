// The Living Together Agreement in the pages: a PA or social worker writes it (every section of the schema, with
// the choice whether the young person sees the carers' allowance), and each party signs it on their own device.
// Saving is PUT /api/staying-put/:id/agreement (the server names the allocated workers and the lifecycle records
// the draft with its parties); signing is the lifecycle step stayingPut.agreement.sign, offered only when the
// server's allowedEvents says this person may sign now. Who sees the allowance is the engine's rule
// (agreementForViewer on the server, showsCarerAllowance here): the page never decides it.
import {
  birthday,
  HOUSE_RULE_TOPICS,
  hasAttained,
  type LivingTogetherAgreement,
  showsCarerAllowance,
  ukDate,
} from '@onward/engine';
import type { Context } from 'hono';
import { strings } from '../i18n.js';
import type { ArrangementView, YoungPersonSummary } from '../web/api-types.js';
import { formatDate, prefsOf, type Session } from '../web/context.js';
import { ErrorSummary } from '../web/layout.js';
import { type AnyHono, apiFor, errorPage, page, seeOther, sessionOf } from '../web/render.js';
import { type StayingPutStrings, stayingPutStrings } from './staying-put-strings.js';

export const SIGN = 'stayingPut.agreement.sign';
export const DRAFT = 'stayingPut.agreement.draft';
const WRITERS = ['pa', 'social-worker'];
const PERIODS = ['week', 'fortnight', 'month'] as const;
const SUPPORT_FROM = ['carer', 'pa', 'social-worker', 'supervising-social-worker', 'other'] as const;

export interface Person {
  id: string;
  name: string;
}
export interface StayingPutPeople {
  carers: Person[];
  supervisingSocialWorkers: Person[];
}
type Errors = { field?: string; message: string }[];
type Form = Record<string, string>;

/** A field's id from its name (the schema path): money.contribution.amount → f-money-contribution-amount. */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

function pence(v: number | undefined): string {
  return v === undefined ? '' : (v / 100).toFixed(2);
}
export function money(p: number): string {
  return `£${(p / 100).toFixed(2)}`;
}

/** The form's values from a saved agreement (or a new one's defaults). */
function formFrom(a: LivingTogetherAgreement | undefined, defaults: { starts: string; agreed: string }): Form {
  const f: Form = {};
  const put = (k: string, v: string | number | boolean | undefined) => {
    if (v === undefined || v === false) return;
    f[k] = v === true ? 'true' : String(v);
  };
  put('address', a?.address);
  put('dates.agreed', a?.dates.agreed ?? defaults.agreed);
  put('dates.starts', a?.dates.starts ?? defaults.starts);
  put('dates.firstReview', a?.dates.firstReview);
  put('dates.plannedEnd', a?.dates.plannedEnd);
  put('checks.dbsNeeded', a?.checks?.dbsNeeded);
  put('checks.dbsDone', a?.checks?.dbsDone);
  put('checks.carerApproved', a?.checks?.carerApproved);
  put('checks.inPathwayPlan', a?.checks?.inPathwayPlan);
  for (const k of HOUSE_RULE_TOPICS) put(`houseRules.${k}`, a?.houseRules[k]);
  for (const [i, s] of (a?.skills ?? []).entries()) {
    put(`skills.${i}.skill`, s.skill);
    put(`skills.${i}.targetDate`, s.targetDate);
    put(`skills.${i}.done`, s.done);
  }
  const c = a?.money.contribution;
  put('money.contribution.amount', c ? pence(c.amountPence) : undefined);
  put('money.contribution.period', c?.period ?? 'week');
  put('money.contribution.method', c?.method);
  put('money.contribution.starts', c?.starts);
  put('money.contribution.covers', c?.covers);
  put('money.benefits', a?.money.benefits);
  const al = a?.money.carerAllowance;
  put('money.carerAllowance.amount', al ? pence(al.amountPence) : undefined);
  put('money.carerAllowance.period', al?.period ?? 'week');
  f['money.carerAllowance.visibleToYoungPerson'] = al?.visibleToYoungPerson ? 'true' : 'false';
  put('money.arrears', a?.money.arrears);
  put('money.contracts', a?.money.contracts);
  for (const [i, s] of (a?.support ?? []).entries()) {
    put(`support.${i}.from`, s.from);
    put(`support.${i}.what`, s.what);
    put(`support.${i}.howOften`, s.howOften);
  }
  put('responsibilities.youngPerson', a?.responsibilities.youngPerson);
  put('responsibilities.carer', a?.responsibilities.carer);
  put('responsibilities.council', a?.responsibilities.council);
  put('disagreements', a?.disagreements);
  put('ending.noticeByYoungPerson', a?.ending.noticeByYoungPerson);
  put('ending.noticeByCarer', a?.ending.noticeByCarer);
  put('ending.moveOnSteps', a?.ending.moveOnSteps);
  put('ending.unplanned', a?.ending.unplanned);
  return f;
}

/** Pounds as typed (25, 25.5, £25.50) to pence; undefined when it is not an amount. */
function toPence(v: string): number | undefined {
  const m = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(v.trim().replace(/,/g, ''));
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** The agreement from the form: empty optional fields left out. Problems with the form itself are returned too. */
function agreementFrom(
  f: Form,
  base: Pick<LivingTogetherAgreement, 'id' | 'council' | 'youngPerson' | 'carers' | 'pathwayPlanId'>,
  w: StayingPutStrings,
): { agreement: LivingTogetherAgreement; errors: Errors } {
  const errors: Errors = [];
  const text = (k: string) => {
    const v = (f[k] ?? '').replace(/\r\n/g, '\n').trim();
    return v ? v : undefined;
  };
  const opt = <T,>(k: string, v: T | undefined) => (v === undefined ? {} : { [k]: v });
  const period = (k: string) => {
    const v = f[k];
    return (PERIODS as readonly string[]).includes(v ?? '') ? (v as (typeof PERIODS)[number]) : 'week';
  };
  const amount = (k: string, required: boolean): number | undefined => {
    const raw = text(k);
    if (raw === undefined) {
      if (required) errors.push({ field: fieldId(k), message: w.needAmount });
      return undefined;
    }
    const p = toPence(raw);
    if (p === undefined) errors.push({ field: fieldId(k), message: w.notPounds });
    return p;
  };
  const rows = (prefix: string) =>
    [
      ...new Set(
        Object.keys(f)
          .map((k) => new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(k)?.[1])
          .filter((x): x is string => x !== undefined)
          .map(Number),
      ),
    ].sort((a, b) => a - b);

  const skills = rows('skills')
    .map((i) => ({
      skill: text(`skills.${i}.skill`),
      targetDate: text(`skills.${i}.targetDate`),
      done: f[`skills.${i}.done`] === 'true',
    }))
    .filter((s) => s.skill)
    .map((s) => ({ skill: s.skill as string, ...opt('targetDate', s.targetDate), ...(s.done ? { done: true } : {}) }));
  const support: LivingTogetherAgreement['support'] = [];
  for (const i of rows('support')) {
    const what = text(`support.${i}.what`);
    const howOften = text(`support.${i}.howOften`);
    if (!what) {
      if (howOften) errors.push({ field: fieldId(`support.${i}.what`), message: w.needWhat(i + 1) });
      continue;
    }
    const from = f[`support.${i}.from`];
    support.push({
      from: (SUPPORT_FROM as readonly string[]).includes(from ?? '')
        ? (from as (typeof SUPPORT_FROM)[number])
        : 'carer',
      what,
      ...opt('howOften', howOften),
    });
  }
  const houseRules: LivingTogetherAgreement['houseRules'] = {};
  for (const k of HOUSE_RULE_TOPICS) {
    const v = text(`houseRules.${k}`);
    if (v) houseRules[k] = v;
  }
  const contributionPence = amount('money.contribution.amount', true);
  const allowancePence = amount('money.carerAllowance.amount', false);
  const checks = {
    ...(f['checks.dbsNeeded'] === 'true' ? { dbsNeeded: true } : {}),
    ...opt('dbsDone', text('checks.dbsDone')),
    ...opt('carerApproved', text('checks.carerApproved')),
    ...(f['checks.inPathwayPlan'] === 'true' ? { inPathwayPlan: true } : {}),
  };
  const agreement: LivingTogetherAgreement = {
    schemaVersion: 1,
    id: base.id,
    council: base.council,
    ...opt('pathwayPlanId', base.pathwayPlanId),
    youngPerson: base.youngPerson,
    carers: base.carers,
    address: text('address') ?? '',
    dates: {
      agreed: text('dates.agreed') ?? '',
      starts: text('dates.starts') ?? '',
      ...opt('firstReview', text('dates.firstReview')),
      ...opt('plannedEnd', text('dates.plannedEnd')),
    },
    ...(Object.keys(checks).length ? { checks } : {}),
    houseRules,
    ...(skills.length ? { skills } : {}),
    money: {
      contribution: {
        amountPence: contributionPence ?? 0,
        period: period('money.contribution.period'),
        ...opt('method', text('money.contribution.method')),
        ...opt('starts', text('money.contribution.starts')),
        ...opt('covers', text('money.contribution.covers')),
      },
      ...opt('benefits', text('money.benefits')),
      ...(allowancePence !== undefined
        ? {
            carerAllowance: {
              amountPence: allowancePence,
              period: period('money.carerAllowance.period'),
              visibleToYoungPerson: f['money.carerAllowance.visibleToYoungPerson'] === 'true',
            },
          }
        : {}),
      ...opt('arrears', text('money.arrears')),
      ...opt('contracts', text('money.contracts')),
    },
    support,
    responsibilities: {
      ...opt('youngPerson', text('responsibilities.youngPerson')),
      ...opt('carer', text('responsibilities.carer')),
      ...opt('council', text('responsibilities.council')),
    },
    ...opt('disagreements', text('disagreements')),
    ending: {
      ...opt('noticeByYoungPerson', text('ending.noticeByYoungPerson')),
      ...opt('noticeByCarer', text('ending.noticeByCarer')),
      ...opt('moveOnSteps', text('ending.moveOnSteps')),
      ...opt('unplanned', text('ending.unplanned')),
    },
    signOffs: [],
  };
  return { agreement, errors };
}

/** The API's field path (money.contribution.amountPence, dates.starts, /address) as this form's field id. */
function apiField(path: string): string {
  const p = path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/amountPence$/, 'amount');
  return fieldId(p);
}

// --- form controls: each labelled, its error above it, the error summary linking to it -----------------------

interface Ctl {
  f: Form;
  errors: Errors;
}
function errorFor(ctl: Ctl, name: string) {
  return ctl.errors.find((e) => e.field === fieldId(name))?.message;
}
function FieldError(props: { msg: string | undefined; id: string }) {
  return props.msg ? (
    <p class="field-error" id={`${props.id}-error`}>
      {props.msg}
    </p>
  ) : null;
}
function described(id: string, hint?: string, err?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function TextField(props: {
  ctl: Ctl;
  name: string;
  label: string;
  hint?: string;
  long?: boolean;
  required?: boolean;
  max?: number;
  inputmode?: 'decimal';
}) {
  const id = fieldId(props.name);
  const err = errorFor(props.ctl, props.name);
  const v = props.ctl.f[props.name] ?? '';
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError msg={err} id={id} />
      {props.long ? (
        <textarea
          id={id}
          name={props.name}
          rows={3}
          maxlength={props.max ?? 1000}
          required={props.required}
          aria-describedby={described(id, props.hint, err)}
          aria-invalid={err ? 'true' : undefined}
        >
          {v}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type="text"
          value={v}
          maxlength={props.max ?? 200}
          required={props.required}
          inputmode={props.inputmode}
          aria-describedby={described(id, props.hint, err)}
          aria-invalid={err ? 'true' : undefined}
        />
      )}
    </div>
  );
}

function DateInput(props: { ctl: Ctl; name: string; label: string; hint?: string; required?: boolean }) {
  const id = fieldId(props.name);
  const err = errorFor(props.ctl, props.name);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError msg={err} id={id} />
      <input
        id={id}
        name={props.name}
        type="date"
        value={props.ctl.f[props.name] ?? ''}
        required={props.required}
        aria-describedby={described(id, props.hint, err)}
        aria-invalid={err ? 'true' : undefined}
      />
    </div>
  );
}

function Select(props: { ctl: Ctl; name: string; label: string; options: readonly (readonly [string, string])[] }) {
  const id = fieldId(props.name);
  const v = props.ctl.f[props.name];
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Check(props: { ctl: Ctl; name: string; label: string }) {
  const id = fieldId(props.name);
  return (
    <div class="checkbox">
      <input id={id} name={props.name} type="checkbox" value="true" checked={props.ctl.f[props.name] === 'true'} />
      <label for={id}>{props.label}</label>
    </div>
  );
}

function AgreementForm(props: {
  ctl: Ctl;
  w: StayingPutStrings;
  s: Session;
  arrangementId: string;
  youngPerson: string;
  carers: Person[];
  rules: Record<string, string>;
}) {
  const { ctl, w } = props;
  const periods = PERIODS.map((p) => [p, w.periods[p] ?? p] as const);
  const skillRows = Math.max(3, rowCount(ctl.f, 'skills') + 1);
  const supportRows = Math.max(3, rowCount(ctl.f, 'support') + 1);
  const visible = ctl.f['money.carerAllowance.visibleToYoungPerson'] === 'true';
  const visId = fieldId('money.carerAllowance.visibleToYoungPerson');
  return (
    <form method="post" action={`/staying-put/${encodeURIComponent(props.arrangementId)}/agreement`} novalidate>
      <input type="hidden" name="_csrf" value={props.s.csrfToken} />
      <fieldset>
        <legend>{w.whoLegend}</legend>
        <dl class="summary">
          <div>
            <dt>{w.parties['young-person']}</dt>
            <dd>{props.youngPerson}</dd>
          </div>
          <div>
            <dt>{w.carersLegend}</dt>
            <dd>{props.carers.map((x) => x.name).join(', ')}</dd>
          </div>
        </dl>
        <p class="hint">{w.workersNamed}</p>
      </fieldset>
      <TextField ctl={ctl} name="address" label={w.addressLabel} long max={300} required />
      <fieldset>
        <legend>{w.datesLegend}</legend>
        <DateInput ctl={ctl} name="dates.agreed" label={w.agreedOn} required />
        <DateInput ctl={ctl} name="dates.starts" label={w.startsOn} hint={w.startsHint} required />
        <DateInput ctl={ctl} name="dates.firstReview" label={w.firstReviewOn} />
        <DateInput ctl={ctl} name="dates.plannedEnd" label={w.plannedEndOn} />
      </fieldset>
      <fieldset>
        <legend>{w.checksLegend}</legend>
        <Check ctl={ctl} name="checks.dbsNeeded" label={w.dbsNeeded} />
        <DateInput ctl={ctl} name="checks.dbsDone" label={w.dbsDoneOn} />
        <DateInput ctl={ctl} name="checks.carerApproved" label={w.carerApprovedOn} />
        <Check ctl={ctl} name="checks.inPathwayPlan" label={w.inPathwayPlan} />
      </fieldset>
      <fieldset aria-describedby="house-rules-hint">
        <legend>{w.houseRulesLegend}</legend>
        <p class="hint" id="house-rules-hint">
          {w.houseRulesHint}
        </p>
        {HOUSE_RULE_TOPICS.map((k) => (
          <TextField ctl={ctl} name={`houseRules.${k}`} label={props.rules[k] ?? k} long />
        ))}
      </fieldset>
      <fieldset aria-describedby="skills-hint">
        <legend>{w.skillsLegend}</legend>
        <p class="hint" id="skills-hint">
          {w.skillsHint}
        </p>
        {Array.from({ length: skillRows }, (_, i) => (
          <div class="agreement-row">
            <TextField ctl={ctl} name={`skills.${i}.skill`} label={w.skill(i + 1)} max={300} />
            <DateInput ctl={ctl} name={`skills.${i}.targetDate`} label={w.targetDate(i + 1)} />
            <Check ctl={ctl} name={`skills.${i}.done`} label={w.skillDone(i + 1)} />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{w.moneyLegend}</legend>
        <TextField
          ctl={ctl}
          name="money.contribution.amount"
          label={w.contribution}
          hint={w.contributionHint}
          required
          max={12}
          inputmode="decimal"
        />
        <Select ctl={ctl} name="money.contribution.period" label={w.period} options={periods} />
        <TextField ctl={ctl} name="money.contribution.method" label={w.method} />
        <DateInput ctl={ctl} name="money.contribution.starts" label={w.contributionStarts} />
        <TextField ctl={ctl} name="money.contribution.covers" label={w.covers} long />
        <TextField ctl={ctl} name="money.benefits" label={w.benefits} long />
        <TextField
          ctl={ctl}
          name="money.carerAllowance.amount"
          label={w.allowanceAmount}
          max={12}
          inputmode="decimal"
        />
        <Select ctl={ctl} name="money.carerAllowance.period" label={w.allowancePeriod} options={periods} />
        <fieldset aria-describedby={`${visId}-hint`}>
          <legend>{w.allowanceVisible}</legend>
          <p class="hint" id={`${visId}-hint`}>
            {w.allowanceVisibleHint}
          </p>
          <div class="checkbox">
            <input
              id={`${visId}-no`}
              name="money.carerAllowance.visibleToYoungPerson"
              type="radio"
              value="false"
              checked={!visible}
            />
            <label for={`${visId}-no`}>{w.allowanceNo}</label>
          </div>
          <div class="checkbox">
            <input
              id={`${visId}-yes`}
              name="money.carerAllowance.visibleToYoungPerson"
              type="radio"
              value="true"
              checked={visible}
            />
            <label for={`${visId}-yes`}>{w.allowanceYes}</label>
          </div>
        </fieldset>
        <TextField ctl={ctl} name="money.arrears" label={w.arrears} long />
        <TextField ctl={ctl} name="money.contracts" label={w.contracts} long />
      </fieldset>
      <fieldset aria-describedby="support-hint">
        <legend>{w.supportLegend}</legend>
        <p class="hint" id="support-hint">
          {w.supportHint}
        </p>
        {Array.from({ length: supportRows }, (_, i) => (
          <div class="agreement-row">
            <Select
              ctl={ctl}
              name={`support.${i}.from`}
              label={w.supportFrom(i + 1)}
              options={SUPPORT_FROM.map((x) => [x, w.from[x] ?? x] as const)}
            />
            <TextField ctl={ctl} name={`support.${i}.what`} label={w.supportWhat(i + 1)} long />
            <TextField ctl={ctl} name={`support.${i}.howOften`} label={w.supportHowOften(i + 1)} />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{w.responsibilitiesLegend}</legend>
        <TextField ctl={ctl} name="responsibilities.youngPerson" label={w.respYoungPerson} long />
        <TextField ctl={ctl} name="responsibilities.carer" label={w.respCarer} long />
        <TextField ctl={ctl} name="responsibilities.council" label={w.respCouncil} long />
      </fieldset>
      <TextField ctl={ctl} name="disagreements" label={w.disagreementsLabel} long />
      <fieldset>
        <legend>{w.endingLegend}</legend>
        <TextField ctl={ctl} name="ending.noticeByYoungPerson" label={w.noticeByYoungPerson} />
        <TextField ctl={ctl} name="ending.noticeByCarer" label={w.noticeByCarer} />
        <TextField ctl={ctl} name="ending.moveOnSteps" label={w.moveOnSteps} long />
        <TextField ctl={ctl} name="ending.unplanned" label={w.unplannedEnding} long />
      </fieldset>
      <div class="actions-row">
        <button class="button" type="submit">
          {w.saveAgreement}
        </button>
        <a class="button secondary" href={`/staying-put/${encodeURIComponent(props.arrangementId)}`}>
          {w.cancel}
        </a>
      </div>
    </form>
  );
}

function rowCount(f: Form, prefix: string): number {
  let n = 0;
  for (const k of Object.keys(f)) {
    const m = new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(k);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

/** Who signs the agreement (the server's `signing`, from the engine's requiredSigners) and who has. */
export function SigningList(props: { a: ArrangementView; w: StayingPutStrings; lang: 'en' | 'cy'; me: string }) {
  const { a, w } = props;
  const ag = a.agreement;
  if (!ag || !a.signing?.length) return null;
  const names = new Map<string, string>([
    [ag.youngPerson.id, ag.youngPerson.preferredName ?? ag.youngPerson.name],
    ...ag.carers.map((x) => [x.id, x.name] as [string, string]),
    ...[ag.pa, ag.socialWorker, ag.supervisingSocialWorker]
      .filter((x): x is Person => Boolean(x))
      .map((x) => [x.id, x.name] as [string, string]),
  ]);
  return (
    <>
      <h2>{w.signing}</h2>
      <ul class="signing">
        {a.signing.map((x) => (
          <li data-party={x.party} data-signed={x.signedAt ? 'yes' : 'no'}>
            {names.get(x.id) ?? w.parties[x.party]} ({w.parties[x.party] ?? x.party}
            {x.id === props.me ? `, ${w.you}` : ''}):{' '}
            {x.signedAt ? w.signedOn(formatDate(x.signedAt, props.lang)) : <strong>{w.waiting}</strong>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The sign-off form for whoever the lifecycle lets sign now. */
export function SignForm(props: { arrangementId: string; s: Session; w: StayingPutStrings; error?: string }) {
  const { w } = props;
  const id = 'sign-confirm';
  return (
    <section aria-labelledby="sign-heading">
      <h2 id="sign-heading">{w.signHeading}</h2>
      <form method="post" action={`/agreements/${encodeURIComponent(props.arrangementId)}/sign`}>
        <input type="hidden" name="_csrf" value={props.s.csrfToken} />
        {props.error ? (
          <p class="field-error" id={`${id}-error`}>
            {props.error}
          </p>
        ) : null}
        <div class="checkbox">
          <input
            id={id}
            name="agree"
            type="checkbox"
            value="yes"
            required
            aria-describedby={props.error ? `${id}-error` : undefined}
            aria-invalid={props.error ? 'true' : undefined}
          />
          <label for={id}>{w.signConfirm}</label>
        </div>
        <button class="button" type="submit" data-event={SIGN}>
          {w.signButton}
        </button>
      </form>
    </section>
  );
}

/** The allowance the council pays the carers, for a viewer the engine's rule lets see it. */
export function AllowanceLine(props: {
  a: LivingTogetherAgreement;
  role: string;
  w: StayingPutStrings;
  perPeriod: Record<string, string>;
}) {
  const al = props.a.money.carerAllowance;
  if (!al || !showsCarerAllowance(props.a, { role: props.role })) return null;
  return (
    <div>
      <dt>{props.w.allowance}</dt>
      <dd>
        {money(al.amountPence)} {props.perPeriod[al.period] ?? al.period}
        {props.role === 'young-person' ? null : (
          <>
            <br />
            <span class="hint">{al.visibleToYoungPerson ? props.w.allowanceShown : props.w.allowanceHidden}</span>
          </>
        )}
      </dd>
    </div>
  );
}

async function draftPage(app: AnyHono, c: Context, s: Session, clock: () => Date, posted?: Form): Promise<Response> {
  const prefs = prefsOf(c);
  const t = strings(prefs);
  const w = stayingPutStrings(prefs);
  const id = c.req.param('id') ?? '';
  if (!WRITERS.includes(s.user.role)) return errorPage(c, 403, s);
  const api = apiFor(app, c, s);
  const r = await api.get<ArrangementView>(`/api/staying-put/${encodeURIComponent(id)}`);
  if (!r.ok) return errorPage(c, r.status === 403 ? 403 : 404, s);
  const a = r.data;
  if (!a.allowedEvents.includes(DRAFT)) return seeOther(c, `/staying-put/${encodeURIComponent(id)}`);
  const [yp, people] = await Promise.all([
    api.get<YoungPersonSummary>(`/api/young-people/${encodeURIComponent(a.youngPersonId)}`),
    api.get<StayingPutPeople>('/api/staying-put-people'),
  ]);
  if (!yp.ok || !people.ok) return errorPage(c, 404, s);
  const carers = (a.carerUserIds ?? []).map(
    (cid) =>
      people.data.carers.find((x) => x.id === cid) ??
      a.agreement?.carers.find((x) => x.id === cid) ?? { id: cid, name: cid },
  );
  const today = ukDate(clock());
  const dob = yp.data.dateOfBirth;
  const eighteenth = birthday(dob, 18);
  let errors: Errors = [];
  let f = formFrom(a.agreement, {
    agreed: today,
    starts: hasAttained(dob, 18, today) ? today : eighteenth,
  });
  if (posted) {
    f = posted;
    const built = agreementFrom(
      posted,
      {
        id: a.agreement?.id ?? `lta-${a.id}`,
        council: s.user.councilId,
        youngPerson: {
          id: yp.data.id,
          name: yp.data.name,
          ...(yp.data.preferredName ? { preferredName: yp.data.preferredName } : {}),
          dateOfBirth: dob,
        },
        carers,
        ...(yp.data.currentPlan ? { pathwayPlanId: yp.data.currentPlan.id } : {}),
      },
      w,
    );
    errors = built.errors;
    if (!errors.length) {
      const saved = await api.put(`/api/staying-put/${encodeURIComponent(id)}/agreement`, built.agreement);
      if (saved.ok) return seeOther(c, `/staying-put/${encodeURIComponent(id)}?done=agreement`);
      const p = saved.data as { errors?: { path: string; message: string }[]; detail?: string } | null;
      errors = p?.errors?.length
        ? p.errors.map((e) => ({ field: apiField(e.path), message: e.message }))
        : [{ message: p?.detail ?? t.tryAgain }];
    }
  }
  const name = yp.data.preferredName ?? yp.data.name;
  return page(
    c,
    { title: w.draftTitle, session: s, status: errors.length ? 400 : 200 },
    <>
      <a class="back-link" href={`/staying-put/${encodeURIComponent(id)}`}>
        {w.cancel}
      </a>
      <ErrorSummary title={t.errorSummary} errors={errors} />
      <h1>
        {w.draftTitle}
        <span class="caption">{name}</span>
      </h1>
      <p>{w.draftIntro}</p>
      {a.agreement ? <p class="panel-warning">{w.changeHint}</p> : null}
      <AgreementForm
        ctl={{ f, errors }}
        w={w}
        s={s}
        arrangementId={id}
        youngPerson={name}
        carers={carers}
        rules={t.rules}
      />
    </>,
  );
}

export function mountAgreementPages(app: AnyHono, clock: () => Date) {
  app.get('/staying-put/:id/agreement', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, `/sign-in?back=${encodeURIComponent(new URL(c.req.url).pathname)}`);
    return draftPage(app, c, s, clock);
  });

  app.post('/staying-put/:id/agreement', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, '/sign-in');
    const body = await c.req.parseBody();
    const f: Form = {};
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') f[k] = v;
    if (f._csrf !== s.csrfToken) return errorPage(c, 403, s);
    return draftPage(app, c, s, clock, f);
  });

  app.post('/agreements/:id/sign', async (c) => {
    const s = await sessionOf(app, c);
    if (!s) return seeOther(c, '/sign-in');
    const body = await c.req.parseBody();
    if (body._csrf !== s.csrfToken) return errorPage(c, 403, s);
    const id = c.req.param('id');
    const back = s.user.role === 'young-person' ? '/me/agreement' : `/agreements/${encodeURIComponent(id)}`;
    if (body.agree !== 'yes') return seeOther(c, `${back}?sign=tick`);
    const r = await apiFor(app, c, s).post(`/api/staying-put/${encodeURIComponent(id)}/events`, { type: SIGN });
    if (r.status === 403 || r.status === 404) return errorPage(c, r.status, s);
    if (!r.ok) return seeOther(c, `${back}?sign=refused`);
    return seeOther(c, `${back}?signed=1`);
  });
}
