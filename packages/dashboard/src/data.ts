// Everything a dashboard shows, worked out once by the engine for one viewer. Plain JSON: a server can build it
// (with small numbers already hidden for the viewer's role) and send it, or a page can build it from records.
import {
  type Aggregates,
  aggregates,
  type CohortComparison,
  type CostEstimate,
  type CostOptions,
  compareCohorts,
  estimateCostAvoidance,
  exactFor,
  type HelpListEntry,
  helpList,
  type InsightsFilters,
  type InsightsIndex,
  type MoodPoint,
  moodTrends,
  rawCohortComparison,
  seesIndividuals,
  type TrendPoint,
  trends,
  type Viewer,
} from '@onward/engine';

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
  /** First month of the trends, `YYYY-MM-DD`; default 23 months before asAt (two years of months). */
  readonly from?: string;
  readonly filters?: InsightsFilters;
  readonly costs?: CostOptions;
}

function monthsBefore(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - months;
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-01`;
}

/** Work out a dashboard's figures for a viewer (small numbers hidden unless their role may see them). */
export function buildDashboardData(index: InsightsIndex, query: DashboardQuery, viewer: Viewer): DashboardData {
  const from = query.from ?? monthsBefore(query.asAt, 23);
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
