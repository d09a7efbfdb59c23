// Everything a dashboard shows, worked out once for one viewer. Plain JSON: the server builds it (with small numbers
// already hidden for the viewer's role) and sends it, a page builds it from records, `onward report` writes it out.
// This is the only place the dashboard's figures are put together: the server, the dashboard element and the CLI
// all call it.

import { addMonths } from '../dates/civil-date.js';
import {
  type Aggregates,
  type MoodPoint,
  rawAggregates,
  registerAggregates,
  registerMoods,
  registerTrends,
  type TrendPoint,
  viewerMoods,
  viewerTrends,
} from './aggregates.js';
import { type InsightsIndex, planAsAt } from './build-index.js';
import {
  type CohortComparison,
  type CostEstimate,
  type CostOptions,
  rawCohortComparison,
  registerCohorts,
  registerCosts,
} from './cohorts.js';
import { formatDay, parseDay } from './dates.js';
import { type HelpListEntry, helpList } from './drill-down.js';
import { type EngagementPeriod, registerEngagement, viewerEngagement } from './engagement.js';
import { InsightsInputError } from './errors.js';
import { compileFilter, type InsightsFilters } from './filters.js';
import {
  type NationalMeasures,
  type NationalQuery,
  nationalQueryFor,
  rawNationalMeasures,
  registerNational,
} from './national.js';
import { OutputCells } from './protect.js';
import { reportingDayFor } from './reporting.js';
import { assertMaySeeInsights, exactFor, seesIndividuals, type Viewer } from './roles.js';
import { type InsightsSettings, insightsSettings } from './settings.js';

export interface DashboardData {
  /** The day the figures are as at (for a viewer who may not see individuals, a reporting date). */
  readonly asAt: string;
  /** The day asked for, when the figures had to be as at an earlier reporting date. */
  readonly requestedAsAt?: string;
  readonly from: string;
  readonly filters: InsightsFilters;
  readonly viewer: Viewer;
  /** False when small numbers are hidden for this viewer. */
  readonly exact: boolean;
  /** Counts from 1 to threshold - 1 are hidden when not exact. */
  readonly threshold: number;
  /** Reporting period of a viewer who may not see individuals. */
  readonly reportingPeriod: 'month' | 'quarter';
  readonly aggregates: Aggregates;
  readonly trends: readonly TrendPoint[];
  readonly moods: readonly MoodPoint[];
  /** Staying Put against other care leavers of the same ages (default 19 to 21) as at the same date. */
  readonly cohorts: CohortComparison;
  /** Cost avoidance, built on the comparison's own numbers. */
  readonly costs: CostEstimate;
  /** The national measures (DfE definitions) for the last complete reporting year, or the period asked for. */
  readonly national: NationalMeasures;
  /** Voice and engagement per quarter and team, over the trends' period. */
  readonly engagement: readonly EngagementPeriod[];
  /** Teams in the data, for the filter. */
  readonly teams: readonly string[];
}

export interface DashboardQuery {
  /** `YYYY-MM-DD`; the figures are as at this day (or the reporting date before it, for suppressed viewers). */
  readonly asAt: string;
  /** First month of the trends, `YYYY-MM-DD`; default the first day of the month 23 months before asAt. */
  readonly from?: string;
  readonly filters?: InsightsFilters;
  readonly costs?: CostOptions;
  /** The national measures' period (default: the last complete reporting year). */
  readonly national?: Pick<NationalQuery, 'year' | 'from' | 'to'>;
  /** Ages of the Staying Put comparison (default 19 to 21). */
  readonly cohortAges?: { readonly min: number; readonly max: number };
  /** The council's choices; default DEFAULT_INSIGHTS_SETTINGS. */
  readonly settings?: Partial<InsightsSettings>;
}

/** The first day of the month `months` before the month of `day`: the default start of a dashboard's trends. */
export function trendsStart(day: string, months = 23): string {
  return `${addMonths(`${day.slice(0, 7)}-01`, -months, 'asAt')}`;
}

/** True when the young people counted by two compiled selections are the same on `day` (so one total is both). */
function sameCount(index: InsightsIndex, day: number, a: InsightsFilters, b: InsightsFilters, s: InsightsSettings) {
  const fa = compileFilter(index, a, { settings: s });
  const fb = compileFilter(index, b, { settings: s });
  for (let p = 0; p < index.personCount; p++) {
    const row = planAsAt(index, p, day);
    if (row < 0) continue;
    if (fa.matches(row, p, day) !== fb.matches(row, p, day)) return false;
  }
  return true;
}

/**
 * Work out a dashboard's figures for a viewer. Every part is registered in one output and protected in one step, so
 * a number hidden in one chart cannot be worked back out from another chart, a table, the costs or an export.
 */
export function buildDashboardData(index: InsightsIndex, query: DashboardQuery, viewer: Viewer): DashboardData {
  assertMaySeeInsights(viewer);
  const settings = insightsSettings(query.settings);
  const filters: InsightsFilters = query.filters ?? {};
  const exact = exactFor(viewer, filters);
  const requested = parseDay(query.asAt, 'asAt');
  const day = reportingDayFor(viewer, filters, requested, settings);
  const asAt = formatDay(day);
  const from = query.from ?? trendsStart(query.asAt);
  if (from > query.asAt) throw new InsightsInputError('from', 'must come before the date the figures are for');
  const { stayingPut: _split, ...cohortFilters } = filters;
  const cells = new OutputCells(settings.suppressionThreshold);

  const agg = registerAggregates(cells, index, rawAggregates(index, { asAt, filters, settings }), filters, exact);
  const trendPoints = registerTrends(
    cells,
    index,
    viewerTrends(index, { from, to: query.asAt, filters, settings }, viewer, settings),
    filters,
    exact,
  );
  const moods = registerMoods(cells, viewerMoods(index, { from, to: query.asAt, filters, settings }, viewer, settings));
  const cohortQuery = {
    asAt,
    from,
    filters: cohortFilters,
    settings,
    ...(query.cohortAges ? { ages: query.cohortAges } : {}),
  };
  const rawCohorts = rawCohortComparison(index, cohortQuery);
  const cohorts = registerCohorts(cells, rawCohorts, exact);
  // When the dashboard's own population is exactly the young people compared, the two groups add up to it.
  if (
    filters.stayingPut === undefined &&
    sameCount(index, day, filters, { ...cohortFilters, ages: rawCohorts.ages }, settings)
  )
    cells.sum(agg.population, [
      cohorts.groups['staying-put'].population,
      cohorts.groups['other-care-leavers'].population,
    ]);
  const costs = registerCosts(cells, rawCohorts, cohorts, exact, query.costs);
  const nationalQuery = nationalQueryFor({ ...(query.national ?? {}), filters, settings }, viewer, asAt);
  const national = registerNational(cells, rawNationalMeasures(index, nationalQuery), exact);
  const engagementPeriods = registerEngagement(
    cells,
    viewerEngagement(index, { from, to: asAt, filters, settings }, viewer, settings),
  );
  cells.protect(exact);
  return {
    asAt,
    ...(day !== requested ? { requestedAsAt: query.asAt } : {}),
    from,
    filters,
    viewer,
    exact,
    threshold: settings.suppressionThreshold,
    reportingPeriod: settings.reportingPeriod,
    aggregates: agg.build(),
    trends: trendPoints(),
    moods: moods(),
    cohorts: cohorts.build(),
    costs: costs(),
    national: national(),
    engagement: engagementPeriods(),
    teams: index.teams,
  };
}

/** A drill-down for a viewer allowed to see individuals; undefined for everyone else. */
export function drillDownFor(
  index: InsightsIndex,
  viewer: Viewer,
  asAt: string,
  filters: InsightsFilters = {},
): ((question: string) => HelpListEntry[]) | undefined {
  if (!seesIndividuals(viewer)) return undefined;
  if (viewer.role === 'pa' && !viewer.paId) return undefined;
  return (question) => helpList(index, { question, asAt, filters }, viewer);
}
