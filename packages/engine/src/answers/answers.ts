// The answer model: immutable updates to a checklist, each answer carrying who gave it and in which words.
import type { OutcomesV1 } from '@onward/schemas';
import {
  type Answer,
  type AnsweredBy,
  type AnswerValue,
  type ChecklistAnswers,
  ContentError,
  type DomainId,
  type QuestionSet,
  type Variant,
} from '../content/question-set.js';

/** A checklist in any shipped question-set version. */
export type AnyChecklist = ChecklistAnswers | OutcomesV1;

/** Who answered and which words they saw. Recorded on every answer. */
export interface Provenance {
  readonly by: AnsweredBy;
  readonly locale: string;
  readonly variant: Variant;
  /** ISO date-time; defaults to now. */
  readonly at?: string;
}

export interface AnswerInput {
  readonly value: AnswerValue;
  /** The young person's note, kept exactly as written (it is escaped where shown, never altered). */
  readonly note?: string;
  readonly help?: boolean;
}

/** The longest note, in characters (Unicode code points), as the schema says. */
export const NOTE_LIMIT = 500;

/** An empty checklist for a question set. */
export function emptyChecklist(set: QuestionSet): AnyChecklist {
  return { questionSet: 'onward.outcomes', version: set.version, answers: {} } as AnyChecklist;
}

/** The answer to a question, if any. */
export function getAnswer(doc: AnyChecklist, questionId: string): Answer | undefined {
  const [domain, key] = splitId(questionId);
  const d = (doc.answers as Record<string, Record<string, Answer> | undefined>)[domain];
  return d?.[key];
}

/** Every answer given, as [questionId, answer] pairs in the order of the question set. */
export function listAnswers(set: QuestionSet, doc: AnyChecklist): [string, Answer][] {
  const out: [string, Answer][] = [];
  for (const q of set.questions) {
    const a = getAnswer(doc, q.id);
    if (a) out.push([q.id, a]);
  }
  return out;
}

/**
 * Set (or replace) one answer, returning a new checklist. Empty notes are dropped; `help: false` is dropped.
 * Throws a ContentError when the question is not in the set.
 */
export function setAnswer(
  set: QuestionSet,
  doc: AnyChecklist,
  questionId: string,
  input: AnswerInput,
  who: Provenance,
): AnyChecklist {
  const q = set.byId.get(questionId);
  if (!q) throw new ContentError(`"${questionId}" is not a question in ${set.id} version ${set.version}.`);
  const answer: Answer = {
    value: input.value,
    by: who.by,
    locale: who.locale,
    variant: who.variant,
    at: who.at ?? new Date().toISOString(),
  };
  if (input.note !== undefined && input.note !== '') answer.note = input.note;
  if (input.help) answer.help = true;
  const answers = doc.answers as Record<string, Record<string, Answer> | undefined>;
  return {
    ...doc,
    answers: { ...answers, [q.domain]: { ...(answers[q.domain] ?? {}), [q.key]: answer } },
  } as AnyChecklist;
}

/** Remove an answer (e.g. the young person taps an answer again to clear it). */
export function clearAnswer(doc: AnyChecklist, questionId: string): AnyChecklist {
  const [domain, key] = splitId(questionId);
  const answers = doc.answers as Record<string, Record<string, Answer> | undefined>;
  const d = answers[domain];
  if (!d || !(key in d)) return doc;
  const { [key]: _removed, ...rest } = d;
  const next: Record<string, unknown> = { ...answers };
  if (Object.keys(rest).length) next[domain] = rest;
  else delete next[domain];
  return { ...doc, answers: next } as AnyChecklist;
}

export function splitId(questionId: string): [DomainId, string] {
  const dot = questionId.indexOf('.');
  return [questionId.slice(0, dot) as DomainId, questionId.slice(dot + 1)];
}
