// Small hand-made records for the insights tests. Every expected number in the tests is worked out by hand from
// these, in the comments beside each assertion.
import type { InsightsYoungPerson } from '@onward/schemas';

type Value = 'yes' | 'no' | 'not-relevant';
type Plan = InsightsYoungPerson['plans'][number];

/** A checklist from `{ 'housing.internet': 'no', 'housing.heating': ['no', 'help'] }`. */
export function checklist(answers: Record<string, Value | [Value, 'help']>, version: 1 | 2 = 2): Plan['checklist'] {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, a] of Object.entries(answers)) {
    const [domain, key] = id.split('.') as [string, string];
    const [value, help] = Array.isArray(a) ? a : [a, undefined];
    out[domain] ??= {};
    (out[domain] as Record<string, unknown>)[key] = {
      value,
      by: 'young-person',
      locale: 'en-GB',
      variant: 'standard',
      at: '2024-01-01T10:00:00Z',
      ...(help ? { help: true } : {}),
    };
  }
  return { questionSet: 'onward.outcomes', version, answers: out } as Plan['checklist'];
}

export function plan(p: Partial<Plan> & Pick<Plan, 'planId' | 'authorised' | 'dateOfBirth'>): Plan {
  return {
    council: 'leeds',
    team: 'team-a',
    paId: 'pa-1',
    category: 'former-relevant',
    checklist: checklist({}),
    ...p,
  };
}

/**
 * Four young people, as at 2025-06-30 unless said otherwise:
 * - yp1 (born 2007-03-10, 18; team-a, pa-1): plan 2024-09-01 internet no + help, heating yes, gp not relevant;
 *   plan 2025-03-01 internet yes, housing enough-help no. Staying Put 2025-03-10 to 2025-05-15 (changes cohort
 *   mid-period). Check-ins: 2025-03-03 housing bad + help, 2025-03-20 housing good, 2025-04-02 housing ok.
 * - yp2 (born 2004-01-01, 21 from 1 January 2025; team-b, pa-2): one version-1 plan 2025-01-15: internet no,
 *   id-documents yes (migrated to passport yes and birth-certificate yes).
 * - yp3 (born 2006-08-01): one plan authorised 2025-07-15, after the usual "as at" date.
 * - yp4 (born 2009-05-05, 16; team-a, pa-1): one plan 2024-12-01 with no answers at all; a check-in 2024-11-01,
 *   before that plan, which is not counted.
 */
export function smallCohort(): InsightsYoungPerson[] {
  return [
    {
      youngPersonId: 'yp1',
      plans: [
        plan({
          planId: 'yp1-b',
          authorised: '2025-03-01',
          dateOfBirth: '2007-03-10',
          checklist: checklist({ 'housing.internet': 'yes', 'housing.enough-help': 'no' }),
          ssda903: { inTouch: 'YES', activity: 'F2', accommodation: 'Z1' },
        }),
        plan({
          planId: 'yp1-a',
          authorised: '2024-09-01',
          dateOfBirth: '2007-03-10',
          category: 'eligible',
          checklist: checklist({
            'housing.internet': ['no', 'help'],
            'housing.heating': 'yes',
            'health.gp': 'not-relevant',
          }),
        }),
      ],
      stayingPut: [{ start: '2025-03-10', end: '2025-05-15' }],
      checkIns: [
        { at: '2025-03-20', moods: { housing: { mood: 'good' } } },
        { at: '2025-03-03', moods: { housing: { mood: 'bad', help: true } } },
        { at: '2025-04-02', moods: { housing: { mood: 'ok' } } },
      ],
    },
    {
      youngPersonId: 'yp2',
      plans: [
        plan({
          planId: 'yp2-a',
          authorised: '2025-01-15',
          dateOfBirth: '2004-01-01',
          team: 'team-b',
          paId: 'pa-2',
          checklist: checklist({ 'housing.internet': 'no', 'independence.id-documents': 'yes' }, 1),
          ssda903: { inTouch: 'YES', activity: 'G5', accommodation: 'U2' },
        }),
      ],
    },
    {
      youngPersonId: 'yp3',
      plans: [
        plan({
          planId: 'yp3-a',
          authorised: '2025-07-15',
          dateOfBirth: '2006-08-01',
          checklist: checklist({ 'housing.internet': 'no' }),
        }),
      ],
    },
    {
      youngPersonId: 'yp4',
      plans: [plan({ planId: 'yp4-a', authorised: '2024-12-01', dateOfBirth: '2009-05-05', category: 'eligible' })],
      checkIns: [{ at: '2024-11-01', moods: { money: { mood: 'bad' } } }],
    },
  ];
}
