// The council's choices for its figures: the small-number threshold, the reporting period analysts see, how long an
// overdue plan still counts, the nation's law on who is still a care leaver, and the birthday window of the national
// return. One typed object with defaults; the nation and the months between reviews come from the council's own
// settings (`insightsSettingsFor`). Every insight takes it, so the dashboard, the API, the CLI and every export use
// the same rules.

import type { CouncilSettings } from '@onward/schemas';
import { InsightsInputError } from './errors.js';

export interface InsightsSettings {
  /**
   * Counts from 1 to `suppressionThreshold - 1` are hidden from viewers who may not see individuals (default 5:
   * 1 to 4 hidden). At least 2.
   */
  readonly suppressionThreshold: number;
  /**
   * Figures for viewers who may not see individuals are only ever as at the end of a reporting period (month or
   * quarter), never an arbitrary day, so two days' figures cannot be compared to single out one young person.
   */
  readonly reportingPeriod: 'month' | 'quarter';
  /** Months between plan reviews when a plan does not say (the law: at most six). */
  readonly reviewMonths: number;
  /**
   * Months after its review was due that a plan still counts as current. After that the young person is left out
   * of "as at" figures until a new plan is authorised.
   */
  readonly reviewGraceMonths: number;
  /**
   * England: care leavers count to 21, and to 25 when they ask for support or are in education or training (Children
   * and Social Work Act 2017, s3). Wales: to 21, and to 25 only in education or training (Social Services and
   * Well-being (Wales) Act 2014, s104, category 4).
   */
  readonly nation: 'england' | 'wales';
  /**
   * The national return reads each care leaver's situation around their 17th to 21st birthdays: information from a
   * plan authorised from `monthsBefore` months before the birthday to `monthsAfter` months after it counts.
   */
  readonly birthdayWindow: { readonly monthsBefore: number; readonly monthsAfter: number };
}

export const DEFAULT_INSIGHTS_SETTINGS: InsightsSettings = Object.freeze({
  suppressionThreshold: 5,
  reportingPeriod: 'month',
  reviewMonths: 6,
  reviewGraceMonths: 3,
  nation: 'england',
  birthdayWindow: Object.freeze({ monthsBefore: 3, monthsAfter: 1 }),
});

function whole(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new InsightsInputError(`settings.${field}`, `must be a whole number from ${min} to ${max}`);
  return v;
}

/** The defaults with a council's choices laid over them; throws naming the field when a choice is not allowed. */
export function insightsSettings(partial: Partial<InsightsSettings> = {}): InsightsSettings {
  const s = { ...DEFAULT_INSIGHTS_SETTINGS, ...partial };
  whole(s.suppressionThreshold, 'suppressionThreshold', 2, 100);
  whole(s.reviewMonths, 'reviewMonths', 1, 6);
  whole(s.reviewGraceMonths, 'reviewGraceMonths', 0, 24);
  if (s.reportingPeriod !== 'month' && s.reportingPeriod !== 'quarter')
    throw new InsightsInputError('settings.reportingPeriod', 'must be "month" or "quarter"');
  if (s.nation !== 'england' && s.nation !== 'wales')
    throw new InsightsInputError('settings.nation', 'must be "england" or "wales"');
  const w = { ...DEFAULT_INSIGHTS_SETTINGS.birthdayWindow, ...(partial.birthdayWindow ?? {}) };
  whole(w.monthsBefore, 'birthdayWindow.monthsBefore', 0, 12);
  whole(w.monthsAfter, 'birthdayWindow.monthsAfter', 0, 12);
  return { ...s, birthdayWindow: w };
}

/**
 * A council's insights settings, read from its council settings (one home for what both need): the nation (whose law
 * says who is still a care leaver after 21) and the months between plan reviews. The rest are the defaults, or the
 * `choices` given (an analyst's reporting period, say).
 */
export function insightsSettingsFor(
  council: Pick<CouncilSettings, 'nation' | 'pathwayPlan'>,
  choices: Partial<InsightsSettings> = {},
): InsightsSettings {
  return insightsSettings({
    nation: council.nation,
    reviewMonths: council.pathwayPlan.reviewMonths,
    ...choices,
  });
}
