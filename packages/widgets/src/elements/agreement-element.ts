// <onward-agreement>: the Living Together Agreement as a custom element. Its code loads on demand.
import type { LifecycleSnapshot, LivingTogetherAgreement, Wording } from '@onward/engine';
import type { AgreementOptions, AgreementStore, AgreementViewer } from '../agreement/agreement.store.js';
import type { Draft } from '../shared/autosave.js';
import type { LoadPdfRenderer } from '../shared/pdf.js';
import type { StorageAdapter } from '../shared/storage.js';
import { boolAttr, OnwardElement } from './base.js';
import { dirOf, localeOf, storageOf, variantOf } from './shared-attrs.js';

/**
 * `<onward-agreement viewer-role="carer" viewer-id="carer-1">`. Attributes: viewer-role, viewer-id, viewer-name,
 * locale, variant, dir, read-only, storage, storage-key, council-name. Properties: value (the agreement; required),
 * lifecycle (Staying Put snapshot), viewer, storage, drafts, wording, loadPdfRenderer.
 */
export class OnwardAgreementElement extends OnwardElement<AgreementStore, AgreementOptions> {
  static observedAttributes = [
    'locale',
    'dir',
    'read-only',
    'storage',
    'storage-key',
    'viewer-role',
    'viewer-id',
    'viewer-name',
    'council-name',
  ];
  protected static override readonly props = [
    'value',
    'lifecycle',
    'viewer',
    'storage',
    'drafts',
    'wording',
    'loadPdfRenderer',
  ];

  protected loader() {
    return () => import('./agreement-impl.js').then((m) => m.agreementImpl);
  }

  protected override canRender(): boolean {
    return Boolean(this.props.value);
  }

  protected options(): AgreementOptions {
    const storage = storageOf<LivingTogetherAgreement>(this, this.props.storage);
    const name = this.getAttribute('viewer-name');
    const viewer = (this.props.viewer as AgreementViewer | undefined) ?? {
      id: this.getAttribute('viewer-id') ?? '',
      role: this.getAttribute('viewer-role') ?? 'young-person',
      ...(name ? { name } : {}),
    };
    const key = this.getAttribute('storage-key');
    const council = this.getAttribute('council-name');
    return {
      value: this.props.value as LivingTogetherAgreement,
      viewer,
      locale: localeOf(this),
      variant: variantOf(this),
      dir: dirOf(this),
      readOnly: boolAttr(this, 'read-only'),
      ...(key ? { storageKey: key } : {}),
      ...(council ? { councilName: council } : {}),
      ...(this.props.lifecycle ? { lifecycle: this.props.lifecycle as LifecycleSnapshot } : {}),
      ...(storage ? { storage } : {}),
      ...(this.props.drafts ? { drafts: this.props.drafts as StorageAdapter<Draft<LivingTogetherAgreement>> } : {}),
      ...(this.props.wording ? { wording: this.props.wording as Wording } : {}),
      ...(this.props.loadPdfRenderer ? { loadPdfRenderer: this.props.loadPdfRenderer as LoadPdfRenderer } : {}),
    };
  }

  /** The agreement (required). */
  get value(): LivingTogetherAgreement | undefined {
    return this.store?.state.agreement ?? (this.props.value as LivingTogetherAgreement | undefined);
  }
  set value(v: LivingTogetherAgreement | undefined) {
    if (v && this.store) {
      this.props.value = v;
      this.store.load(v);
    } else this.setProp('value', v);
  }
  get lifecycle(): LifecycleSnapshot | undefined {
    return this.props.lifecycle as LifecycleSnapshot | undefined;
  }
  set lifecycle(v: LifecycleSnapshot | undefined) {
    this.setProp('lifecycle', v);
  }
  get viewer(): AgreementViewer | undefined {
    return this.props.viewer as AgreementViewer | undefined;
  }
  set viewer(v: AgreementViewer | undefined) {
    this.setProp('viewer', v);
  }
  get storage(): StorageAdapter<LivingTogetherAgreement> | undefined {
    return this.props.storage as StorageAdapter<LivingTogetherAgreement> | undefined;
  }
  set storage(v: StorageAdapter<LivingTogetherAgreement> | undefined) {
    this.setProp('storage', v);
  }
  get drafts(): StorageAdapter<Draft<LivingTogetherAgreement>> | undefined {
    return this.props.drafts as StorageAdapter<Draft<LivingTogetherAgreement>> | undefined;
  }
  set drafts(v: StorageAdapter<Draft<LivingTogetherAgreement>> | undefined) {
    this.setProp('drafts', v);
  }
  get wording(): Wording | undefined {
    return this.props.wording as Wording | undefined;
  }
  set wording(v: Wording | undefined) {
    this.setProp('wording', v);
  }
  get loadPdfRenderer(): LoadPdfRenderer | undefined {
    return this.props.loadPdfRenderer as LoadPdfRenderer | undefined;
  }
  set loadPdfRenderer(v: LoadPdfRenderer | undefined) {
    this.setProp('loadPdfRenderer', v);
  }
}
