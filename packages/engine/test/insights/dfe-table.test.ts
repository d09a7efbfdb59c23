// One published DfE care-leaver table, rebuilt from a hand-made cohort: "care leavers now aged 19 to 21", their
// accommodation (suitable / not suitable / information not known) and activity (in education, employment or
// training / not, with the reason / information not known), each a whole-number percentage of all care leavers in
// the band, for one local authority and one reporting year (here the year ending 31 March 2025: 19th, 20th and 21st
// birthdays from 1 April 2024 to 31 March 2025). Every figure below is worked out by hand from the people listed.

import type { InsightsYoungPerson } from '@onward/schemas';
import { describe, expect, it } from 'vitest';
import { DFE_COHORT } from '#test-support/dfe-cohort.js';
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

// Typed loosely in the shared support file; the engine checks each field as it builds the index.
const COHORT = DFE_COHORT as unknown as InsightsYoungPerson[];

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
