// One published DfE care-leaver table, rebuilt from a hand-made cohort: "care leavers now aged 19 to 21", their
// accommodation (suitable / not suitable / information not known) and activity (in education, employment or
// training / not, with the reason / information not known), each a whole-number percentage of all care leavers in
// the band, for one local authority and one reporting year (here the year ending 31 March 2025: 19th, 20th and 21st
// birthdays from 1 April 2024 to 31 March 2025). Every figure below is worked out by hand from the people listed.
import type { InsightsYoungPerson } from '@onward/schemas';
import { describe, expect, it } from 'vitest';
import {
  buildDashboardData,
  buildInsightsIndex,
  dashboardTables,
  dfeRounding,
  nationalMeasures,
  nationalTable,
  rawNationalMeasures,
  type Viewer,
} from '../../src/index.js';
import { plan } from './fixtures.js';

type Plan = InsightsYoungPerson['plans'][number];
type Codes = NonNullable<Plan['ssda903']>;

/** A young person with one plan (or more), authorised on `authorised`, with the return's codes. */
function person(id: string, dateOfBirth: string, plans: [string, Codes, Partial<Plan>?][]): InsightsYoungPerson {
  return {
    youngPersonId: id,
    plans: plans.map(([authorised, ssda903, extra], i) =>
      plan({ planId: `${id}-${i}`, authorised, dateOfBirth, ssda903, ...extra }),
    ),
  };
}

// Birthday in the year; the birthday window is 3 months before to 1 month after it (the default).
const COHORT: InsightsYoungPerson[] = [
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

const ADMIN: Viewer = { role: 'admin' };

// The published table's row for the council, by hand. Ten care leavers aged 19 to 21 (a, b, c, d, e, f, g, o, p, q):
// - accommodation: suitable a, b, d, o, p = 5 (50%); not suitable c, q = 2 (20%); not known e, f, g = 3 (30%);
// - activity: in education, employment or training a, b, o, p, q = 5 (50%); not c (other), d (pregnancy or
//   parenting), e (illness or disability) = 3 (30%, 10% each); not known f, g = 2 (20%).
const PUBLISHED = {
  care_leavers: 10,
  accommodation: { suitable: 50, unsuitable: 20, 'no-information': 30 },
  activity: { eet: 50, neet: 30, 'no-information': 20 },
  'neet-reason': { 'illness-or-disability': 10, other: 10, 'pregnancy-or-parenting': 10 },
};

describe('a published DfE table, rebuilt: care leavers aged 19 to 21, year ending 31 March 2025', () => {
  const index = buildInsightsIndex(COHORT);

  it('counts the care leavers the national statistics count, and leaves out the rest', () => {
    const raw = rawNationalMeasures(index, { year: 2025 });
    expect(raw.from).toBe('2024-04-01');
    expect(raw.to).toBe('2025-03-31');
    const row = (r: string) => raw.rows.find((x) => x.row === r)!;
    // 19: a, f. 20: b, d, o, q. 21: c, e, g, p.
    expect([row('19').population, row('20').population, row('21').population]).toEqual([2, 4, 4]);
    expect(row('19-21').population).toBe(10);
    // Died (h) and returned home (i); moved to another council (j). k is not a care leaver; n is 22.
    expect(row('19-21').leftOut).toEqual({ diedOrHome: 2, movedOrNotEligible: 1 });
    // l: the only care leaver aged 18 in the year.
    expect(row('17-18').population).toBe(1);
    // In touch: all but f (not in touch) and g (no plan in the window) = 8.
    expect(row('19-21').inTouch).toBe(8);
  });

  it('gives the published percentages exactly, as the DfE writes them (whole numbers of all care leavers)', () => {
    const table = nationalTable(nationalMeasures(index, { year: 2025 }, ADMIN), 'local');
    const rows = table.rows.filter((r) => r.age === '19-21');
    const shown = { care_leavers: rows[0]!.care_leavers } as Record<string, unknown>;
    for (const r of rows) {
      const m = String(r.measure);
      shown[m] = { ...(shown[m] as object), [String(r.outcome)]: r.percent_of_all };
    }
    expect(shown).toEqual(PUBLISHED);
    // Of those in touch (8), beside it: suitable 5/8 = 62.5% (63%), not suitable 2/8 = 25%, not known 1/8 = 12.5%
    // (13%: halves are rounded up, so the three add to 101, as published tables sometimes do); in touch 8/10 = 80%.
    const inTouch = Object.fromEntries(
      rows.filter((r) => r.measure === 'accommodation').map((r) => [r.outcome, r.percent_of_in_touch]),
    );
    expect(inTouch).toEqual({ suitable: 63, unsuitable: 25, 'no-information': 13 });
    expect(rows[0]!.in_touch_percent).toBe(80);
  });

  it('gives the same table through the dashboard data, as `onward report` writes it', () => {
    // As at 30 June 2025 the last complete year is the one ending 31 March 2025 (its last window closed 30 April).
    const data = buildDashboardData(index, { asAt: '2025-06-30' }, ADMIN);
    expect(data.national.year).toBe(2025);
    // One council: a local authority's figures (counts not rounded, whole-number percentages).
    expect(dfeRounding(index.councils.length)).toBe('local');
    const viaDashboard = dashboardTables(data, undefined, { nationalRounding: 'local' }).find(
      (t) => t.name === 'national',
    )!;
    expect(viaDashboard.rows).toEqual(nationalTable(nationalMeasures(index, { year: 2025 }, ADMIN), 'local').rows);
  });

  it('hides the small counts from an analyst, and every percentage built on them', () => {
    const table = nationalTable(nationalMeasures(index, { year: 2025 }, { role: 'analyst' }), 'local');
    const row = table.rows.find(
      (r) => r.age === '19-21' && r.measure === 'accommodation' && r.outcome === 'unsuitable',
    )!;
    // 2 care leavers in accommodation that is not suitable: fewer than 5.
    expect([row.count, row.percent_of_all]).toEqual(['fewer than 5', 'fewer than 5']);
  });
});
