// Turning figures into what a chart draws and a table shows: a number, or the reason there is none.
import { type Figure, formatCount, formatPercent, roundTo } from '@onward/engine';
import type { ChartMark, ChartSeries } from '../charts/chart-figure.js';

export const pct = (f: Figure) => formatPercent(f);
export const num = (f: Figure) => formatCount(f);
/** A chart value: the percentage to one decimal place, or null when there is none. */
export const value = (f: Figure) => (f.value === null ? null : roundTo(f.value, 1));

/** Why a figure has no number, for a chart's mark. */
export function markOf(f: Figure): ChartMark | undefined {
  if (f.secondary) return 'hidden';
  if (f.suppressed) return 'fewer';
  return f.value === null ? 'no-data' : undefined;
}

/** A chart series from figures: values, and a mark wherever a value is hidden or missing. */
export function seriesOf(
  label: string,
  figures: readonly Figure[],
  extra: Pick<ChartSeries, 'colour' | 'stack'> = {},
): ChartSeries {
  return { label, data: figures.map(value), marks: figures.map(markOf), ...extra };
}

/** Words for marks with the council's threshold ("fewer than 5"). */
export function markText(threshold: number) {
  return { fewer: `fewer than ${threshold}`, hidden: 'hidden', 'no-data': 'no data' } as const;
}
