// The outcomes checklist: one domain at a time, a task list of sections with progress, yes / no / not relevant as
// large radio targets, a note with a counter and an "I'd like help with this" toggle per question.
import { ANSWER_VALUES, type DomainId, NOTE_LIMIT, type Question } from '@onward/engine';
import { signal } from '@preact/signals';
import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { textLang } from '../i18n/index.js';
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
import { type ChecklistOptions, ChecklistStore } from './checklist.store.js';

/** The easy-read pictures: their own file, fetched the first time easy read is on (and for each new locale). */
const pictures = signal<Awaited<ReturnType<typeof import('./pictures.js')['load']>> | undefined>(undefined);
function loadPictures(locale: string): void {
  import('./pictures.js')
    .then((m) => m.load(locale))
    .then(
      (p) => {
        pictures.value = p;
      },
      // Offline or blocked: the questions are shown without pictures.
      () => {},
    );
}

export function ChecklistView({ store }: { store: ChecklistStore }) {
  const words = store.words.value;
  const easy = store.variant.value === 'easy';
  useEffect(() => {
    if (easy) loadPictures(words.req.locale);
  }, [easy, words.req.locale]);
  const { t } = words;
  const domainIndex = store.domainIndex.value;
  const readOnly = store.readOnly.value;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // Move focus to the new section's heading when the young person changes section (not on first render).
    if (moved.current) headingRef.current?.focus();
  }, [domainIndex]);
  const go = useCallback(
    (i: number) => {
      moved.current = true;
      store.goTo(i);
    },
    [store],
  );
  if (!store.ready.value) return <Loading lang={words.lang} dir={words.dir} widget="checklist" t={t} />;
  const domains = store.set.domains;
  const domain = domains[domainIndex]!;
  const summary: SummaryError[] = store.messages.value.map((m) => ({
    id: m.id,
    message: m.message,
    ...(m.domainIndex !== undefined ? { reveal: () => go(m.domainIndex!) } : {}),
  }));
  const dTitle = words.domain(domain.id).title;

  return (
    <WidgetRoot widget="checklist" lang={words.lang} dir={words.dir}>
      <div class="o-bar">
        <h2>{t('checklist.title')}</h2>
        <EasyReadToggle on={easy} onToggle={() => store.toggleVariant()} t={t} />
      </div>
      {readOnly ? <p class="o-notice">{t('common.readOnly')}</p> : <p class="o-muted">{t('checklist.intro')}</p>}
      <ErrorSummary errors={summary} t={t} />
      <OverallProgress store={store} />
      <nav aria-label={t('checklist.sections')} class="o-no-print">
        <h3>{t('checklist.sections')}</h3>
        <TaskList store={store} go={go} />
      </nav>
      <section aria-labelledby={`${store.id}-domain`}>
        <p class="o-muted o-small">{t('checklist.sectionOf', { n: domainIndex + 1, total: domains.length })}</p>
        <h2 id={`${store.id}-domain`} tabIndex={-1} ref={headingRef}>
          {dTitle}
        </h2>
        <p>{words.domain(domain.id).description}</p>
        <DomainProgress store={store} domainId={domain.id} />
        {domain.questions.map((q) => (
          <QuestionCard key={q.id} q={q} store={store} />
        ))}
      </section>
      <div class="o-nav o-no-print">
        {domainIndex > 0 ? (
          <button type="button" class="o-btn o-secondary" onClick={() => go(domainIndex - 1)}>
            {t('checklist.previous')}
          </button>
        ) : (
          <span />
        )}
        {domainIndex < domains.length - 1 ? (
          <button type="button" class="o-btn" onClick={() => go(domainIndex + 1)}>
            {t('checklist.next')}
          </button>
        ) : (
          !readOnly && (
            <button type="button" class="o-btn" onClick={() => void store.submit()}>
              {t('checklist.submit')}
            </button>
          )
        )}
      </div>
      {store.submitted.value && (
        <p class="o-notice" role="status">
          {t('checklist.submitted')}
        </p>
      )}
      {!readOnly && <Status store={store} />}
    </WidgetRoot>
  );
}

// The parts that change with every answer read the progress signal themselves, so an answer renders them (and the
// one card) without rendering the whole widget.

function OverallProgress({ store }: { store: ChecklistStore }) {
  const { t } = store.words.value;
  const { overall } = store.progress.value;
  const label = t('checklist.overall', { answered: overall.answered, total: overall.total });
  return (
    <>
      <p class="o-small" id={`${store.id}-overall`}>
        {label}
      </p>
      <ProgressBar percent={overall.percent} label={label} />
    </>
  );
}

function TaskList({ store, go }: { store: ChecklistStore; go: (i: number) => void }) {
  const words = store.words.value;
  const progress = store.progress.value;
  const current = store.domainIndex.value;
  return (
    <ul class="o-tasks">
      {store.set.domains.map((d, i) => {
        const p = progress.domains[d.id];
        const status = p.answered === 0 ? 'not-started' : p.answered === p.total ? 'done' : 'in-progress';
        return (
          <li key={d.id}>
            <button type="button" aria-current={i === current ? 'step' : undefined} onClick={() => go(i)}>
              <span>{words.domain(d.id).title}</span>
              <span class={`o-tag o-${status}`}>{words.t(`checklist.status.${status}`)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function DomainProgress({ store, domainId }: { store: ChecklistStore; domainId: DomainId }) {
  const words = store.words.value;
  const p = store.progress.value.domains[domainId];
  const text = words.t('checklist.domainProgress', { answered: p.answered, total: p.total });
  return (
    <>
      <p class="o-small">{text}</p>
      <ProgressBar percent={p.percent} label={`${words.domain(domainId).title}: ${text}`} />
    </>
  );
}

function Status({ store }: { store: ChecklistStore }) {
  return <SaveStatusLine status={store.status.value} t={store.words.value.t} />;
}

function QuestionCard({ q, store }: { q: Question; store: ChecklistStore }) {
  const words = store.words.value;
  const { t } = words;
  const readOnly = store.readOnly.value;
  const errors = store.fieldErrors.value;
  const f = store.fieldSignal(q.id).value;
  const text = words.question(q);
  const hint = words.hint(q);
  const fid = (part: string) => store.fieldId(q.id, part);
  const valueError = errors.get(fid('yes'));
  const legendId = fid('legend');
  const pic = pictures.value?.picture(q.id, words.req, store.wording);
  return (
    <fieldset class="o-card" aria-describedby={hint ? fid('hint') : undefined}>
      {words.req.variant === 'easy' && pic && (
        // The markup is Onward's own drawing (pictures.ts), never wording or answers; the alt text is an attribute.
        <span class={pic.cls} role="img" aria-label={pic.alt} dangerouslySetInnerHTML={{ __html: pic.svg }} />
      )}
      <legend id={legendId} lang={text.locale} dir={text.dir}>
        {text.text}
      </legend>
      {hint && (
        <p class="o-hint" id={fid('hint')} lang={hint.locale}>
          {hint.text}
        </p>
      )}
      {valueError && <span class="o-field-error">{valueError}</span>}
      <div class="o-choices">
        {ANSWER_VALUES.map((v) => (
          <label class="o-choice" key={v}>
            <input
              type="radio"
              id={fid(v)}
              name={fid('value')}
              value={v}
              checked={f.value === v}
              disabled={readOnly}
              onChange={() => store.answer(q.id, v)}
            />
            <span>{t(`checklist.answer.${v}`)}</span>
          </label>
        ))}
      </div>
      {f.value && !readOnly && (
        <button
          type="button"
          class="o-btn o-link o-small"
          onClick={() => store.clear(q.id)}
          aria-describedby={legendId}
        >
          {t('checklist.clear')}
        </button>
      )}
      {(!readOnly || f.note) && (
        <TextField
          id={fid('note')}
          label={`${t('checklist.note')} ${t('common.optional')}`}
          hint={readOnly ? undefined : t('checklist.noteHint')}
          value={f.note}
          onInput={(v) => store.setNote(q.id, v)}
          limit={NOTE_LIMIT}
          multiline
          lang={textLang(words.req.locale)}
          readOnly={readOnly}
          error={errors.get(fid('note'))}
          t={t}
          labelClass="o-label o-small"
        />
      )}
      <Checkbox
        id={fid('help')}
        label={t('checklist.help')}
        checked={f.help}
        disabled={readOnly}
        onChange={(h) => store.setHelp(q.id, h)}
      />
    </fieldset>
  );
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
    if (props.value && props.value !== store.doc.peek()) store.load(props.value);
  }, [props.value]);
  useEffect(() => store.setLocale(props.locale ?? 'en-GB'), [props.locale]);
  useEffect(() => store.setReadOnly(props.readOnly ?? false), [props.readOnly]);
  useEffect(() => {
    if (props.errors) store.setErrors(props.errors);
  }, [props.errors]);
  return <ChecklistView store={store} />;
}
