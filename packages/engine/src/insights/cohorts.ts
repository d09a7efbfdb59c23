// Staying Put against other care leavers, on the national return's outcome codes, and the costs avoided.

import { resolveAsAt } from './aggregates.js';
import { everInStayingPutBy, type InsightsIndex, inStayingPutOn, planAsAt } from './build-index.js';
import { ACCOM_TYPES, accomType, accomUnsuitable, encodeActiv, IN_TOUCH_YES, isNeet } from './codes.js';
import { formatDay, parseDay } from './dates.js';
import { InsightsInputError } from './errors.js';
import { compileFilter, type InsightsFilters } from './filters.js';
import { DEFAULT_UNIT_COSTS, figureById, NATIONAL_BENCHMARKS, type SourcedFigure } from './reference-data.js';
import { assertMaySeeInsights, exactFor, type Viewer } from './roles.js';
import { countFigure, type Figure, isSmall, percentFigure } from './suppression.js';

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

export interface CohortQuery {
  /** `YYYY-MM-DD`; default today. Ages, groups and "latest" outcomes are read as at this date. */
  readonly asAt?: string;
  /** Start of the period for "at any point" outcomes, `YYYY-MM-DD`; default: the first plan in the data. */
  readonly from?: string;
  /** Other filters (the stayingPut filter is not allowed here: it is what splits the groups). */
  readonly filters?: InsightsFilters;
  /**
   * `ever` (default): the Staying Put group is every young person who is or has been in an arrangement by the date,
   * as the Leeds figures count them; `current`: only those in one on the date.
   */
  readonly membership?: 'ever' | 'current';
  /** Also count emergency accommodation and bed and breakfast (V, W) as homeless. Default false. */
  readonly homelessIncludesEmergency?: boolean;
}

/** Raw counts for one group. */
export interface RawCohortGroup {
  /** Young people in the group with a plan as at the date. */
  readonly population: number;
  /** Of them, IN_TOUCH = YES on that plan (the "of those in touch" denominator). */
  readonly inTouch: number;
  /** Of them, no SSDA903 codes, or ACTIV 0 (no information). */
  readonly noInformation: number;
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

/** Raw counts for Staying Put and other care leavers. */
export function rawCohortComparison(index: InsightsIndex, query: CohortQuery = {}): RawCohortComparison {
  if (query.filters?.stayingPut !== undefined)
    throw new InsightsInputError('filters.stayingPut', 'cannot be used in a cohort comparison: it splits the groups');
  const day = resolveAsAt(query.asAt);
  const from = query.from === undefined ? index.firstDay : parseDay(query.from, 'from');
  const membership = query.membership ?? 'ever';
  if (membership !== 'ever' && membership !== 'current')
    throw new InsightsInputError('membership', 'must be "ever" or "current"');
  const emergencyIsHomeless = query.homelessIncludesEmergency === true;
  const filter = compileFilter(index, query.filters);
  const groups = [0, 1].map(() => ({
    population: 0,
    inTouch: 0,
    noInformation: 0,
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
    if (planActiv[row] === 0 || planActiv[row] === encodeActiv('0')) g.noInformation++;
    let ever = 0;
    for (let i = personPlanStart[p]!; i <= row; i++)
      if (planDay[i]! >= from) ever |= measuresOf(planActiv[i]!, planAccom[i]!, emergencyIsHomeless);
    addBits(g.ever, ever);
  }
  return {
    asAt: formatDay(day),
    filters: query.filters ?? {},
    from: formatDay(from),
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
  readonly noInformation: Figure;
  readonly measures: readonly CohortMeasureFigures[];
}

export interface CohortComparison {
  readonly asAt: string;
  readonly from: string;
  readonly membership: 'ever' | 'current';
  readonly exact: boolean;
  readonly groups: readonly [CohortGroup, CohortGroup];
}

function presentGroup(id: CohortGroupId, g: RawCohortGroup, exact: boolean): CohortGroup {
  return {
    id,
    population: countFigure(g.population, exact),
    inTouch: countFigure(g.inTouch, exact),
    noInformation: countFigure(g.noInformation, exact),
    measures: COHORT_MEASURES.map((m) => ({
      measure: m,
      label: COHORT_MEASURE_LABELS[m],
      latest: {
        count: countFigure(g.latest[m], exact),
        percentOfAll: percentFigure(g.latest[m], g.population, exact),
        countInTouch: countFigure(g.latestInTouch[m], exact),
        percentOfInTouch: percentFigure(g.latestInTouch[m], g.inTouch, exact),
      },
      ever: { count: countFigure(g.ever[m], exact), percentOfAll: percentFigure(g.ever[m], g.population, exact) },
    })),
  };
}

/** Staying Put against other care leavers, with small numbers hidden unless the viewer may see them. */
export function compareCohorts(index: InsightsIndex, query: CohortQuery, viewer: Viewer): CohortComparison {
  assertMaySeeInsights(viewer);
  return presentCohorts(rawCohortComparison(index, query), viewer);
}

export function presentCohorts(raw: RawCohortComparison, viewer: Viewer): CohortComparison {
  assertMaySeeInsights(viewer);
  const exact = exactFor(viewer, raw.filters);
  return {
    asAt: raw.asAt,
    from: raw.from,
    membership: raw.membership,
    exact,
    groups: [
      presentGroup('staying-put', raw.groups['staying-put'], exact),
      presentGroup('other-care-leavers', raw.groups['other-care-leavers'], exact),
    ],
  };
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
  /** The NEET rate to compare with: a benchmark id (default `care-leavers-19-21-neet`) or `other-care-leavers`. */
  readonly neetReference?: string;
  /** Staying Put rates of those in touch (default, as the Leeds slides) or of everyone in the group. */
  readonly denominator?: 'in-touch' | 'all';
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
  /** people × unit cost, in pounds; hidden when built on small numbers for this viewer. */
  readonly amount: Figure;
}

export interface CostEstimate {
  readonly asAt: string;
  readonly exact: boolean;
  readonly lines: readonly CostLine[];
}

const shown = (v: number): Figure => ({ value: v, suppressed: false });
const hidden: Figure = { value: null, suppressed: true };

/**
 * Estimate public costs avoided by Staying Put from a cohort comparison and unit costs:
 * - neet-gap: extra NEET young people if the Staying Put group had the reference rate, × lifetime NEET cost;
 * - homeless-comparison: the homeless young people among other care leavers × 12 months' rough sleeping (the Leeds
 *   slide's own sum: what their homelessness would cost if each lasted a year);
 * - homeless-gap: extra homeless young people if the Staying Put group had the other care leavers' rate × 12 months.
 */
export function estimateCostAvoidance(
  raw: RawCohortComparison,
  viewer: Viewer,
  options: CostOptions = {},
): CostEstimate {
  assertMaySeeInsights(viewer);
  const exact = exactFor(viewer, raw.filters);
  const unitCosts = options.unitCosts ?? DEFAULT_UNIT_COSTS;
  const benchmarks = options.benchmarks ?? NATIONAL_BENCHMARKS;
  const inTouch = (options.denominator ?? 'in-touch') === 'in-touch';
  const sp = raw.groups['staying-put'];
  const other = raw.groups['other-care-leavers'];
  const spBase = inTouch ? sp.inTouch : sp.population;
  const otherBase = inTouch ? other.inTouch : other.population;
  const spCount = (m: CohortMeasure) => (inTouch ? sp.latestInTouch[m] : sp.latest[m]);
  const otherCount = (m: CohortMeasure) => (inTouch ? other.latestInTouch[m] : other.latest[m]);
  const pct = (n: number, of: number) => (of === 0 ? 0 : (n / of) * 100);
  const anySmall = (...ns: number[]) => !exact && ns.some(isSmall);
  const lines: CostLine[] = [];

  const neetCost = figureById(unitCosts, 'neet-lifetime-public-cost');
  const ref = options.neetReference ?? 'care-leavers-19-21-neet';
  const refFigure = ref === 'other-care-leavers' ? undefined : figureById(benchmarks, ref);
  const refPercent = refFigure ? refFigure.value : pct(otherCount('neet'), otherBase);
  const spNeetPercent = pct(spCount('neet'), spBase);
  const neetExtra = extraCases(spBase, refPercent, spNeetPercent);
  const neetHidden = anySmall(spBase, spCount('neet'), ...(refFigure ? [] : [otherBase, otherCount('neet')]));
  lines.push({
    id: 'neet-gap',
    description: `Extra young people who would be NEET if the Staying Put group had the rate of ${refFigure ? refFigure.label.toLowerCase() : 'other care leavers'}, times the lifetime cost of staying NEET.`,
    unitCost: neetCost,
    reference: {
      label: refFigure ? refFigure.label : 'Other care leavers',
      percent: refFigure ? shown(refPercent) : percentFigure(otherCount('neet'), otherBase, exact),
      ...(refFigure ? { figure: refFigure } : {}),
    },
    stayingPutPercent: percentFigure(spCount('neet'), spBase, exact),
    base: countFigure(spBase, exact),
    extraPeople: neetHidden ? hidden : shown(neetExtra),
    people: neetHidden ? hidden : shown(Math.round(neetExtra)),
    amount: neetHidden ? hidden : shown(Math.round(neetExtra) * neetCost.value),
  });

  const rough = figureById(unitCosts, 'rough-sleeping-12-months');
  const homelessOther = otherCount('homeless');
  lines.push({
    id: 'homeless-comparison',
    description:
      'What it would cost if every homeless young person among the other care leavers were homeless for 12 months.',
    unitCost: rough,
    extraPeople: countFigure(homelessOther, exact),
    people: countFigure(homelessOther, exact),
    amount: anySmall(homelessOther) ? hidden : shown(homelessOther * rough.value),
  });

  const otherHomelessPercent = pct(homelessOther, otherBase);
  const homelessExtra = extraCases(spBase, otherHomelessPercent, pct(spCount('homeless'), spBase));
  const homelessHidden = anySmall(spBase, spCount('homeless'), otherBase, homelessOther);
  lines.push({
    id: 'homeless-gap',
    description:
      'Extra young people who would be homeless if the Staying Put group had the rate of other care leavers, times 12 months of rough sleeping.',
    unitCost: rough,
    reference: { label: 'Other care leavers', percent: percentFigure(homelessOther, otherBase, exact) },
    stayingPutPercent: percentFigure(spCount('homeless'), spBase, exact),
    base: countFigure(spBase, exact),
    extraPeople: homelessHidden ? hidden : shown(homelessExtra),
    people: homelessHidden ? hidden : shown(Math.round(homelessExtra)),
    amount: homelessHidden ? hidden : shown(Math.round(homelessExtra) * rough.value),
  });
  return { asAt: raw.asAt, exact, lines };
}
