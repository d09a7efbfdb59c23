// The pathway plan's store: one signal bridge; the PA's edits (autosaved); lifecycle actions the engine allows
// for the viewer; the PDF through an injected renderer.
import {
  type Actor,
  allowedEvents,
  type FieldError,
  type LifecycleSnapshot,
  type PathwayPlan,
  type Variant,
  validatePlan,
  type Wording,
} from '@onward/engine';
import { common } from '../i18n/common.js';
import { planStrings } from '../i18n/plan.js';
import { Autosave, type Draft, type SaveStatus } from '../shared/autosave.js';
import { type Bridge, createBridge, uid } from '../shared/bridge.js';
import type { Emit } from '../shared/events.js';
import { append, newId, removeAt, setPath } from '../shared/paths.js';
import { downloadBytes, type LoadPdfRenderer } from '../shared/pdf.js';
import type { StorageAdapter } from '../shared/storage.js';
import { DRAFT_DELAY_MS } from '../shared/timing.js';
import { defaultWording, ensureLocale } from '../shared/wording.js';
import { wordsCache } from '../shared/words.js';

/** The lifecycle actions the plan widget offers as buttons, when the engine allows them. */
export const PLAN_ACTIONS = ['plan.submit', 'plan.authorise', 'plan.return'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Roles that write the plan's sections (goals, actions, contingency, notes). */
const WRITERS = new Set(['pa', 'social-worker']);
/** States in which the plan can be edited. */
const EDITABLE_STATES = new Set(['draft', 'returned', 'underReview']);

export type PlanMode = 'read' | 'edit' | 'print';

export interface PlanOptions {
  /** The plan to show (snapshot in). */
  readonly value: PathwayPlan;
  /** The plan's lifecycle snapshot (from the server); decides which actions are offered. */
  readonly lifecycle?: LifecycleSnapshot;
  /** Who is looking: their id and role. Default a young person with no id (read only, no actions). */
  readonly viewer?: Actor;
  /** `read` (default for most roles), `edit` (the PA's editor) or `print` (the accessible HTML of the PDF). */
  readonly mode?: PlanMode;
  readonly locale?: string;
  readonly variant?: Variant;
  readonly dir?: 'ltr' | 'rtl';
  readonly wording?: Wording;
  readonly readOnly?: boolean;
  readonly storage?: StorageAdapter<PathwayPlan>;
  readonly drafts?: StorageAdapter<Draft<PathwayPlan>>;
  /** Default `plan:<plan id>`. */
  readonly storageKey?: string;
  /** Loads the PDF renderer on demand, e.g. a function that dynamically imports the @onward/pdf package. Without it there is no PDF button. */
  readonly loadPdfRenderer?: LoadPdfRenderer;
  /** The council's name, for the PDF. */
  readonly councilName?: string;
  readonly saveDelayMs?: number;
  readonly retryDelaysMs?: readonly number[];
}

export interface PlanState {
  readonly plan: PathwayPlan;
  readonly lifecycle: LifecycleSnapshot | undefined;
  readonly viewer: Actor;
  readonly mode: PlanMode;
  readonly locale: string;
  readonly variant: Variant;
  readonly dir: 'ltr' | 'rtl' | undefined;
  readonly errors: readonly FieldError[];
  readonly status: SaveStatus;
  readonly returning: boolean;
  readonly returnComment: string;
  readonly pdf: 'idle' | 'busy' | 'failed';
  readonly ready: boolean;
}

export class PlanStore {
  readonly bridge: Bridge<PlanState>;
  readonly wording: Wording;
  /** The words for a locale, variant and direction, resolved once per change of any of them. */
  readonly words: ReturnType<typeof wordsCache>;
  readonly id = uid('pl');
  private readonly autosave: Autosave<PathwayPlan> | undefined;
  private started = false;

  constructor(
    private readonly options: PlanOptions,
    emit: Emit,
  ) {
    if (!options.value || typeof options.value !== 'object')
      throw new TypeError('plan: a pathway plan (value) is required.');
    this.wording = options.wording ?? defaultWording();
    this.words = wordsCache(this.wording, [common, planStrings]);
    const viewer = options.viewer ?? { id: '', role: 'young-person' };
    this.bridge = createBridge<PlanState>(
      {
        plan: options.value,
        lifecycle: options.lifecycle,
        viewer,
        mode: options.mode ?? 'read',
        locale: options.locale ?? options.value.youngPerson.language ?? 'en-GB',
        variant: options.variant ?? 'standard',
        dir: options.dir,
        errors: [],
        status: 'idle',
        returning: false,
        returnComment: '',
        pdf: 'idle',
        ready: false,
      },
      emit,
    );
    if (this.canEditAnything()) {
      this.autosave = new Autosave<PathwayPlan>({
        key: options.storageKey ?? `plan:${options.value.id}`,
        ...(options.storage ? { storage: options.storage } : {}),
        ...(options.drafts ? { drafts: options.drafts } : {}),
        debounceMs: options.saveDelayMs ?? 500,
        draftDelayMs: DRAFT_DELAY_MS,
        ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
        onStatus: (status) => this.bridge.update({ status }),
        onSaved: (key) => this.bridge.emit('onward-save', { widget: 'plan', key }),
        onError: (info) => this.bridge.emit('onward-save-error', { widget: 'plan', ...info }),
      });
    }
  }

  get state(): PlanState {
    return this.bridge.get();
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await ensureLocale(this.wording, this.state.locale);
    const saved = this.autosave ? await this.autosave.restore() : undefined;
    this.bridge.update({ ...(saved && saved.id === this.state.plan.id ? { plan: saved } : {}), ready: true });
  }

  dispose(): void {
    this.autosave?.dispose();
  }

  load(plan: PathwayPlan): void {
    this.bridge.update({ plan });
  }
  setLocale(locale: string): void {
    void ensureLocale(this.wording, locale).then(() => this.bridge.update({ locale }));
  }
  setLifecycle(lifecycle: LifecycleSnapshot | undefined): void {
    this.bridge.update({ lifecycle });
  }

  private editableState(): boolean {
    const l = this.state.lifecycle;
    return !l || EDITABLE_STATES.has(l.state);
  }

  private canEditAnything(): boolean {
    const s = this.state;
    return (
      !this.options.readOnly &&
      s.mode === 'edit' &&
      this.editableState() &&
      (WRITERS.has(s.viewer.role) || s.viewer.role === 'young-person')
    );
  }

  /** May the viewer change the field at `path`? The young person writes their own views; workers the rest. */
  canEdit(path: string): boolean {
    if (!this.canEditAnything()) return false;
    const own = path === 'views.youngPerson' || path === 'views.disagreements';
    return this.state.viewer.role === 'young-person' ? own : WRITERS.has(this.state.viewer.role) && !own;
  }

  /** The lifecycle actions to show: those the engine allows this viewer now. None without a lifecycle. */
  actions(): PlanAction[] {
    const { lifecycle, viewer } = this.state;
    if (lifecycle?.lifecycle !== 'pathway-plan' || this.options.readOnly || this.state.mode === 'print') return [];
    let allowed: string[];
    try {
      allowed = allowedEvents('pathway-plan', viewer, lifecycle);
    } catch {
      return [];
    }
    return PLAN_ACTIONS.filter((a) => allowed.includes(a));
  }

  edit(path: string, value: unknown): void {
    if (!this.canEdit(path)) return;
    this.commit(setPath(this.state.plan, path, value));
  }

  addGoal(domain: string): void {
    if (!this.canEdit(`domains.${domain}`)) return;
    this.commit(append(this.state.plan, `domains.${domain}.goals`, { id: newId('goal'), goal: '', actions: [] }));
  }
  removeGoal(domain: string, index: number): void {
    if (!this.canEdit(`domains.${domain}`)) return;
    this.commit(removeAt(this.state.plan, `domains.${domain}.goals`, index));
  }
  addAction(domain: string, goal: number): void {
    if (!this.canEdit(`domains.${domain}`)) return;
    this.commit(
      append(this.state.plan, `domains.${domain}.goals.${goal}.actions`, {
        id: newId('action'),
        what: '',
        who: '',
        byWhen: '',
      }),
    );
  }
  removeAction(domain: string, goal: number, index: number): void {
    if (!this.canEdit(`domains.${domain}`)) return;
    this.commit(removeAt(this.state.plan, `domains.${domain}.goals.${goal}.actions`, index));
  }

  private commit(plan: PathwayPlan): void {
    const errors = this.state.errors.length ? this.check(plan) : [];
    this.bridge.update({ plan, errors });
    this.bridge.emit('onward-change', { widget: 'plan', value: plan });
    this.autosave?.change(plan);
  }

  check(plan: PathwayPlan = this.state.plan): FieldError[] {
    const r = validatePlan(cleanForCheck(plan), { locale: this.state.locale });
    return r.ok ? [] : r.errors;
  }

  startReturn(): void {
    this.bridge.update({ returning: true });
  }
  cancelReturn(): void {
    this.bridge.update({ returning: false, returnComment: '', errors: [] });
  }
  setReturnComment(returnComment: string): void {
    this.bridge.update({ returnComment });
  }

  /** Take a lifecycle action. Submitting checks the plan first; returning needs a comment. */
  async act(type: PlanAction): Promise<boolean> {
    if (!this.actions().includes(type)) return false;
    const plan = this.state.plan;
    if (type === 'plan.submit' || type === 'plan.authorise') {
      const errors = this.check();
      if (errors.length) {
        this.bridge.update({ errors });
        this.bridge.emit('onward-invalid', { widget: 'plan', errors });
        return false;
      }
      await this.autosave?.flush();
    }
    if (type === 'plan.return') {
      const comment = this.state.returnComment.trim();
      if (!comment || [...comment].length > 1000) {
        const errors: FieldError[] = [{ path: 'returnComment', rule: comment ? 'maxLength' : 'required', message: '' }];
        this.bridge.update({ errors });
        this.bridge.emit('onward-invalid', { widget: 'plan', errors });
        return false;
      }
      this.bridge.emit('onward-action', { widget: 'plan', type, comment });
      this.bridge.update({ returning: false, returnComment: '', errors: [] });
      return true;
    }
    if (type === 'plan.authorise') {
      const w = plan.wording;
      this.bridge.emit('onward-action', {
        widget: 'plan',
        type,
        payload: {
          wording: {
            questionSetVersion: w?.questionSetVersion ?? (plan.checklist.version as number),
            locale: w?.locale ?? this.state.locale,
            variant: w?.variant ?? this.state.variant,
          },
        },
      });
      return true;
    }
    this.bridge.emit('onward-action', { widget: 'plan', type });
    this.bridge.emit('onward-submit', { widget: 'plan', value: plan });
    return true;
  }

  get hasPdf(): boolean {
    return Boolean(this.options.loadPdfRenderer);
  }

  async downloadPdf(status?: string): Promise<void> {
    const load = this.options.loadPdfRenderer;
    if (!load) return;
    this.bridge.update({ pdf: 'busy' });
    try {
      const r = await load();
      if (!r.renderPlanPdf) throw new Error('The PDF renderer has no renderPlanPdf.');
      const s = this.state;
      const bytes = await r.renderPlanPdf(s.plan, {
        wording: this.wording,
        locale: s.locale,
        variant: s.variant,
        council: { name: this.options.councilName ?? s.plan.council },
        createdAt: new Date(),
        ...(status ? { status } : {}),
      });
      downloadBytes(bytes, `pathway-plan-${s.plan.id}.pdf`);
      this.bridge.update({ pdf: 'idle' });
    } catch (e) {
      this.bridge.update({ pdf: 'failed' });
      this.bridge.emit('onward-error', { widget: 'plan', message: e instanceof Error ? e.message : String(e) });
    }
  }
}

/** New actions start with an empty date; the schema then reports "missing" rather than "not a date". */
function cleanForCheck(plan: PathwayPlan): PathwayPlan {
  const domains = plan.domains as Record<string, { goals?: { actions: { byWhen: string }[] }[] } | undefined>;
  let out = plan;
  for (const [d, dp] of Object.entries(domains)) {
    for (const [gi, g] of (dp?.goals ?? []).entries()) {
      for (const [ai, a] of g.actions.entries()) {
        if (a.byWhen === '') {
          const { byWhen: _b, ...rest } = a;
          out = setPath(out, `domains.${d}.goals.${gi}.actions.${ai}`, rest);
        }
      }
    }
  }
  return out;
}
