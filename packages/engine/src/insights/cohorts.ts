// Staying Put against other care leavers, on the national return's outcome codes, and the costs avoided.

import { resolveAsAt } from './aggregates.js';
import { everInStayingPutBy, type InsightsIndex, inStayingPutOn, planAsAt } from './build-index.js';
import { ACCOM_TYPES, accomType, accomUnsuitable, encodeAccom, encodeActiv, IN_TOUCH_YES, isNeet } from './codes.js';
import { formatDay, parseDay } from './dates.js';
import { InsightsInputError } from './errors.js';
import { compileFilter, type InsightsFilters } from './filters.js';
import { OutputCells } from './protect.js';
import { DEFAULT_UNIT_COSTS, figureById, NATIONAL_BENCHMARKS, type SourcedFigure } from './reference-data.js';
import { reportingDateFor } from './reporting.js';
import { assertMaySeeInsights, exactFor, type Viewer } from './roles.js';
import { type InsightsSettings, insightsSettings } from './settings.js';
import { cellFigure, derivedFigure, type Figure, ratioFigure } from './suppression.js';

/** The outcomes compared. */
export const COHORT_MEASURES = [
  'neet',
  'neet-parenting',
  'unsuitable-accommodation',
  'homeless',
  'emergency-accommodation',
  'custody',
] as const;
export type CohortMeasure = (typeof COHORT_MEASURES)[number];

/** What each measure counts, in plain words (also in docs/insights.md). */
export const COHORT_MEASURE_LABELS: Readonly<Record<CohortMeasure, string>> = {
  neet: 'Not in education, employment or training (ACTIV G4, G5 or G6)',
  'neet-parenting': 'Not in education, employment or training because of pregnancy or parenting (ACTIV G6)',
  'unsuitable-accommodation': 'In accommodation that is not suitable (ACCOM ending in 2, which includes S2 and X2)',
  homeless: 'Homeless: no fixed abode (ACCOM S2)',
  'emergency-accommodation': 'In emergency accommodation or bed and breakfast (ACCOM V or W)',
  custody: 'In custody (ACCOM X2)',
};

export type CohortGroupId = 'staying-put' | 'other-care-leavers';

/** The ages compared unless a query says otherwise: the band the national NEET figure is published for. */
export const COHORT_AGES = Object.freeze({ min: 19, max: 21 });

export interface CohortQuery {
  /** `YYYY-MM-DD`; default today. Ages, groups and "latest" outcomes are read as at this date. */
  readonly asAt?: string;
  /** Start of the period for "at any point" outcomes, `YYYY-MM-DD`; default: the first plan in the data. */
  readonly from?: string;
  /** Other filters (the stayingPut filter is not allowed here: it is what splits the groups). */
  readonly filters?: InsightsFilters;
  /**
   * The ages of both groups on the date, both ends included; default 19 to 21. Both groups are always the same
   * ages: Staying Put is only ever compared with other care leavers of the same ages, in the same period.
   */
  readonly ages?: { readonly min: number; readonly max: number };
  /**
   * `ever` (default): the Staying Put group is every young person who is or has been in an arrangement by the date,
   * as the Leeds figures count them; `current`: only those in one on the date.
   */
  readonly membership?: 'ever' | 'current';
  /** Also count emergency accommodation and bed and breakfast (V, W) as homeless. Default false. */
  readonly homelessIncludesEmergency?: boolean;
  readonly settings?: Partial<InsightsSettings>;
}

/** Raw counts for one group. */
export interface RawCohortGroup {
  /** Young people in the group counted as at the date (the "of all" denominator). */
  readonly population: number;
  /** Of them, IN_TOUCH = YES on their plan (the "of those in touch" denominator). */
  readonly inTouch: number;
  /** Of them, no activity recorded (no ACTIV, or ACTIV 0). */
  readonly noInformation: number;
  /** Of them, no accommodation recorded (no ACCOM, or ACCOM 0). */
  readonly noInformationAccommodation: number;
  /** On the plan in force on the date, among everyone in the group. */
  readonly latest: Readonly<Record<CohortMeasure, number>>;
  /** On the plan in force on the date, among those in touch. */
  readonly latestInTouch: Readonly<Record<CohortMeasure, number>>;
  /** On any plan authorised in the period, among everyone in the group. */
  readonly ever: Readonly<Record<CohortMeasure, number>>;
}

export interface RawCohortComparison {
  readonly asAt: string;
  /** The filters the groups were drawn with (they decide whether a viewer sees exact numbers). */
  readonly filters: InsightsFilters;
  readonly from: string;
  readonly ages: { readonly min: number; readonly max: number };
  readonly membership: 'ever' | 'current';
  readonly groups: Readonly<Record<CohortGroupId, RawCohortGroup>>;
}

function zero(): Record<CohortMeasure, number> {
  return {
    neet: 0,
    'neet-parenting': 0,
    'unsuitable-accommodation': 0,
    homeless: 0,
    'emergency-accommodation': 0,
    custody: 0,
  };
}

const G6 = encodeActiv('G6');
const ACCOM_S = ACCOM_TYPES.indexOf('S');

function measuresOf(activ: number, accom: number, emergencyIsHomeless: boolean): number {
  // Bit set per measure, in COHORT_MEASURES order.
  const t = accomType(accom);
  const emergency = t === 'V' || t === 'W';
  let bits = 0;
  if (isNeet(activ)) bits |= 1;
  if (activ === G6) bits |= 2;
  if (accomUnsuitable(accom)) bits |= 4;
  if (t === ACCOM_TYPES[ACCOM_S] || (emergencyIsHomeless && emergency)) bits |= 8;
  if (emergency) bits |= 16;
  if (t === 'X') bits |= 32;
  return bits;
}

function addBits(target: Record<CohortMeasure, number>, bits: number): void {
  COHORT_MEASURES.forEach((m, i) => {
    if (bits & (1 << i)) target[m] += 1;
  });
}

const ACTIV_ZERO = encodeActiv('0');
const ACCOM_ZERO = encodeAccom('0');

/**
 * Raw counts for Staying Put and other care leavers of the same ages, counted as at the same date (population.ts
 * decides who is counted: closed, stale, died and returned-home cases are left out, and so is anyone past the upper
 * age).
 */
export function rawCohortComparison(index: InsightsIndex, query: CohortQuery = {}): RawCohortComparison {
  if (query.filters?.stayingPut !== undefined)
    throw new InsightsInputError('filters.stayingPut', 'cannot be used in a cohort comparison: it splits the groups');
  const settings = insightsSettings(query.settings);
  const day = resolveAsAt(query.asAt);
  const from = query.from === undefined ? index.firstDay : parseDay(query.from, 'from');
  const membership = query.membership ?? 'ever';
  if (membership !== 'ever' && membership !== 'current')
    throw new InsightsInputError('membership', 'must be "ever" or "current"');
  const ages = query.ages ?? COHORT_AGES;
  const emergencyIsHomeless = query.homelessIncludesEmergency === true;
  const ageFilter = query.filters?.ages
    ? { min: Math.max(ages.min, query.filters.ages.min), max: Math.min(ages.max, query.filters.ages.max) }
    : ages;
  if (ageFilter.min > ageFilter.max) throw new InsightsInputError('ages', 'leaves no ages in common with filters.ages');
  const filter = compileFilter(index, { ...query.filters, ages: ageFilter }, { settings });
  const groups = [0, 1].map(() => ({
    population: 0,
    inTouch: 0,
    noInformation: 0,
    noInformationAccommodation: 0,
    latest: zero(),
    latestInTouch: zero(),
    ever: zero(),
  }));
  const { personPlanStart, planDay, planActiv, planAccom, planInTouch } = index;
  for (let p = 0; p < index.personCount; p++) {
    const row = planAsAt(index, p, day);
    if (row < 0 || !filter.matches(row, p, day)) continue;
    const sp = membership === 'ever' ? everInStayingPutBy(index, p, day) : inStayingPutOn(index, p, day);
    const g = groups[sp ? 0 : 1]!;
    g.population++;
    const bits = measuresOf(planActiv[row]!, planAccom[row]!, emergencyIsHomeless);
    addBits(g.latest, bits);
    if (planInTouch[row] === IN_TOUCH_YES) {
      g.inTouch++;
      addBits(g.latestInTouch, bits);
    }
    if (planActiv[row] === 0 || planActiv[row] === ACTIV_ZERO) g.noInformation++;
    if (planAccom[row] === 0 || planAccom[row] === ACCOM_ZERO) g.noInformationAccommodation++;
    let ever = 0;
    for (let i = personPlanStart[p]!; i <= row; i++)
      if (planDay[i]! >= from) ever |= measuresOf(planActiv[i]!, planAccom[i]!, emergencyIsHomeless);
    addBits(g.ever, ever | bits);
  }
  return {
    asAt: formatDay(day),
    filters: query.filters ?? {},
    from: formatDay(from),
    ages: { min: ageFilter.min, max: ageFilter.max },
    membership,
    groups: { 'staying-put': groups[0]!, 'other-care-leavers': groups[1]! },
  };
}

export interface CohortMeasureFigures {
  readonly measure: CohortMeasure;
  readonly label: string;
  /** On the plan in force on the date. */
  readonly latest: {
    readonly count: Figure;
    /** Of everyone in the group (the published convention: no information stays in the denominator). */
    readonly percentOfAll: Figure;
    readonly countInTouch: Figure;
    /** Of those in touch (IN_TOUCH = YES). */
    readonly percentOfInTouch: Figure;
  };
  /** At any point in the period. */
  readonly ever: { readonly count: Figure; readonly percentOfAll: Figure };
}

export interface CohortGroup {
  readonly id: CohortGroupId;
  readonly population: Figure;
  readonly inTouch: Figure;
  /** No activity recorded. */
  readonly noInformation: Figure;
  /** No accommodation recorded. */
  readonly noInformationAccommodation: Figure;
  readonly measures: readonly CohortMeasureFigures[];
}

export interface CohortComparison {
  readonly asAt: string;
  readonly from: string;
  /** Both groups are these ages on `asAt`. */
  readonly ages: { readonly min: number; readonly max: number };
  readonly membership: 'ever' | 'current';
  readonly exact: boolean;
  readonly groups: readonly [CohortGroup, CohortGroup];
}

interface GroupIds {
  population: number;
  inTouch: number;
  noInformation: number;
  noInformationAccommodation: number;
  measures: Record<CohortMeasure, { latest: number; latestInTouch: number; ever: number }>;
}

/** The cells of a cohort comparison, registered in an output (for the comparison and the costs built on it). */
export interface CohortCells {
  readonly groups: Readonly<Record<CohortGroupId, GroupIds>>;
  /** Both groups together (implied: the output does not show it unless another part of it does). */
  readonly totalPopulation: number;
  build(): CohortComparison;
}

function registerGroup(cells: OutputCells, g: RawCohortGroup): GroupIds {
  const population = cells.count(g.population);
  const inTouch = cells.count(g.inTouch);
  const noInformation = cells.count(g.noInformation);
  const noInformationAccommodation = cells.count(g.noInformationAccommodation);
  cells.contains(population, inTouch);
  cells.contains(population, noInformation);
  cells.contains(population, noInformationAccommodation);
  const measures = {} as GroupIds['measures'];
  for (const m of COHORT_MEASURES) {
    const latest = cells.count(g.latest[m]);
    const latestInTouch = cells.count(g.latestInTouch[m]);
    const ever = cells.count(g.ever[m]);
    cells.contains(population, latest);
    cells.contains(inTouch, latestInTouch);
    cells.contains(latest, latestInTouch);
    cells.contains(ever, latest);
    cells.contains(population, ever);
    measures[m] = { latest, latestInTouch, ever };
  }
  return { population, inTouch, noInformation, noInformationAccommodation, measures };
}

/**
 * Register a comparison in an output. The sums: a group's young people in touch, with no information, and with each
 * outcome are among the group; those in touch with an outcome are among those with it, and among those in touch;
 * an outcome now is among the same outcome at any point. The two groups together are every young person compared.
 */
export function registerCohorts(cells: OutputCells, raw: RawCohortComparison, exact: boolean): CohortCells {
  const sp = registerGroup(cells, raw.groups['staying-put']);
  const other = registerGroup(cells, raw.groups['other-care-leavers']);
  const totalPopulation = cells.implied(
    raw.groups['staying-put'].population + raw.groups['other-care-leavers'].population,
  );
  cells.sum(totalPopulation, [sp.population, other.population]);
  const presentGroup = (id: CohortGroupId, g: GroupIds): CohortGroup => ({
    id,
    population: cellFigure(cells, g.population),
    inTouch: cellFigure(cells, g.inTouch),
    noInformation: cellFigure(cells, g.noInformation),
    noInformationAccommodation: cellFigure(cells, g.noInformationAccommodation),
    measures: COHORT_MEASURES.map((m) => {
      const x = g.measures[m];
      return {
        measure: m,
        label: COHORT_MEASURE_LABELS[m],
        latest: {
          count: cellFigure(cells, x.latest),
          percentOfAll: ratioFigure(cells, x.latest, g.population),
          countInTouch: cellFigure(cells, x.latestInTouch),
          percentOfInTouch: ratioFigure(cells, x.latestInTouch, g.inTouch),
        },
        ever: { count: cellFigure(cells, x.ever), percentOfAll: ratioFigure(cells, x.ever, g.population) },
      };
    }),
  });
  return {
    groups: { 'staying-put': sp, 'other-care-leavers': other },
    totalPopulation,
    build: () => ({
      asAt: raw.asAt,
      from: raw.from,
      ages: raw.ages,
      membership: raw.membership,
      exact,
      groups: [presentGroup('staying-put', sp), presentGroup('other-care-leavers', other)],
    }),
  };
}

/** The date a viewer's comparison is as at (a reporting date for viewers who may not see individuals). */
function viewerQuery(query: CohortQuery, viewer: Viewer): CohortQuery {
  const settings = insightsSettings(query.settings);
  const asAt = reportingDateFor(viewer, query.filters, resolveAsAt(query.asAt), settings);
  return { ...query, asAt };
}

/** Staying Put against other care leavers of the same ages, with small numbers hidden unless the viewer may see them. */
export function compareCohorts(index: InsightsIndex, query: CohortQuery, viewer: Viewer): CohortComparison {
  assertMaySeeInsights(viewer);
  return presentCohorts(rawCohortComparison(index, viewerQuery(query, viewer)), viewer, query.settings);
}

export function presentCohorts(
  raw: RawCohortComparison,
  viewer: Viewer,
  settings: Partial<InsightsSettings> = {},
): CohortComparison {
  assertMaySeeInsights(viewer);
  const exact = exactFor(viewer, raw.filters);
  const cells = new OutputCells(insightsSettings(settings).suppressionThreshold);
  const c = registerCohorts(cells, raw, exact);
  cells.protect(exact);
  return c.build();
}

// ---------------------------------------------------------------------------------------------------------------
// Cost avoidance.

/**
 * Extra young people with an outcome if a group of `base` had the reference rate instead of its own:
 * base × (referencePercent − groupPercent) / 100. Not rounded.
 */
export function extraCases(base: number, referencePercent: number, groupPercent: number): number {
  return (base * (referencePercent - groupPercent)) / 100;
}

export interface CostOptions {
  /** Unit costs; default DEFAULT_UNIT_COSTS. A council replaces them with its own. */
  readonly unitCosts?: readonly SourcedFigure[];
  /** National figures; default NATIONAL_BENCHMARKS. */
  readonly benchmarks?: readonly SourcedFigure[];
  /**
   * The NEET rate to compare with: a benchmark id (default `care-leavers-19-21-neet`, only when the comparison is
   * of 19 to 21 year olds, the ages the national figure is for) or `other-care-leavers`.
   */
  readonly neetReference?: string;
  /**
   * Staying Put rates of everyone in the group (default: the national figures are of everyone, no information
   * included) or of those in touch (then compared only with other care leavers in touch).
   */
  readonly denominator?: 'all' | 'in-touch';
}

export interface CostLine {
  readonly id: 'neet-gap' | 'homeless-comparison' | 'homeless-gap';
  /** What the line works out, in plain words. */
  readonly description: string;
  readonly unitCost: SourcedFigure;
  /** The rate compared with (percent) and where it comes from; absent for homeless-comparison. */
  readonly reference?: { readonly label: string; readonly percent: Figure; readonly figure?: SourcedFigure };
  /** The Staying Put rate (percent) and the number it is of. */
  readonly stayingPutPercent?: Figure;
  readonly base?: Figure;
  /** Extra young people before rounding (may be negative: no saving). */
  readonly extraPeople: Figure;
  /** Whole young people (extraPeople rounded to the nearest; halves up), as the costs are for whole people. */
  readonly people: Figure;
  /** people × unit cost, in pounds; hidden when built on hidden numbers for this viewer. */
  readonly amount: Figure;
}

export interface CostEstimate {
  readonly asAt: string;
  /** The ages of the comparison the costs are built on. */
  readonly ages: { readonly min: number; readonly max: number };
  /** Which rates the lines use: of everyone in each group, or of those in touch. */
  readonly denominator: 'all' | 'in-touch';
  readonly exact: boolean;
  readonly lines: readonly CostLine[];
}

const shown = (v: number): Figure => ({ value: v, suppressed: false });

/**
 * Register cost lines in an output, built on the comparison's own cells, so each line hides whatever the comparison
 * hides (a cost can never give back a hidden count) and uses the comparison's own numbers:
 * - neet-gap: extra NEET young people if the Staying Put group had the reference rate, × lifetime NEET cost;
 * - homeless-comparison: the homeless young people among other care leavers × 12 months' rough sleeping (the Leeds
 *   slide's own sum: what their homelessness would cost if each lasted a year);
 * - homeless-gap: extra homeless young people if the Staying Put group had the other care leavers' rate × 12 months.
 */
export function registerCosts(
  cells: OutputCells,
  raw: RawCohortComparison,
  cohort: CohortCells,
  exact: boolean,
  options: CostOptions = {},
): () => CostEstimate {
  const unitCosts = options.unitCosts ?? DEFAULT_UNIT_COSTS;
  const benchmarks = options.benchmarks ?? NATIONAL_BENCHMARKS;
  const denominator = options.denominator ?? 'all';
  if (denominator !== 'all' && denominator !== 'in-touch')
    throw new InsightsInputError('denominator', 'must be "all" or "in-touch"');
  const inTouch = denominator === 'in-touch';
  const sp = raw.groups['staying-put'];
  const other = raw.groups['other-care-leavers'];
  const spIds = cohort.groups['staying-put'];
  const otherIds = cohort.groups['other-care-leavers'];
  const base = (g: RawCohortGroup) => (inTouch ? g.inTouch : g.population);
  const baseId = (g: GroupIds) => (inTouch ? g.inTouch : g.population);
  const count = (g: RawCohortGroup, m: CohortMeasure) => (inTouch ? g.latestInTouch[m] : g.latest[m]);
  const countId = (g: GroupIds, m: CohortMeasure) => (inTouch ? g.measures[m].latestInTouch : g.measures[m].latest);
  const pct = (n: number, of: number) => (of === 0 ? 0 : (n / of) * 100);
  const scope = inTouch ? ' (of those in touch)' : '';

  const neetCost = figureById(unitCosts, 'neet-lifetime-public-cost');
  const nationalAges = raw.ages.min === 19 && raw.ages.max === 21;
  const asked = options.neetReference ?? 'care-leavers-19-21-neet';
  if (asked !== 'other-care-leavers' && options.neetReference !== undefined && !nationalAges)
    throw new InsightsInputError(
      'neetReference',
      `the national figure is for 19 to 21 year olds; this comparison is of ${raw.ages.min} to ${raw.ages.max} year olds`,
    );
  // A national rate is of everyone (no information included): it is compared only with rates of everyone.
  const ref = asked === 'other-care-leavers' || !nationalAges || inTouch ? 'other-care-leavers' : asked;
  const refFigure = ref === 'other-care-leavers' ? undefined : figureById(benchmarks, ref);
  const neetFrom = [
    baseId(spIds),
    countId(spIds, 'neet'),
    ...(refFigure ? [] : [baseId(otherIds), countId(otherIds, 'neet')]),
  ];
  const refPercent = refFigure ? refFigure.value : pct(count(other, 'neet'), base(other));
  const neetExtra = extraCases(base(sp), refPercent, pct(count(sp, 'neet'), base(sp)));

  const rough = figureById(unitCosts, 'rough-sleeping-12-months');
  const homelessOther = count(other, 'homeless');
  const homelessExtra = extraCases(base(sp), pct(homelessOther, base(other)), pct(count(sp, 'homeless'), base(sp)));
  const homelessFrom = [baseId(spIds), countId(spIds, 'homeless'), baseId(otherIds), countId(otherIds, 'homeless')];

  return () => {
    const d = (from: number[], v: number) => derivedFigure(cells, from, v);
    const lines: CostLine[] = [
      {
        id: 'neet-gap',
        description: `Extra young people who would be NEET if the Staying Put group had the rate of ${refFigure ? refFigure.label.toLowerCase() : `other care leavers of the same ages${scope}`}, times the lifetime cost of staying NEET.`,
        unitCost: neetCost,
        reference: {
          label: refFigure ? refFigure.label : `Other care leavers aged ${raw.ages.min} to ${raw.ages.max}${scope}`,
          percent: refFigure ? shown(refPercent) : ratioFigure(cells, countId(otherIds, 'neet'), baseId(otherIds)),
          ...(refFigure ? { figure: refFigure } : {}),
        },
        stayingPutPercent: ratioFigure(cells, countId(spIds, 'neet'), baseId(spIds)),
        base: cellFigure(cells, baseId(spIds)),
        extraPeople: d(neetFrom, neetExtra),
        people: d(neetFrom, Math.round(neetExtra)),
        amount: d(neetFrom, Math.round(neetExtra) * neetCost.value),
      },
      {
        id: 'homeless-comparison',
        description: `What it would cost if every homeless young person among the other care leavers aged ${raw.ages.min} to ${raw.ages.max} were homeless for 12 months.`,
        unitCost: rough,
        extraPeople: cellFigure(cells, countId(otherIds, 'homeless')),
        people: cellFigure(cells, countId(otherIds, 'homeless')),
        amount: d([countId(otherIds, 'homeless')], homelessOther * rough.value),
      },
      {
        id: 'homeless-gap',
        description:
          'Extra young people who would be homeless if the Staying Put group had the rate of other care leavers of the same ages, times 12 months of rough sleeping.',
        unitCost: rough,
        reference: {
          label: `Other care leavers aged ${raw.ages.min} to ${raw.ages.max}${scope}`,
          percent: ratioFigure(cells, countId(otherIds, 'homeless'), baseId(otherIds)),
        },
        stayingPutPercent: ratioFigure(cells, countId(spIds, 'homeless'), baseId(spIds)),
        base: cellFigure(cells, baseId(spIds)),
        extraPeople: d(homelessFrom, homelessExtra),
        people: d(homelessFrom, Math.round(homelessExtra)),
        amount: d(homelessFrom, Math.round(homelessExtra) * rough.value),
      },
    ];
    return { asAt: raw.asAt, ages: raw.ages, denominator, exact, lines };
  };
}

/** Estimate public costs avoided by Staying Put from a cohort comparison and unit costs (see registerCosts). */
export function estimateCostAvoidance(
  raw: RawCohortComparison,
  viewer: Viewer,
  options: CostOptions & { settings?: Partial<InsightsSettings> } = {},
): CostEstimate {
  assertMaySeeInsights(viewer);
  const exact = exactFor(viewer, raw.filters);
  const cells = new OutputCells(insightsSettings(options.settings).suppressionThreshold);
  const cohort = registerCohorts(cells, raw, exact);
  const build = registerCosts(cells, raw, cohort, exact, options);
  cells.protect(exact);
  return build();
}
