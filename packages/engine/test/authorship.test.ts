import { describe, expect, it } from 'vitest';
import { type AnyChecklist, answeredByFor, sameAnswer, stampAuthorship } from '../src/index.js';

const a = (value: 'yes' | 'no', by: 'young-person' | 'together' | 'worker', at: string, note?: string) => ({
  value,
  by,
  locale: 'en-GB',
  variant: 'standard' as const,
  at,
  ...(note ? { note } : {}),
});
const doc = (answers: Record<string, Record<string, unknown>>) =>
  ({ questionSet: 'onward.outcomes', version: 2, answers }) as unknown as AnyChecklist;

describe('answer authorship', () => {
  it('comes from the role and the way of working, never from the answer', () => {
    expect(answeredByFor('young-person')).toBe('young-person');
    expect(answeredByFor('young-person', 'apart')).toBe('young-person');
    expect(answeredByFor('pa')).toBe('worker');
    expect(answeredByFor('social-worker', 'apart')).toBe('worker');
    expect(answeredByFor('pa', 'together')).toBe('together');
    expect(answeredByFor('pa', 'together-by-phone')).toBe('together');
  });

  it('stamps new and changed answers and keeps unchanged ones exactly', () => {
    const before = doc({ housing: { heating: a('no', 'young-person', '2026-01-01T00:00:00.000Z', 'cold') } });
    const sent = doc({
      housing: {
        heating: a('no', 'worker', '2026-03-03T00:00:00.000Z', 'cold'), // same words: stays the young person's
        rent: a('yes', 'young-person', '2026-03-03T00:00:00.000Z'), // new: a forged label
      },
      money: { 'bank-account': a('no', 'young-person', '2026-03-03T00:00:00.000Z') },
    });
    const out = stampAuthorship(before, sent, { by: 'worker', at: '2026-03-04T09:00:00.000Z' }) as unknown as {
      answers: Record<string, Record<string, { by: string; at: string; note?: string }>>;
    };
    expect(out.answers.housing?.heating).toEqual(a('no', 'young-person', '2026-01-01T00:00:00.000Z', 'cold'));
    expect(out.answers.housing?.rent).toMatchObject({ by: 'worker', at: '2026-03-04T09:00:00.000Z' });
    expect(out.answers.money?.['bank-account']).toMatchObject({ by: 'worker' });
  });

  it('counts a changed note or help flag as a new answer', () => {
    const x = a('no', 'young-person', '2026-01-01T00:00:00.000Z', 'cold');
    expect(sameAnswer(x, { ...x, note: 'freezing' })).toBe(false);
    expect(sameAnswer(x, { ...x, help: true })).toBe(false);
    expect(sameAnswer(x, { ...x, by: 'worker', at: 'later' })).toBe(true);
  });

  it('keeps the time an answer was made offline beside the time it arrived, only when it is before it', () => {
    const arrived = '2026-03-04T09:00:00.000Z';
    const sent = doc({
      housing: {
        heating: { ...a('no', 'young-person', '2026-03-01T10:00:00.000Z'), madeAt: '2026-03-01T10:00:00.000Z' },
        rent: { ...a('yes', 'young-person', '2026-03-05T10:00:00.000Z'), madeAt: '2026-03-05T10:00:00.000Z' },
        wifi: a('yes', 'young-person', '2026-03-04T08:00:00.000Z'),
      },
    });
    const out = stampAuthorship(undefined, sent, { by: 'young-person', at: arrived }) as unknown as {
      answers: Record<string, Record<string, { at: string; madeAt?: string }>>;
    };
    expect(out.answers.housing?.heating).toMatchObject({ at: arrived, madeAt: '2026-03-01T10:00:00.000Z' });
    // A phone clock ahead of the server: the wrong time is dropped, never stored.
    expect(out.answers.housing?.rent?.at).toBe(arrived);
    expect(out.answers.housing?.rent).not.toHaveProperty('madeAt');
    expect(out.answers.housing?.wifi).not.toHaveProperty('madeAt');
  });
});
