// The outcomes checklist: one domain at a time, a task list of sections with progress, yes / no / not relevant as
// large radio targets, a note with a counter and an "I'd like help with this" toggle per question.
import { ANSWER_VALUES, type FieldError, NOTE_LIMIT, type Question } from '@onward/engine';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { checklistStrings } from '../i18n/checklist.js';
import { common } from '../i18n/common.js';
import { type Translate, textLang, translator } from '../i18n/index.js';
import type { OnEvent } from '../shared/events.js';
import {
  Checkbox,
  EasyReadToggle,
  ErrorSummary,
  Loading,
  ProgressBar,
  SaveStatusLine,
  type SummaryError,
  TextField,
  WidgetRoot,
} from '../shared/ui.js';
import { resolveView } from '../shared/wording.js';
import { type ChecklistOptions, ChecklistStore } from './checklist.store.js';

export function ChecklistView({ store }: { store: ChecklistStore }) {
  const s = store.bridge.state.value;
  const view = resolveView(store.wording, s.locale, s.variant, s.dir);
  const t = translator([common, checklistStrings], store.wording, view.req);
  const progress = store.progress();
  const domains = store.set.domains;
  const domain = domains[s.domainIndex]!;
  const dTitle = (id: string) => store.wording.domain(id, view.req).title;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // Move focus to the new section's heading when the young person changes section (not on first render).
    if (moved.current) headingRef.current?.focus();
  }, [s.domainIndex]);
  const go = (i: number) => {
    moved.current = true;
    store.goTo(i);
  };
  if (!s.ready) return <Loading lang={view.lang} dir={view.dir} widget="checklist" t={t} />;
  const fid = (qid: string, part: string) => `${store.id}-${qid.replace('.', '-')}-${part}`;
  const summary = s.errors.map((e) => toSummary(e, store, t, view.req, fid, go));
  const fieldErrors = new Map(summary.map((e) => [e.id, e.message]));

  return (
    <WidgetRoot widget="checklist" lang={view.lang} dir={view.dir}>
      <div class="o-bar">
        <h2>{t('checklist.title')}</h2>
        <EasyReadToggle on={s.variant === 'easy'} onToggle={() => store.toggleVariant()} t={t} />
      </div>
      {s.readOnly ? <p class="o-notice">{t('common.readOnly')}</p> : <p class="o-muted">{t('checklist.intro')}</p>}
      <ErrorSummary errors={summary} t={t} />
      <p class="o-small" id={`${store.id}-overall`}>
        {t('checklist.overall', { answered: progress.overall.answered, total: progress.overall.total })}
      </p>
      <ProgressBar
        percent={progress.overall.percent}
        label={t('checklist.overall', { answered: progress.overall.answered, total: progress.overall.total })}
      />
      <nav aria-label={t('checklist.sections')} class="o-no-print">
        <h3>{t('checklist.sections')}</h3>
        <ul class="o-tasks">
          {domains.map((d, i) => {
            const p = progress.domains[d.id];
            const status = p.answered === 0 ? 'not-started' : p.answered === p.total ? 'done' : 'in-progress';
            return (
              <li key={d.id}>
                <button type="button" aria-current={i === s.domainIndex ? 'step' : undefined} onClick={() => go(i)}>
                  <span>{dTitle(d.id)}</span>
                  <span class={`o-tag o-${status}`}>{t(`checklist.status.${status}`)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <section aria-labelledby={`${store.id}-domain`}>
        <p class="o-muted o-small">{t('checklist.sectionOf', { n: s.domainIndex + 1, total: domains.length })}</p>
        <h2 id={`${store.id}-domain`} tabIndex={-1} ref={headingRef}>
          {dTitle(domain.id)}
        </h2>
        <p>{store.wording.domain(domain.id, view.req).description}</p>
        <p class="o-small">
          {t('checklist.domainProgress', {
            answered: progress.domains[domain.id].answered,
            total: progress.domains[domain.id].total,
          })}
        </p>
        <ProgressBar
          percent={progress.domains[domain.id].percent}
          label={`${dTitle(domain.id)}: ${t('checklist.domainProgress', { answered: progress.domains[domain.id].answered, total: progress.domains[domain.id].total })}`}
        />
        {domain.questions.map((q) => (
          <QuestionCard key={q.id} q={q} store={store} t={t} fid={fid} errors={fieldErrors} />
        ))}
      </section>
      <div class="o-nav o-no-print">
        {s.domainIndex > 0 ? (
          <button type="button" class="o-btn o-secondary" onClick={() => go(s.domainIndex - 1)}>
            {t('checklist.previous')}
          </button>
        ) : (
          <span />
        )}
        {s.domainIndex < domains.length - 1 ? (
          <button type="button" class="o-btn" onClick={() => go(s.domainIndex + 1)}>
            {t('checklist.next')}
          </button>
        ) : (
          !s.readOnly && (
            <button type="button" class="o-btn" onClick={() => void store.submit()}>
              {t('checklist.submit')}
            </button>
          )
        )}
      </div>
      {s.submitted && (
        <p class="o-notice" role="status">
          {t('checklist.submitted')}
        </p>
      )}
      {!s.readOnly && <SaveStatusLine status={s.status} t={t} />}
    </WidgetRoot>
  );
}

function QuestionCard({
  q,
  store,
  t,
  fid,
  errors,
}: {
  q: Question;
  store: ChecklistStore;
  t: Translate;
  fid: (qid: string, part: string) => string;
  errors: Map<string, string>;
}) {
  const s = store.bridge.state.value;
  const req = { locale: s.locale, variant: s.variant };
  const text = store.wording.question(q, req);
  const hint = store.wording.hint(q, req);
  const f = store.field(q.id);
  const valueError = errors.get(fid(q.id, 'yes'));
  const legendId = fid(q.id, 'legend');
  return (
    <fieldset class="o-card" aria-describedby={hint ? fid(q.id, 'hint') : undefined}>
      <legend id={legendId} lang={text.locale} dir={text.dir}>
        {text.text}
      </legend>
      {hint && (
        <p class="o-hint" id={fid(q.id, 'hint')} lang={hint.locale}>
          {hint.text}
        </p>
      )}
      {valueError && <span class="o-field-error">{valueError}</span>}
      <div class="o-choices">
        {ANSWER_VALUES.map((v) => (
          <label class="o-choice" key={v}>
            <input
              type="radio"
              id={fid(q.id, v)}
              name={fid(q.id, 'value')}
              value={v}
              checked={f.value === v}
              disabled={s.readOnly}
              onChange={() => store.answer(q.id, v)}
            />
            <span>{t(`checklist.answer.${v}`)}</span>
          </label>
        ))}
      </div>
      {f.value && !s.readOnly && (
        <button
          type="button"
          class="o-btn o-link o-small"
          onClick={() => store.clear(q.id)}
          aria-describedby={legendId}
        >
          {t('checklist.clear')}
        </button>
      )}
      {(!s.readOnly || f.note) && (
        <TextField
          id={fid(q.id, 'note')}
          label={`${t('checklist.note')} ${t('common.optional')}`}
          hint={s.readOnly ? undefined : t('checklist.noteHint')}
          value={f.note}
          onInput={(v) => store.setNote(q.id, v)}
          limit={NOTE_LIMIT}
          multiline
          lang={textLang(s.locale)}
          readOnly={s.readOnly}
          error={errors.get(fid(q.id, 'note'))}
          t={t}
          labelClass="o-label o-small"
        />
      )}
      <Checkbox
        id={fid(q.id, 'help')}
        label={t('checklist.help')}
        checked={f.help}
        disabled={s.readOnly}
        onChange={(h) => store.setHelp(q.id, h)}
      />
    </fieldset>
  );
}

function toSummary(
  e: FieldError,
  store: ChecklistStore,
  t: Translate,
  req: { locale: string; variant: 'standard' | 'easy' },
  fid: (qid: string, part: string) => string,
  go: (i: number) => void,
): SummaryError {
  // answers.<domain>.<key>[.note|.value|...]
  const parts = e.path.split('.');
  const qid = parts[0] === 'answers' && parts.length >= 3 ? `${parts[1]}.${parts[2]}` : undefined;
  const q = qid ? store.set.byId.get(qid) : undefined;
  if (!q) return { id: `${store.id}-overall`, message: e.message };
  const domainIndex = store.set.domains.findIndex((d) => d.id === q.domain);
  const question = store.wording.question(q, req).text;
  const reveal = () => go(domainIndex);
  if (parts[3] === 'note' && e.rule === 'maxLength')
    return {
      id: fid(q.id, 'note'),
      message: t('common.tooLong', { field: t('checklist.noteField', { question }), limit: NOTE_LIMIT }),
      reveal,
    };
  if (e.message === 'pending-answer')
    return { id: fid(q.id, 'yes'), message: t('checklist.pendingAnswer', { question }), reveal };
  return { id: fid(q.id, parts[3] === 'note' ? 'note' : 'yes'), message: `${question}: ${e.message}`, reveal };
}

export interface ChecklistProps extends ChecklistOptions {
  /** Receives every event (the same names and details as the custom element's DOM events). */
  readonly onEvent?: OnEvent;
}

/** The checklist as a Preact component. Options are read when it first renders; `value` may change later. */
export function Checklist(props: ChecklistProps) {
  const onEvent = useRef(props.onEvent);
  onEvent.current = props.onEvent;
  const store = useMemo(() => new ChecklistStore(props, (type, detail) => onEvent.current?.(type, detail)), []);
  useEffect(() => {
    void store.start();
    return () => store.dispose();
  }, [store]);
  useEffect(() => {
    if (props.value && props.value !== store.state.doc) store.load(props.value);
  }, [props.value]);
  useEffect(() => store.setLocale(props.locale ?? 'en-GB'), [props.locale]);
  useEffect(() => store.setReadOnly(props.readOnly ?? false), [props.readOnly]);
  useEffect(() => {
    if (props.errors) store.setErrors(props.errors);
  }, [props.errors]);
  return <ChecklistView store={store} />;
}
