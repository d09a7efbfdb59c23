// The events every widget sends, with typed details. Custom elements dispatch them as DOM CustomEvents
// (bubbling, composed, so they cross the shadow root); Preact components pass them to `onEvent`.
import type { AnyChecklist, CheckIn, FieldError, LivingTogetherAgreement, PathwayPlan, Variant } from '@onward/engine';
import type { SaveErrorInfo } from './autosave.js';

export type WidgetName = 'checklist' | 'check-in' | 'plan' | 'agreement';

/** Notes and help flags typed against questions not answered yet; kept so nothing typed is lost. */
export type PendingNotes = Record<string, { note?: string; help?: boolean }>;

/** What the checklist saves through its StorageAdapter and sends in `onward-change`. */
export interface ChecklistSave {
  readonly checklist: AnyChecklist;
  readonly pending: PendingNotes;
  readonly variant?: Variant;
}

/** A check-in in progress: moods chosen so far (no id or time until sent). */
export type CheckInMoods = CheckIn['moods'];

export type ChangeDetail =
  | { readonly widget: 'checklist'; readonly value: ChecklistSave; readonly questionId?: string }
  | { readonly widget: 'check-in'; readonly value: CheckInMoods }
  | { readonly widget: 'plan'; readonly value: PathwayPlan }
  | { readonly widget: 'agreement'; readonly value: LivingTogetherAgreement };

export type SubmitDetail =
  | { readonly widget: 'checklist'; readonly value: AnyChecklist }
  | { readonly widget: 'check-in'; readonly value: CheckIn }
  | { readonly widget: 'plan'; readonly value: PathwayPlan }
  | { readonly widget: 'agreement'; readonly value: LivingTogetherAgreement };

/** A lifecycle action the viewer chose, e.g. `plan.submit`, `plan.authorise`, `plan.return` (with a comment). */
export interface ActionDetail {
  readonly widget: 'plan' | 'agreement';
  readonly type: string;
  readonly comment?: string;
  /** Anything else the step needs, e.g. the frozen wording for `plan.authorise`, the party for a sign-off. */
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** The event names and their `detail` types. */
export interface OnwardEventMap {
  /** Something changed (every answer, every keystroke in a note after a short pause is not needed: it is every change). */
  'onward-change': ChangeDetail;
  /** The user sent their work and it passed validation. */
  'onward-submit': SubmitDetail;
  /** Validation failed; the widget shows an error summary too. */
  'onward-invalid': { readonly widget: WidgetName; readonly errors: readonly FieldError[] };
  /** The host's StorageAdapter stored the latest work. */
  'onward-save': { readonly widget: WidgetName; readonly key: string };
  /** The host's StorageAdapter failed; the draft is kept on the device and the save is retried. */
  'onward-save-error': { readonly widget: WidgetName } & SaveErrorInfo;
  /** The young person switched easy read on or off. */
  'onward-variant-change': { readonly widget: WidgetName; readonly variant: Variant };
  /** A lifecycle action (plan) or a sign-off (agreement). */
  'onward-action': ActionDetail;
  /** The PDF could not be made. */
  'onward-error': { readonly widget: WidgetName; readonly message: string };
}

export type OnwardEventName = keyof OnwardEventMap;

/** How a widget sends an event. */
export type Emit = <K extends OnwardEventName>(type: K, detail: OnwardEventMap[K]) => void;

/** A single callback for all events, for Preact users. */
export type OnEvent = <K extends OnwardEventName>(type: K, detail: OnwardEventMap[K]) => void;

export const EVENT_NAMES: readonly OnwardEventName[] = [
  'onward-change',
  'onward-submit',
  'onward-invalid',
  'onward-save',
  'onward-save-error',
  'onward-variant-change',
  'onward-action',
  'onward-error',
];
