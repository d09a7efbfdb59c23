// A question set is read from the outcomes checklist JSON Schema itself: its domains are the schema's
// domain objects, its questions their properties, in the order the schema lists them.

import type { OutcomesV2 } from '@onward/schemas';
import outcomesV1 from '@onward/schemas/outcomes/outcomes.v1.schema.js';
import outcomesV2 from '@onward/schemas/outcomes/outcomes.v2.schema.js';

/** The eight domains of the outcomes checklist, keyed as in the schema. */
export type DomainId = keyof OutcomesV2['answers'] & string;

/** Checklist answers for the current question set, typed from its schema. */
export type ChecklistAnswers = OutcomesV2;

/** One answer: the closed value, an optional note and help flag, and its provenance. */
export type Answer = NonNullable<NonNullable<OutcomesV2['answers']['housing']>['heating']>;

/** The closed answer values. Every question is worded so that "yes" is the good outcome. */
export type AnswerValue = Answer['value'];

/** Who gave an answer: the young person alone, together with their worker, or the worker for them. */
export type AnsweredBy = Answer['by'];

/** A wording variant: the standard wording or easy read. */
export type Variant = Answer['variant'];

export const ANSWER_VALUES: readonly AnswerValue[] = ['yes', 'no', 'not-relevant'];

/** Most domains end with "are you getting enough help with this?": kind "help". */
export type QuestionKind = 'question' | 'help';

export interface Question {
  /** Stable slug id: `<domain>.<key>`, e.g. `housing.heating`. Never reused. */
  readonly id: string;
  readonly domain: DomainId;
  /** The property name inside its domain object, e.g. `heating`. */
  readonly key: string;
  readonly kind: QuestionKind;
}

export interface Domain {
  readonly id: DomainId;
  /** An icon name the widgets map to a picture. */
  readonly icon: string;
  readonly questions: readonly Question[];
}

export interface QuestionSet {
  /** e.g. `onward.outcomes` */
  readonly id: string;
  readonly version: number;
  readonly domains: readonly Domain[];
  /** Every question, in order. */
  readonly questions: readonly Question[];
  /** Look a question up by id. */
  readonly byId: ReadonlyMap<string, Question>;
}

interface OutcomesSchemaShape {
  'x-onward-question-set'?: unknown;
  'x-onward-version'?: unknown;
  properties?: { answers?: { properties?: Record<string, unknown> } };
}

/** Thrown when a question-set schema is not shaped as the content model expects. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
}

/**
 * Read a question set from an outcomes-checklist JSON Schema (the one source of what is asked).
 * Throws a ContentError naming the problem when the schema is not a question set.
 */
export function loadQuestionSet(schema: unknown): QuestionSet {
  const s = schema as OutcomesSchemaShape;
  const id = s?.['x-onward-question-set'];
  const version = s?.['x-onward-version'];
  if (typeof id !== 'string') throw new ContentError('The schema has no "x-onward-question-set" name.');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new ContentError('The schema has no whole-number "x-onward-version".');
  const domainsRaw = s.properties?.answers?.properties;
  if (!domainsRaw || typeof domainsRaw !== 'object') throw new ContentError('The schema has no "answers" domains.');
  const domains: Domain[] = [];
  const questions: Question[] = [];
  const byId = new Map<string, Question>();
  if (Array.isArray(domainsRaw))
    throw new ContentError('The schema\'s "answers" domains must be an object, not a list.');
  for (const [domainId, raw] of Object.entries(domainsRaw)) {
    if (!isObject(raw)) throw new ContentError(`Domain "${domainId}" is not an object.`);
    const d = raw as { 'x-onward-icon'?: unknown; properties?: unknown };
    if (!isObject(d.properties) || !Object.keys(d.properties).length)
      throw new ContentError(`Domain "${domainId}" has no questions.`);
    const qs: Question[] = [];
    for (const [key, qRaw] of Object.entries(d.properties)) {
      if (!isObject(qRaw)) throw new ContentError(`Question "${domainId}.${key}" is not an object.`);
      const q = qRaw as { 'x-onward-kind'?: unknown };
      const question: Question = {
        id: `${domainId}.${key}`,
        domain: domainId as DomainId,
        key,
        kind: q['x-onward-kind'] === 'help' ? 'help' : 'question',
      };
      qs.push(question);
      questions.push(question);
      byId.set(question.id, question);
    }
    domains.push({
      id: domainId as DomainId,
      icon: typeof d['x-onward-icon'] === 'string' ? d['x-onward-icon'] : 'circle',
      questions: qs,
    });
  }
  return { id, version, domains, questions, byId };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const builtIn = new Map<number, QuestionSet>();

/** The question sets Onward ships, by version. Version 2 is current. */
export function questionSet(version: number = CURRENT_VERSION): QuestionSet {
  let set = builtIn.get(version);
  if (!set) {
    const schema = version === 1 ? outcomesV1 : version === 2 ? outcomesV2 : undefined;
    if (!schema) throw new ContentError(`There is no question set version ${version}. Known versions: 1, 2.`);
    set = loadQuestionSet(schema);
    builtIn.set(version, set);
  }
  return set;
}

/** The current version of the shipped outcomes question set. */
export const CURRENT_VERSION = 2;

/** The domain ids in display order. */
export const DOMAINS: readonly DomainId[] = [
  'housing',
  'health',
  'relationships',
  'activities',
  'money',
  'careers',
  'independence',
  'identity',
];
