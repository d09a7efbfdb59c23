// The Living Together Agreement: every section of a Staying Put agreement as a form for staff and a readable page
// for the young person and carers, with each party's sign-off and "copy given" mark.
import { type FieldError, HOUSE_RULE_TOPICS } from '@onward/engine';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { type Translate, textLang } from '../i18n/index.js';
import { formatDate } from '../plan/plan.js';
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
import { type AgreementOptions, AgreementStore, formatPounds, type PARTIES } from './agreement.store.js';

type Kind = 'text' | 'long' | 'date' | 'bool' | 'money' | 'period' | 'person' | 'from';
interface FieldDef {
  readonly path: string;
  readonly label: string;
  readonly kind: Kind;
  readonly limit?: number;
}

const TEXT = 1000;
const SHORT = 200;

interface Ctx {
  store: AgreementStore;
  t: Translate;
  lang: string;
  locale: string;
  errors: Map<string, string>;
}

function Field({ ctx, def }: { ctx: Ctx; def: FieldDef }) {
  const { store, t } = ctx;
  const s = store.state;
  const id = fieldId(store.id, def.path);
  const raw = getPath(s.agreement, def.path);
  const label = t(def.label);
  const error = ctx.errors.get(id);
  if (!store.editable) {
    if (raw === undefined || raw === '') return null;
    let shown: string;
    if (def.kind === 'bool') shown = raw ? t('agreement.yes') : t('agreement.no');
    else if (def.kind === 'date') shown = formatDate(String(raw), ctx.locale);
    else if (def.kind === 'money') shown = `£${formatPounds(Number(raw))}`;
    else if (def.kind === 'period') shown = t(`agreement.period.${String(raw)}`);
    else if (def.kind === 'from') shown = t(`agreement.from.${String(raw)}`);
    else if (def.kind === 'person') shown = (raw as { name: string }).name;
    else shown = String(raw);
    return (
      <div class="o-field">
        <dt class="o-label">{label}</dt>
        <dd class="o-quote" dir="auto" style={{ margin: 0 }}>
          {shown}
        </dd>
      </div>
    );
  }
  switch (def.kind) {
    case 'bool':
      return <Checkbox id={id} label={label} checked={Boolean(raw)} onChange={(c) => store.edit(def.path, c)} />;
    case 'period':
    case 'from': {
      const opts =
        def.kind === 'period'
          ? ['week', 'fortnight', 'month']
          : ['carer', 'pa', 'social-worker', 'supervising-social-worker', 'other'];
      return (
        <div class="o-field">
          <label class="o-label" for={id}>
            {label}
          </label>
          {error && (
            <span class="o-field-error" id={`${id}-error`}>
              {error}
            </span>
          )}
          <select
            id={id}
            class="o-select"
            value={String(raw ?? '')}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => store.edit(def.path, e.currentTarget.value || undefined)}
          >
            <option value="" />
            {opts.map((o) => (
              <option key={o} value={o}>
                {t(def.kind === 'period' ? `agreement.period.${o}` : `agreement.from.${o}`)}
              </option>
            ))}
          </select>
        </div>
      );
    }
    case 'money':
      return (
        <TextField
          id={id}
          label={label}
          value={s.moneyText[def.path] ?? (raw === undefined ? '' : formatPounds(Number(raw)))}
          onInput={(v) => store.editMoney(def.path, v)}
          inputMode="decimal"
          lang={ctx.lang}
          error={error}
          t={t}
        />
      );
    case 'person':
      return (
        <TextField
          id={id}
          label={label}
          value={(raw as { name?: string } | undefined)?.name ?? ''}
          onInput={(v) => store.editPerson(def.path, v)}
          limit={120}
          lang={ctx.lang}
          error={error}
          t={t}
        />
      );
    default:
      return (
        <TextField
          id={id}
          label={label}
          value={String(raw ?? '')}
          onInput={(v) => store.edit(def.path, v)}
          type={def.kind === 'date' ? 'date' : 'text'}
          multiline={def.kind === 'long'}
          limit={def.kind === 'date' ? undefined : def.limit}
          lang={ctx.lang}
          error={error}
          t={t}
        />
      );
  }
}

function Fields({ ctx, defs }: { ctx: Ctx; defs: readonly FieldDef[] }) {
  const body = defs.map((d) => <Field key={d.path} ctx={ctx} def={d} />);
  return ctx.store.editable ? body : <dl>{body}</dl>;
}

function Part({
  ctx,
  id,
  title,
  children,
}: {
  ctx: Ctx;
  id: string;
  title: string;
  children: preact.ComponentChildren;
}) {
  return (
    <section class="o-card" aria-labelledby={`${ctx.store.id}-${id}`}>
      <h3 id={`${ctx.store.id}-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

export function AgreementView({ store }: { store: AgreementStore }) {
  const s = store.bridge.state.value;
  const view = store.words(s.locale, s.variant, s.dir);
  const { t } = view;
  if (!s.ready) return <Loading lang={view.lang} dir={view.dir} widget="agreement" t={t} />;
  const a = s.agreement;
  const name = a.youngPerson.preferredName ?? a.youngPerson.name;
  const summary = s.errors.map((e) => toSummary(e, store, t));
  const ctx: Ctx = {
    store,
    t,
    lang: textLang(s.locale),
    locale: s.locale,
    errors: new Map(summary.map((e) => [e.id, e.message])),
  };
  const ed = store.editable;
  const f = (path: string, label: string, kind: Kind, limit?: number): FieldDef => ({
    path,
    label,
    kind,
    ...(limit ? { limit } : {}),
  });
  const listButton = (label: string, onClick: () => void, cls = 'o-btn o-secondary') =>
    ed && (
      <button type="button" class={cls} onClick={onClick}>
        {label}
      </button>
    );
  return (
    <WidgetRoot widget="agreement" lang={view.lang} dir={view.dir}>
      <h2>{t('agreement.title')}</h2>
      <p>{t('agreement.intro', { name })}</p>
      {!ed && <p class="o-notice">{t('common.readOnly')}</p>}
      <ErrorSummary errors={summary} t={t} />
      {store.hasPdf && (
        <div class="o-bar o-no-print">
          <button
            type="button"
            class="o-btn o-secondary"
            disabled={s.pdf === 'busy'}
            onClick={() => void store.downloadPdf()}
          >
            {s.pdf === 'busy' ? t('plan.downloading') : t('plan.download')}
          </button>
        </div>
      )}
      <Part ctx={ctx} id="parties" title={t('agreement.s.parties')}>
        <Fields
          ctx={ctx}
          defs={[
            f('youngPerson.name', 'agreement.youngPerson.name', 'text', 120),
            f('youngPerson.preferredName', 'agreement.youngPerson.preferredName', 'text', 120),
            f('youngPerson.dateOfBirth', 'agreement.youngPerson.dateOfBirth', 'date'),
          ]}
        />
        {a.carers.map((c, i) => (
          <div key={c.id}>
            {ed ? (
              <TextField
                id={fieldId(store.id, `carers.${i}.name`)}
                label={t('agreement.carer', { n: i + 1 })}
                value={c.name}
                onInput={(v) => store.edit(`carers.${i}.name`, v)}
                limit={120}
                lang={ctx.lang}
                error={ctx.errors.get(fieldId(store.id, `carers.${i}.name`))}
                t={t}
              />
            ) : (
              <dl>
                <div class="o-field">
                  <dt class="o-label">{t('agreement.carer', { n: i + 1 })}</dt>
                  <dd style={{ margin: 0 }}>{c.name}</dd>
                </div>
              </dl>
            )}
            {ed &&
              a.carers.length > 1 &&
              listButton(t('agreement.removeCarer', { n: i + 1 }), () => store.remove('carers', i), 'o-btn o-link')}
          </div>
        ))}
        {a.carers.length < 4 && listButton(t('agreement.addCarer'), () => store.addCarer())}
        <Fields
          ctx={ctx}
          defs={[
            f('pa', 'agreement.pa', 'person'),
            f('socialWorker', 'agreement.socialWorker', 'person'),
            f('supervisingSocialWorker', 'agreement.supervisingSocialWorker', 'person'),
            f('address', 'agreement.address', 'long', 300),
          ]}
        />
      </Part>
      <Part ctx={ctx} id="dates" title={t('agreement.s.dates')}>
        <Fields
          ctx={ctx}
          defs={['agreed', 'starts', 'firstReview', 'plannedEnd'].map((k) =>
            f(`dates.${k}`, `agreement.dates.${k}`, 'date'),
          )}
        />
      </Part>
      <Part ctx={ctx} id="checks" title={t('agreement.s.checks')}>
        <Fields
          ctx={ctx}
          defs={[
            f('checks.dbsNeeded', 'agreement.checks.dbsNeeded', 'bool'),
            f('checks.dbsDone', 'agreement.checks.dbsDone', 'date'),
            f('checks.carerApproved', 'agreement.checks.carerApproved', 'date'),
            f('checks.inPathwayPlan', 'agreement.checks.inPathwayPlan', 'bool'),
          ]}
        />
      </Part>
      <Part ctx={ctx} id="rules" title={t('agreement.s.houseRules')}>
        <Fields
          ctx={ctx}
          defs={HOUSE_RULE_TOPICS.map((k) => f(`houseRules.${k}`, `agreement.houseRules.${k}`, 'long', TEXT))}
        />
      </Part>
      <Part ctx={ctx} id="skills" title={t('agreement.s.skills')}>
        {(a.skills ?? []).map((_sk, i) => (
          <fieldset class="o-card" key={`skill-${i}`}>
            <legend>{t('agreement.skill', { n: i + 1 })}</legend>
            <Fields
              ctx={ctx}
              defs={[
                f(`skills.${i}.skill`, 'agreement.skill.skill', 'text', 300),
                f(`skills.${i}.targetDate`, 'agreement.skill.targetDate', 'date'),
                f(`skills.${i}.done`, 'agreement.skill.done', 'bool'),
              ]}
            />
            {listButton(t('agreement.removeSkill', { n: i + 1 }), () => store.remove('skills', i), 'o-btn o-link')}
          </fieldset>
        ))}
        {(a.skills?.length ?? 0) < 30 && listButton(t('agreement.addSkill'), () => store.add('skills', { skill: '' }))}
      </Part>
      <Part ctx={ctx} id="money" title={t('agreement.s.money')}>
        <Fields
          ctx={ctx}
          defs={[
            f('money.contribution.amountPence', 'agreement.money.amount', 'money'),
            f('money.contribution.period', 'agreement.money.period', 'period'),
            f('money.contribution.method', 'agreement.money.method', 'text', SHORT),
            f('money.contribution.starts', 'agreement.money.starts', 'date'),
            f('money.contribution.covers', 'agreement.money.covers', 'long', TEXT),
            f('money.benefits', 'agreement.money.benefits', 'long', TEXT),
            ...(store.showAllowance
              ? [
                  f('money.carerAllowance.amountPence', 'agreement.money.allowance', 'money'),
                  f('money.carerAllowance.period', 'agreement.money.allowancePeriod', 'period'),
                  ...(ed ? [f('money.carerAllowance.visibleToYoungPerson', 'agreement.money.visible', 'bool')] : []),
                ]
              : []),
            f('money.arrears', 'agreement.money.arrears', 'long', TEXT),
            f('money.contracts', 'agreement.money.contracts', 'long', TEXT),
          ]}
        />
      </Part>
      <Part ctx={ctx} id="support" title={t('agreement.s.support')}>
        {a.support.map((_, i) => (
          <fieldset class="o-card" key={`support-${i}`}>
            <legend>{t('agreement.support.item', { n: i + 1 })}</legend>
            <Fields
              ctx={ctx}
              defs={[
                f(`support.${i}.from`, 'agreement.support.from', 'from'),
                f(`support.${i}.what`, 'agreement.support.what', 'long', TEXT),
                f(`support.${i}.howOften`, 'agreement.support.howOften', 'text', SHORT),
              ]}
            />
            {listButton(t('agreement.removeSupport', { n: i + 1 }), () => store.remove('support', i), 'o-btn o-link')}
          </fieldset>
        ))}
        {a.support.length < 20 &&
          listButton(t('agreement.addSupport'), () => store.add('support', { from: 'carer', what: '' }))}
      </Part>
      <Part ctx={ctx} id="responsibilities" title={t('agreement.s.responsibilities')}>
        <Fields
          ctx={ctx}
          defs={['youngPerson', 'carer', 'council'].map((k) =>
            f(`responsibilities.${k}`, `agreement.responsibilities.${k}`, 'long', TEXT),
          )}
        />
      </Part>
      <Part ctx={ctx} id="disagreements" title={t('agreement.s.disagreements')}>
        <Fields ctx={ctx} defs={[f('disagreements', 'agreement.disagreements', 'long', TEXT)]} />
      </Part>
      <Part ctx={ctx} id="ending" title={t('agreement.s.ending')}>
        <Fields
          ctx={ctx}
          defs={[
            f('ending.noticeByYoungPerson', 'agreement.ending.noticeByYoungPerson', 'text', SHORT),
            f('ending.noticeByCarer', 'agreement.ending.noticeByCarer', 'text', SHORT),
            f('ending.moveOnSteps', 'agreement.ending.moveOnSteps', 'long', TEXT),
            f('ending.unplanned', 'agreement.ending.unplanned', 'long', TEXT),
          ]}
        />
      </Part>
      <SignOffs ctx={ctx} />
      {ed && (
        <>
          <button type="button" class="o-btn" onClick={() => void store.save()}>
            {t('agreement.save')}
          </button>
          {s.saved && (
            <p class="o-notice" role="status">
              {t('agreement.saved')}
            </p>
          )}
          <SaveStatusLine status={s.status} t={t} />
        </>
      )}
    </WidgetRoot>
  );
}

function SignOffs({ ctx }: { ctx: Ctx }) {
  const { store, t } = ctx;
  const a = store.state.agreement;
  const rows: { party: (typeof PARTIES)[number]; name: string | undefined }[] = [
    { party: 'young-person', name: a.youngPerson.name },
    ...a.carers.map((c) => ({ party: 'carer' as const, name: c.name })),
    ...(a.pa ? [{ party: 'pa' as const, name: a.pa.name }] : []),
    ...(a.socialWorker ? [{ party: 'social-worker' as const, name: a.socialWorker.name }] : []),
    ...(a.supervisingSocialWorker
      ? [{ party: 'supervising-social-worker' as const, name: a.supervisingSocialWorker.name }]
      : []),
  ];
  // Sign-offs by people not listed above (e.g. a team manager) are shown too.
  for (const so of a.signOffs)
    if (!rows.some((r) => r.party === so.party && r.name === so.name)) rows.push({ party: so.party, name: so.name });
  const party = store.viewerParty();
  return (
    <Part ctx={ctx} id="signoffs" title={t('agreement.s.signOffs')}>
      <ul class="o-tasks">
        {rows.map((r) => {
          const idx = a.signOffs.findIndex((x) => x.party === r.party && x.name === r.name);
          const so = idx >= 0 ? a.signOffs[idx] : undefined;
          return (
            <li key={`${r.party}-${r.name}`} style={{ padding: '0.5rem 0' }}>
              <strong>{t(`agreement.party.${r.party}`)}</strong>: <span dir="auto">{r.name}</span>
              <br />
              <span class={`o-tag${so ? ' o-done' : ''}`}>
                {so ? t('agreement.signedOn', { date: formatDate(so.at, ctx.locale) }) : t('agreement.notSigned')}
              </span>
              {so && store.editable && (
                <Checkbox
                  id={fieldId(store.id, `signOffs.${idx}.copyGiven`)}
                  label={t('agreement.copyGiven')}
                  checked={Boolean(so.copyGiven)}
                  onChange={(c) => store.setCopyGiven(idx, c)}
                />
              )}
              {so && !store.editable && so.copyGiven && <span class="o-small"> · {t('agreement.copyGiven')}</span>}
            </li>
          );
        })}
      </ul>
      {store.canSign() && party && (
        <div class="o-no-print">
          <p>{t('agreement.signIntro')}</p>
          <button type="button" class="o-btn" data-action="sign" onClick={() => store.sign()}>
            {t('agreement.sign', { party: t(`agreement.party.${party}`) })}
          </button>
        </div>
      )}
    </Part>
  );
}

const LABELS: Record<string, string> = {
  address: 'agreement.address',
  'youngPerson.name': 'agreement.youngPerson.name',
  'youngPerson.dateOfBirth': 'agreement.youngPerson.dateOfBirth',
  'money.contribution.amountPence': 'agreement.money.amount',
  'money.contribution.period': 'agreement.money.period',
  'money.carerAllowance.amountPence': 'agreement.money.allowance',
  'money.carerAllowance.period': 'agreement.money.allowancePeriod',
  'money.contribution': 'agreement.money.amount',
};

function labelFor(path: string, t: Translate): string {
  if (LABELS[path]) return t(LABELS[path]);
  let m = /^carers\.(\d+)\.name$/.exec(path);
  if (m) return t('agreement.carer', { n: Number(m[1]) + 1 });
  m = /^skills\.(\d+)\.(\w+)$/.exec(path);
  if (m) return `${t('agreement.skill', { n: Number(m[1]) + 1 })}: ${t(`agreement.skill.${m[2]}`)}`;
  m = /^support\.(\d+)\.(\w+)$/.exec(path);
  if (m) return `${t('agreement.support.item', { n: Number(m[1]) + 1 })}: ${t(`agreement.support.${m[2]}`)}`;
  const key = `agreement.${path}`;
  const text = t(key);
  return text === key ? path : text;
}

function toSummary(e: FieldError, store: AgreementStore, t: Translate): SummaryError {
  const id = fieldId(store.id, e.path);
  const field = labelFor(e.path, t);
  if (e.rule === 'required' || e.rule === 'minLength') return { id, message: t('agreement.required', { field }) };
  if (e.rule === 'format') return { id, message: t('agreement.badDate', { field }) };
  if (e.rule === 'money') return { id, message: t('agreement.badMoney', { field }) };
  return { id, message: `${field}: ${e.message}` };
}

export interface AgreementProps extends AgreementOptions {
  readonly onEvent?: OnEvent;
}

/** The Living Together Agreement as a Preact component. */
export function Agreement(props: AgreementProps) {
  const onEvent = useRef(props.onEvent);
  onEvent.current = props.onEvent;
  const store = useMemo(() => new AgreementStore(props, (type, detail) => onEvent.current?.(type, detail)), []);
  useEffect(() => {
    void store.start();
    return () => store.dispose();
  }, [store]);
  useEffect(() => {
    if (props.value !== store.state.agreement) store.load(props.value);
  }, [props.value]);
  return <AgreementView store={store} />;
}
