// The checklist merge after a conflict: different answers never conflict; the same answer changed on both
// sides is reported, never silently dropped; nothing already saved is overwritten unseen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnswerInput,
  type AnyChecklist,
  ContentError,
  changedAnswers,
  emptyChecklist,
  getAnswer,
  mergeAnswer,
  mergeAnswerPatch,
  mergeChecklistSave,
  mergeChecklists,
  questionSet,
  sameAnswer,
  setAnswer,
} from '../src/index.js';

const set = questionSet();
const Q = set.questions.map((q) => q.id);
const yp = { by: 'young-person' as const, locale: 'en-GB', variant: 'standard' as const, at: '2026-03-01T10:00:00Z' };
const pa = { by: 'together' as const, locale: 'en-GB', variant: 'standard' as const, at: '2026-03-01T11:00:00Z' };

function answered(pairs: [string, AnswerInput][], who = yp, from: AnyChecklist = emptyChecklist(set)): AnyChecklist {
  return pairs.reduce((doc, [id, a]) => setAnswer(set, doc, id, a, who), from);
}

describe('mergeChecklists', () => {
  const base = answered([
    [Q[0]!, { value: 'yes' }],
    [Q[1]!, { value: 'no' }],
  ]);

  it('keeps both sides’ changes when they changed different answers', () => {
    const mine = answered([[Q[2]!, { value: 'yes', note: 'My words <b>as written</b>' }]], yp, base);
    const theirs = answered([[Q[1]!, { value: 'yes', help: true }]], pa, base);
    const r = mergeChecklists(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.fromMine).toEqual([Q[2]]);
    expect(getAnswer(r.checklist, Q[0]!)?.value).toBe('yes');
    expect(getAnswer(r.checklist, Q[1]!)).toEqual(getAnswer(theirs, Q[1]!));
    expect(getAnswer(r.checklist, Q[2]!)).toEqual(getAnswer(mine, Q[2]!));
    expect(getAnswer(r.checklist, Q[2]!)?.note).toBe('My words <b>as written</b>');
  });

  it('reports the same answer changed differently on both sides, keeping the saved one', () => {
    const mine = answered([[Q[1]!, { value: 'yes' }]], yp, base);
    const theirs = answered([[Q[1]!, { value: 'not-relevant' }]], pa, base);
    const r = mergeChecklists(base, mine, theirs);
    expect(r.conflicts).toEqual([
      {
        questionId: Q[1],
        base: getAnswer(base, Q[1]!),
        mine: getAnswer(mine, Q[1]!),
        theirs: getAnswer(theirs, Q[1]!),
      },
    ]);
    expect(getAnswer(r.checklist, Q[1]!)?.value).toBe('not-relevant');
    expect(r.fromMine).toEqual([]);
  });

  it('counts a note or a help flag as part of the answer', () => {
    const mine = answered([[Q[0]!, { value: 'yes', note: 'only sometimes' }]], yp, base);
    const theirs = answered([[Q[0]!, { value: 'yes', help: true }]], pa, base);
    expect(mergeChecklists(base, mine, theirs).conflicts.map((c) => c.questionId)).toEqual([Q[0]]);
  });

  it('reports clearing an answer on one side and changing it on the other', () => {
    const cleared = structuredClone(base) as AnyChecklist;
    const [d, k] = Q[0]!.split('.') as [string, string];
    delete (cleared.answers as Record<string, Record<string, unknown>>)[d]![k];
    const theirs = answered([[Q[0]!, { value: 'no' }]], pa, base);
    const r = mergeChecklists(base, cleared, theirs);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.mine).toBeUndefined();
    expect(getAnswer(r.checklist, Q[0]!)?.value).toBe('no');
    // Cleared on one side only: the clearing is a change like any other and is kept.
    const r2 = mergeChecklists(base, cleared, base);
    expect(r2.conflicts).toEqual([]);
    expect(getAnswer(r2.checklist, Q[0]!)).toBeUndefined();
  });

  it('is no conflict when both sides gave the same answer (who and when do not count)', () => {
    const mine = answered([[Q[1]!, { value: 'yes' }]], yp, base);
    const theirs = answered([[Q[1]!, { value: 'yes' }]], pa, base);
    const r = mergeChecklists(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(getAnswer(r.checklist, Q[1]!)).toEqual(getAnswer(theirs, Q[1]!));
  });

  it('refuses to merge different question-set versions, naming which', () => {
    const old = { ...base, version: 1 } as AnyChecklist;
    expect(() => mergeChecklists(old, base, base)).toThrow(ContentError);
    expect(() => mergeChecklists(old, base, base)).toThrow(/base: question-set version 1/);
  });

  it('never loses a change: every answer either side changed is in the result or reported', () => {
    const value = fc.constantFrom('yes', 'no', 'not-relevant', undefined);
    const side = fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), value), { maxLength: 12 });
    const edit = (from: AnyChecklist, changes: [number, string | undefined][], who: typeof yp) =>
      changes.reduce((doc, [i, v]) => {
        const id = Q[i]!;
        if (v !== undefined) return setAnswer(set, doc, id, { value: v as AnswerInput['value'] }, who);
        const next = structuredClone(doc) as AnyChecklist;
        const [d, k] = id.split('.') as [string, string];
        delete (next.answers as Record<string, Record<string, unknown> | undefined>)[d]?.[k];
        return next;
      }, from);
    fc.assert(
      fc.property(side, side, (a, b) => {
        const mine = edit(base, a, yp);
        const theirs = edit(base, b, pa);
        const r = mergeChecklists(base, mine, theirs);
        const conflicted = new Set(r.conflicts.map((c) => c.questionId));
        for (const id of changedAnswers(base, theirs))
          expect(sameAnswer(getAnswer(r.checklist, id), getAnswer(theirs, id))).toBe(true);
        for (const id of changedAnswers(base, mine)) {
          const kept = sameAnswer(getAnswer(r.checklist, id), getAnswer(mine, id));
          expect(kept || conflicted.has(id), id).toBe(true);
        }
        // A conflict is only ever a real disagreement.
        for (const c of r.conflicts) expect(sameAnswer(c.mine, c.theirs)).toBe(false);
      }),
      { seed: 10, numRuns: 300 },
    );
  });
});

describe('mergeAnswer (one answer at a time, for per-answer writes)', () => {
  const a = { value: 'yes', by: 'young-person', locale: 'en-GB', variant: 'standard', at: 'x' } as const;
  const b = { ...a, value: 'no' } as const;
  const c = { ...a, value: 'not-relevant' } as const;
  it('takes the side that changed, and reports a real disagreement', () => {
    expect(mergeAnswer(a, a, b)).toEqual({ answer: b, from: 'theirs', conflict: false });
    expect(mergeAnswer(a, b, a)).toEqual({ answer: b, from: 'mine', conflict: false });
    expect(mergeAnswer(a, b, c)).toEqual({ answer: c, from: 'theirs', conflict: true });
    expect(mergeAnswer(a, b, b)).toEqual({ answer: b, from: 'theirs', conflict: false });
    expect(mergeAnswer(undefined, b, undefined)).toEqual({ answer: b, from: 'mine', conflict: false });
    expect(mergeAnswer(undefined, b, c).conflict).toBe(true);
    expect(mergeAnswer(a, a, a).from).toBe('base');
  });
});

describe('mergeChecklistSave', () => {
  const saved = answered([
    [Q[0]!, { value: 'yes' }],
    [Q[1]!, { value: 'no' }],
  ]);

  it('without a base, changes only the answers sent and never clears one not sent', () => {
    const sent = answered([[Q[2]!, { value: 'yes' }]]);
    const r = mergeChecklistSave(saved, sent);
    expect(r.conflicts).toEqual([]);
    expect(r.fromMine).toEqual([Q[2]]);
    expect(getAnswer(r.checklist, Q[0]!)?.value).toBe('yes');
    expect(getAnswer(r.checklist, Q[1]!)?.value).toBe('no');
    const changed = answered([[Q[1]!, { value: 'yes' }]], yp, saved);
    expect(getAnswer(mergeChecklistSave(saved, changed).checklist, Q[1]!)?.value).toBe('yes');
  });

  it('with a base, keeps what someone else saved meanwhile and reports the same answer changed differently', () => {
    const base = answered([[Q[0]!, { value: 'yes' }]]);
    const mine = answered(
      [
        [Q[0]!, { value: 'no' }],
        [Q[2]!, { value: 'yes' }],
      ],
      yp,
      base,
    );
    const r = mergeChecklistSave(saved, mine, base);
    expect(getAnswer(r.checklist, Q[1]!)?.value).toBe('no');
    expect(getAnswer(r.checklist, Q[2]!)?.value).toBe('yes');
    expect(r.conflicts).toEqual([]);
    const theirs = answered([[Q[2]!, { value: 'no' }]], pa, saved);
    expect(mergeChecklistSave(theirs, mine, base).conflicts.map((c) => c.questionId)).toEqual([Q[2]]);
  });
});

describe('mergeAnswerPatch (a save of some answers only)', () => {
  const saved = answered([
    [Q[0]!, { value: 'yes' }],
    [Q[1]!, { value: 'no' }],
  ]);
  const a = (value: 'yes' | 'no' | 'not-relevant', note?: string) =>
    getAnswer(answered([[Q[5]!, { value, ...(note ? { note } : {}) }]], pa), Q[5]!)!;

  it('changes only the answers sent; every other answer stays exactly as saved', () => {
    const r = mergeAnswerPatch(saved, { answers: { [Q[2]!]: a('yes', 'mine') } });
    expect(r.conflicts).toEqual([]);
    expect(r.fromMine).toEqual([Q[2]]);
    expect(getAnswer(r.checklist, Q[2]!)).toMatchObject({ value: 'yes', note: 'mine' });
    expect(getAnswer(r.checklist, Q[0]!)).toBe(getAnswer(saved, Q[0]!));
    expect(getAnswer(r.checklist, Q[1]!)).toBe(getAnswer(saved, Q[1]!));
    expect(getAnswer(saved, Q[2]!)).toBeUndefined();
  });

  it('two writers of different answers from the same copy never conflict, in either order', () => {
    const one = { answers: { [Q[2]!]: a('yes') }, base: { [Q[2]!]: null } };
    const two = { answers: { [Q[3]!]: a('no') }, base: { [Q[3]!]: null } };
    for (const [x, y] of [
      [one, two],
      [two, one],
    ] as const) {
      const r = mergeAnswerPatch(mergeAnswerPatch(saved, x).checklist, y);
      expect(r.conflicts).toEqual([]);
      expect(getAnswer(r.checklist, Q[2]!)?.value).toBe('yes');
      expect(getAnswer(r.checklist, Q[3]!)?.value).toBe('no');
    }
  });

  it('the same answer from a stale base is a conflict naming base, mine and theirs; the saved one is kept', () => {
    const base = { [Q[1]!]: { value: 'no' as const } };
    const first = mergeAnswerPatch(saved, { answers: { [Q[1]!]: a('yes') }, base });
    expect(first.conflicts).toEqual([]);
    const second = mergeAnswerPatch(first.checklist, { answers: { [Q[1]!]: a('not-relevant') }, base });
    expect(second.conflicts).toEqual([
      {
        questionId: Q[1],
        base: { value: 'no' },
        mine: expect.objectContaining({ value: 'not-relevant' }),
        theirs: expect.objectContaining({ value: 'yes' }),
      },
    ]);
    expect(getAnswer(second.checklist, Q[1]!)?.value).toBe('yes');
    // The merge path: the writer chooses, and sends again with the saved answer as their base.
    const again = mergeAnswerPatch(first.checklist, {
      answers: { [Q[1]!]: a('not-relevant') },
      base: { [Q[1]!]: getAnswer(first.checklist, Q[1]!)! },
    });
    expect(again.conflicts).toEqual([]);
    expect(getAnswer(again.checklist, Q[1]!)?.value).toBe('not-relevant');
  });

  it('the same change made by both is no conflict; without a base the sent answer wins; null clears', () => {
    const same = mergeAnswerPatch(saved, { answers: { [Q[1]!]: a('no') }, base: { [Q[1]!]: null } });
    expect(same.conflicts).toEqual([]);
    expect(same.fromMine).toEqual([]);
    const noBase = mergeAnswerPatch(saved, { answers: { [Q[1]!]: a('yes') } });
    expect(getAnswer(noBase.checklist, Q[1]!)?.value).toBe('yes');
    const cleared = mergeAnswerPatch(saved, { answers: { [Q[0]!]: null }, base: { [Q[0]!]: { value: 'yes' } } });
    expect(cleared.conflicts).toEqual([]);
    expect(getAnswer(cleared.checklist, Q[0]!)).toBeUndefined();
    expect(() => mergeAnswerPatch(saved, { answers: { nodot: null } })).toThrow(ContentError);
  });

  it('agrees with the whole-checklist merge: a patch is the whole save of the same changes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: Q.length - 1 }), { maxLength: 8 }),
        fc.array(fc.constantFrom('yes', 'no', 'not-relevant', null), { minLength: 8, maxLength: 8 }),
        (picks, values) => {
          const answers: Record<string, ReturnType<typeof a> | null> = {};
          picks.forEach((i, n) => {
            const v = values[n] as 'yes' | 'no' | 'not-relevant' | null;
            answers[Q[i]!] = v ? a(v) : null;
          });
          let mine = saved;
          for (const [id, x] of Object.entries(answers))
            mine = x ? setAnswer(set, mine, id, { value: x.value }, pa) : clearAnswerOf(mine, id);
          const viaPatch = mergeAnswerPatch(saved, {
            answers,
            base: Object.fromEntries(picks.map((i) => [Q[i]!, getAnswer(saved, Q[i]!) ?? null])),
          });
          const viaWhole = mergeChecklists(saved, mine, saved);
          expect(changedAnswers(viaWhole.checklist, viaPatch.checklist)).toEqual([]);
          expect(viaPatch.conflicts).toEqual([]);
        },
      ),
    );
  });
});

function clearAnswerOf(doc: AnyChecklist, id: string): AnyChecklist {
  const [d, k] = id.split('.') as [string, string];
  const answers = structuredClone(doc.answers) as Record<string, Record<string, unknown>>;
  if (answers[d]) delete answers[d][k];
  return { ...doc, answers } as AnyChecklist;
}
