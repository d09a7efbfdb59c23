// A hand-made cohort for one published DfE care-leaver table: care leavers now aged 19 to 21 in the year ending
// 31 March 2025 (19th, 20th and 21st birthdays from 1 April 2024 to 31 March 2025), one council. The engine's test
// (packages/engine/test/insights/dfe-table.test.ts) and `onward report`'s test rebuild the table from it; the
// figures are worked out by hand there. Plain records of the insights input
// (schemas/events/insights-young-person.schema.json), typed here only as far as they are written, so that any
// package's test can use them; `onward report` checks each against the schema when it reads them.

interface Codes {
  readonly inTouch: string;
  readonly activity?: string;
  readonly accommodation?: string;
}
interface Plan {
  readonly planId: string;
  readonly council: string;
  readonly team: string;
  readonly paId: string;
  readonly category: string;
  readonly checklist: { readonly questionSet: string; readonly version: number; readonly answers: object };
  readonly authorised: string;
  readonly dateOfBirth: string;
  readonly ssda903: Codes;
  readonly closed?: { readonly on: string; readonly reason: string };
}
export interface InsightsYoungPerson {
  readonly youngPersonId: string;
  readonly plans: readonly Plan[];
}

/** A young person with one plan (or more), authorised on `authorised`, with the return's codes. */
function person(id: string, dateOfBirth: string, plans: [string, Codes, Partial<Plan>?][]): InsightsYoungPerson {
  return {
    youngPersonId: id,
    plans: plans.map(([authorised, ssda903, extra], i) => ({
      planId: `${id}-${i}`,
      council: 'leeds',
      team: 'team-a',
      paId: 'pa-1',
      category: 'former-relevant',
      checklist: { questionSet: 'onward.outcomes', version: 2, answers: {} },
      authorised,
      dateOfBirth,
      ssda903,
      ...extra,
    })),
  };
}

// Birthday in the year; the birthday window is 3 months before to 1 month after it (the default).
export const DFE_COHORT: InsightsYoungPerson[] = [
  // Counted, aged 19 to 21 (ten care leavers):
  person('a', '2005-06-15', [['2024-06-01', { inTouch: 'YES', activity: 'F2', accommodation: 'Z1' }]]), // 19
  person('b', '2004-09-10', [['2024-08-01', { inTouch: 'YES', activity: 'F4', accommodation: 'U1' }]]), // 20
  person('c', '2003-11-20', [['2024-11-25', { inTouch: 'YES', activity: 'G5', accommodation: 'B2' }]]), // 21
  person('d', '2005-01-05', [['2024-12-01', { inTouch: 'YES', activity: 'G6', accommodation: 'Z1' }]]), // 20
  // Activity known, accommodation not: "information not known" for accommodation only.
  person('e', '2004-03-01', [['2025-02-01', { inTouch: 'YES', activity: 'G4', accommodation: '0' }]]), // 21
  // Not in touch: nothing known.
  person('f', '2005-05-01', [['2024-04-20', { inTouch: 'NO', activity: '0', accommodation: '0' }]]), // 19
  // No plan in the window (the last was nine months before the birthday): nothing known, still counted.
  person('g', '2003-07-07', [['2023-10-01', { inTouch: 'YES', activity: 'F2', accommodation: 'Z1' }]]), // 21
  // Two plans in the window: the one closer to the birthday (8 days after it, against 80 days before) is read.
  person('o', '2004-12-20', [
    ['2024-10-01', { inTouch: 'YES', activity: 'G5', accommodation: 'B2' }],
    ['2024-12-28', { inTouch: 'YES', activity: 'F1', accommodation: 'Z1' }],
  ]), // 20
  person('p', '2003-05-05', [['2024-05-01', { inTouch: 'YES', activity: 'P4', accommodation: 'H1' }]]), // 21
  // Birthday 20 March 2025, plan 10 April 2025: after the year's end but within the month after the birthday.
  person('q', '2005-03-20', [['2025-04-10', { inTouch: 'YES', activity: 'F2', accommodation: 'Z2' }]]), // 20
  // Left out, as the national statistics leave them out:
  person('h', '2004-10-10', [['2024-09-15', { inTouch: 'DIED' }]]), // died
  person('i', '2005-02-02', [['2025-01-10', { inTouch: 'RHOM' }]]), // returned home
  person('j', '2005-08-08', [
    [
      '2024-07-01',
      { inTouch: 'YES', activity: 'F2', accommodation: 'Z1' },
      { closed: { on: '2024-07-20', reason: 'moved-away' } },
    ],
  ]), // moved to another council
  person('k', '2005-12-12', [
    ['2024-12-01', { inTouch: 'YES', activity: 'F2', accommodation: 'Z1' }, { category: 'qualifying' }],
  ]), // not a care leaver
  // Not in the band: 18 in the year (the 17-18 band), and 22.
  person('l', '2006-06-01', [['2024-06-01', { inTouch: 'YES', activity: 'F2', accommodation: 'Z1' }]]),
  person('n', '2002-06-01', [['2024-06-01', { inTouch: 'YES', activity: 'F2', accommodation: 'Z1' }]]),
];

/**
 * The published row for the council, by hand (see the engine's test for the working): ten care leavers aged 19 to
 * 21; accommodation suitable 50%, not suitable 20%, not known 30%; activity in education, employment or training
 * 50%, not 30% (10% each reason), not known 20%; each a whole-number percentage of all care leavers in the band.
 */
export const DFE_PUBLISHED_19_21 = {
  care_leavers: 10,
  accommodation: { suitable: 50, unsuitable: 20, 'no-information': 30 },
  activity: { eet: 50, neet: 30, 'no-information': 20 },
  'neet-reason': { 'illness-or-disability': 10, other: 10, 'pregnancy-or-parenting': 10 },
};
