// Due dates Onward derives from dates of birth and from steps taken. Periods come from docs/domain facts:
// pathway plan reviewed at least every six months; after a significant change, within 28 working days (the
// common council standard); Staying Put steps on the timeline in docs/lifecycles.md.
import { type AgeOptions, birthday } from './age.js';
import { addDays, addMonths, addWorkingDays, compareDates, type IsoDate } from './civil-date.js';

/** Months between reviews of an authorised pathway plan. */
export const PLAN_REVIEW_MONTHS = 6;
/** Working days allowed for a review after a significant change. */
export const SIGNIFICANT_CHANGE_WORKING_DAYS = 28;

/** Six months after authorisation, clamped to the month end (authorised 31 August → due 28/29 February). */
export function sixMonthReviewDue(authorisedOn: IsoDate): IsoDate {
  return addMonths(authorisedOn, PLAN_REVIEW_MONTHS, 'authorisedOn');
}

/** 28 working days after a significant change (weekends and the given bank holidays skipped). */
export function significantChangeReviewDue(changeOn: IsoDate, bankHolidays: readonly IsoDate[] = []): IsoDate {
  return addWorkingDays(changeOn, SIGNIFICANT_CHANGE_WORKING_DAYS, bankHolidays);
}

/** The earliest of the dates given (undefined entries ignored). */
export function earliest(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || compareDates(d, best) < 0)) best = d;
  return best;
}

/** A step on the Staying Put timeline and the date it is due by. */
export interface StayingPutDeadline {
  readonly step: StayingPutStep;
  /** The last day the step should be done on. */
  readonly dueBy: IsoDate;
  /** What is due, in plain words. */
  readonly label: string;
}

export type StayingPutStep =
  | 'identify'
  | 'discuss'
  | 'include-in-plans'
  | 'review-progress'
  | 'start-dbs'
  | 'hold-meeting'
  | 'sign-agreement'
  | 'approve'
  | 'complete-checks'
  | 'first-review'
  | 'end';

/**
 * The Staying Put deadlines for a young person, from their date of birth (timeline in domain facts §4). The day
 * before a birthday is the last day "before" it. `dbsNeeded`: the carer goes on fostering others. `upperAge`: 21
 * (England) or 25 (Wales, When I am Ready, while completing education).
 */
export function stayingPutDeadlines(
  dateOfBirth: IsoDate,
  options: AgeOptions & { dbsNeeded?: boolean; upperAge?: 21 | 25 } = {},
): StayingPutDeadline[] {
  const b16 = birthday(dateOfBirth, 16, options);
  const b17 = birthday(dateOfBirth, 17, options);
  const b18 = birthday(dateOfBirth, 18, options);
  const beforeEighteen = addDays(b18, -1);
  const out: StayingPutDeadline[] = [
    { step: 'identify', dueBy: addDays(b16, -1), label: 'Find out if Staying Put may suit, before the 16th birthday' },
    {
      step: 'discuss',
      dueBy: addMonths(b16, 3),
      label: 'Talk it through with the young person and carers, within 3 months of 16',
    },
    {
      step: 'include-in-plans',
      dueBy: addDays(b17, -1),
      label: 'Put Staying Put in the care and pathway plans, before 17',
    },
    { step: 'review-progress', dueBy: addMonths(b17, 6), label: 'Review progress towards Staying Put, at 17½' },
  ];
  if (options.dbsNeeded) {
    // 17¾: nine months after the 17th birthday.
    out.push({ step: 'start-dbs', dueBy: addMonths(b17, 9), label: "Start the young person's DBS check, by 17¾" });
  }
  out.push(
    { step: 'hold-meeting', dueBy: beforeEighteen, label: 'Hold the Staying Put meeting, before 18' },
    { step: 'sign-agreement', dueBy: beforeEighteen, label: 'Everyone signs the Living Together Agreement, before 18' },
    { step: 'approve', dueBy: beforeEighteen, label: 'Team manager and fostering panel approve, before 18' },
    { step: 'complete-checks', dueBy: beforeEighteen, label: "Finish the carer's checks, before 18" },
    { step: 'first-review', dueBy: addDays(b18, 28), label: 'First review of the arrangement, within 28 days of 18' },
    {
      step: 'end',
      dueBy: addDays(birthday(dateOfBirth, options.upperAge ?? 21, options), -1),
      label: `The arrangement ends by the ${options.upperAge === 25 ? '25th' : '21st'} birthday`,
    },
  );
  return out;
}
