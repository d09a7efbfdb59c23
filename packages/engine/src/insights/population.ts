// Who is counted as a current care leaver on a day: the one rule every "as at" figure uses (aggregates, trends,
// moods, the Staying Put comparison, the voice measures, the lists of who needs help).
//
// A young person counts on `day` with their plan in force (the latest authorised on or before it) unless:
// - the plan was closed on or before the day (the case is closed; a plan closed as recorded in error never counts);
// - the plan is stale: its review was due more than `reviewGraceMonths` months before the day;
// - the plan records IN_TOUCH DIED or RHOM (died, or back with their family for six months or more): the national
//   statistics leave both out;
// - they are past the upper age: 25, or 21 unless they stay eligible to 25 (England: they asked for support, which a
//   plan authorised after their 21st birthday shows, or they are in education or training; Wales: in education or
//   training only, category 4). `supportAfter21` on the plan records either.

import type { InsightsIndex } from './build-index.js';
import { type ACTIV_CODES, encodeActiv, encodeInTouch } from './codes.js';
import { addMonthsDay, ageOn, birthdayDay } from './dates.js';
import type { InsightsSettings } from './settings.js';

/** ACTIV codes that are education or training (higher and other education, apprenticeships). */
export const EDUCATION_OR_TRAINING: readonly (typeof ACTIV_CODES)[number][] = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4'];

const EDUCATION = new Set(EDUCATION_OR_TRAINING.map(encodeActiv));
const DIED = encodeInTouch('DIED');
const RHOM = encodeInTouch('RHOM');

/** Why a young person with a plan is not counted on a day; `counted` when they are. */
export type CountedStatus = 'counted' | 'closed' | 'stale' | 'died-or-home' | 'past-upper-age';

/** The day a plan stops counting as current if no new plan follows (its review date plus the grace period). */
export function staleAfter(index: InsightsIndex, row: number, settings: InsightsSettings): number {
  const review = index.planNextReview[row] || addMonthsDay(index.planDay[row]!, settings.reviewMonths);
  return addMonthsDay(review, settings.reviewGraceMonths);
}

/** Whether the young person with plan `row` in force counts on `day`, and if not, why. */
export function countedStatus(
  index: InsightsIndex,
  row: number,
  day: number,
  settings: InsightsSettings,
): CountedStatus {
  if (index.planClosedDay[row]! <= day) return 'closed';
  const inTouch = index.planInTouch[row]!;
  if (inTouch === DIED || inTouch === RHOM) return 'died-or-home';
  if (day > staleAfter(index, row, settings)) return 'stale';
  const dob = index.planDateOfBirth[row]!;
  const age = ageOn(dob, day);
  if (age >= 25) return 'past-upper-age';
  if (age >= 21) {
    const education = EDUCATION.has(index.planActiv[row]!);
    const asked = index.planSupportAfter21[row] === 1;
    const planAfter21 = index.planDay[row]! >= birthdayDay(dob, 21);
    const stays = settings.nation === 'wales' ? education || asked : education || asked || planAfter21;
    if (!stays) return 'past-upper-age';
  }
  return 'counted';
}

/** True when the young person with plan `row` in force counts on `day`. */
export function isCounted(index: InsightsIndex, row: number, day: number, settings: InsightsSettings): boolean {
  return countedStatus(index, row, day, settings) === 'counted';
}
