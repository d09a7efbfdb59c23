// The national measures, by the national definitions: what the Department for Education publishes from the
// children looked after return (SSDA903, care leavers' table OC3) for each local authority and for England.
//
// - Who: care leavers (relevant or former relevant on their plan; not young people still looked after, not
//   qualifying young people) whose 17th, 18th, 19th, 20th or 21st birthday falls in the period (a reporting year runs
//   from 1 April to 31 March). Left out, as the national statistics leave them out: young people who have died,
//   who have returned home to their family for six months or more (IN_TOUCH DIED or RHOM), and those whose case
//   moved to another council or who are no longer eligible (a plan closed as moved-away, no-longer-eligible or died).
// - What: their situation around the birthday: the plan authorised closest to the birthday, from
//   `settings.birthdayWindow.monthsBefore` months before it to `monthsAfter` months after. No such plan, or a
//   plan with ACCOM (ACTIV) 0 or not recorded: "no information" for accommodation (activity), each measure on its
//   own.
// - Measures: accommodation suitable (ACCOM ending 1), not suitable (ending 2), no information; activity in
//   education, employment or training (ACTIV F or P), not (G4 illness or disability, G5 other, G6 pregnancy or
//   parenting), no information.
// - Denominator: every care leaver in the age band ("of all care leavers", no information included, as the DfE
//   publishes), and beside it those in touch (IN_TOUCH YES) as the denominator of "of those in touch".
// - Bands: 17 to 18 and 19 to 21, as published, and each single age.

import { CATEGORIES, type InsightsIndex } from './build-index.js';
import { ACTIV_CODES, encodeActiv, encodeInTouch, IN_TOUCH_YES } from './codes.js';
import { addMonthsDay, birthdayDay, formatDay, parseDay, todayDay } from './dates.js';
import { InsightsInputError } from './errors.js';
import { compileFilter, type InsightsFilters, type NationalAgeBand } from './filters.js';
import { OutputCells } from './protect.js';
import { reportingDayFor } from './reporting.js';
import { assertMaySeeInsights, exactFor, type Viewer } from './roles.js';
import { type InsightsSettings, insightsSettings } from './settings.js';
import { cellFigure, type Figure, ratioFigure } from './suppression.js';

/** The ages the national return reads care leavers at. */
export const NATIONAL_AGES = [17, 18, 19, 20, 21] as const;

/** Rows of the national table: each single age, then the published bands. */
export const NATIONAL_ROWS = ['17', '18', '19', '20', '21', '17-18', '19-21'] as const;
export type NationalRow = (typeof NATIONAL_ROWS)[number];

export const ACCOMMODATION_OUTCOMES = ['suitable', 'unsuitable', 'no-information'] as const;
export type AccommodationOutcome = (typeof ACCOMMODATION_OUTCOMES)[number];
export const ACTIVITY_OUTCOMES = ['eet', 'neet', 'no-information'] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];
/** Why a young person is NEET, where recorded: G4 illness or disability, G5 other, G6 pregnancy or parenting. */
export const NEET_REASONS = ['illness-or-disability', 'other', 'pregnancy-or-parenting'] as const;
export type NeetReason = (typeof NEET_REASONS)[number];

/** Plain-words names of the national measures, for charts, tables and the data dictionary. */
export const NATIONAL_LABELS = {
  suitable: 'In suitable accommodation',
  unsuitable: 'In accommodation that is not suitable',
  'accommodation-no-information': 'No information about accommodation',
  eet: 'In education, employment or training',
  neet: 'Not in education, employment or training',
  'illness-or-disability': 'Not in education, employment or training: illness or disability',
  other: 'Not in education, employment or training: other reasons',
  'pregnancy-or-parenting': 'Not in education, employment or training: pregnancy or parenting',
  'activity-no-information': 'No information about activity',
} as const;

interface Counts {
  accommodation: Record<AccommodationOutcome, number>;
  activity: Record<ActivityOutcome, number>;
  neet: Record<NeetReason, number>;
}

/** Raw counts for one row (an age or a band). */
export interface RawNationalRow {
  readonly row: NationalRow;
  /** Care leavers with the birthday in the period, after the national exclusions: the "of all" denominator. */
  readonly population: number;
  /** Of them, IN_TOUCH YES around the birthday: the "of those in touch" denominator. */
  readonly inTouch: number;
  readonly all: Readonly<Counts>;
  readonly ofInTouch: Readonly<Counts>;
  /** Left out by the national rules (not shown; for checking a return). */
  readonly leftOut: { readonly diedOrHome: number; readonly movedOrNotEligible: number };
}

export interface RawNationalMeasures {
  /** Birthdays from this day… */
  readonly from: string;
  /** …to this day, both included. */
  readonly to: string;
  /** `YYYY` when the period is a reporting year (ending 31 March of that year). */
  readonly year?: number;
  readonly filters: InsightsFilters;
  readonly rows: readonly RawNationalRow[];
}

export interface NationalQuery {
  /** A reporting year: `2019` is birthdays from 1 April 2018 to 31 March 2019. */
  readonly year?: number;
  /** Or a period of birthdays, `YYYY-MM-DD`, both ends included. */
  readonly from?: string;
  readonly to?: string;
  /** Council, team, PA, category filters (read on the plan around the birthday); ages do not apply. */
  readonly filters?: InsightsFilters;
  readonly settings?: Partial<InsightsSettings>;
}

/**
 * The last reporting year whose birthday windows have all closed by `day`: its last birthday (31 March) plus the
 * window after it is on or before `day`.
 */
export function latestCompleteYear(day: number, settings: InsightsSettings): number {
  const y = Math.floor(day / 10000);
  return addMonthsDay(y * 10000 + 331, settings.birthdayWindow.monthsAfter) <= day ? y : y - 1;
}

function period(query: NationalQuery, settings: InsightsSettings): { from: number; to: number; year?: number } {
  if (query.year !== undefined) {
    if (!Number.isInteger(query.year) || query.year < 2000 || query.year > 2200)
      throw new InsightsInputError('year', 'must be a year such as 2019 (the year ending 31 March 2019)');
    return { from: (query.year - 1) * 10000 + 401, to: query.year * 10000 + 331, year: query.year };
  }
  if (query.from !== undefined || query.to !== undefined) {
    if (query.from === undefined || query.to === undefined)
      throw new InsightsInputError(
        query.from === undefined ? 'from' : 'to',
        'is needed with the other end of the period',
      );
    const from = parseDay(query.from, 'from');
    const to = parseDay(query.to, 'to');
    if (to < from) throw new InsightsInputError('to', 'is before "from"');
    return { from, to };
  }
  const year = latestCompleteYear(todayDay(), settings);
  return { from: (year - 1) * 10000 + 401, to: year * 10000 + 331, year };
}

function emptyCounts(): Counts {
  return {
    accommodation: { suitable: 0, unsuitable: 0, 'no-information': 0 },
    activity: { eet: 0, neet: 0, 'no-information': 0 },
    neet: { 'illness-or-disability': 0, other: 0, 'pregnancy-or-parenting': 0 },
  };
}

const DIED = encodeInTouch('DIED');
const RHOM = encodeInTouch('RHOM');
const EET = new Set(ACTIV_CODES.filter((c) => c[0] === 'F' || c[0] === 'P').map(encodeActiv));
const NEET_OF: Record<number, NeetReason> = {
  [encodeActiv('G4')]: 'illness-or-disability',
  [encodeActiv('G5')]: 'other',
  [encodeActiv('G6')]: 'pregnancy-or-parenting',
};
const CARE_LEAVER = new Set([CATEGORIES.indexOf('relevant'), CATEGORIES.indexOf('former-relevant')]);
// Closing reasons that take a young person out of the return (1 + index in CLOSE_REASONS).
const MOVED_OR_NOT_ELIGIBLE = new Set([2, 3]); // no-longer-eligible, moved-away
const CLOSED_DIED = 4;

function add(c: Counts, activ: number, accom: number): void {
  if (accom === 0 || accom === 1) c.accommodation['no-information']++;
  else if ((accom - 2) & 1) c.accommodation.unsuitable++;
  else c.accommodation.suitable++;
  const reason = NEET_OF[activ];
  if (EET.has(activ)) c.activity.eet++;
  else if (reason) {
    c.activity.neet++;
    c.neet[reason]++;
  } else c.activity['no-information']++;
}

/** Raw national measures for a period of birthdays (default: the last complete reporting year). */
export function rawNationalMeasures(index: InsightsIndex, query: NationalQuery = {}): RawNationalMeasures {
  const settings = insightsSettings(query.settings);
  const { from, to, year } = period(query, settings);
  const { ages: _a, ageBand: _b, stayingPut: _s, ...filters } = query.filters ?? {};
  const filter = compileFilter(index, filters, { settings, current: false });
  const rows = new Map<
    number,
    { population: number; inTouch: number; all: Counts; ofInTouch: Counts; died: number; moved: number }
  >();
  for (const a of NATIONAL_AGES)
    rows.set(a, { population: 0, inTouch: 0, all: emptyCounts(), ofInTouch: emptyCounts(), died: 0, moved: 0 });
  const { personPlanStart, planDay, planDateOfBirth } = index;
  const { monthsBefore, monthsAfter } = settings.birthdayWindow;
  for (let p = 0; p < index.personCount; p++) {
    const start = personPlanStart[p]!;
    const end = personPlanStart[p + 1]!;
    if (start === end) continue;
    const dob = planDateOfBirth[end - 1]!;
    for (const age of NATIONAL_AGES) {
      const b = birthdayDay(dob, age);
      if (b < from || b > to) continue;
      const windowStart = addMonthsDay(b, -monthsBefore);
      const windowEnd = addMonthsDay(b, monthsAfter);
      // The plan the young person's situation is read from, and the plan that says who they were then.
      let info = -1;
      let known = -1;
      for (let i = start; i < end; i++) {
        const d = planDay[i]!;
        if (d > windowEnd) break;
        known = i;
        if (d < windowStart) continue;
        const gap = Math.abs(d - b);
        if (info < 0 || gap <= Math.abs(planDay[info]! - b)) info = i;
      }
      if (known < 0) continue;
      const ref = info >= 0 ? info : known;
      if (!CARE_LEAVER.has(index.planCategory[ref]!) || !filter.matches(ref, p, b)) continue;
      const r = rows.get(age)!;
      // Closed before the window ended: moved to another council or no longer eligible leave the return; so does
      // a death.
      if (index.planClosedDay[known]! <= windowEnd) {
        const reason = index.planClosedReason[known]!;
        if (reason === CLOSED_DIED) {
          r.died++;
          continue;
        }
        if (MOVED_OR_NOT_ELIGIBLE.has(reason)) {
          r.moved++;
          continue;
        }
      }
      const inTouch = info >= 0 ? index.planInTouch[info]! : 0;
      if (inTouch === DIED || inTouch === RHOM) {
        r.died++;
        continue;
      }
      r.population++;
      const activ = info >= 0 ? index.planActiv[info]! : 0;
      const accom = info >= 0 ? index.planAccom[info]! : 0;
      add(r.all, activ, accom);
      if (inTouch === IN_TOUCH_YES) {
        r.inTouch++;
        add(r.ofInTouch, activ, accom);
      }
    }
  }
  const raw = (row: NationalRow, ages: readonly number[]): RawNationalRow => {
    const sum = (pick: (x: ReturnType<typeof rows.get> & object) => number) =>
      ages.reduce((n, a) => n + pick(rows.get(a)!), 0);
    const counts = (which: 'all' | 'ofInTouch'): Counts => ({
      accommodation: Object.fromEntries(
        ACCOMMODATION_OUTCOMES.map((k) => [k, sum((x) => x[which].accommodation[k])]),
      ) as Counts['accommodation'],
      activity: Object.fromEntries(
        ACTIVITY_OUTCOMES.map((k) => [k, sum((x) => x[which].activity[k])]),
      ) as Counts['activity'],
      neet: Object.fromEntries(NEET_REASONS.map((k) => [k, sum((x) => x[which].neet[k])])) as Counts['neet'],
    });
    return {
      row,
      population: sum((x) => x.population),
      inTouch: sum((x) => x.inTouch),
      all: counts('all'),
      ofInTouch: counts('ofInTouch'),
      leftOut: { diedOrHome: sum((x) => x.died), movedOrNotEligible: sum((x) => x.moved) },
    };
  };
  return {
    from: formatDay(from),
    to: formatDay(to),
    ...(year !== undefined ? { year } : {}),
    filters,
    rows: [
      ...NATIONAL_AGES.map((a) => raw(String(a) as NationalRow, [a])),
      raw('17-18', [17, 18]),
      raw('19-21', [19, 20, 21]),
    ],
  };
}

/** One measure: its count and its percentage of all care leavers in the row, and the same among those in touch. */
export interface NationalFigure {
  readonly count: Figure;
  /** Of all care leavers in the row (the published denominator). */
  readonly percentOfAll: Figure;
  readonly countInTouch: Figure;
  /** Of those in touch. */
  readonly percentOfInTouch: Figure;
}

export interface NationalRowFigures {
  readonly row: NationalRow;
  readonly population: Figure;
  readonly inTouch: Figure;
  readonly percentInTouch: Figure;
  readonly accommodation: Readonly<Record<AccommodationOutcome, NationalFigure>>;
  readonly activity: Readonly<Record<ActivityOutcome, NationalFigure>>;
  readonly neet: Readonly<Record<NeetReason, NationalFigure>>;
}

export interface NationalMeasures {
  readonly from: string;
  readonly to: string;
  readonly year?: number;
  readonly exact: boolean;
  readonly rows: readonly NationalRowFigures[];
}

interface CountIds {
  accommodation: Record<AccommodationOutcome, number>;
  activity: Record<ActivityOutcome, number>;
  neet: Record<NeetReason, number>;
}

/**
 * Register the national table in an output. The sums: in each row and each group (all, in touch), suitable + not
 * suitable + no information = the row's care leavers, and likewise for activity; NEET = its three reasons; those in
 * touch with an outcome are among those with it; each band is the sum of its ages.
 */
export function registerNational(cells: OutputCells, raw: RawNationalMeasures, exact: boolean): () => NationalMeasures {
  const ids = raw.rows.map((r) => {
    const population = cells.count(r.population);
    const inTouch = cells.count(r.inTouch);
    cells.contains(population, inTouch);
    const group = (c: Counts, total: number): CountIds => {
      const x: CountIds = {
        accommodation: Object.fromEntries(
          ACCOMMODATION_OUTCOMES.map((k) => [k, cells.count(c.accommodation[k])]),
        ) as CountIds['accommodation'],
        activity: Object.fromEntries(
          ACTIVITY_OUTCOMES.map((k) => [k, cells.count(c.activity[k])]),
        ) as CountIds['activity'],
        neet: Object.fromEntries(NEET_REASONS.map((k) => [k, cells.count(c.neet[k])])) as CountIds['neet'],
      };
      cells.sum(
        total,
        ACCOMMODATION_OUTCOMES.map((k) => x.accommodation[k]),
      );
      cells.sum(
        total,
        ACTIVITY_OUTCOMES.map((k) => x.activity[k]),
      );
      cells.sum(
        x.activity.neet,
        NEET_REASONS.map((k) => x.neet[k]),
      );
      return x;
    };
    const all = group(r.all, population);
    const ofInTouch = group(r.ofInTouch, inTouch);
    for (const k of ACCOMMODATION_OUTCOMES) cells.contains(all.accommodation[k], ofInTouch.accommodation[k]);
    for (const k of ACTIVITY_OUTCOMES) cells.contains(all.activity[k], ofInTouch.activity[k]);
    for (const k of NEET_REASONS) cells.contains(all.neet[k], ofInTouch.neet[k]);
    // The return records no accommodation or activity for a care leaver not in touch, so "no information" is often
    // exactly those not in touch. Someone who knows that can take those in touch from the care leavers and the "no
    // information" count: where it holds, it is one more sum the protection must respect.
    if (r.population === r.inTouch + r.all.accommodation['no-information'])
      cells.sum(population, [inTouch, all.accommodation['no-information']]);
    if (r.population === r.inTouch + r.all.activity['no-information'])
      cells.sum(population, [inTouch, all.activity['no-information']]);
    return { population, inTouch, all, ofInTouch };
  });
  // Bands are the sums of their ages, cell by cell.
  const at = (row: NationalRow) => ids[NATIONAL_ROWS.indexOf(row)]!;
  for (const [band, ages] of [
    ['17-18', ['17', '18']],
    ['19-21', ['19', '20', '21']],
  ] as const) {
    const b = at(band);
    const parts = ages.map(at);
    cells.sum(
      b.population,
      parts.map((x) => x.population),
    );
    cells.sum(
      b.inTouch,
      parts.map((x) => x.inTouch),
    );
    for (const g of ['all', 'ofInTouch'] as const) {
      for (const k of ACCOMMODATION_OUTCOMES)
        cells.sum(
          b[g].accommodation[k],
          parts.map((x) => x[g].accommodation[k]),
        );
      for (const k of ACTIVITY_OUTCOMES)
        cells.sum(
          b[g].activity[k],
          parts.map((x) => x[g].activity[k]),
        );
      for (const k of NEET_REASONS)
        cells.sum(
          b[g].neet[k],
          parts.map((x) => x[g].neet[k]),
        );
    }
  }
  return () => ({
    from: raw.from,
    to: raw.to,
    ...(raw.year !== undefined ? { year: raw.year } : {}),
    exact,
    rows: raw.rows.map((r, i) => {
      const x = ids[i]!;
      const fig = (all: number, inTouch: number): NationalFigure => ({
        count: cellFigure(cells, all),
        percentOfAll: ratioFigure(cells, all, x.population),
        countInTouch: cellFigure(cells, inTouch),
        percentOfInTouch: ratioFigure(cells, inTouch, x.inTouch),
      });
      return {
        row: r.row,
        population: cellFigure(cells, x.population),
        inTouch: cellFigure(cells, x.inTouch),
        percentInTouch: ratioFigure(cells, x.inTouch, x.population),
        accommodation: Object.fromEntries(
          ACCOMMODATION_OUTCOMES.map((k) => [k, fig(x.all.accommodation[k], x.ofInTouch.accommodation[k])]),
        ) as NationalRowFigures['accommodation'],
        activity: Object.fromEntries(
          ACTIVITY_OUTCOMES.map((k) => [k, fig(x.all.activity[k], x.ofInTouch.activity[k])]),
        ) as NationalRowFigures['activity'],
        neet: Object.fromEntries(
          NEET_REASONS.map((k) => [k, fig(x.all.neet[k], x.ofInTouch.neet[k])]),
        ) as NationalRowFigures['neet'],
      };
    }),
  });
}

/**
 * The period a viewer's national figures cover: the one asked for, or the last complete reporting year as at the
 * viewer's date (a reporting date for viewers who may not see individuals).
 */
export function nationalQueryFor(query: NationalQuery, viewer: Viewer, asAt?: string): NationalQuery {
  if (query.year !== undefined || query.from !== undefined || query.to !== undefined) return query;
  const settings = insightsSettings(query.settings);
  const day = reportingDayFor(viewer, query.filters, asAt ? parseDay(asAt, 'asAt') : todayDay(), settings);
  return { ...query, year: latestCompleteYear(day, settings) };
}

/** The national measures for a viewer (small numbers hidden unless they may see individuals). */
export function nationalMeasures(index: InsightsIndex, query: NationalQuery, viewer: Viewer): NationalMeasures {
  assertMaySeeInsights(viewer);
  const settings = insightsSettings(query.settings);
  const exact = exactFor(viewer, query.filters);
  const cells = new OutputCells(settings.suppressionThreshold);
  const build = registerNational(cells, rawNationalMeasures(index, nationalQueryFor(query, viewer)), exact);
  cells.protect(exact);
  return build();
}

/** The published band a single age falls in. */
export function nationalBandOf(age: number): NationalAgeBand | undefined {
  return age === 17 || age === 18 ? '17-18' : age >= 19 && age <= 21 ? '19-21' : undefined;
}
