// The Living Together Agreement's store: one signal bridge, staff edits (autosaved), each party's sign-off, and
// what the viewer may see of it (the engine's `agreementForViewer`: the carer's allowance).
import {
  allowedEvents,
  type FieldError,
  type LifecycleSnapshot,
  type LivingTogetherAgreement,
  showsCarerAllowance,
  type Variant,
  validateAgreement,
  type Wording,
} from '@onward/engine';
import { agreementStrings } from '../i18n/agreement.js';
import { common } from '../i18n/common.js';
import { Autosave, type Draft, type SaveStatus } from '../shared/autosave.js';
import { type Bridge, createBridge, uid } from '../shared/bridge.js';
import type { Emit } from '../shared/events.js';
import { append, getPath, newId, removeAt, setPath } from '../shared/paths.js';
import { downloadBytes, type LoadPdfRenderer } from '../shared/pdf.js';
import type { StorageAdapter } from '../shared/storage.js';
import { DRAFT_DELAY_MS } from '../shared/timing.js';
import { defaultWording, ensureLocale } from '../shared/wording.js';
import { wordsCache } from '../shared/words.js';

export type Party = LivingTogetherAgreement['signOffs'][number]['party'];
export const PARTIES: readonly Party[] = [
  'young-person',
  'carer',
  'pa',
  'social-worker',
  'supervising-social-worker',
  'team-manager',
];
/** Roles that write the agreement. */
const EDITORS = new Set(['pa', 'social-worker', 'supervising-social-worker']);
export const SIGN_EVENT = 'stayingPut.agreement.sign';

export interface AgreementViewer {
  readonly id: string;
  readonly role: string;
  /** The name written on a sign-off; default the name the agreement holds for this viewer. */
  readonly name?: string;
}

export interface AgreementOptions {
  readonly value: LivingTogetherAgreement;
  /** Who is looking. Default: the young person (read only, may sign). */
  readonly viewer?: AgreementViewer;
  /** The Staying Put lifecycle snapshot; when given, signing is offered only when the engine allows it. */
  readonly lifecycle?: LifecycleSnapshot;
  readonly locale?: string;
  /** `easy` uses the easy-read wording of the widget's own labels where there is one. */
  readonly variant?: Variant;
  readonly dir?: 'ltr' | 'rtl';
  readonly wording?: Wording;
  readonly readOnly?: boolean;
  readonly storage?: StorageAdapter<LivingTogetherAgreement>;
  readonly drafts?: StorageAdapter<Draft<LivingTogetherAgreement>>;
  /** Default `agreement:<id>`. */
  readonly storageKey?: string;
  readonly loadPdfRenderer?: LoadPdfRenderer;
  readonly councilName?: string;
  readonly saveDelayMs?: number;
  readonly retryDelaysMs?: readonly number[];
}

export interface AgreementState {
  readonly agreement: LivingTogetherAgreement;
  readonly viewer: AgreementViewer;
  readonly lifecycle: LifecycleSnapshot | undefined;
  readonly locale: string;
  readonly variant: Variant;
  readonly dir: 'ltr' | 'rtl' | undefined;
  readonly errors: readonly FieldError[];
  /** What is typed in money fields, by path, so "25." is not rewritten while typing. */
  readonly moneyText: Readonly<Record<string, string>>;
  readonly status: SaveStatus;
  readonly saved: boolean;
  readonly pdf: 'idle' | 'busy' | 'failed';
  readonly ready: boolean;
}

export class AgreementStore {
  readonly bridge: Bridge<AgreementState>;
  readonly wording: Wording;
  /** The words for a locale, variant and direction, resolved once per change of any of them. */
  readonly words: ReturnType<typeof wordsCache>;
  readonly id = uid('ag');
  private readonly autosave: Autosave<LivingTogetherAgreement> | undefined;
  private started = false;

  constructor(
    private readonly options: AgreementOptions,
    emit: Emit,
  ) {
    if (!options.value || typeof options.value !== 'object')
      throw new TypeError('agreement: a Living Together Agreement (value) is required.');
    this.wording = options.wording ?? defaultWording();
    this.words = wordsCache(this.wording, [common, agreementStrings]);
    this.bridge = createBridge<AgreementState>(
      {
        agreement: options.value,
        viewer: options.viewer ?? { id: options.value.youngPerson.id, role: 'young-person' },
        lifecycle: options.lifecycle,
        locale: options.locale ?? 'en-GB',
        variant: options.variant ?? 'standard',
        dir: options.dir,
        errors: [],
        moneyText: {},
        status: 'idle',
        saved: false,
        pdf: 'idle',
        ready: false,
      },
      emit,
    );
    if (this.editable) {
      this.autosave = new Autosave<LivingTogetherAgreement>({
        key: options.storageKey ?? `agreement:${options.value.id}`,
        ...(options.storage ? { storage: options.storage } : {}),
        ...(options.drafts ? { drafts: options.drafts } : {}),
        debounceMs: options.saveDelayMs ?? 500,
        draftDelayMs: DRAFT_DELAY_MS,
        ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
        onStatus: (status) => this.bridge.update({ status }),
        onSaved: (key) => this.bridge.emit('onward-save', { widget: 'agreement', key }),
        onError: (info) => this.bridge.emit('onward-save-error', { widget: 'agreement', ...info }),
      });
    }
  }

  get state(): AgreementState {
    return this.bridge.get();
  }

  /** Staff may change the agreement's text; everyone else reads it. */
  get editable(): boolean {
    return !this.options.readOnly && EDITORS.has(this.state.viewer.role);
  }

  /** Whether the carer's allowance is shown: the engine's rule (`showsCarerAllowance`); editors also get the field. */
  get showAllowance(): boolean {
    return showsCarerAllowance(this.state.agreement, this.state.viewer) || this.editable;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await ensureLocale(this.wording, this.state.locale);
    const saved = this.autosave ? await this.autosave.restore() : undefined;
    this.bridge.update({ ...(saved && saved.id === this.state.agreement.id ? { agreement: saved } : {}), ready: true });
  }

  dispose(): void {
    this.autosave?.dispose();
  }

  load(agreement: LivingTogetherAgreement): void {
    this.bridge.update({ agreement });
  }
  setLocale(locale: string): void {
    void ensureLocale(this.wording, locale).then(() => this.bridge.update({ locale }));
  }

  edit(path: string, value: unknown): void {
    if (!this.editable) return;
    this.commit(setPath(this.state.agreement, path, value));
  }

  /** A person field (pa, socialWorker, ...): keeps its id, makes one for a new person, removes it when blank. */
  editPerson(path: string, name: string): void {
    if (!this.editable) return;
    const cur = getPath(this.state.agreement, path) as { id: string } | undefined;
    this.commit(setPath(this.state.agreement, path, name ? { id: cur?.id ?? newId('person'), name } : undefined));
  }

  /** Money typed in pounds; stored in pence when it reads as an amount. */
  editMoney(path: string, text: string): void {
    if (!this.editable) return;
    const moneyText = { ...this.state.moneyText, [path]: text };
    const pence = parsePounds(text);
    this.bridge.update({ moneyText });
    if (pence !== undefined) this.commit(setPath(this.state.agreement, path, pence));
    else if (this.state.errors.length) this.bridge.update({ errors: this.check() });
  }

  add(path: string, item: unknown): void {
    if (!this.editable) return;
    this.commit(append(this.state.agreement, path, item));
  }
  remove(path: string, index: number): void {
    if (!this.editable) return;
    this.commit(removeAt(this.state.agreement, path, index));
  }
  addCarer(): void {
    this.add('carers', { id: newId('carer'), name: '' });
  }

  private commit(agreement: LivingTogetherAgreement, emitChange = true): void {
    const errors = this.state.errors.length ? this.check(agreement) : [];
    this.bridge.update({ agreement, errors, saved: false });
    if (emitChange) this.bridge.emit('onward-change', { widget: 'agreement', value: agreement });
    this.autosave?.change(agreement);
  }

  check(agreement: LivingTogetherAgreement = this.state.agreement): FieldError[] {
    const r = validateAgreement(agreement, { locale: this.state.locale });
    const errors: FieldError[] = r.ok ? [] : [...r.errors];
    for (const [path, text] of Object.entries(this.state.moneyText)) {
      if (text.trim() !== '' && parsePounds(text) === undefined) errors.push({ path, rule: 'money', message: '' });
    }
    return errors;
  }

  /** Validate, save now and tell the host (onward-submit). */
  async save(): Promise<boolean> {
    const errors = this.check();
    if (errors.length) {
      this.bridge.update({ errors, saved: false });
      this.bridge.emit('onward-invalid', { widget: 'agreement', errors });
      return false;
    }
    await this.autosave?.flush();
    this.bridge.update({ errors: [], saved: true });
    this.bridge.emit('onward-submit', { widget: 'agreement', value: this.state.agreement });
    return true;
  }

  /** The party the viewer signs as, if any. */
  viewerParty(): Party | undefined {
    const role = this.state.viewer.role;
    return (PARTIES as readonly string[]).includes(role) ? (role as Party) : undefined;
  }

  private viewerName(): string | undefined {
    const v = this.state.viewer;
    if (v.name) return v.name;
    const a = this.state.agreement;
    switch (v.role) {
      case 'young-person':
        return a.youngPerson.name;
      case 'carer':
        return a.carers.find((c) => c.id === v.id)?.name;
      case 'pa':
        return a.pa?.name;
      case 'social-worker':
        return a.socialWorker?.name;
      case 'supervising-social-worker':
        return a.supervisingSocialWorker?.name;
      default:
        return undefined;
    }
  }

  /** May the viewer sign now? The engine decides when a lifecycle is given; otherwise once per named party. */
  canSign(): boolean {
    const party = this.viewerParty();
    const name = this.viewerName();
    if (!party || !name || this.options.readOnly) return false;
    const { lifecycle, viewer, agreement } = this.state;
    if (agreement.signOffs.some((s) => s.party === party && s.name === name)) return false;
    if (lifecycle && lifecycle.lifecycle === 'staying-put') {
      try {
        return allowedEvents('staying-put', { id: viewer.id, role: viewer.role as never }, lifecycle).includes(
          SIGN_EVENT,
        );
      } catch {
        return false;
      }
    }
    return true;
  }

  /** Sign as the viewer's party: the agreement must be complete first. */
  sign(): boolean {
    if (!this.canSign()) return false;
    const errors = this.check();
    if (errors.length) {
      this.bridge.update({ errors });
      this.bridge.emit('onward-invalid', { widget: 'agreement', errors });
      return false;
    }
    const party = this.viewerParty()!;
    const signOff = { party, name: this.viewerName()!, at: new Date().toISOString(), copyGiven: false };
    const agreement = { ...this.state.agreement, signOffs: [...this.state.agreement.signOffs, signOff] };
    this.bridge.update({ agreement, errors: [] });
    this.bridge.emit('onward-action', { widget: 'agreement', type: SIGN_EVENT, payload: { party } });
    this.bridge.emit('onward-change', { widget: 'agreement', value: agreement });
    this.autosave?.change(agreement);
    return true;
  }

  /** Staff mark that a party has been given their copy. */
  setCopyGiven(index: number, given: boolean): void {
    if (!this.editable) return;
    this.commit(setPath(this.state.agreement, `signOffs.${index}.copyGiven`, given));
  }

  get hasPdf(): boolean {
    return Boolean(this.options.loadPdfRenderer);
  }

  async downloadPdf(): Promise<void> {
    const load = this.options.loadPdfRenderer;
    if (!load) return;
    this.bridge.update({ pdf: 'busy' });
    try {
      const r = await load();
      if (!r.renderAgreementPdf) throw new Error('The PDF renderer has no renderAgreementPdf.');
      const s = this.state;
      const bytes = await r.renderAgreementPdf(s.agreement, {
        council: { name: this.options.councilName ?? s.agreement.council },
        createdAt: new Date(),
        locale: s.locale,
        viewer: s.viewer.role === 'young-person' ? 'young-person' : 'staff',
      });
      downloadBytes(bytes, `living-together-agreement-${s.agreement.id}.pdf`);
      this.bridge.update({ pdf: 'idle' });
    } catch (e) {
      this.bridge.update({ pdf: 'failed' });
      this.bridge.emit('onward-error', { widget: 'agreement', message: e instanceof Error ? e.message : String(e) });
    }
  }
}

/** "25", "25.5", "£25.50" → pence; anything else → undefined. */
export function parsePounds(text: string): number | undefined {
  const m = /^\s*£?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Pence → "25.50". */
export function formatPounds(pence: number): string {
  return (pence / 100).toFixed(2).replace(/\.00$/, '');
}
