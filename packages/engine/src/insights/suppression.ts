// How hidden numbers are shown. Which numbers are hidden is decided for a whole output at once (protect.ts): a count
// from 1 to 4 (below the council's threshold), and any percentage built on one, is shown as "fewer than 5" to every
// role not allowed to see individuals, and other counts are "hidden" where they would give a small one away. Zero is
// shown: it identifies nobody.

import { IMPLIED, type OutputCells, PRIMARY, SECONDARY_HIDDEN, SHOWN } from './protect.js';

/** The words shown in place of a hidden number. */
export const FEWER_THAN_5 = 'fewer than 5';

/** Counts below this (and above zero) are hidden. */
export const SUPPRESSION_THRESHOLD = 5;

/** A number as shown to a viewer: `value` is null when it is hidden or (for a percentage) has no denominator. */
export interface Figure {
  readonly value: number | null;
  /** For a hidden small number: the threshold it is below ("fewer than 5" when 5); absent means 5. */
  readonly below?: number;
  /** True when the number is hidden (shown as "fewer than 5", or "hidden" when `secondary`). */
  readonly suppressed: boolean;
  /**
   * Hidden although not small, because with the total it would give away a small number hidden beside it
   * (complementary suppression). Shown as "hidden".
   */
  readonly secondary?: true;
}

/** The words shown in place of a number hidden to protect a small one beside it. */
export const HIDDEN = 'hidden';

/** A number hidden to protect a small one beside it (complementary suppression), shown as "hidden". */
export const SECONDARY: Figure = { value: null, suppressed: true, secondary: true };

export interface FormatOptions {
  /** Decimal places for percentages; default 0. */
  readonly decimals?: number;
  /** Text for a hidden number; default "fewer than 5". */
  readonly suppressedText?: string;
  /** Text when there is no number (no one answered); default "no data". */
  readonly emptyText?: string;
}

/** A count for display: "12", "fewer than 5". */
export function formatCount(f: Figure, options: FormatOptions = {}): string {
  if (f.secondary) return HIDDEN;
  if (f.suppressed) return options.suppressedText ?? fewerThan(f);
  if (f.value === null) return options.emptyText ?? 'no data';
  return f.value.toLocaleString('en-GB');
}

/** A percentage for display: "38%", "fewer than 5", "no data". Rounds half away from zero. */
export function formatPercent(f: Figure, options: FormatOptions = {}): string {
  if (f.secondary) return HIDDEN;
  if (f.suppressed) return options.suppressedText ?? fewerThan(f);
  if (f.value === null) return options.emptyText ?? 'no data';
  return `${roundTo(f.value, options.decimals ?? 0).toFixed(options.decimals ?? 0)}%`;
}

/** Round to `decimals` places, halves away from zero, without binary surprises (1.005 → 1.01). */
export function roundTo(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(15)))) / f;
}

/** "fewer than 5" (or the council's own threshold) for a hidden small number. */
export function fewerThan(f: Pick<Figure, 'below'>): string {
  return f.below === undefined || f.below === SUPPRESSION_THRESHOLD ? FEWER_THAN_5 : `fewer than ${f.below}`;
}

/** A count as shown once its output has been protected (see protect.ts). */
export function cellFigure(cells: OutputCells, id: number): Figure {
  const s = cells.statusOf(id);
  if (s === PRIMARY) return hiddenSmall(cells.threshold);
  if (s === SECONDARY_HIDDEN || s === IMPLIED) return SECONDARY;
  return { value: cells.values[id]!, suppressed: false };
}

/**
 * A percentage of two cells: hidden whenever its count or its denominator is hidden (so a percentage never gives
 * back a hidden count); value null, not hidden, when the denominator is 0.
 */
export function ratioFigure(cells: OutputCells, count: number, of: number): Figure {
  const a = cells.statusOf(count);
  const b = cells.statusOf(of);
  if (a === PRIMARY || b === PRIMARY) return hiddenSmall(cells.threshold);
  if (a !== SHOWN || b !== SHOWN) return SECONDARY;
  const d = cells.values[of]!;
  return d === 0 ? { value: null, suppressed: false } : { value: (cells.values[count]! / d) * 100, suppressed: false };
}

function hiddenSmall(threshold: number): Figure {
  return threshold === SUPPRESSION_THRESHOLD
    ? { value: null, suppressed: true }
    : { value: null, suppressed: true, below: threshold };
}

/** A number worked out from cells (a cost, a rate gap): hidden when any cell it is built on is hidden. */
export function derivedFigure(cells: OutputCells, from: readonly number[], value: number): Figure {
  let secondary = false;
  for (const id of from) {
    const s = cells.statusOf(id);
    if (s === PRIMARY) return hiddenSmall(cells.threshold);
    if (s !== SHOWN) secondary = true;
  }
  return secondary ? SECONDARY : { value, suppressed: false };
}
