// What is due, overdue or "due soon", for every screen and answer that says so: the caseload, the record page,
// the Staying Put tracker and the API. The dates themselves come from the lifecycles (`deadlines`, `planReviewDue`,
// owned with the machines); this module only says where a date stands against today, so that no page or route
// compares dates of its own.
//
// Dates are UK calendar dates (Europe/London): something due on a day is due all that day and overdue from the
// next, as `overdueSteps` has it.
import { daysBetween, type IsoDate, ukDate } from '../dates/civil-date.js';
import type { ReviewReason } from '../dates/deadlines.js';
import { deadlines } from '../machines/lifecycle.js';
import { planReviewDue } from '../machines/pathway-plan.machine.js';
import type { LifecycleSnapshot, PathwayPlanContext } from '../machines/types.js';
import { type CouncilSettings, DEFAULT_COUNCIL_SETTINGS } from '../settings/council-settings.js';

/** How many days ahead a due date counts as "due soon": four weeks, enough to book a review meeting. */
export const DUE_SOON_DAYS = 28;

/** Where a due date stands: past it, within `DUE_SOON_DAYS` of it (or on the day), or further off. */
export type DueStatus = 'overdue' | 'due-soon' | 'not-due-yet';

/** `dueBy` against `today` (both UK dates). */
export function dueStatus(dueBy: IsoDate, today: IsoDate, soonDays = DUE_SOON_DAYS): DueStatus {
  const left = daysBetween(today, dueBy);
  return left < 0 ? 'overdue' : left <= soonDays ? 'due-soon' : 'not-due-yet';
}

/** A due date with where it stands today. */
export interface DueDate {
  readonly step: string;
  /** What is due, in plain words. */
  readonly label: string;
  /** The last day it should be done on. */
  readonly dueBy: IsoDate;
  readonly status: DueStatus;
  /** Days from today to the due date: 0 on the day, negative once overdue. */
  readonly daysLeft: number;
}

/** Every deadline that applies to the process now (the lifecycle's own list, in its order), each with its status. */
export function dueDates(
  snapshot: LifecycleSnapshot,
  now: Date,
  settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS,
): DueDate[] {
  const today = ukDate(now);
  return deadlines(snapshot, settings).map((d) => ({
    step: d.step,
    label: d.label,
    dueBy: d.dueBy,
    status: dueStatus(d.dueBy, today),
    daysLeft: daysBetween(today, d.dueBy),
  }));
}

/** The next review of an authorised pathway plan, and where it stands. */
export interface PlanReview {
  readonly dueOn: IsoDate;
  readonly because: ReviewReason;
  readonly status: DueStatus;
  readonly daysLeft: number;
}

// An authorised plan has a review to come while it is in force; a plan not yet authorised has none yet, and a
// superseded or closed one (the young person has a newer plan, or has left the service) has none any more.
const REVIEWED_STATES = new Set(['active', 'reviewDue', 'underReview']);

/**
 * When the plan's next review is due (six months after authorisation, sooner after a significant change, or within 28 working days of a request) and
 * whether it is overdue or due soon; undefined for a plan that has no review to come.
 */
export function planReview(
  snapshot: LifecycleSnapshot,
  now: Date,
  settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS,
): PlanReview | undefined {
  if (snapshot.lifecycle !== 'pathway-plan' || !REVIEWED_STATES.has(snapshot.state)) return undefined;
  const due = planReviewDue(snapshot.context as PathwayPlanContext, settings);
  if (!due) return undefined;
  const today = ukDate(now);
  return {
    dueOn: due.dueOn,
    because: due.because,
    status: dueStatus(due.dueOn, today),
    daysLeft: daysBetween(today, due.dueOn),
  };
}
