// Reporting dates. Figures for a viewer who may not see individuals (an analyst) are only ever as at the end of a
// reporting period (a month, or a quarter: the council chooses), never as at any day they like. Asked for a day, they
// get the last reporting date on or before it. So figures from two days in one period are the same figures, and the
// one young person whose plan was authorised between them cannot be picked out by comparing them.

import { daysInMonth, formatDay, monthEnds } from './dates.js';
import type { InsightsFilters } from './filters.js';
import { exactFor, type Viewer } from './roles.js';
import type { InsightsSettings } from './settings.js';

/** True when `day` (yyyymmdd) is the last day of a reporting period. */
export function isReportingDay(day: number, period: 'month' | 'quarter'): boolean {
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  if (day % 100 !== daysInMonth(y, m)) return false;
  return period === 'month' || m % 3 === 0;
}

/** The last reporting date on or before `day`: the end of the last complete month (or quarter). */
export function reportingDayOnOrBefore(day: number, period: 'month' | 'quarter'): number {
  if (isReportingDay(day, period)) return day;
  let y = Math.floor(day / 10000);
  let m = (Math.floor(day / 100) % 100) - 1;
  if (period === 'quarter') m -= m % 3;
  if (m <= 0) {
    y -= 1;
    m += 12;
  }
  return y * 10000 + m * 100 + daysInMonth(y, m);
}

/** The day a viewer's figures are as at: `day` itself for exact viewers, else the reporting date on or before it. */
export function reportingDayFor(
  viewer: Viewer,
  filters: InsightsFilters | undefined,
  day: number,
  settings: InsightsSettings,
): number {
  return exactFor(viewer, filters) ? day : reportingDayOnOrBefore(day, settings.reportingPeriod);
}

/** `YYYY-MM-DD` form of reportingDayFor. */
export function reportingDateFor(
  viewer: Viewer,
  filters: InsightsFilters | undefined,
  day: number,
  settings: InsightsSettings,
): string {
  return formatDay(reportingDayFor(viewer, filters, day, settings));
}

/**
 * The days a series is counted at, from `from` to `to`: every month end (the last as at `to` when the month has not
 * ended), or every quarter end (31 March, 30 June, 30 September, 31 December) and `to`.
 */
export function reportingDays(from: number, to: number, period: 'month' | 'quarter'): number[] {
  const ends = monthEnds(from, to).map((d) => Math.min(d, to));
  if (period === 'month') return ends;
  return ends.filter((d, i) => i === ends.length - 1 || isReportingDay(d, 'quarter'));
}
