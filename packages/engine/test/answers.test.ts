import { describe, expect, it } from 'vitest';
import {
  type AnyChecklist,
  ContentError,
  changesSince,
  checklistProgress,
  clearAnswer,
  DOMAINS,
  emptyChecklist,
  getAnswer,
  listAnswers,
  needsHelp,
  questionSet,
  setAnswer,
} from '../src/index.js';
import { who } from './validation.fixtures.js';

const set = questionSet();

function answered(pairs: [string, 'yes' | 'no' | 'not-relevant', { note?: string; help?: boolean }?][]): AnyChecklist {
  let doc = emptyChecklist(set);
  for (const [id, value, extra] of pairs) doc = setAnswer(set, doc, id, { value, ...extra }, who);
  return doc;
}

describe('the shipped question set', () => {
  it('has 8 domains in display order and 66 questions with unique slug ids', () => {
    expect(set.domains.map((d) => d.id)).toEqual(DOMAINS);
    expect(set.questions).toHaveLength(66);
    expect(new Set(set.questions.map((q) => q.id)).size).toBe(66);
    for (const q of set.questions) expect(q.id).toMatch(/^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('marks the "enough help" questions as help questions, one per domain except identity', () => {
    expect(set.questions.filter((q) => q.kind === 'help').map((q) => q.domain)).toEqual(
      DOMAINS.filter((d) => d !== 'identity'),
    );
  });
});

describe('setAnswer / clearAnswer', () => {
  it('records provenance, drops empty notes and false help, and never changes the input', () => {
    const empty = emptyChecklist(set);
    const doc = setAnswer(set, empty, 'housing.heating', { value: 'yes', note: '', help: false }, who);
    expect(getAnswer(doc, 'housing.heating')).toEqual({ ...who, value: 'yes' });
    expect(empty.answers).toEqual({});
    const withNote = setAnswer(
      set,
      doc,
      'housing.heating',
      { value: 'no', note: '  <b>cold</b> ', help: true },
      { ...who, by: 'together', variant: 'easy', locale: 'cy' },
    );
    // The young person's words are kept exactly as written (escaping is the renderer's job).
    expect(getAnswer(withNote, 'housing.heating')).toEqual({
      ...who,
      by: 'together',
      variant: 'easy',
      locale: 'cy',
      value: 'no',
      note: '  <b>cold</b> ',
      help: true,
    });
    expect(getAnswer(doc, 'housing.heating')?.value).toBe('yes');
  });

  it('stamps the time when none is given', () => {
    const doc = setAnswer(
      set,
      emptyChecklist(set),
      'health.gp',
      { value: 'yes' },
      { by: 'worker', locale: 'en-GB', variant: 'standard' },
    );
    expect(Date.parse(getAnswer(doc, 'health.gp')?.at ?? '')).not.toBeNaN();
  });

  it('refuses a question that is not in the set', () => {
    expect(() => setAnswer(set, emptyChecklist(set), 'independence.id-documents', { value: 'yes' }, who)).toThrow(
      new ContentError('"independence.id-documents" is not a question in onward.outcomes version 2.'),
    );
  });

  it('clearing removes the answer and an emptied domain', () => {
    const doc = answered([
      ['housing.heating', 'yes'],
      ['housing.safe', 'no'],
      ['money.enough', 'yes'],
    ]);
    const one = clearAnswer(doc, 'housing.heating');
    expect(Object.keys(one.answers.housing ?? {})).toEqual(['safe']);
    const two = clearAnswer(clearAnswer(one, 'housing.safe'), 'housing.safe');
    expect(Object.keys(two.answers)).toEqual(['money']);
    expect(clearAnswer(doc, 'identity.past')).toBe(doc);
  });

  it('lists answers in question-set order, whatever order they were given in', () => {
    const doc = answered([
      ['identity.past', 'yes'],
      ['housing.internet', 'no'],
      ['housing.own-space', 'yes'],
    ]);
    expect(listAnswers(set, doc).map(([id]) => id)).toEqual(['housing.own-space', 'housing.internet', 'identity.past']);
  });
});

describe('checklistProgress', () => {
  it('counts per domain and overall, rounding down so 100% means everything is answered', () => {
    const empty = checklistProgress(set, emptyChecklist(set));
    expect(empty.overall).toEqual({ answered: 0, total: 66, percent: 0 });
    expect(empty.domains.activities).toEqual({ answered: 0, total: 4, percent: 0 });

    const doc = answered([
      ['activities.sport', 'yes'],
      ['activities.other', 'not-relevant'],
      ['activities.find-out', 'no'],
      ['housing.heating', 'yes'],
    ]);
    const p = checklistProgress(set, doc);
    expect(p.domains.activities).toEqual({ answered: 3, total: 4, percent: 75 });
    expect(p.domains.housing).toEqual({ answered: 1, total: 14, percent: 7 });
    expect(p.overall).toEqual({ answered: 4, total: 66, percent: 6 });

    let all = emptyChecklist(set);
    for (const q of set.questions.slice(0, 65)) all = setAnswer(set, all, q.id, { value: 'yes' }, who);
    expect(checklistProgress(set, all).overall.percent).toBe(98);
    all = setAnswer(set, all, set.questions[65]!.id, { value: 'yes' }, who);
    expect(checklistProgress(set, all).overall).toEqual({ answered: 66, total: 66, percent: 100 });
  });
});

describe('needsHelp', () => {
  it('lists help requests and "no" to an enough-help question, in question order, with the reasons', () => {
    const doc = answered([
      ['money.enough-help', 'no', { help: true }],
      ['housing.heating', 'no', { help: true, note: 'Boiler' }],
      ['housing.safe', 'no'],
      ['health.enough-help', 'no'],
      ['careers.enough-help', 'yes'],
      ['identity.past', 'yes', { help: true }],
    ]);
    expect(needsHelp(set, doc).map((i) => [i.question.id, i.reasons])).toEqual([
      ['housing.heating', ['asked-for-help']],
      ['health.enough-help', ['not-enough-help']],
      ['money.enough-help', ['asked-for-help', 'not-enough-help']],
      ['identity.past', ['asked-for-help']],
    ]);
    expect(needsHelp(set, doc)[0]?.answer.note).toBe('Boiler');
    expect(needsHelp(set, emptyChecklist(set))).toEqual([]);
  });
});

describe('changesSince', () => {
  it('reports new, changed, removed, note and help changes; a value change wins', () => {
    const before = answered([
      ['housing.heating', 'no', { note: 'cold' }],
      ['housing.safe', 'yes'],
      ['money.enough', 'no'],
      ['health.gp', 'yes', { note: 'ok' }],
      ['identity.past', 'yes'],
      ['careers.doing', 'yes'],
    ]);
    const after = answered([
      ['housing.heating', 'yes', { note: 'fixed' }],
      ['money.enough', 'no'],
      ['health.gp', 'yes', { note: 'new GP' }],
      ['identity.past', 'yes', { help: true }],
      ['careers.doing', 'yes'],
      ['activities.sport', 'yes'],
    ]);
    expect(changesSince(set, before, after).map((c) => [c.questionId, c.kind])).toEqual([
      ['housing.heating', 'changed'],
      ['housing.safe', 'removed'],
      ['health.gp', 'note-changed'],
      ['activities.sport', 'new'],
      ['identity.past', 'help-changed'],
    ]);
    const heating = changesSince(set, before, after)[0];
    expect(heating?.before?.value).toBe('no');
    expect(heating?.after?.value).toBe('yes');
    expect(changesSince(set, after, after)).toEqual([]);
  });
});
