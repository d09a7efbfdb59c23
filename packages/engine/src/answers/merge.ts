// Merging two people's changes to one checklist after they both saved from the same copy (a save refused with
// 409 because someone else saved meanwhile). A three-way merge, answer by answer: each side's changes are the
// answers that differ from the copy both started from (`base`). Changes to different answers never conflict and
// are all kept. The same answer changed on both sides to different things is a conflict: the merge keeps the
// answer already saved (`theirs`), so nothing saved is overwritten unseen, and reports it, so the caller can show
// both and let the person choose. The same answer changed to the same thing on both sides is no conflict.
//
// Answers are compared by what was answered (value, note, help), not by who answered or when: the young person
// re-saving the answer their PA recorded with them is not a change.
import type { Answer } from '../content/question-set.js';
import { ContentError } from '../content/question-set.js';
import type { AnyChecklist } from './answers.js';

/** One answer both sides changed differently since the copy they started from. */
export interface ChecklistConflict {
  /** `domain.key`, e.g. `housing.heating`. */
  readonly questionId: string;
  /** The answer in the copy both started from (undefined: it was unanswered). */
  readonly base: Answer | undefined;
  /** This side's answer (undefined: cleared). */
  readonly mine: Answer | undefined;
  /** The answer saved meanwhile, which the merge keeps (undefined: cleared). */
  readonly theirs: Answer | undefined;
}

export interface ChecklistMerge {
  /** `theirs` with every change of `mine` that does not conflict. */
  readonly checklist: AnyChecklist;
  /** The answers taken from `mine`, as question ids (the saved copy's order, then new ones). */
  readonly fromMine: readonly string[];
  /** The answers both sides changed differently; the merged checklist holds `theirs` for each. */
  readonly conflicts: readonly ChecklistConflict[];
}

/** What an answer says, without who gave it: enough to compare and merge (a form's fields, a request body). */
export type AnswerContent = Pick<Answer, 'value' | 'note' | 'help'>;

/** Whether two answers say the same thing: value, note and help (who answered and when do not count). */
export function sameAnswer(a: AnswerContent | undefined, b: AnswerContent | undefined): boolean {
  if (!a || !b) return a === b;
  return a.value === b.value && (a.note ?? '') === (b.note ?? '') && Boolean(a.help) === Boolean(b.help);
}

/** The outcome of merging one answer: the answer to keep (undefined: none), and whether the two sides conflict. */
export interface AnswerMerge<A extends AnswerContent = Answer> {
  readonly answer: A | undefined;
  readonly from: 'base' | 'mine' | 'theirs';
  readonly conflict: boolean;
}

/**
 * Three-way merge of one answer: `base` is what both sides started from. Unchanged on one side → the other side's;
 * changed alike on both → theirs (already saved); changed differently → theirs, with `conflict: true`. For a
 * server taking one answer at a time (per-answer writes) this is the whole rule.
 */
export function mergeAnswer<A extends AnswerContent>(
  base: AnswerContent | undefined,
  mine: A | undefined,
  theirs: A | undefined,
): AnswerMerge<A> {
  if (sameAnswer(mine, base))
    return { answer: theirs, from: sameAnswer(theirs, base) ? 'base' : 'theirs', conflict: false };
  if (sameAnswer(theirs, base)) return { answer: mine, from: 'mine', conflict: false };
  return { answer: theirs, from: 'theirs', conflict: !sameAnswer(mine, theirs) };
}

type Answers = Record<string, Record<string, Answer> | undefined>;

/** Question ids whose answer says something different in `after` than in `before` (added, changed or cleared). */
export function changedAnswers(before: AnyChecklist, after: AnyChecklist): string[] {
  const a = before.answers as Answers;
  const b = after.answers as Answers;
  return questionIds(a, b)
    .filter(([d, k]) => !sameAnswer(a[d]?.[k], b[d]?.[k]))
    .map(([d, k]) => `${d}.${k}`);
}

/**
 * Merges `mine` (this side's edit of `base`) into `theirs` (what was saved since `base`). All three must be of the
 * same question-set version: answers are matched by question id, and an id can mean another question in another
 * version (a ContentError says so; migrate first).
 */
export function mergeChecklists(base: AnyChecklist, mine: AnyChecklist, theirs: AnyChecklist): ChecklistMerge {
  for (const [name, doc] of [
    ['base', base],
    ['mine', mine],
  ] as const)
    if (doc.version !== theirs.version)
      throw new ContentError(
        `${name}: question-set version ${doc.version} cannot be merged with version ${theirs.version}; migrate it first.`,
      );
  const b = base.answers as Answers;
  const m = mine.answers as Answers;
  const t = theirs.answers as Answers;
  const answers: Record<string, Record<string, Answer>> = {};
  const fromMine: string[] = [];
  const conflicts: ChecklistConflict[] = [];
  for (const [d, k] of questionIds(t, m, b)) {
    const r = mergeAnswer(b[d]?.[k], m[d]?.[k], t[d]?.[k]);
    const id = `${d}.${k}`;
    if (r.conflict) conflicts.push({ questionId: id, base: b[d]?.[k], mine: m[d]?.[k], theirs: t[d]?.[k] });
    else if (r.from === 'mine') fromMine.push(id);
    if (r.answer) {
      answers[d] ??= {};
      answers[d][k] = r.answer;
    }
  }
  return { checklist: { ...theirs, answers } as AnyChecklist, fromMine, conflicts };
}

/** Every [domain, key] present in any of the answer maps, first-seen order (the saved copy's order first). */
function questionIds(...maps: Answers[]): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const map of maps)
    for (const [d, qs] of Object.entries(map))
      for (const k of Object.keys(qs ?? {})) {
        const id = `${d}.${k}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push([d, k]);
      }
  return out;
}

/**
 * What a save of the whole checklist changes on the server, answer by answer, so that it changes only what the
 * writer changed. `saved` is the checklist as stored now; `sent` is the writer's checklist.
 * - With `base` (the copy the writer started from, e.g. the plan at the version in `If-Match`): the three-way merge
 *   above. Answers someone else saved meanwhile are kept; the same answer changed differently is a conflict.
 * - Without `base` (the writer did not say what they started from): every answer sent replaces the saved one, and
 *   an answer not sent is left as saved (never cleared). Never a conflict.
 */
export function mergeChecklistSave(saved: AnyChecklist, sent: AnyChecklist, base?: AnyChecklist): ChecklistMerge {
  if (base) return mergeChecklists(base, sent, saved);
  const s = saved.answers as Answers;
  const m = sent.answers as Answers;
  const sentOnly: Record<string, Record<string, Answer>> = {};
  for (const [d, qs] of Object.entries(m))
    for (const k of Object.keys(qs ?? {})) {
      const a = s[d]?.[k];
      if (!a) continue;
      sentOnly[d] ??= {};
      sentOnly[d][k] = a;
    }
  return mergeChecklists({ ...saved, answers: sentOnly } as AnyChecklist, sent, saved);
}

/**
 * A save of some answers only (the server's per-answer route): the new answers by question id (`null` clears one),
 * and, for each, what the writer's copy said before they changed it (`base`, `null`: unanswered).
 */
export interface AnswerPatch {
  /** `domain.key` → the new answer, or `null` to clear it. */
  readonly answers: Readonly<Record<string, Answer | null>>;
  /**
   * `domain.key` → the answer the writer started from (`null`: it was unanswered). A question sent without a base
   * replaces the saved answer whatever it is (last writer wins, for that answer only).
   */
  readonly base?: Readonly<Record<string, AnswerContent | null>>;
}

/**
 * What a per-answer save changes: each answer sent, merged into the saved checklist by the same three-way rule as
 * a whole save (`mergeAnswer`): saved answer unchanged since the writer's base → the writer's answer; changed
 * meanwhile to something else than the writer's → a conflict (the saved one is kept). Answers not sent are never
 * touched, so writers of different answers never conflict. Question ids must be `domain.key`.
 */
export function mergeAnswerPatch(saved: AnyChecklist, patch: AnswerPatch): ChecklistMerge {
  const s = saved.answers as Answers;
  const mine: Record<string, Record<string, Answer>> = {};
  const base: Record<string, Record<string, Answer>> = {};
  for (const [d, qs] of Object.entries(s)) {
    mine[d] = { ...qs };
    base[d] = { ...qs };
  }
  const put = (map: Record<string, Record<string, Answer>>, id: string, a: AnswerContent | null | undefined) => {
    const dot = id.indexOf('.');
    if (dot < 1) throw new ContentError(`"${id}" is not a question id (domain.key).`);
    const d = id.slice(0, dot);
    const k = id.slice(dot + 1);
    if (a) {
      map[d] ??= {};
      (map[d] as Record<string, Answer>)[k] = a as Answer;
    } else if (map[d]) delete map[d][k];
  };
  for (const [id, a] of Object.entries(patch.answers)) {
    put(mine, id, a);
    if (patch.base && Object.hasOwn(patch.base, id)) put(base, id, patch.base[id]);
  }
  return mergeChecklists(
    { ...saved, answers: base } as AnyChecklist,
    { ...saved, answers: mine } as AnyChecklist,
    saved,
  );
}
