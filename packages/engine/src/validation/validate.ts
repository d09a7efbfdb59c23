// Validation of every kind of document with validators precompiled at build time (ajv standalone): no `eval`,
// no ajv compiler in the browser. Errors become a list of { path, message } in plain words, one per problem.
// Two passes: the fast pass (generated beside each validator by scripts/fast-validator.mjs) says whether the
// document is certainly valid, which is the common case and costs a few microseconds; only when it cannot say so
// does the full validator run, collecting every error (allErrors) for the people who must fix them.

import type {
  CheckIn,
  CouncilSettings,
  LivingTogetherAgreement,
  Locale,
  OutcomesV1,
  OutcomesV2,
  PathwayPlan,
} from '@onward/schemas';
import validateCheckInSchema from '@onward/schemas/validate/check-in';
import fastCheckIn from '@onward/schemas/validate/check-in.fast';
import compiledCouncilSettings from '@onward/schemas/validate/council-settings';
import validateAgreementSchema from '@onward/schemas/validate/living-together-agreement';
import fastAgreement from '@onward/schemas/validate/living-together-agreement.fast';
import validateLocaleSchema from '@onward/schemas/validate/locale';
import fastLocale from '@onward/schemas/validate/locale.fast';
import validateOutcomesV1 from '@onward/schemas/validate/outcomes.v1';
import fastOutcomesV1 from '@onward/schemas/validate/outcomes.v1.fast';
import validateOutcomesV2 from '@onward/schemas/validate/outcomes.v2';
import fastOutcomesV2 from '@onward/schemas/validate/outcomes.v2.fast';
import validatePlanSchema from '@onward/schemas/validate/pathway-plan';
import fastPlan from '@onward/schemas/validate/pathway-plan.fast';
import { fieldLabel, type MessageLocale, message, messageLocale } from './messages.js';

/** One problem with a document: where (a dotted path, e.g. `answers.housing.heating.note`) and what, in plain words. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  /** The schema rule that failed (ajv keyword), for programs; people read `message`. */
  readonly rule: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The kinds of document Onward validates, and their types. */
export interface DocumentKinds {
  checklist: OutcomesV1 | OutcomesV2;
  'check-in': CheckIn;
  'pathway-plan': PathwayPlan;
  'living-together-agreement': LivingTogetherAgreement;
  locale: Locale;
}
export type DocumentKind = keyof DocumentKinds;

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'checklist',
  'check-in',
  'pathway-plan',
  'living-together-agreement',
  'locale',
];

interface AjvError {
  instancePath: string;
  /** Set on the errors inside a propertyNames rule: the offending name (the propertyNames error reports it). */
  propertyName?: string;
  keyword: string;
  params: Record<string, unknown>;
}
type Compiled = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

export interface ValidateOptions {
  /** Locale for the messages: `cy…` gives Welsh, anything else English. Default English. */
  readonly locale?: string;
}

/**
 * Validate a document of a kind. Never throws, whatever the input: a bad document gives `{ ok: false, errors }`.
 * This pulls in every validator; a bundle that needs one kind should call its own function (validateChecklist, …)
 * so the others are left out.
 */
export function validate<K extends DocumentKind>(
  kind: K,
  doc: unknown,
  options: ValidateOptions = {},
): ValidationResult<DocumentKinds[K]> {
  return byKind[kind](doc, options) as ValidationResult<DocumentKinds[K]>;
}

/** Checklist answers, validated against the question-set version they were given in. */
export function validateChecklist(
  doc: unknown,
  options: ValidateOptions = {},
): ValidationResult<DocumentKinds['checklist']> {
  return isObject(doc) && doc.version === 1
    ? run(validateOutcomesV1, doc, options, fastOutcomesV1)
    : run(validateOutcomesV2, doc, options, fastOutcomesV2);
}
export function validateCheckIn(doc: unknown, options: ValidateOptions = {}): ValidationResult<CheckIn> {
  return run(validateCheckInSchema, doc, options, fastCheckIn);
}
export function validatePlan(doc: unknown, options: ValidateOptions = {}): ValidationResult<PathwayPlan> {
  return run(validatePlanSchema, doc, options, fastPlan);
}
export function validateAgreement(
  doc: unknown,
  options: ValidateOptions = {},
): ValidationResult<LivingTogetherAgreement> {
  return run(validateAgreementSchema, doc, options, fastAgreement);
}
/** A council's settings document, against the schema only (settings/validateCouncilSettings adds the rules between fields). */
export function validateCouncilSettingsSchema(
  doc: unknown,
  options: ValidateOptions = {},
): ValidationResult<CouncilSettings> {
  return run(compiledCouncilSettings, doc, options);
}
export function validateLocale(doc: unknown, options: ValidateOptions = {}): ValidationResult<Locale> {
  return run(validateLocaleSchema, doc, options, fastLocale);
}

const byKind: { [K in DocumentKind]: (doc: unknown, options: ValidateOptions) => ValidationResult<DocumentKinds[K]> } =
  {
    checklist: validateChecklist,
    'check-in': validateCheckIn,
    'pathway-plan': validatePlan,
    'living-together-agreement': validateAgreement,
    locale: validateLocale,
  };

function run<T>(
  compiled: unknown,
  doc: unknown,
  options: ValidateOptions,
  certainlyValid?: (data: unknown) => boolean,
): ValidationResult<T> {
  if (certainlyValid) {
    try {
      if (certainlyValid(doc)) return { ok: true, value: doc as T };
    } catch {
      // Input JSON cannot hold (a getter that throws, ...): the full validator below reports it.
    }
  }
  const v = compiled as Compiled;
  const loc = messageLocale(options.locale);
  let ok: boolean;
  try {
    ok = v(doc);
  } catch {
    // A validator can only throw on input JSON cannot hold (e.g. a getter that throws); treat it as invalid.
    return {
      ok: false,
      errors: [{ path: '', rule: 'other', message: message(loc, 'other', { field: message(loc, 'root') }) }],
    };
  }
  if (ok) return { ok: true, value: doc as T };
  return { ok: false, errors: toFieldErrors(v.errors ?? [], doc, loc) };
}

/** Throwing variant for code paths where invalid input is a programming error. */
export function assertValid<K extends DocumentKind>(
  kind: K,
  doc: unknown,
  options?: ValidateOptions,
): DocumentKinds[K] {
  const r = validate(kind, doc, options);
  if (!r.ok) throw new ValidationError(kind, r.errors);
  return r.value;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly kind: DocumentKind,
    readonly errors: FieldError[],
  ) {
    super(`Invalid ${kind}: ${errors.map((e) => `${e.path || '(document)'}: ${e.message}`).join('; ')}`);
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `/answers/housing/heating` → `answers.housing.heating`; array indexes stay as numbers: `goals.0.what`. */
function toPath(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(doc: unknown, parts: readonly string[]): unknown {
  let cur = doc;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** A field's name in words: `dateOfBirth` → `date of birth`; an index → `entry 3`. */
function fieldWords(parts: readonly string[], loc: MessageLocale): string {
  const last = parts[parts.length - 1];
  if (last === undefined) return message(loc, 'root');
  if (/^\d+$/.test(last)) {
    const parent = parts[parts.length - 2];
    return `${message(loc, 'entry')} ${Number(last) + 1}${parent ? ` (${fieldLabel(loc, parent) ?? humanise(parent)})` : ''}`;
  }
  return `"${fieldLabel(loc, last) ?? humanise(last)}"`;
}

function humanise(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();
}

function showValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function toFieldErrors(errors: readonly AjvError[], doc: unknown, loc: MessageLocale): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // if/then/else reports the branch's own errors as well; the "if" wrapper adds nothing for people.
    if (e.keyword === 'if') continue;
    // A bad property name gives a "propertyNames" error and the inner rule's error; people need only the first.
    if (e.keyword !== 'propertyNames' && e.propertyName !== undefined) continue;
    let parts = toPath(e.instancePath);
    let vars: Record<string, string | number> = {};
    let key = e.keyword;
    switch (e.keyword) {
      case 'required':
        parts = [...parts, String(e.params.missingProperty)];
        break;
      case 'additionalProperties':
        parts = [...parts, String(e.params.additionalProperty)];
        vars = { extra: String(e.params.additionalProperty) };
        break;
      case 'propertyNames':
        vars = { extra: String(e.params.propertyName) };
        parts = [...parts, String(e.params.propertyName)];
        break;
      case 'type': {
        const types = String(e.params.type).split(',');
        vars = { type: types.map((t) => message(loc, `type.${t}`)).join(` ${message(loc, 'or')} `) };
        break;
      }
      case 'enum':
        vars = { allowed: ((e.params.allowedValues as unknown[]) ?? []).map(showValue).join(', ') };
        break;
      case 'const':
        vars = { allowed: showValue(e.params.allowedValue) };
        break;
      case 'maxLength': {
        const v = valueAt(doc, parts);
        vars = { limit: Number(e.params.limit), actual: typeof v === 'string' ? [...v].length : 0 };
        break;
      }
      case 'minLength':
        if (Number(e.params.limit) > 1) key = 'minLengthN';
        vars = { limit: Number(e.params.limit) };
        break;
      case 'format':
        vars = { format: message(loc, `format.${String(e.params.format)}`) };
        break;
      case 'maximum':
      case 'minimum':
      case 'maxItems':
      case 'minItems':
      case 'minProperties':
        vars = {
          limit: Number(e.params.limit),
          entries: message(loc, Number(e.params.limit) === 1 ? 'entry' : 'entries'),
        };
        break;
      case 'pattern':
        break;
      default:
        key = 'other';
    }
    const path = parts.join('.');
    const text = message(loc, key, { field: fieldWords(parts, loc), ...vars });
    const dedupe = `${path}|${text}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    out.push({ path, message: capitalise(text), rule: e.keyword });
  }
  return out;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Validates with any precompiled validator of `@onward/schemas` (e.g. an event type's), errors in plain words. */
export function validateWith<T>(compiled: unknown, doc: unknown, options: ValidateOptions = {}): ValidationResult<T> {
  return run<T>(compiled, doc, options);
}
