// The checklist's store: fine-grained signals, the engine calls that change answers, and autosave.
// Snapshot in (a checklist document), events out (onward-change, onward-submit, ...).
//
// State is not one signal holding everything: each question has its own signal (its answer, or the note and help
// flag typed before answering), and each piece of view state (section, locale, variant, errors, save status, ...)
// has its own. The document is a signal too, kept in step with the answers. A view reads only the signals it shows,
// so answering a question renders that question's card and the progress figures, nothing else. Words are resolved
// once per locale and variant (see shared/words.ts). Local drafts are written off the input path (Autosave's
// draftDelayMs), so a keystroke costs no JSON of the whole checklist.
import {
  type Answer,
  type AnsweredBy,
  type AnswerValue,
  type AnyChecklist,
  type ChecklistProgress,
  checklistProgress,
  clearAnswer,
  type DomainId,
  emptyChecklist,
  type FieldError,
  getAnswer,
  NOTE_LIMIT,
  type QuestionSet,
  questionSet,
  setAnswer,
  type Variant,
  validateChecklist,
  type Wording,
} from '@onward/engine';
import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { checklistStrings } from '../i18n/checklist.js';
import { common } from '../i18n/common.js';
import { Autosave, type Draft, type SaveStatus } from '../shared/autosave.js';
import { uid } from '../shared/bridge.js';
import type { ChecklistSave, Emit, PendingNotes } from '../shared/events.js';
import type { StorageAdapter } from '../shared/storage.js';
import { DRAFT_DELAY_MS } from '../shared/timing.js';
import { defaultWording, ensureLocale } from '../shared/wording.js';
import { resolveWords, type Words } from '../shared/words.js';

export interface ChecklistOptions {
  /** The checklist to show (snapshot in). Default: an empty checklist of the question set. */
  readonly value?: AnyChecklist;
  /** Question-set version for a new checklist. Default: the current version. Ignored when `value` is given. */
  readonly questionSetVersion?: number;
  /** BCP 47 locale of the wording, e.g. `en-GB`, `cy`. Default `en-GB`. */
  readonly locale?: string;
  /** `standard` or `easy` (easy read). The young person can switch at any time. Default `standard`. */
  readonly variant?: Variant;
  /** Text direction; default from the locale file. */
  readonly dir?: 'ltr' | 'rtl';
  /** Who is answering: recorded on every answer. Default `young-person`. */
  readonly answeredBy?: AnsweredBy;
  /** Wording to use; default the shipped locales. */
  readonly wording?: Wording;
  /** The host's storage. Work is also kept as a local draft first. */
  readonly storage?: StorageAdapter<ChecklistSave>;
  /** Where local drafts go; default localStorage (or memory when it cannot be used). */
  readonly drafts?: StorageAdapter<Draft<ChecklistSave>>;
  /** Key for storage and drafts; make it unique per young person. Default `checklist`. */
  readonly storageKey?: string;
  /** Show answers without letting them change. */
  readonly readOnly?: boolean;
  /** Validation errors to show from elsewhere (e.g. the server). */
  readonly errors?: readonly FieldError[];
  /** Milliseconds between the last change and the host save. Default 500. */
  readonly saveDelayMs?: number;
  /** Retry delays in ms after a failed save. */
  readonly retryDelaysMs?: readonly number[];
}

/** A snapshot of the whole state, for hosts and tests. Views read the signals instead. */
export interface ChecklistState {
  readonly doc: AnyChecklist;
  readonly pending: PendingNotes;
  readonly domainIndex: number;
  readonly variant: Variant;
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl' | undefined;
  readonly readOnly: boolean;
  readonly errors: readonly FieldError[];
  readonly status: SaveStatus;
  readonly submitted: boolean;
  /** False until stored work has been restored. */
  readonly ready: boolean;
}

/** What a question's card shows: its answer if any, and the note and help flag (typed before answering, or not). */
export interface QuestionField {
  readonly value: AnswerValue | undefined;
  readonly note: string;
  readonly help: boolean;
}

/** An error as the widget shows it. */
export interface ChecklistMessage {
  /** DOM id of the field to focus. */
  readonly id: string;
  readonly message: string;
  /** The section the field is in, when it is a question's. */
  readonly domainIndex?: number;
}

type Pending = PendingNotes[string];

const EMPTY: QuestionField = { value: undefined, note: '', help: false };

function fieldOf(a: Answer | undefined, p: Pending | undefined): QuestionField {
  if (a) return { value: a.value, note: a.note ?? '', help: Boolean(a.help) };
  if (p) return { value: undefined, note: p.note ?? '', help: Boolean(p.help) };
  return EMPTY;
}

export class ChecklistStore {
  readonly set: QuestionSet;
  readonly wording: Wording;
  readonly id = uid('cl');
  // One signal per piece of view state.
  readonly domainIndex = signal(0);
  readonly variant: Signal<Variant>;
  readonly locale: Signal<string>;
  readonly dir: Signal<'ltr' | 'rtl' | undefined>;
  readonly readOnly: Signal<boolean>;
  readonly errors: Signal<readonly FieldError[]>;
  readonly status = signal<SaveStatus>('idle');
  readonly submitted = signal(false);
  readonly ready = signal(false);
  /** The document, kept in step with the per-question signals (read it to save or send; views read fields). */
  readonly doc: Signal<AnyChecklist>;
  /** Bumped when a locale file is added to the wording, so words are resolved again. */
  private readonly wordingRev = signal(0);
  /** The words for the current locale and variant, resolved once per change of either. */
  readonly words: ReadonlySignal<Words>;
  readonly progress: ReadonlySignal<ChecklistProgress>;
  /** The errors in words, each with the DOM id of its field and the section it is in. */
  readonly messages: ReadonlySignal<readonly ChecklistMessage[]>;
  /** Field DOM id → message, for the cards. */
  readonly fieldErrors: ReadonlySignal<ReadonlyMap<string, string>>;
  private readonly fields = new Map<string, Signal<QuestionField>>();
  private pending: PendingNotes = {};
  private readonly emit: Emit;
  private readonly autosave: Autosave<ChecklistSave>;
  private readonly answeredBy: AnsweredBy;
  private started = false;

  constructor(
    readonly options: ChecklistOptions,
    emit: Emit,
  ) {
    this.emit = emit;
    this.wording = options.wording ?? defaultWording();
    this.set = questionSet(options.value?.version ?? options.questionSetVersion);
    this.answeredBy = options.answeredBy ?? 'young-person';
    this.variant = signal(options.variant ?? 'standard');
    this.locale = signal(options.locale ?? 'en-GB');
    this.dir = signal(options.dir);
    this.readOnly = signal(options.readOnly ?? false);
    this.errors = signal(options.errors ?? []);
    const doc = options.value ?? emptyChecklist(this.set);
    this.doc = signal(doc);
    for (const q of this.set.questions) this.fields.set(q.id, signal(fieldOf(getAnswer(doc, q.id), undefined)));
    this.words = computed(() => {
      this.wordingRev.value;
      return resolveWords(
        this.wording,
        [common, checklistStrings],
        this.locale.value,
        this.variant.value,
        this.dir.value,
      );
    });
    this.progress = computed(() => checklistProgress(this.set, this.doc.value));
    this.messages = computed(() => {
      const words = this.words.value;
      return this.errors.value.map((e) => this.toMessage(e, words));
    });
    this.fieldErrors = computed(() => new Map(this.messages.value.map((m) => [m.id, m.message])));
    const key = options.storageKey ?? 'checklist';
    this.autosave = new Autosave<ChecklistSave>({
      key,
      ...(options.storage ? { storage: options.storage } : {}),
      ...(options.drafts ? { drafts: options.drafts } : {}),
      debounceMs: options.saveDelayMs ?? 500,
      draftDelayMs: DRAFT_DELAY_MS,
      ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
      onStatus: (status) => {
        this.status.value = status;
      },
      onSaved: (k) => this.emit('onward-save', { widget: 'checklist', key: k }),
      onError: (info) => this.emit('onward-save-error', { widget: 'checklist', ...info }),
    });
  }

  /** The whole state at this moment (a new object each time). */
  get state(): ChecklistState {
    return {
      doc: this.doc.peek(),
      pending: this.pending,
      domainIndex: this.domainIndex.peek(),
      variant: this.variant.peek(),
      locale: this.locale.peek(),
      dir: this.dir.peek(),
      readOnly: this.readOnly.peek(),
      errors: this.errors.peek(),
      status: this.status.peek(),
      submitted: this.submitted.peek(),
      ready: this.ready.peek(),
    };
  }

  /** Restore saved work (a draft the host never confirmed wins). Call once when the widget appears. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await ensureLocale(this.wording, this.locale.peek());
    this.wordingRev.value++;
    if (this.readOnly.peek()) {
      this.ready.value = true;
      return;
    }
    const saved = await this.autosave.restore();
    batch(() => {
      if (saved?.checklist && saved.checklist.version === this.set.version) {
        this.replace(saved.checklist, saved.pending ?? {});
        if (saved.variant) this.variant.value = saved.variant;
      }
      this.ready.value = true;
    });
  }

  dispose(): void {
    this.autosave.dispose();
  }

  /** Replace the checklist shown (the host's snapshot). Typed notes on unanswered questions are kept. */
  load(doc: AnyChecklist): void {
    this.replace(doc, this.pending);
  }

  /** Set the document and pending notes, waking only the questions whose field changed. */
  private replace(doc: AnyChecklist, pending: PendingNotes): void {
    const before = this.doc.peek();
    const pendingBefore = this.pending;
    this.pending = pending;
    batch(() => {
      this.doc.value = doc;
      for (const q of this.set.questions) {
        const a = getAnswer(doc, q.id);
        const p = pending[q.id];
        if (a !== getAnswer(before, q.id) || p !== pendingBefore[q.id]) this.fields.get(q.id)!.value = fieldOf(a, p);
      }
    });
  }

  setLocale(locale: string): void {
    void ensureLocale(this.wording, locale).then(() => {
      batch(() => {
        this.wordingRev.value++;
        this.locale.value = locale;
      });
    });
  }

  setReadOnly(readOnly: boolean): void {
    this.readOnly.value = readOnly;
  }

  setErrors(errors: readonly FieldError[]): void {
    this.errors.value = errors;
  }

  setVariant(variant: Variant): void {
    if (variant === this.variant.peek()) return;
    this.variant.value = variant;
    this.emit('onward-variant-change', { widget: 'checklist', variant });
    this.persist();
  }

  toggleVariant(): void {
    this.setVariant(this.variant.peek() === 'easy' ? 'standard' : 'easy');
  }

  goTo(domainIndex: number): void {
    this.domainIndex.value = Math.max(0, Math.min(this.set.domains.length - 1, domainIndex));
  }

  get domainId(): DomainId {
    return this.set.domains[this.domainIndex.peek()]!.id;
  }

  /** A DOM id for a part of a question's card (`yes`, `note`, `help`, ...), unique in the page. */
  fieldId(questionId: string, part: string): string {
    return `${this.id}-${questionId.replace('.', '-')}-${part}`;
  }

  private toMessage(e: FieldError, words: Words): ChecklistMessage {
    // answers.<domain>.<key>[.note|.value|...]
    const { t } = words;
    const parts = e.path.split('.');
    const qid = parts[0] === 'answers' && parts.length >= 3 ? `${parts[1]}.${parts[2]}` : undefined;
    const q = qid ? this.set.byId.get(qid) : undefined;
    if (!q) return { id: `${this.id}-overall`, message: e.message };
    const domainIndex = this.set.domains.findIndex((d) => d.id === q.domain);
    const question = words.question(q).text;
    if (parts[3] === 'note' && e.rule === 'maxLength')
      return {
        id: this.fieldId(q.id, 'note'),
        message: t('common.tooLong', { field: t('checklist.noteField', { question }), limit: NOTE_LIMIT }),
        domainIndex,
      };
    if (e.message === 'pending-answer')
      return { id: this.fieldId(q.id, 'yes'), message: t('checklist.pendingAnswer', { question }), domainIndex };
    return {
      id: this.fieldId(q.id, parts[3] === 'note' ? 'note' : 'yes'),
      message: `${question}: ${e.message}`,
      domainIndex,
    };
  }

  /** The signal of one question's field: a card reads this and nothing else that changes per answer. */
  fieldSignal(questionId: string): ReadonlySignal<QuestionField> {
    const f = this.fields.get(questionId);
    if (!f) throw new Error(`"${questionId}" is not a question in this checklist.`);
    return f;
  }

  /** The note, help flag and value shown for a question (answered or not). */
  field(questionId: string): QuestionField {
    return this.fieldSignal(questionId).peek();
  }

  answer(questionId: string, value: AnswerValue): void {
    if (this.readOnly.peek()) return;
    const { note, help } = this.field(questionId);
    this.write(questionId, value, note, help);
  }

  /** Remove an answer; a note or help flag typed for it is kept (as pending) so nothing typed is lost. */
  clear(questionId: string): void {
    if (this.readOnly.peek()) return;
    const { note, help } = this.field(questionId);
    const pending = { ...this.pending };
    if (note || help) pending[questionId] = { ...(note ? { note } : {}), ...(help ? { help } : {}) };
    this.commit(clearAnswer(this.doc.peek(), questionId), pending, questionId);
  }

  setNote(questionId: string, note: string): void {
    if (this.readOnly.peek()) return;
    const f = this.field(questionId);
    this.write(questionId, f.value, note, f.help);
  }

  setHelp(questionId: string, help: boolean): void {
    if (this.readOnly.peek()) return;
    const f = this.field(questionId);
    this.write(questionId, f.value, f.note, help);
  }

  private write(questionId: string, value: AnswerValue | undefined, note: string, help: boolean): void {
    const pending = { ...this.pending };
    let doc = this.doc.peek();
    if (value) {
      const shown = this.words.peek().question(questionId);
      doc = setAnswer(
        this.set,
        doc,
        questionId,
        { value, note, help },
        { by: this.answeredBy, locale: shown.locale, variant: shown.variant },
      );
      delete pending[questionId];
    } else if (note || help) {
      pending[questionId] = { ...(note ? { note } : {}), ...(help ? { help } : {}) };
    } else {
      delete pending[questionId];
    }
    this.commit(doc, pending, questionId);
  }

  private commit(doc: AnyChecklist, pending: PendingNotes, questionId: string): void {
    const errors = this.errors.peek().length ? this.check(doc, pending) : this.errors.peek();
    this.pending = pending;
    batch(() => {
      this.doc.value = doc;
      this.fields.get(questionId)!.value = fieldOf(getAnswer(doc, questionId), pending[questionId]);
      this.errors.value = errors;
      this.submitted.value = false;
    });
    this.emit('onward-change', { widget: 'checklist', value: this.saveValue(), questionId });
    this.persist();
  }

  private saveValue(): ChecklistSave {
    return { checklist: this.doc.peek(), pending: this.pending, variant: this.variant.peek() };
  }

  private persist(): void {
    this.autosave.change(this.saveValue());
  }

  /** Validation problems: the schema's (e.g. a note too long) and notes typed on questions with no answer. */
  check(doc: AnyChecklist = this.doc.peek(), pending: PendingNotes = this.pending): FieldError[] {
    const r = validateChecklist(doc, { locale: this.locale.peek() });
    const errors: FieldError[] = r.ok ? [] : [...r.errors];
    for (const [qid, p] of Object.entries(pending)) {
      if (p.note || p.help) {
        const [d, k] = [qid.slice(0, qid.indexOf('.')), qid.slice(qid.indexOf('.') + 1)];
        errors.push({ path: `answers.${d}.${k}.value`, rule: 'required', message: 'pending-answer' });
      }
    }
    return errors;
  }

  /** Validate and send. Returns true when sent. */
  async submit(): Promise<boolean> {
    if (this.readOnly.peek()) return false;
    const errors = this.check();
    if (errors.length) {
      this.errors.value = errors;
      this.emit('onward-invalid', { widget: 'checklist', errors });
      return false;
    }
    this.errors.value = [];
    await this.autosave.flush();
    this.submitted.value = true;
    this.emit('onward-submit', { widget: 'checklist', value: this.doc.peek() });
    return true;
  }
}
