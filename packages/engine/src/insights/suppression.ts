// Small-number suppression: a count from 1 to 4, and any percentage built on one (as numerator or denominator), is
// shown as "fewer than 5" to every role not allowed to see individuals. Zero is shown: it identifies nobody.

/** The words shown in place of a hidden number. */
export const FEWER_THAN_5 = 'fewer than 5';

/** Counts below this (and above zero) are hidden. */
export const SUPPRESSION_THRESHOLD = 5;

/** A number as shown to a viewer: `value` is null when it is hidden or (for a percentage) has no denominator. */
export interface Figure {
  readonly value: number | null;
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

/**
 * Complementary suppression for counts that add up to a total that is shown (yes + no + not relevant = answered):
 * when exactly one of them is hidden, the smallest other non-zero one is hidden too, so that no hidden number can
 * be worked out by subtraction. Returns which indexes to hide as well.
 */
export function complementary(counts: readonly number[], hiddenTotal: boolean): number[] {
  if (hiddenTotal) return [];
  const small = counts.map((n, i) => (isSmall(n) ? i : -1)).filter((i) => i >= 0);
  if (small.length !== 1) return [];
  let pick = -1;
  counts.forEach((n, i) => {
    if (i !== small[0] && n > 0 && (pick < 0 || n < counts[pick]!)) pick = i;
  });
  return pick < 0 ? [] : [pick];
}

/** A count or percentage hidden by complementary suppression. */
export const SECONDARY: Figure = { value: null, suppressed: true, secondary: true };

export function isSmall(n: number): boolean {
  return n > 0 && n < SUPPRESSION_THRESHOLD;
}

/** A count as shown: hidden when small unless `exact`. */
export function countFigure(n: number, exact: boolean): Figure {
  return !exact && isSmall(n) ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

/**
 * A percentage (0-100, unrounded) as shown: hidden when its count or its denominator is small unless `exact`;
 * value null (not suppressed) when the denominator is 0.
 */
export function percentFigure(count: number, of: number, exact: boolean): Figure {
  if (!exact && (isSmall(count) || isSmall(of))) return { value: null, suppressed: true };
  if (of === 0) return { value: null, suppressed: false };
  return { value: (count / of) * 100, suppressed: false };
}

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
  if (f.suppressed) return options.suppressedText ?? FEWER_THAN_5;
  if (f.value === null) return options.emptyText ?? 'no data';
  return f.value.toLocaleString('en-GB');
}

/** A percentage for display: "38%", "fewer than 5", "no data". Rounds half away from zero. */
export function formatPercent(f: Figure, options: FormatOptions = {}): string {
  if (f.secondary) return HIDDEN;
  if (f.suppressed) return options.suppressedText ?? FEWER_THAN_5;
  if (f.value === null) return options.emptyText ?? 'no data';
  return `${roundTo(f.value, options.decimals ?? 0).toFixed(options.decimals ?? 0)}%`;
}

/** Round to `decimals` places, halves away from zero, without binary surprises (1.005 → 1.01). */
export function roundTo(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(15)))) / f;
}
