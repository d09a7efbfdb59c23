// Derived views over a checklist: progress, "needs help" items and what changed since the last plan.
import type { Answer, DomainId, Question, QuestionSet } from '../content/question-set.js';
import { type AnyChecklist, getAnswer } from './answers.js';

export interface Progress {
  readonly answered: number;
  readonly total: number;
  /** Whole-number percentage, 0-100, rounded down so 100 means every question is answered. */
  readonly percent: number;
}

export interface ChecklistProgress {
  readonly overall: Progress;
  readonly domains: Readonly<Record<DomainId, Progress>>;
}

function progress(answered: number, total: number): Progress {
  return { answered, total, percent: total === 0 ? 0 : Math.floor((answered / total) * 100) };
}

/** Progress per domain and overall. */
export function checklistProgress(set: QuestionSet, doc: AnyChecklist): ChecklistProgress {
  let answered = 0;
  const domains = {} as Record<DomainId, Progress>;
  for (const d of set.domains) {
    const n = d.questions.filter((q) => getAnswer(doc, q.id)).length;
    answered += n;
    domains[d.id] = progress(n, d.questions.length);
  }
  return { overall: progress(answered, set.questions.length), domains };
}

export type HelpReason = 'asked-for-help' | 'not-enough-help';

export interface NeedsHelpItem {
  readonly question: Question;
  readonly answer: Answer;
  /** asked-for-help: the young person ticked "I'd like help with this"; not-enough-help: they said "no" to
   * "are you getting enough help with …?". */
  readonly reasons: readonly HelpReason[];
}

/** The questions the young person wants help with, in question-set order. */
export function needsHelp(set: QuestionSet, doc: AnyChecklist): NeedsHelpItem[] {
  const out: NeedsHelpItem[] = [];
  for (const q of set.questions) {
    const a = getAnswer(doc, q.id);
    if (!a) continue;
    const reasons: HelpReason[] = [];
    if (a.help) reasons.push('asked-for-help');
    if (q.kind === 'help' && a.value === 'no') reasons.push('not-enough-help');
    if (reasons.length) out.push({ question: q, answer: a, reasons });
  }
  return out;
}

export type ChangeKind = 'new' | 'changed' | 'removed' | 'note-changed' | 'help-changed';

export interface AnswerChange {
  readonly questionId: string;
  readonly kind: ChangeKind;
  readonly before?: Answer;
  readonly after?: Answer;
}

/**
 * Answers changed since the last plan. Both checklists must be in the same question-set version (migrate the old
 * one first). A value change wins over a note or help change.
 */
export function changesSince(set: QuestionSet, previous: AnyChecklist, current: AnyChecklist): AnswerChange[] {
  const out: AnswerChange[] = [];
  for (const q of set.questions) {
    const before = getAnswer(previous, q.id);
    const after = getAnswer(current, q.id);
    if (!before && !after) continue;
    const base = { questionId: q.id, ...(before ? { before } : {}), ...(after ? { after } : {}) };
    if (!before) out.push({ ...base, kind: 'new' });
    else if (!after) out.push({ ...base, kind: 'removed' });
    else if (before.value !== after.value) out.push({ ...base, kind: 'changed' });
    else if ((before.note ?? '') !== (after.note ?? '')) out.push({ ...base, kind: 'note-changed' });
    else if (Boolean(before.help) !== Boolean(after.help)) out.push({ ...base, kind: 'help-changed' });
  }
  return out;
}
