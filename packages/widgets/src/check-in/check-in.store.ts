// The check-in's store: one signal bridge, autosave of the moods chosen so far, validation before sending.
import {
  type CheckIn,
  DOMAINS,
  type DomainId,
  type FieldError,
  type Variant,
  validateCheckIn,
  type Wording,
} from '@onward/engine';
import { checkInStrings } from '../i18n/check-in.js';
import { common } from '../i18n/common.js';
import { Autosave, type Draft, type SaveStatus } from '../shared/autosave.js';
import { type Bridge, createBridge, uid } from '../shared/bridge.js';
import type { CheckInMoods, Emit } from '../shared/events.js';
import type { StorageAdapter } from '../shared/storage.js';
import { DRAFT_DELAY_MS } from '../shared/timing.js';
import { defaultWording, ensureLocale } from '../shared/wording.js';
import { wordsCache } from '../shared/words.js';
import type { Mood } from './smileys.js';

/** The note limit for a check-in, in characters, as in the check-in schema. */
export const CHECK_IN_NOTE_LIMIT = 280;

export interface CheckInEntry {
  readonly mood?: Mood;
  readonly help?: boolean;
  readonly note?: string;
}
export type CheckInEntries = Partial<Record<DomainId, CheckInEntry>>;

export interface CheckInOptions {
  /** The young person this check-in is about (required to send one). */
  readonly youngPersonId?: string;
  /** A sent check-in to show (read-only), e.g. to a PA. */
  readonly value?: CheckIn;
  /** Who is looking. Only the young person can fill one in; anyone else sees it read-only. Default `young-person`. */
  readonly viewerRole?: string;
  readonly locale?: string;
  readonly variant?: Variant;
  readonly dir?: 'ltr' | 'rtl';
  readonly wording?: Wording;
  readonly storage?: StorageAdapter<CheckInEntries>;
  readonly drafts?: StorageAdapter<Draft<CheckInEntries>>;
  /** Key for storage and drafts; make it unique per young person. Default `check-in`. */
  readonly storageKey?: string;
  readonly readOnly?: boolean;
  /** Makes the check-in's id; default crypto.randomUUID(). */
  readonly newId?: () => string;
  readonly saveDelayMs?: number;
  readonly retryDelaysMs?: readonly number[];
}

export interface CheckInState {
  readonly entries: CheckInEntries;
  readonly sent: CheckIn | undefined;
  readonly locale: string;
  readonly variant: Variant;
  readonly dir: 'ltr' | 'rtl' | undefined;
  readonly readOnly: boolean;
  readonly errors: readonly FieldError[];
  readonly status: SaveStatus;
  readonly ready: boolean;
}

export class CheckInStore {
  readonly bridge: Bridge<CheckInState>;
  readonly wording: Wording;
  /** The words for a locale, variant and direction, resolved once per change of any of them. */
  readonly words: ReturnType<typeof wordsCache>;
  readonly id = uid('ci');
  private readonly autosave: Autosave<CheckInEntries>;
  private started = false;

  constructor(
    private readonly options: CheckInOptions,
    emit: Emit,
  ) {
    this.wording = options.wording ?? defaultWording();
    this.words = wordsCache(this.wording, [common, checkInStrings]);
    const readOnly =
      Boolean(options.readOnly) || (options.viewerRole !== undefined && options.viewerRole !== 'young-person');
    this.bridge = createBridge<CheckInState>(
      {
        entries: options.value ? (options.value.moods as CheckInEntries) : {},
        sent: undefined,
        locale: options.locale ?? options.value?.locale ?? 'en-GB',
        variant: options.variant ?? 'standard',
        dir: options.dir,
        readOnly,
        errors: [],
        status: 'idle',
        ready: false,
      },
      emit,
    );
    this.autosave = new Autosave<CheckInEntries>({
      key: options.storageKey ?? 'check-in',
      ...(options.storage ? { storage: options.storage } : {}),
      ...(options.drafts ? { drafts: options.drafts } : {}),
      debounceMs: options.saveDelayMs ?? 500,
      draftDelayMs: DRAFT_DELAY_MS,
      ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
      onStatus: (status) => this.bridge.update({ status }),
      onSaved: (key) => this.bridge.emit('onward-save', { widget: 'check-in', key }),
      onError: (info) => this.bridge.emit('onward-save-error', { widget: 'check-in', ...info }),
    });
  }

  get state(): CheckInState {
    return this.bridge.get();
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await ensureLocale(this.wording, this.state.locale);
    if (this.state.readOnly) {
      this.bridge.update({ ready: true });
      return;
    }
    const saved = await this.autosave.restore();
    this.bridge.update({ ...(saved ? { entries: saved } : {}), ready: true });
  }

  dispose(): void {
    this.autosave.dispose();
  }

  /** Show a sent check-in. */
  load(value: CheckIn): void {
    this.bridge.update({ entries: value.moods as CheckInEntries, locale: value.locale });
  }

  setLocale(locale: string): void {
    void ensureLocale(this.wording, locale).then(() => this.bridge.update({ locale }));
  }

  toggleVariant(): void {
    const variant: Variant = this.state.variant === 'easy' ? 'standard' : 'easy';
    this.bridge.update({ variant });
    this.bridge.emit('onward-variant-change', { widget: 'check-in', variant });
  }

  entry(domain: DomainId): CheckInEntry {
    return this.state.entries[domain] ?? {};
  }

  setMood(domain: DomainId, mood: Mood): void {
    this.edit(domain, { mood });
  }
  setHelp(domain: DomainId, help: boolean): void {
    this.edit(domain, { help });
  }
  setNote(domain: DomainId, note: string): void {
    this.edit(domain, { note });
  }

  private edit(domain: DomainId, patch: Partial<CheckInEntry>): void {
    if (this.state.readOnly) return;
    const next: Record<string, unknown> = { ...this.entry(domain), ...patch };
    if (!next.help) delete next.help;
    if (!next.note) delete next.note;
    const entries = { ...this.state.entries };
    if (Object.keys(next).length) entries[domain] = next as CheckInEntry;
    else delete entries[domain];
    const errors = this.state.errors.length ? this.check(entries) : [];
    this.bridge.update({ entries, errors, sent: undefined });
    this.bridge.emit('onward-change', { widget: 'check-in', value: moodsOf(entries) });
    this.autosave.change(entries);
  }

  /** The check-in as it would be sent, and its problems. */
  build(entries: CheckInEntries = this.state.entries): { doc: CheckIn; errors: FieldError[] } {
    const doc = {
      id: this.options.newId?.() ?? newId(),
      youngPersonId: this.options.youngPersonId ?? '',
      author: 'young-person',
      at: new Date().toISOString(),
      locale: this.state.locale,
      moods: moodsOf(entries),
    } as CheckIn;
    return { doc, errors: this.check(entries, doc) };
  }

  check(entries: CheckInEntries, doc?: CheckIn): FieldError[] {
    const errors: FieldError[] = [];
    for (const d of DOMAINS) {
      const e = entries[d];
      if (e && !e.mood) errors.push({ path: `moods.${d}.mood`, rule: 'required', message: 'pick-face' });
    }
    const built = doc ?? {
      id: 'x',
      youngPersonId: this.options.youngPersonId ?? 'x',
      author: 'young-person',
      at: new Date().toISOString(),
      locale: this.state.locale,
      moods: moodsOf(entries),
    };
    const r = validateCheckIn(built, { locale: this.state.locale });
    if (!r.ok) {
      for (const e of r.errors) {
        if (e.path === 'moods' && e.rule === 'minProperties') {
          if (!errors.length) errors.push({ path: 'moods', rule: 'minProperties', message: 'need-one' });
        } else errors.push(e);
      }
    }
    return errors;
  }

  async submit(): Promise<boolean> {
    if (this.state.readOnly) return false;
    const { doc, errors } = this.build();
    if (errors.length) {
      this.bridge.update({ errors });
      this.bridge.emit('onward-invalid', { widget: 'check-in', errors });
      return false;
    }
    this.bridge.update({ errors: [], sent: doc });
    this.bridge.emit('onward-submit', { widget: 'check-in', value: doc });
    // Start the next check-in empty; the sent one belongs to the host now.
    this.bridge.update({ entries: {} });
    this.autosave.change({});
    // Written now, not later: a host that puts the sent answers back in the drafts when its own send fails, then
    // rebuilds the widget, must not have them overwritten by this empty draft arriving late.
    this.autosave.saveDraftNow();
    return true;
  }
}

function moodsOf(entries: CheckInEntries): CheckInMoods {
  const out: Record<string, CheckInEntry> = {};
  for (const d of DOMAINS) {
    const e = entries[d];
    if (e?.mood) out[d] = { mood: e.mood, ...(e.help ? { help: true } : {}), ...(e.note ? { note: e.note } : {}) };
  }
  return out as CheckInMoods;
}

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `ci-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
