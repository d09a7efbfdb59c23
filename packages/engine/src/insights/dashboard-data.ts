// Everything a dashboard shows, worked out once for one viewer. Plain JSON: the server builds it (with small numbers
// already hidden for the viewer's role) and sends it, a page builds it from records, `onward report` writes it out.
// This is the only place the dashboard's figures are put together: the server, the dashboard element and the CLI
// all call it.

import { addMonths } from '../dates/civil-date.js';
import { type Aggregates, aggregates, type MoodPoint, moodTrends, type TrendPoint, trends } from './aggregates.js';
import type { InsightsIndex } from './build-index.js';
import {
  type CohortComparison,
  type CostEstimate,
  type CostOptions,
  compareCohorts,
  estimateCostAvoidance,
  rawCohortComparison,
} from './cohorts.js';
import { type HelpListEntry, helpList } from './drill-down.js';
import { InsightsInputError } from './errors.js';
import type { InsightsFilters } from './filters.js';
import { exactFor, seesIndividuals, type Viewer } from './roles.js';

export interface DashboardData {
  readonly asAt: string;
  readonly from: string;
  readonly filters: InsightsFilters;
  readonly viewer: Viewer;
  /** False when small numbers are hidden for this viewer. */
  readonly exact: boolean;
  readonly aggregates: Aggregates;
  readonly trends: readonly TrendPoint[];
  readonly moods: readonly MoodPoint[];
  readonly cohorts: CohortComparison;
  /** Cost avoidance for young people aged 19 to 21 (the age the national NEET figure is for). */
  readonly costs: CostEstimate;
  /** Teams in the data, for the filter. */
  readonly teams: readonly string[];
}

export interface DashboardQuery {
  /** `YYYY-MM-DD`; the figures are as at this day. */
  readonly asAt: string;
  /** First month of the trends, `YYYY-MM-DD`; default the first day of the month 23 months before asAt. */
  readonly from?: string;
  readonly filters?: InsightsFilters;
  readonly costs?: CostOptions;
}

/** The first day of the month `months` before the month of `day`: the default start of a dashboard's trends. */
export function trendsStart(day: string, months = 23): string {
  return `${addMonths(`${day.slice(0, 7)}-01`, -months, 'asAt')}`;
}

/** Work out a dashboard's figures for a viewer (small numbers hidden unless their role may see them). */
export function buildDashboardData(index: InsightsIndex, query: DashboardQuery, viewer: Viewer): DashboardData {
  const from = query.from ?? trendsStart(query.asAt);
  if (from > query.asAt) throw new InsightsInputError('from', 'must come before the date the figures are for');
  const filters: InsightsFilters = query.filters ?? {};
  const { stayingPut: _split, ...cohortFilters } = filters;
  return {
    asAt: query.asAt,
    from,
    filters,
    viewer,
    exact: exactFor(viewer, filters),
    aggregates: aggregates(index, { asAt: query.asAt, filters }, viewer),
    trends: trends(index, { from, to: query.asAt, filters }, viewer),
    moods: moodTrends(index, { from, to: query.asAt, filters }, viewer),
    cohorts: compareCohorts(index, { asAt: query.asAt, from, filters: cohortFilters }, viewer),
    costs: estimateCostAvoidance(
      rawCohortComparison(index, { asAt: query.asAt, from, filters: { ...cohortFilters, ages: { min: 19, max: 21 } } }),
      viewer,
      query.costs,
    ),
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
