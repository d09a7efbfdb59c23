// <onward-check-in>: the smiley check-in as a custom element.
import type { CheckIn, Wording } from '@onward/engine';
import type { CheckInEntries, CheckInOptions, CheckInStore } from '../check-in/check-in.store.js';
import type { Draft } from '../shared/autosave.js';
import type { StorageAdapter } from '../shared/storage.js';
import { boolAttr, OnwardElement } from './base.js';
import { COMMON_ATTRIBUTES, dirOf, localeOf, storageOf, variantOf } from './shared-attrs.js';

/**
 * `<onward-check-in young-person-id="yp-123">`. Attributes: young-person-id, viewer-role, locale, variant, dir,
 * read-only, storage, storage-key. Properties: value (a sent check-in to show), storage, drafts, wording.
 */
export class OnwardCheckInElement extends OnwardElement<CheckInStore, CheckInOptions> {
  static observedAttributes = [...COMMON_ATTRIBUTES, 'young-person-id', 'viewer-role'];
  protected static override readonly props = ['value', 'storage', 'drafts', 'wording'];

  // Loaded on demand so that a page showing only the checklist never downloads the check-in.
  protected loader() {
    return () => import('./check-in-impl.js').then((m) => m.checkInImpl);
  }

  protected options(): CheckInOptions {
    const storage = storageOf<CheckInEntries>(this, this.props.storage);
    const youngPersonId = this.getAttribute('young-person-id');
    const viewerRole = this.getAttribute('viewer-role');
    return {
      locale: localeOf(this),
      variant: variantOf(this),
      dir: dirOf(this),
      readOnly: boolAttr(this, 'read-only'),
      storageKey: this.getAttribute('storage-key') ?? 'check-in',
      ...(youngPersonId ? { youngPersonId } : {}),
      ...(viewerRole ? { viewerRole } : {}),
      ...(this.props.value ? { value: this.props.value as CheckIn } : {}),
      ...(storage ? { storage } : {}),
      ...(this.props.drafts ? { drafts: this.props.drafts as StorageAdapter<Draft<CheckInEntries>> } : {}),
      ...(this.props.wording ? { wording: this.props.wording as Wording } : {}),
    };
  }

  /** A sent check-in to show read-only. */
  get value(): CheckIn | undefined {
    return this.props.value as CheckIn | undefined;
  }
  set value(v: CheckIn | undefined) {
    this.setProp('value', v);
  }
  get storage(): StorageAdapter<CheckInEntries> | undefined {
    return this.props.storage as StorageAdapter<CheckInEntries> | undefined;
  }
  set storage(v: StorageAdapter<CheckInEntries> | undefined) {
    this.setProp('storage', v);
  }
  get drafts(): StorageAdapter<Draft<CheckInEntries>> | undefined {
    return this.props.drafts as StorageAdapter<Draft<CheckInEntries>> | undefined;
  }
  set drafts(v: StorageAdapter<Draft<CheckInEntries>> | undefined) {
    this.setProp('drafts', v);
  }
  get wording(): Wording | undefined {
    return this.props.wording as Wording | undefined;
  }
  set wording(v: Wording | undefined) {
    this.setProp('wording', v);
  }
  submit(): Promise<boolean> {
    return this.store?.submit() ?? Promise.resolve(false);
  }
}
