// <onward-plan>: the pathway plan as a custom element. Its code loads on demand.
import type { Actor, LifecycleSnapshot, PathwayPlan, Role, Wording } from '@onward/engine';
import type { PlanMode, PlanOptions, PlanStore } from '../plan/plan.store.js';
import type { Draft } from '../shared/autosave.js';
import type { LoadPdfRenderer } from '../shared/pdf.js';
import type { StorageAdapter } from '../shared/storage.js';
import { boolAttr, OnwardElement } from './base.js';
import { dirOf, localeOf, storageOf, variantOf } from './shared-attrs.js';

/**
 * `<onward-plan viewer-role="pa" viewer-id="pa-7" mode="edit">`. Attributes: viewer-role, viewer-id, mode
 * (read | edit | print), locale, variant, dir, read-only, storage, storage-key, council-name. Properties: value (the
 * plan; required), lifecycle (its lifecycle snapshot), viewer, storage, drafts, wording, loadPdfRenderer.
 */
export class OnwardPlanElement extends OnwardElement<PlanStore, PlanOptions> {
  static observedAttributes = [
    'locale',
    'variant',
    'dir',
    'read-only',
    'storage',
    'storage-key',
    'viewer-role',
    'viewer-id',
    'mode',
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
    return () => import('./plan-impl.js').then((m) => m.planImpl);
  }

  protected override canRender(): boolean {
    return Boolean(this.props.value);
  }

  protected options(): PlanOptions {
    const storage = storageOf<PathwayPlan>(this, this.props.storage);
    const viewer = (this.props.viewer as Actor | undefined) ?? {
      id: this.getAttribute('viewer-id') ?? '',
      role: (this.getAttribute('viewer-role') ?? 'young-person') as Role,
    };
    const mode = this.getAttribute('mode');
    const key = this.getAttribute('storage-key');
    const council = this.getAttribute('council-name');
    return {
      value: this.props.value as PathwayPlan,
      viewer,
      mode: mode === 'edit' || mode === 'print' ? (mode as PlanMode) : 'read',
      locale: localeOf(this),
      variant: variantOf(this),
      dir: dirOf(this),
      readOnly: boolAttr(this, 'read-only'),
      ...(key ? { storageKey: key } : {}),
      ...(council ? { councilName: council } : {}),
      ...(this.props.lifecycle ? { lifecycle: this.props.lifecycle as LifecycleSnapshot } : {}),
      ...(storage ? { storage } : {}),
      ...(this.props.drafts ? { drafts: this.props.drafts as StorageAdapter<Draft<PathwayPlan>> } : {}),
      ...(this.props.wording ? { wording: this.props.wording as Wording } : {}),
      ...(this.props.loadPdfRenderer ? { loadPdfRenderer: this.props.loadPdfRenderer as LoadPdfRenderer } : {}),
    };
  }

  /** The pathway plan (required). */
  get value(): PathwayPlan | undefined {
    return this.store?.state.plan ?? (this.props.value as PathwayPlan | undefined);
  }
  set value(v: PathwayPlan | undefined) {
    if (v && this.store) {
      this.props.value = v;
      this.store.load(v);
    } else this.setProp('value', v);
  }
  /** The plan's lifecycle snapshot; decides which actions are shown. */
  get lifecycle(): LifecycleSnapshot | undefined {
    return this.props.lifecycle as LifecycleSnapshot | undefined;
  }
  set lifecycle(v: LifecycleSnapshot | undefined) {
    this.props.lifecycle = v;
    if (this.store) this.store.setLifecycle(v);
    else this.setProp('lifecycle', v);
  }
  /** Who is looking ({ id, role }); overrides viewer-id and viewer-role. */
  get viewer(): Actor | undefined {
    return this.props.viewer as Actor | undefined;
  }
  set viewer(v: Actor | undefined) {
    this.setProp('viewer', v);
  }
  get storage(): StorageAdapter<PathwayPlan> | undefined {
    return this.props.storage as StorageAdapter<PathwayPlan> | undefined;
  }
  set storage(v: StorageAdapter<PathwayPlan> | undefined) {
    this.setProp('storage', v);
  }
  get drafts(): StorageAdapter<Draft<PathwayPlan>> | undefined {
    return this.props.drafts as StorageAdapter<Draft<PathwayPlan>> | undefined;
  }
  set drafts(v: StorageAdapter<Draft<PathwayPlan>> | undefined) {
    this.setProp('drafts', v);
  }
  get wording(): Wording | undefined {
    return this.props.wording as Wording | undefined;
  }
  set wording(v: Wording | undefined) {
    this.setProp('wording', v);
  }
  /** Loads the PDF renderer on demand, e.g. a function that dynamically imports the @onward/pdf package. */
  get loadPdfRenderer(): LoadPdfRenderer | undefined {
    return this.props.loadPdfRenderer as LoadPdfRenderer | undefined;
  }
  set loadPdfRenderer(v: LoadPdfRenderer | undefined) {
    this.setProp('loadPdfRenderer', v);
  }
}
