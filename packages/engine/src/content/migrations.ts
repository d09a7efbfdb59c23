// Question-set migrations: map answers given in an old version to a new one. Each step is data (rename, split,
// merge, retire) so a migration can be read, documented and tested. An old plan is never migrated in place: it
// keeps rendering with the version (and the frozen words) it was answered in. Migration is for carrying answers
// into the next plan.

import { type AnyChecklist, emptyChecklist, getAnswer, splitId } from '../answers/answers.js';
import type { Answer, AnswerValue, QuestionSet } from './question-set.js';
import { ContentError, questionSet } from './question-set.js';

/**
 * How a split maps the old answer onto each new question:
 * - `copy`: every new question gets the old answer.
 * - `yes-only`: `yes` and `not-relevant` are copied; a `no` cannot say which part was missing, so the new
 *   questions are left unanswered and listed to ask again.
 */
export type SplitRule = 'copy' | 'yes-only';

/**
 * How a merge combines old answers: `all-yes` gives yes when every answered one is yes, no when any is no,
 * not-relevant when all are not-relevant.
 */
export type MergeRule = 'all-yes';

export type MigrationStep =
  | { readonly op: 'rename'; readonly from: string; readonly to: string }
  | { readonly op: 'split'; readonly from: string; readonly into: readonly string[]; readonly rule: SplitRule }
  | { readonly op: 'merge'; readonly from: readonly string[]; readonly into: string; readonly rule: MergeRule }
  | { readonly op: 'retire'; readonly id: string };

export interface Migration {
  readonly from: number;
  readonly to: number;
  readonly description: string;
  readonly steps: readonly MigrationStep[];
}

/** The shipped migrations, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    description:
      'Version 2 asks about a passport and a birth certificate separately: young people often had one and not the other.',
    steps: [
      {
        op: 'split',
        from: 'independence.id-documents',
        into: ['independence.passport', 'independence.birth-certificate'],
        rule: 'yes-only',
      },
    ],
  },
];

export interface MigrationResult {
  readonly checklist: AnyChecklist;
  readonly from: number;
  readonly to: number;
  /** New questions that could not be answered from the old answers and should be asked again. */
  readonly askAgain: readonly string[];
  /** Old answers whose note could not be carried to a new answer: kept here so no words are lost. */
  readonly carriedNotes: readonly { readonly from: string; readonly note: string }[];
  /** Old questions where the young person asked for help and the request could not be carried to a new answer:
   * the worker should follow these up, since "needs help" no longer shows them. */
  readonly carriedHelp: readonly string[];
}

/** Migrate a checklist to a newer question-set version (default: the latest shipped). */
export function migrateChecklist(
  doc: AnyChecklist,
  toVersion?: number,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  const target = toVersion ?? Math.max(doc.version, ...migrations.map((m) => m.to));
  if (target < doc.version) throw new ContentError(`Cannot migrate version ${doc.version} back to ${target}.`);
  let current = doc;
  const askAgain: string[] = [];
  const carriedNotes: { from: string; note: string }[] = [];
  const carriedHelp: string[] = [];
  while (current.version < target) {
    const m = migrations.find((x) => x.from === current.version);
    if (!m) throw new ContentError(`No migration from question-set version ${current.version}.`);
    const r = applyMigration(current, m, questionSet(m.from), questionSet(m.to));
    current = r.checklist;
    askAgain.push(...r.askAgain);
    carriedNotes.push(...r.carriedNotes);
    carriedHelp.push(...r.carriedHelp);
  }
  return { checklist: current, from: doc.version, to: current.version, askAgain, carriedNotes, carriedHelp };
}

/** Apply one migration between two question sets. Exposed so councils can test their own migrations. */
export function applyMigration(
  doc: AnyChecklist,
  m: Migration,
  fromSet: QuestionSet,
  toSet: QuestionSet,
): MigrationResult {
  if (doc.version !== m.from) throw new ContentError(`This migration is for version ${m.from}, not ${doc.version}.`);
  const handled = new Set<string>();
  const out = new Map<string, Answer>();
  const askAgain: string[] = [];
  const carriedNotes: { from: string; note: string }[] = [];
  const carriedHelp: string[] = [];

  for (const step of m.steps) {
    switch (step.op) {
      case 'rename': {
        handled.add(step.from);
        const a = getAnswer(doc, step.from);
        if (a) out.set(step.to, a);
        break;
      }
      case 'retire': {
        handled.add(step.id);
        const a = getAnswer(doc, step.id);
        if (a?.note) carriedNotes.push({ from: step.id, note: a.note });
        if (a?.help) carriedHelp.push(step.id);
        break;
      }
      case 'split': {
        handled.add(step.from);
        const a = getAnswer(doc, step.from);
        if (!a) break;
        if (step.rule === 'copy' || a.value !== 'no') for (const id of step.into) out.set(id, { ...a });
        else {
          askAgain.push(...step.into);
          if (a.note) carriedNotes.push({ from: step.from, note: a.note });
          if (a.help) carriedHelp.push(step.from);
        }
        break;
      }
      case 'merge': {
        const pairs = step.from.flatMap((id) => {
          const a = getAnswer(doc, id);
          return a ? [{ id, a }] : [];
        });
        const olds = pairs.map((p) => p.a);
        for (const id of step.from) handled.add(id);
        if (!olds.length) break;
        const values = olds.map((a) => a.value);
        const value: AnswerValue = values.includes('no')
          ? 'no'
          : values.every((v) => v === 'not-relevant')
            ? 'not-relevant'
            : 'yes';
        const noted = pairs.filter((p): p is { id: string; a: Answer & { note: string } } => !!p.a.note);
        const notes = noted.map((p) => p.a.note);
        const latest = olds.reduce((x, y) => (x.at >= y.at ? x : y));
        const merged: Answer = { ...latest, value };
        const note = notes.join('\n');
        delete merged.note;
        // The notes are joined when they fit in one note; otherwise each is kept, with the question it came from.
        if (note && [...note].length <= 500) merged.note = note;
        else for (const p of noted) carriedNotes.push({ from: p.id, note: p.a.note });
        if (olds.some((a) => a.help)) merged.help = true;
        out.set(step.into, merged);
        break;
      }
    }
  }
  // Every other question keeps its answer if it still exists in the new set.
  for (const q of fromSet.questions) {
    if (handled.has(q.id)) continue;
    const a = getAnswer(doc, q.id);
    if (!a) continue;
    if (toSet.byId.has(q.id)) out.set(q.id, a);
    else
      throw new ContentError(
        `Question "${q.id}" is not in version ${toSet.version} and the migration does not say what happens to it.`,
      );
  }
  const next = emptyChecklist(toSet) as { answers: Record<string, Record<string, Answer>> };
  for (const q of toSet.questions) {
    const a = out.get(q.id);
    if (!a) continue;
    const [domain, key] = splitId(q.id);
    next.answers[domain] = { ...(next.answers[domain] ?? {}), [key]: a };
  }
  return { checklist: next as unknown as AnyChecklist, from: m.from, to: m.to, askAgain, carriedNotes, carriedHelp };
}
