// The check-in: for each area of life a smiley (good / ok / bad, each with a visible text label), "I want help with
// this" and a short note behind "Add a note". Quick on a phone: one scrolling page, one button to send.
import { DOMAINS, type DomainId, type FieldError } from '@onward/engine';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { type Translate, textLang } from '../i18n/index.js';
import type { OnEvent } from '../shared/events.js';
import {
  Checkbox,
  EasyReadToggle,
  ErrorSummary,
  Loading,
  SaveStatusLine,
  type SummaryError,
  TextField,
  WidgetRoot,
} from '../shared/ui.js';
import { CHECK_IN_NOTE_LIMIT, type CheckInOptions, CheckInStore } from './check-in.store.js';
import { type Mood, Smiley } from './smileys.js';

const MOODS: readonly Mood[] = ['good', 'ok', 'bad'];

export function CheckInView({ store }: { store: CheckInStore }) {
  const s = store.bridge.state.value;
  const view = store.words(s.locale, s.variant, s.dir);
  const { t } = view;
  if (!s.ready) return <Loading lang={view.lang} dir={view.dir} widget="check-in" t={t} />;
  const title = (d: string) => view.domain(d).title;
  const fid = (d: string, part: string) => `${store.id}-${d}-${part}`;
  const summary = s.errors.map((e) => toSummary(e, t, title, fid, store.id));
  const fieldErrors = new Map(summary.map((e) => [e.id, e.message]));
  const domains = s.readOnly ? DOMAINS.filter((d) => s.entries[d]) : DOMAINS;
  return (
    <WidgetRoot widget="check-in" lang={view.lang} dir={view.dir}>
      <div class="o-bar">
        <h2 id={`${store.id}-title`} tabIndex={-1}>
          {t('checkIn.title')}
        </h2>
        {!s.readOnly && <EasyReadToggle on={s.variant === 'easy'} onToggle={() => store.toggleVariant()} t={t} />}
      </div>
      {s.readOnly ? (
        <p class="o-notice">{t('checkIn.onlyYoungPerson')}</p>
      ) : (
        <p class="o-muted">{t('checkIn.intro')}</p>
      )}
      <ErrorSummary errors={summary} t={t} />
      {s.sent && (
        <p class="o-notice" role="status">
          {t('checkIn.sent')}
        </p>
      )}
      {s.readOnly ? (
        <ReadOnlyList store={store} t={t} domains={domains} title={title} />
      ) : (
        domains.map((d) => {
          const e = store.entry(d);
          const err = fieldErrors.get(fid(d, 'good'));
          return (
            <fieldset class="o-card" key={d}>
              <legend>{title(d)}</legend>
              {err && <span class="o-field-error">{err}</span>}
              <div class="o-choices">
                {MOODS.map((m) => (
                  <label class="o-choice" key={m}>
                    <input
                      type="radio"
                      id={fid(d, m)}
                      name={fid(d, 'mood')}
                      value={m}
                      checked={e.mood === m}
                      onChange={() => store.setMood(d, m)}
                    />
                    <span>
                      <Smiley mood={m} />
                      {t(`checkIn.mood.${m}`)}
                    </span>
                  </label>
                ))}
              </div>
              <Checkbox
                id={fid(d, 'help')}
                label={t('checkIn.help')}
                checked={Boolean(e.help)}
                onChange={(h) => store.setHelp(d, h)}
              />
              <details open={Boolean(e.note) || fieldErrors.has(fid(d, 'note'))}>
                <summary class="o-summary">{t('checkIn.note')}</summary>
                <TextField
                  id={fid(d, 'note')}
                  label={t('checkIn.noteField', { domain: title(d) })}
                  labelClass="o-vh"
                  value={e.note ?? ''}
                  onInput={(v) => store.setNote(d, v)}
                  limit={CHECK_IN_NOTE_LIMIT}
                  multiline
                  lang={textLang(s.locale)}
                  error={fieldErrors.get(fid(d, 'note'))}
                  t={t}
                />
              </details>
            </fieldset>
          );
        })
      )}
      {!s.readOnly && (
        <>
          <button type="button" class="o-btn" onClick={() => void store.submit()}>
            {t('checkIn.submit')}
          </button>
          <SaveStatusLine status={s.status} t={t} />
        </>
      )}
    </WidgetRoot>
  );
}

function ReadOnlyList({
  store,
  t,
  domains,
  title,
}: {
  store: CheckInStore;
  t: Translate;
  domains: readonly DomainId[];
  title: (d: string) => string;
}) {
  return (
    <dl>
      {domains.map((d) => {
        const e = store.entry(d);
        return (
          <div class="o-card" key={d}>
            <dt>
              <strong>{title(d)}</strong>
            </dt>
            <dd style={{ marginInlineStart: 0 }}>
              {e.mood ? (
                <span class="o-check">
                  <Smiley mood={e.mood} />
                  {t(`checkIn.mood.${e.mood}`)}
                </span>
              ) : (
                t('checkIn.nothing')
              )}
              {e.help && <p class="o-tag">{t('checkIn.wantsHelp')}</p>}
              {e.note && (
                <p class="o-quote" dir="auto">
                  {e.note}
                </p>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function toSummary(
  e: FieldError,
  t: Translate,
  title: (d: string) => string,
  fid: (d: string, p: string) => string,
  base: string,
): SummaryError {
  const parts = e.path.split('.');
  const d = parts[0] === 'moods' ? parts[1] : undefined;
  if (e.message === 'need-one') return { id: fid(DOMAINS[0]!, 'good'), message: t('checkIn.needOne') };
  if (!d) return { id: `${base}-title`, message: e.message };
  if (e.message === 'pick-face') return { id: fid(d, 'good'), message: t('checkIn.pickFace', { domain: title(d) }) };
  if (parts[2] === 'note' && e.rule === 'maxLength')
    return {
      id: fid(d, 'note'),
      message: t('common.tooLong', { field: t('checkIn.noteField', { domain: title(d) }), limit: CHECK_IN_NOTE_LIMIT }),
    };
  return { id: fid(d, 'good'), message: `${title(d)}: ${e.message}` };
}

export interface CheckInProps extends CheckInOptions {
  readonly onEvent?: OnEvent;
}

/** The check-in as a Preact component. */
export function CheckInWidget(props: CheckInProps) {
  const onEvent = useRef(props.onEvent);
  onEvent.current = props.onEvent;
  const store = useMemo(() => new CheckInStore(props, (type, detail) => onEvent.current?.(type, detail)), []);
  useEffect(() => {
    void store.start();
    return () => store.dispose();
  }, [store]);
  useEffect(() => {
    if (props.value) store.load(props.value);
  }, [props.value]);
  useEffect(() => {
    if (props.locale) store.setLocale(props.locale);
  }, [props.locale]);
  return <CheckInView store={store} />;
}
