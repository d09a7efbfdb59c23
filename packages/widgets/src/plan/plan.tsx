// The pathway plan as a readable page (the young person's own words first), the PA's editor for goals and actions
// (what, who, by when) per domain, the statutory sections, lifecycle actions the engine allows for the viewer, and
// a print view that is the accessible HTML version of the PDF.
import {
  type AnyChecklist,
  DOMAINS,
  type FieldError,
  getAnswer,
  needsHelp,
  type PathwayPlan,
  questionSet,
} from '@onward/engine';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { type Translate, textLang } from '../i18n/index.js';
import type { OnEvent } from '../shared/events.js';
import { fieldId, getPath } from '../shared/paths.js';
import {
  Checkbox,
  ErrorSummary,
  Loading,
  SaveStatusLine,
  type SummaryError,
  TextField,
  WidgetRoot,
} from '../shared/ui.js';
import { type PlanOptions, PlanStore } from './plan.store.js';

type DomainPlan = NonNullable<PathwayPlan['domains']['housing']>;

interface Ctx {
  store: PlanStore;
  t: Translate;
  lang: string;
  errors: Map<string, string>;
}

/** A text section: an editor when the viewer may change it, otherwise the text as written (escaped by Preact). */
function Section({
  ctx,
  path,
  label,
  limit,
  hint,
  multiline = true,
  heading = 'h3',
}: {
  ctx: Ctx;
  path: string;
  label: string;
  limit: number;
  hint?: string;
  multiline?: boolean;
  heading?: 'h3' | 'h4' | 'none';
}) {
  const { store, t } = ctx;
  const value = (getPath(store.state.plan, path) as string | undefined) ?? '';
  if (store.canEdit(path))
    return (
      <TextField
        id={fieldId(store.id, path)}
        label={label}
        hint={hint}
        value={value}
        onInput={(v) => store.edit(path, v)}
        limit={limit}
        multiline={multiline}
        lang={ctx.lang}
        error={ctx.errors.get(fieldId(store.id, path))}
        t={t}
      />
    );
  if (!value) return null;
  const H = heading === 'none' ? 'p' : heading;
  return (
    <>
      <H class={heading === 'none' ? 'o-label' : undefined}>{label}</H>
      <p class="o-quote" dir="auto">
        {value}
      </p>
    </>
  );
}

export function PlanView({ store }: { store: PlanStore }) {
  const s = store.bridge.state.value;
  const view = store.words(s.locale, s.variant, s.dir);
  const { t } = view;
  if (!s.ready) return <Loading lang={view.lang} dir={view.dir} widget="plan" t={t} />;
  const plan = s.plan;
  const name = plan.youngPerson.preferredName ?? plan.youngPerson.name;
  const summary = s.errors.map((e) => toSummary(e, store, t, view.req));
  const ctx: Ctx = { store, t, lang: textLang(s.locale), errors: new Map(summary.map((e) => [e.id, e.message])) };
  const actions = store.actions();
  const state = s.lifecycle?.state;
  const editing = store.canEdit('contingency') || store.canEdit('views.youngPerson');
  const date = (d: string | undefined) => (d ? formatDate(d, s.locale) : undefined);
  return (
    <WidgetRoot widget="plan" lang={view.lang} dir={view.dir}>
      <header>
        <h2>{t('plan.title', { name })}</h2>
        {state && <p class="o-tag">{t('plan.status', { state: t(`plan.state.${state}`) })}</p>}
        <dl class="o-small">
          {[
            ['plan.started', date(plan.started)],
            ['plan.authorised', date(plan.authorised)],
            ['plan.nextReview', date(plan.nextReview)],
          ]
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt style={{ display: 'inline', fontWeight: 700 }}>{t(k as string)}: </dt>
                <dd style={{ display: 'inline', margin: 0 }}>{v}</dd>
              </div>
            ))}
        </dl>
      </header>
      {editing && <p class="o-notice o-no-print">{t('plan.editing')}</p>}
      <ErrorSummary errors={summary} t={t} />
      <Toolbar store={store} t={t} stateTitle={state ? t(`plan.state.${state}`) : undefined} />

      <section aria-labelledby={`${store.id}-own`}>
        <h2 id={`${store.id}-own`}>{t('plan.ownWords', { name })}</h2>
        <Section ctx={ctx} path="views.youngPerson" label={t('plan.views.youngPerson')} limit={4000} />
        <Section ctx={ctx} path="views.disagreements" label={t('plan.views.disagreements')} limit={4000} />
        {!plan.views.youngPerson && !store.canEdit('views.youngPerson') && <p class="o-muted">{t('plan.noWords')}</p>}
      </section>

      {DOMAINS.map((d) => (
        <DomainSection key={d} ctx={ctx} domain={d} />
      ))}

      <section aria-labelledby={`${store.id}-contact`}>
        <h2 id={`${store.id}-contact`}>{t('plan.contact')}</h2>
        <Section ctx={ctx} path="contactAndSupport.what" label={t('plan.contact.what')} limit={1000} heading="none" />
        <Section
          ctx={ctx}
          path="contactAndSupport.howOften"
          label={t('plan.contact.howOften')}
          limit={200}
          multiline={false}
          heading="none"
        />
        <Section
          ctx={ctx}
          path="contactAndSupport.who"
          label={t('plan.contact.who')}
          limit={200}
          multiline={false}
          heading="none"
        />
      </section>
      <section aria-labelledby={`${store.id}-contingency`}>
        <h2 id={`${store.id}-contingency`}>{t('plan.contingency')}</h2>
        <Section
          ctx={ctx}
          path="contingency"
          label={t('plan.contingency')}
          hint={t('plan.contingencyHint')}
          limit={4000}
          heading="none"
        />
      </section>
      {(plan.accommodation?.assessment || store.canEdit('accommodation.assessment')) && (
        <section>
          <Section
            ctx={ctx}
            path="accommodation.assessment"
            label={t('plan.accommodation')}
            limit={4000}
            heading="h3"
          />
        </section>
      )}
      <Section ctx={ctx} path="views.pa" label={t('plan.views.pa')} limit={4000} />
      <Section ctx={ctx} path="views.manager" label={t('plan.views.manager')} limit={4000} />

      {plan.returns && plan.returns.length > 0 && (
        <section>
          <h3>{t('plan.returns')}</h3>
          <ul>
            {plan.returns.map((r) => (
              <li key={r.at}>
                <strong>{r.by.name}</strong>, {date(r.at)}:{' '}
                <span class="o-quote" dir="auto">
                  {r.comment}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.signOffs.length > 0 && (
        <section>
          <h3>{t('plan.signOffs')}</h3>
          <ul>
            {plan.signOffs.map((x) => (
              <li key={x.role + x.at}>
                {x.name}, {date(x.at)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {actions.length > 0 && (
        <section class="o-no-print o-card" aria-labelledby={`${store.id}-actions`}>
          <h3 id={`${store.id}-actions`}>{t('plan.actions')}</h3>
          {s.returning ? (
            <>
              <TextField
                id={fieldId(store.id, 'returnComment')}
                label={t('plan.returnComment')}
                value={s.returnComment}
                onInput={(v) => store.setReturnComment(v)}
                limit={1000}
                multiline
                lang={ctx.lang}
                error={ctx.errors.get(fieldId(store.id, 'returnComment'))}
                t={t}
              />
              <div class="o-nav">
                <button type="button" class="o-btn o-warning" onClick={() => void store.act('plan.return')}>
                  {t('plan.returnConfirm')}
                </button>
                <button type="button" class="o-btn o-secondary" onClick={() => store.cancelReturn()}>
                  {t('plan.cancel')}
                </button>
              </div>
            </>
          ) : (
            <div class="o-nav">
              {actions.map((a) => (
                <button
                  type="button"
                  key={a}
                  class={`o-btn${a === 'plan.return' ? ' o-secondary' : ''}`}
                  data-action={a}
                  onClick={() => (a === 'plan.return' ? store.startReturn() : void store.act(a))}
                >
                  {t(`plan.action.${a}`)}
                </button>
              ))}
            </div>
          )}
        </section>
      )}
      {editing && <SaveStatusLine status={s.status} t={t} />}
    </WidgetRoot>
  );
}

function Toolbar({ store, t, stateTitle }: { store: PlanStore; t: Translate; stateTitle: string | undefined }) {
  const s = store.bridge.state.value;
  if (s.mode !== 'print' && !store.hasPdf) return null;
  return (
    <div class="o-bar o-no-print">
      {s.mode === 'print' && (
        <button type="button" class="o-btn o-secondary" onClick={() => window.print()}>
          {t('plan.print')}
        </button>
      )}
      {store.hasPdf && (
        <button
          type="button"
          class="o-btn o-secondary"
          aria-busy={s.pdf === 'busy'}
          disabled={s.pdf === 'busy'}
          onClick={() => void store.downloadPdf(stateTitle)}
        >
          {s.pdf === 'busy' ? t('plan.downloading') : t('plan.download')}
        </button>
      )}
      {s.pdf === 'failed' && (
        <p class="o-status o-warn" role="alert">
          {t('plan.pdfFailed')}
        </p>
      )}
    </div>
  );
}

function DomainSection({ ctx, domain }: { ctx: Ctx; domain: (typeof DOMAINS)[number] }) {
  const { store, t } = ctx;
  const s = store.bridge.state.value;
  const plan = s.plan;
  const dp = (plan.domains[domain] ?? {}) as DomainPlan;
  const req = { locale: s.locale, variant: s.variant };
  const title = store.wording.domain(domain, req).title;
  const editable = store.canEdit(`domains.${domain}`);
  const checklist = plan.checklist as unknown as AnyChecklist;
  let help: ReturnType<typeof needsHelp> = [];
  try {
    help = needsHelp(questionSet(checklist.version), checklist).filter((h) => h.question.domain === domain);
  } catch {
    help = [];
  }
  const frozen = plan.wording?.questions;
  const hasContent = dp.goingWell || dp.needs || dp.goals?.length || dp.paNotes || dp.managerNotes || help.length;
  if (!hasContent && !editable) return null;
  const base = `domains.${domain}`;
  return (
    <section aria-labelledby={`${store.id}-${domain}`} class="o-card">
      <h2 id={`${store.id}-${domain}`}>{title}</h2>
      <Section ctx={ctx} path={`${base}.goingWell`} label={t('plan.goingWell')} limit={1000} />
      <Section ctx={ctx} path={`${base}.needs`} label={t('plan.needs')} limit={1000} />
      {help.length > 0 && (
        <>
          <h3>{t('plan.helpAsked')}</h3>
          <ul>
            {help.map((h) => {
              const a = getAnswer(checklist, h.question.id);
              return (
                <li key={h.question.id}>
                  {frozen?.[h.question.id] ?? store.wording.question(h.question, req).text}
                  {a?.note && (
                    <p class="o-quote" dir="auto">
                      “{a.note}”
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h3>{t('plan.goals')}</h3>
      {!dp.goals?.length && <p class="o-muted">{t('plan.noGoals')}</p>}
      {dp.goals?.map((g, gi) => (
        <Goal key={g.id} ctx={ctx} domain={domain} gi={gi} editable={editable} />
      ))}
      {editable && (
        <button type="button" class="o-btn o-secondary" onClick={() => store.addGoal(domain)}>
          {t('plan.addGoal')} <span class="o-vh">({title})</span>
        </button>
      )}
      <Section ctx={ctx} path={`${base}.paNotes`} label={t('plan.paNotes')} limit={1000} />
      <Section ctx={ctx} path={`${base}.managerNotes`} label={t('plan.managerNotes')} limit={1000} />
    </section>
  );
}

function Goal({ ctx, domain, gi, editable }: { ctx: Ctx; domain: string; gi: number; editable: boolean }) {
  const { store, t } = ctx;
  const s = store.bridge.state.value;
  const path = `domains.${domain}.goals.${gi}`;
  const g = getPath(s.plan, path) as DomainPlan['goals'] extends (infer G)[] | undefined ? G : never;
  const f = (p: string) => fieldId(store.id, p);
  const err = (p: string) => ctx.errors.get(f(p));
  if (!editable)
    return (
      <div>
        <h4>{t('plan.goal', { n: gi + 1 })}</h4>
        <p class="o-quote" dir="auto">
          {g.goal}
        </p>
        {g.actions.length > 0 && (
          <ul>
            {g.actions.map((a) => (
              <li key={a.id}>
                <span dir="auto">{a.what}</span> — <strong>{t('plan.who')}:</strong> <span dir="auto">{a.who}</span>;{' '}
                <strong>{t('plan.byWhen')}:</strong> {formatDate(a.byWhen, s.locale)}
                {a.done ? ` (${t('plan.done')})` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  return (
    <fieldset class="o-card">
      <legend>{t('plan.goal', { n: gi + 1 })}</legend>
      <TextField
        id={f(`${path}.goal`)}
        label={t('plan.goalText')}
        value={g.goal}
        onInput={(v) => store.edit(`${path}.goal`, v)}
        limit={500}
        multiline
        lang={ctx.lang}
        error={err(`${path}.goal`)}
        t={t}
      />
      {g.actions.map((a, ai) => {
        const ap = `${path}.actions.${ai}`;
        return (
          <fieldset class="o-card" key={a.id}>
            <legend>{t('plan.action', { n: ai + 1 })}</legend>
            <TextField
              id={f(`${ap}.what`)}
              label={t('plan.what')}
              value={a.what}
              onInput={(v) => store.edit(`${ap}.what`, v)}
              limit={500}
              multiline
              lang={ctx.lang}
              error={err(`${ap}.what`)}
              t={t}
            />
            <TextField
              id={f(`${ap}.who`)}
              label={t('plan.who')}
              value={a.who}
              onInput={(v) => store.edit(`${ap}.who`, v)}
              limit={120}
              lang={ctx.lang}
              error={err(`${ap}.who`)}
              t={t}
            />
            <TextField
              id={f(`${ap}.byWhen`)}
              type="date"
              label={t('plan.byWhen')}
              value={a.byWhen}
              onInput={(v) => store.edit(`${ap}.byWhen`, v)}
              lang={ctx.lang}
              error={err(`${ap}.byWhen`)}
              t={t}
            />
            <Checkbox
              id={f(`${ap}.done`)}
              label={t('plan.done')}
              checked={Boolean(a.done)}
              onChange={(c) => store.edit(`${ap}.done`, c || undefined)}
            />
            <button type="button" class="o-btn o-link" onClick={() => store.removeAction(domain, gi, ai)}>
              {t('plan.removeAction', { n: ai + 1 })}
            </button>
          </fieldset>
        );
      })}
      <div class="o-nav">
        <button type="button" class="o-btn o-secondary" onClick={() => store.addAction(domain, gi)}>
          {t('plan.addAction')}
        </button>
        <button type="button" class="o-btn o-link" onClick={() => store.removeGoal(domain, gi)}>
          {t('plan.removeGoal', { n: gi + 1 })}
        </button>
      </div>
    </fieldset>
  );
}

const FIELD_LABELS: Record<string, string> = {
  goal: 'plan.goalText',
  what: 'plan.what',
  who: 'plan.who',
  byWhen: 'plan.byWhen',
  goingWell: 'plan.goingWell',
  needs: 'plan.needs',
  paNotes: 'plan.paNotes',
  managerNotes: 'plan.managerNotes',
  contingency: 'plan.contingency',
  youngPerson: 'plan.views.youngPerson',
  disagreements: 'plan.views.disagreements',
  pa: 'plan.views.pa',
  manager: 'plan.views.manager',
  returnComment: 'plan.returnComment',
  howOften: 'plan.contact.howOften',
};

function toSummary(
  e: FieldError,
  store: PlanStore,
  t: Translate,
  req: { locale: string; variant: 'standard' | 'easy' },
): SummaryError {
  const parts = e.path.split('.');
  const last = parts[parts.length - 1] ?? '';
  const where: string[] = [];
  if (parts[0] === 'domains' && parts[1]) where.push(store.wording.domain(parts[1], req).title);
  if (parts[2] === 'goals' && parts[3]) where.push(t('plan.goal', { n: Number(parts[3]) + 1 }));
  if (parts[4] === 'actions' && parts[5]) where.push(t('plan.action', { n: Number(parts[5]) + 1 }));
  const label = FIELD_LABELS[last] ? t(FIELD_LABELS[last]) : last;
  const field = [...where, label].join(', ');
  const id = fieldId(store.id, e.path);
  if (e.rule === 'required' || e.rule === 'minLength')
    return { id, message: t('plan.required', { field: field.toLowerCase() === field ? field : field }) };
  if (e.rule === 'format') return { id, message: t('plan.badDate', { field }) };
  if (e.rule === 'maxLength') {
    const limit = e.path === 'returnComment' ? 1000 : undefined;
    return { id, message: limit ? t('common.tooLong', { field, limit }) : `${field}: ${e.message}` };
  }
  return { id, message: `${field}: ${e.message}` };
}

/** A date (YYYY-MM-DD or ISO date-time) as people read it in the locale, e.g. 3 March 2026. */
export function formatDate(value: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      d,
    );
  } catch {
    return value.slice(0, 10);
  }
}

export interface PlanProps extends PlanOptions {
  readonly onEvent?: OnEvent;
  readonly children?: ComponentChildren;
}

/** The pathway plan as a Preact component. */
export function Plan(props: PlanProps) {
  const onEvent = useRef(props.onEvent);
  onEvent.current = props.onEvent;
  const store = useMemo(() => new PlanStore(props, (type, detail) => onEvent.current?.(type, detail)), []);
  useEffect(() => {
    void store.start();
    return () => store.dispose();
  }, [store]);
  useEffect(() => {
    if (props.value !== store.state.plan) store.load(props.value);
  }, [props.value]);
  useEffect(() => store.setLifecycle(props.lifecycle), [props.lifecycle]);
  return <PlanView store={store} />;
}
