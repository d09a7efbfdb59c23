// Small building blocks shared by the widgets: the root (lang + dir), text fields with a counter, the error
// summary, the save status line and the easy-read switch. Plain, labelled HTML controls only.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../i18n/index.js';
import type { SaveStatus } from './autosave.js';
import { charCount } from './bridge.js';

export interface RootProps {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly widget: string;
  readonly children: ComponentChildren;
}

/** Every widget's root element carries `lang` and `dir`. */
export function WidgetRoot({ lang, dir, widget, children }: RootProps) {
  return (
    <div class={`onward onward-${widget}`} lang={lang} dir={dir} data-onward-widget={widget}>
      {children}
    </div>
  );
}

export interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  /** Maximum length in characters; shows a counter. */
  readonly limit?: number;
  readonly multiline?: boolean;
  /** Language of what is typed, for the spell checker. */
  readonly lang: string;
  readonly readOnly?: boolean;
  readonly error?: string;
  readonly t: Translate;
  readonly type?: 'text' | 'date' | 'number';
  readonly required?: boolean;
  readonly labelClass?: string;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
}

/** A labelled text input or textarea, with hint, error and (with a limit) a character counter. */
export function TextField(p: TextFieldProps) {
  const count = charCount(p.value);
  const describedBy = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : '', p.limit ? `${p.id}-count` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id: p.id,
    value: p.value,
    lang: p.lang,
    spellcheck: p.type === 'date' || p.type === 'number' ? undefined : true,
    dir: 'auto' as const,
    readOnly: p.readOnly,
    required: p.required,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': p.error ? (true as const) : undefined,
    onInput: (e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => p.onInput(e.currentTarget.value),
  };
  const left = p.limit !== undefined ? p.limit - count : 0;
  return (
    <div class="o-field">
      <label class={p.labelClass ?? 'o-label'} for={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <span class="o-hint" id={`${p.id}-hint`}>
          {p.hint}
        </span>
      )}
      {p.error && (
        <span class="o-field-error" id={`${p.id}-error`}>
          {p.error}
        </span>
      )}
      {p.multiline ? (
        <textarea {...common} class={`o-textarea${p.error ? ' o-invalid' : ''}`} rows={3} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          inputMode={p.inputMode}
          class={`o-input${p.error ? ' o-invalid' : ''}`}
        />
      )}
      {p.limit !== undefined && !p.readOnly && (p.multiline || left < 20) && (
        <span class={`o-counter o-small${left < 0 ? ' o-over' : ''}`} id={`${p.id}-count`}>
          {left >= 0 ? p.t('common.charactersLeft', { count: left }) : p.t('common.charactersOver', { count: -left })}
        </span>
      )}
    </div>
  );
}

export interface CheckboxProps {
  readonly id: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly disabled?: boolean;
}

export function Checkbox(p: CheckboxProps) {
  return (
    <label class="o-check" for={p.id}>
      <input
        id={p.id}
        type="checkbox"
        checked={p.checked}
        disabled={p.disabled}
        onChange={(e) => p.onChange(e.currentTarget.checked)}
      />
      <span>{p.label}</span>
    </label>
  );
}

export interface SummaryError {
  /** The id of the field to focus. */
  readonly id: string;
  readonly message: string;
  /** Called before focusing, e.g. to show the section the field is in. */
  readonly reveal?: () => void;
}

/** GOV.UK-style error summary: focused when it appears, each message a link that moves focus to its field. */
export function ErrorSummary({ errors, t }: { errors: readonly SummaryError[]; t: Translate }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.id + e.message).join('|');
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [key]);
  if (!errors.length) return null;
  return (
    <div class="o-errors" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${errors[0]?.id}-summary-title`}>
      <h2 id={`${errors[0]?.id}-summary-title`}>{t('common.errorSummary')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.id + e.message}>
            <a
              href={`#${e.id}`}
              onClick={(ev) => {
                ev.preventDefault();
                e.reveal?.();
                const root = ref.current?.getRootNode() as Document | ShadowRoot | undefined;
                // Fragment links do not reach into a shadow root, so focus the field ourselves.
                setTimeout(() => {
                  const el = root?.getElementById?.(e.id) as HTMLElement | null | undefined;
                  el?.focus();
                  el?.scrollIntoView?.({ block: 'center' });
                }, 0);
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Saving…", "Saved", or the warning that the work is kept on the device and will be retried. */
export function SaveStatusLine({ status, t }: { status: SaveStatus; t: Translate }) {
  return (
    <p class={`o-status o-small${status === 'retrying' ? ' o-warn' : ' o-muted'}`} role="status">
      {status === 'idle' ? '' : t(`common.status.${status}`)}
    </p>
  );
}

/** The easy-read switch: a toggle button (aria-pressed), usable at any time. */
export function EasyReadToggle({ on, onToggle, t }: { on: boolean; onToggle: () => void; t: Translate }) {
  return (
    <button
      type="button"
      class="o-btn o-secondary o-toggle o-no-print"
      aria-pressed={on}
      title={on ? t('common.easyReadOn') : t('common.easyReadOff')}
      onClick={onToggle}
    >
      {t('common.easyRead')}
    </button>
  );
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      class="o-progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}

/** Shown for the moment it takes to restore saved work or fetch a language. */
export function Loading({ lang, dir, widget, t }: { lang: string; dir: 'ltr' | 'rtl'; widget: string; t: Translate }) {
  return (
    <WidgetRoot widget={widget} lang={lang} dir={dir}>
      <p class="o-muted" role="status">
        {t('common.loading')}
      </p>
    </WidgetRoot>
  );
}
