// The checklist's store: its one signal bridge, the engine calls that change answers, and autosave.
// Snapshot in (a checklist document), events out (onward-change, onward-submit, ...).
import {
  type AnsweredBy,
  type AnswerValue,
  type AnyChecklist,
  checklistProgress,
  clearAnswer,
  type DomainId,
  emptyChecklist,
  type FieldError,
  getAnswer,
  type QuestionSet,
  questionSet,
  setAnswer,
  type Variant,
  validateChecklist,
  type Wording,
} from '@onward/engine';
import { Autosave, type Draft, type SaveStatus } from '../shared/autosave.js';
import { type Bridge, createBridge, uid } from '../shared/bridge.js';
import type { ChecklistSave, Emit, PendingNotes } from '../shared/events.js';
import type { StorageAdapter } from '../shared/storage.js';
import { defaultWording, ensureLocale } from '../shared/wording.js';

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

export class ChecklistStore {
  readonly bridge: Bridge<ChecklistState>;
  readonly set: QuestionSet;
  readonly wording: Wording;
  readonly id = uid('cl');
  private readonly autosave: Autosave<ChecklistSave>;
  private readonly answeredBy: AnsweredBy;
  private started = false;

  constructor(
    readonly options: ChecklistOptions,
    emit: Emit,
  ) {
    this.wording = options.wording ?? defaultWording();
    this.set = questionSet(options.value?.version ?? options.questionSetVersion);
    this.answeredBy = options.answeredBy ?? 'young-person';
    this.bridge = createBridge<ChecklistState>(
      {
        doc: options.value ?? emptyChecklist(this.set),
        pending: {},
        domainIndex: 0,
        variant: options.variant ?? 'standard',
        locale: options.locale ?? 'en-GB',
        dir: options.dir,
        readOnly: options.readOnly ?? false,
        errors: options.errors ?? [],
        status: 'idle',
        submitted: false,
        ready: false,
      },
      emit,
    );
    const key = options.storageKey ?? 'checklist';
    this.autosave = new Autosave<ChecklistSave>({
      key,
      ...(options.storage ? { storage: options.storage } : {}),
      ...(options.drafts ? { drafts: options.drafts } : {}),
      debounceMs: options.saveDelayMs ?? 500,
      ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
      onStatus: (status) => this.bridge.update({ status }),
      onSaved: (k) => this.bridge.emit('onward-save', { widget: 'checklist', key: k }),
      onError: (info) => this.bridge.emit('onward-save-error', { widget: 'checklist', ...info }),
    });
  }

  get state(): ChecklistState {
    return this.bridge.get();
  }

  /** Restore saved work (a draft the host never confirmed wins). Call once when the widget appears. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await ensureLocale(this.wording, this.state.locale);
    if (this.state.readOnly) {
      this.bridge.update({ ready: true });
      return;
    }
    const saved = await this.autosave.restore();
    if (saved?.checklist && saved.checklist.version === this.set.version) {
      this.bridge.update({
        doc: saved.checklist,
        pending: saved.pending ?? {},
        ...(saved.variant ? { variant: saved.variant } : {}),
        ready: true,
      });
    } else {
      this.bridge.update({ ready: true });
    }
  }

  dispose(): void {
    this.autosave.dispose();
  }

  /** Replace the checklist shown (the host's snapshot). Typed notes on unanswered questions are kept. */
  load(doc: AnyChecklist): void {
    this.bridge.update({ doc });
  }

  setLocale(locale: string): void {
    void ensureLocale(this.wording, locale).then(() => this.bridge.update({ locale }));
  }

  setReadOnly(readOnly: boolean): void {
    this.bridge.update({ readOnly });
  }

  setErrors(errors: readonly FieldError[]): void {
    this.bridge.update({ errors });
  }

  setVariant(variant: Variant): void {
    if (variant === this.state.variant) return;
    this.bridge.update({ variant });
    this.bridge.emit('onward-variant-change', { widget: 'checklist', variant });
    this.persist();
  }

  toggleVariant(): void {
    this.setVariant(this.state.variant === 'easy' ? 'standard' : 'easy');
  }

  goTo(domainIndex: number): void {
    const i = Math.max(0, Math.min(this.set.domains.length - 1, domainIndex));
    this.bridge.update({ domainIndex: i });
  }

  get domainId(): DomainId {
    return this.set.domains[this.state.domainIndex]!.id;
  }

  progress() {
    return checklistProgress(this.set, this.state.doc);
  }

  /** The note, help flag and value shown for a question (answered or not). */
  field(questionId: string): { value: AnswerValue | undefined; note: string; help: boolean } {
    const a = getAnswer(this.state.doc, questionId);
    const p = this.state.pending[questionId];
    return { value: a?.value, note: a?.note ?? p?.note ?? '', help: a ? Boolean(a.help) : Boolean(p?.help) };
  }

  answer(questionId: string, value: AnswerValue): void {
    if (this.state.readOnly) return;
    const { note, help } = this.field(questionId);
    this.write(questionId, value, note, help);
  }

  /** Remove an answer; a note or help flag typed for it is kept (as pending) so nothing typed is lost. */
  clear(questionId: string): void {
    if (this.state.readOnly) return;
    const { note, help } = this.field(questionId);
    const pending = { ...this.state.pending };
    if (note || help) pending[questionId] = { ...(note ? { note } : {}), ...(help ? { help } : {}) };
    this.commit(clearAnswer(this.state.doc, questionId), pending, questionId);
  }

  setNote(questionId: string, note: string): void {
    if (this.state.readOnly) return;
    const f = this.field(questionId);
    this.write(questionId, f.value, note, f.help);
  }

  setHelp(questionId: string, help: boolean): void {
    if (this.state.readOnly) return;
    const f = this.field(questionId);
    this.write(questionId, f.value, f.note, help);
  }

  private write(questionId: string, value: AnswerValue | undefined, note: string, help: boolean): void {
    const pending = { ...this.state.pending };
    let doc = this.state.doc;
    if (value) {
      const shown = this.wording.question(questionId, { locale: this.state.locale, variant: this.state.variant });
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
    const errors = this.state.errors.length ? this.check(doc, pending) : this.state.errors;
    this.bridge.update({ doc, pending, errors, submitted: false });
    this.bridge.emit('onward-change', { widget: 'checklist', value: this.saveValue(), questionId });
    this.persist();
  }

  private saveValue(): ChecklistSave {
    return { checklist: this.state.doc, pending: this.state.pending, variant: this.state.variant };
  }

  private persist(): void {
    this.autosave.change(this.saveValue());
  }

  /** Validation problems: the schema's (e.g. a note too long) and notes typed on questions with no answer. */
  check(doc: AnyChecklist = this.state.doc, pending: PendingNotes = this.state.pending): FieldError[] {
    const r = validateChecklist(doc, { locale: this.state.locale });
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
    if (this.state.readOnly) return false;
    const errors = this.check();
    if (errors.length) {
      this.bridge.update({ errors });
      this.bridge.emit('onward-invalid', { widget: 'checklist', errors });
      return false;
    }
    this.bridge.update({ errors: [] });
    await this.autosave.flush();
    this.bridge.update({ submitted: true });
    this.bridge.emit('onward-submit', { widget: 'checklist', value: this.state.doc });
    return true;
  }
}
