import { describe, expect, it } from 'vitest';
import { emptyChecklist, questionSet, setAnswer, validate } from '../src/index.js';

const who = { by: 'young-person', locale: 'en-GB', variant: 'standard', at: '2026-01-01T10:00:00Z' } as const;

describe('checklist validation', () => {
  it('accepts a valid checklist', () => {
    const set = questionSet();
    const doc = setAnswer(
      set,
      emptyChecklist(set),
      'housing.heating',
      { value: 'no', note: 'Boiler broke', help: true },
      who,
    );
    expect(validate('checklist', doc)).toEqual({ ok: true, value: doc });
  });

  it('names each bad field in plain words', () => {
    const doc = {
      questionSet: 'onward.outcomes',
      version: 2,
      answers: {
        housing: { heating: { ...who, value: 'maybe', note: 'x'.repeat(501) }, sofa: { ...who, value: 'yes' } },
      },
    };
    const r = validate('checklist', doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['answers.housing.sofa', '"sofa" is not something we know about here. Remove it.'],
      ['answers.housing.heating.value', '"value" must be one of: yes, no, not-relevant.'],
      ['answers.housing.heating.note', '"note" is too long: 501 characters. The most you can use is 500.'],
    ]);
  });
});
