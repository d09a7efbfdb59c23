// <onward-checklist>: the outcomes checklist as a custom element.
import type { AnsweredBy, AnyChecklist, FieldError, Wording } from '@onward/engine';
import { ChecklistView } from '../checklist/checklist.js';
import type { ChecklistOptions } from '../checklist/checklist.store.js';
import { ChecklistStore } from '../checklist/checklist.store.js';
import type { Draft } from '../shared/autosave.js';
import type { ChecklistSave } from '../shared/events.js';
import type { StorageAdapter } from '../shared/storage.js';
import { baseCss } from '../styles/base.css.js';
import { boolAttr, OnwardElement, preactImpl, type WidgetImpl } from './base.js';
import { COMMON_ATTRIBUTES, dirOf, localeOf, storageOf, variantOf } from './shared-attrs.js';

const impl: WidgetImpl<ChecklistStore, ChecklistOptions> = preactImpl(
  baseCss,
  (o: ChecklistOptions, emit) => new ChecklistStore(o, emit),
  ChecklistView,
);

/**
 * `<onward-checklist locale="cy" variant="easy" storage-key="yp-123">`. Attributes: locale, variant, dir,
 * read-only, storage ("local" | "memory"), storage-key, answered-by, question-set-version. Properties: value,
 * storage, drafts, wording, errors.
 */
export class OnwardChecklistElement extends OnwardElement<ChecklistStore, ChecklistOptions> {
  static observedAttributes = [...COMMON_ATTRIBUTES, 'answered-by', 'question-set-version'];
  protected static override readonly props = ['value', 'storage', 'drafts', 'wording', 'errors'];

  protected loader() {
    return () => impl;
  }

  protected options(): ChecklistOptions {
    const v = this.getAttribute('question-set-version');
    const storage = storageOf<ChecklistSave>(this, this.props.storage);
    return {
      locale: localeOf(this),
      variant: variantOf(this),
      dir: dirOf(this),
      readOnly: boolAttr(this, 'read-only'),
      storageKey: this.getAttribute('storage-key') ?? 'checklist',
      answeredBy: (this.getAttribute('answered-by') as AnsweredBy | null) ?? 'young-person',
      ...(v ? { questionSetVersion: Number(v) } : {}),
      ...(this.props.value ? { value: this.props.value as AnyChecklist } : {}),
      ...(storage ? { storage } : {}),
      ...(this.props.drafts ? { drafts: this.props.drafts as StorageAdapter<Draft<ChecklistSave>> } : {}),
      ...(this.props.wording ? { wording: this.props.wording as Wording } : {}),
      ...(this.props.errors ? { errors: this.props.errors as FieldError[] } : {}),
    };
  }

  /** The checklist shown (snapshot in). Reading it gives the current answers. */
  get value(): AnyChecklist | undefined {
    return this.store?.state.doc ?? (this.props.value as AnyChecklist | undefined);
  }
  set value(v: AnyChecklist | undefined) {
    this.props.value = v;
    if (v && this.store) this.store.load(v);
  }
  /** The host's StorageAdapter<ChecklistSave>. */
  get storage(): StorageAdapter<ChecklistSave> | undefined {
    return this.props.storage as StorageAdapter<ChecklistSave> | undefined;
  }
  set storage(v: StorageAdapter<ChecklistSave> | undefined) {
    this.setProp('storage', v);
  }
  /** Where local drafts go (default localStorage). */
  get drafts(): StorageAdapter<Draft<ChecklistSave>> | undefined {
    return this.props.drafts as StorageAdapter<Draft<ChecklistSave>> | undefined;
  }
  set drafts(v: StorageAdapter<Draft<ChecklistSave>> | undefined) {
    this.setProp('drafts', v);
  }
  /** Wording (the engine's Wording with the council's locale files). */
  get wording(): Wording | undefined {
    return this.props.wording as Wording | undefined;
  }
  set wording(v: Wording | undefined) {
    this.setProp('wording', v);
  }
  /** Errors to show, e.g. from the server. */
  get errors(): readonly FieldError[] | undefined {
    return this.props.errors as FieldError[] | undefined;
  }
  set errors(v: readonly FieldError[] | undefined) {
    this.props.errors = v;
    this.store?.setErrors(v ?? []);
  }
  /** Validate and send, as the "Send my answers" button does. */
  submit(): Promise<boolean> {
    return this.store?.submit() ?? Promise.resolve(false);
  }
}
