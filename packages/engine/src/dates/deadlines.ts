// Due dates Onward derives from dates of birth and from steps taken, with the periods a council sets
// (settings/council-settings.ts; England's defaults when none are given). The one home of deadline computation:
// the machines, the server, the widgets, the PDF and the app all call these. Whether a date is due soon or overdue
// today is classified elsewhere (dates/due.ts); the periods are only here.
//
// Pathway plan: the first plan within 3 months of the 16th birthday or of becoming eligible or relevant, whichever
// is later (a young person moved onto Onward from an older system: within 3 months of the move); reviewed at least
// every six months, within 28 working days of a significant change, and within 28 working days of the young person
// or PA asking. Staying Put: the steps on the council's timeline (domain facts §4, the Leeds process).
import type { CouncilSettings, DueRule } from '../settings/council-settings.js';
import { DEFAULT_COUNCIL_SETTINGS } from '../settings/council-settings.js';
import { type AgeOptions, birthday } from './age.js';
import { addDays, addMonths, addWorkingDays, compareDates, type IsoDate } from './civil-date.js';

/** Months between reviews of an authorised pathway plan (England's default; councils may set fewer). */
export const PLAN_REVIEW_MONTHS = 6;
/** Working days allowed for a review after a significant change (the common council standard). */
export const SIGNIFICANT_CHANGE_WORKING_DAYS = 28;

/** `months` after authorisation, clamped to the month end (authorised 31 August → due 28/29 February). */
export function sixMonthReviewDue(authorisedOn: IsoDate, months: number = PLAN_REVIEW_MONTHS): IsoDate {
  return addMonths(authorisedOn, months, 'authorisedOn');
}

/** 28 (or `workingDays`) working days after a significant change, skipping weekends and the given bank holidays. */
export function significantChangeReviewDue(
  changeOn: IsoDate,
  bankHolidays: readonly IsoDate[] = [],
  workingDays: number = SIGNIFICANT_CHANGE_WORKING_DAYS,
): IsoDate {
  return addWorkingDays(changeOn, workingDays, bankHolidays);
}

/** The review the young person or PA asked for: `workingDays` working days after the request. */
export function requestedReviewDue(
  requestedOn: IsoDate,
  bankHolidays: readonly IsoDate[] = [],
  workingDays: number = DEFAULT_COUNCIL_SETTINGS.pathwayPlan.requestedReviewWorkingDays,
): IsoDate {
  return addWorkingDays(requestedOn, workingDays, bankHolidays);
}

/** The earliest of the dates given (undefined entries ignored). */
export function earliest(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || compareDates(d, best) < 0)) best = d;
  return best;
}

/** The latest of the dates given (undefined entries ignored). */
export function latest(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || compareDates(d, best) > 0)) best = d;
  return best;
}

// ---- pathway plans ------------------------------------------------------------------------------------------------

/** What the first-plan deadline is counted from. */
export type FirstPlanBasis = 'sixteenth-birthday' | 'became-eligible' | 'moved-to-onward';

/**
 * When the young person's first pathway plan is due: `firstPlanMonths` after the 16th birthday, or after the date
 * they became eligible or relevant when that is later (late entrants to care, an unaccompanied child arriving at
 * 17). A record moved onto Onward from an older system gets the same period from the day it moved, when that is
 * later still: its young person had their plan on the old system, so the plan is not years overdue on Onward.
 */
export function firstPlanDue(
  young: { dateOfBirth: IsoDate; eligibleOn?: IsoDate | undefined; migratedOn?: IsoDate | undefined },
  settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS,
  options: AgeOptions = {},
): { dueBy: IsoDate; basis: FirstPlanBasis; from: IsoDate } {
  const months = settings.pathwayPlan.firstPlanMonths;
  let basis: FirstPlanBasis = 'sixteenth-birthday';
  let from = birthday(young.dateOfBirth, 16, options);
  if (young.eligibleOn && compareDates(young.eligibleOn, from) > 0) {
    basis = 'became-eligible';
    from = young.eligibleOn;
  }
  if (young.migratedOn && compareDates(young.migratedOn, from) > 0) {
    basis = 'moved-to-onward';
    from = young.migratedOn;
  }
  return { dueBy: addMonths(from, months, 'from'), basis, from };
}

/** Why an authorised plan's next review is due when it is. */
export type ReviewReason = 'six-months' | 'significant-change' | 'requested';

/** The facts of a plan the review date depends on (a pathway-plan lifecycle context has them all). */
export interface PlanReviewFacts {
  readonly authorisedOn?: IsoDate | undefined;
  readonly significantChanges: readonly { readonly on: IsoDate }[];
  readonly reviewRequestedOn?: IsoDate | undefined;
}

/**
 * When an authorised plan's next review is due and why: the earliest of the regular review, each significant
 * change's review and the review the young person or PA asked for. Undefined before authorisation.
 */
export function planReviewDueDate(
  plan: PlanReviewFacts,
  settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS,
): { dueOn: IsoDate; because: ReviewReason } | undefined {
  if (!plan.authorisedOn) return undefined;
  const p = settings.pathwayPlan;
  let best: { dueOn: IsoDate; because: ReviewReason } = {
    dueOn: sixMonthReviewDue(plan.authorisedOn, p.reviewMonths),
    because: 'six-months',
  };
  for (const c of plan.significantChanges) {
    const d = significantChangeReviewDue(c.on, settings.bankHolidays, p.significantChangeWorkingDays);
    if (compareDates(d, best.dueOn) < 0) best = { dueOn: d, because: 'significant-change' };
  }
  if (plan.reviewRequestedOn) {
    const d = requestedReviewDue(plan.reviewRequestedOn, settings.bankHolidays, p.requestedReviewWorkingDays);
    if (compareDates(d, best.dueOn) < 0) best = { dueOn: d, because: 'requested' };
  }
  return best;
}

// ---- Staying Put --------------------------------------------------------------------------------------------------

/** The date a step timed by `rule` is due by for someone born on `dateOfBirth`. */
export function dueByRule(dateOfBirth: IsoDate, rule: DueRule, options: AgeOptions = {}): IsoDate {
  const on = addMonths(birthday(dateOfBirth, rule.age, options), rule.months);
  return rule.before ? addDays(on, -1) : on;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${{ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th'}`;
}

/** A rule in words: "before the 17th birthday", "by the 18th birthday", "within 3 months of the 16th birthday". */
export function dueRuleWords(rule: DueRule): string {
  const day = `the ${ordinal(rule.age)} birthday`;
  if (rule.months === 0) return rule.before ? `before ${day}` : `by ${day}`;
  const months = `${rule.months} month${rule.months === 1 ? '' : 's'}`;
  return rule.before ? `less than ${months} after ${day}` : `within ${months} of ${day}`;
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
  | 'tell-managers'
  | 'list-conversion-tasks'
  | 'review-progress'
  | 'start-dbs'
  | 'hold-meeting'
  | 'sign-agreement'
  | 'approve'
  | 'complete-checks'
  | 'complete-dbs'
  | 'first-review'
  | 'review'
  | 'end';

/** What each step of the council's Staying Put timeline is, in plain words (deadline labels, the settings page). */
export const STAYING_PUT_STEP_WORDS: Readonly<
  Record<Exclude<StayingPutStep, 'first-review' | 'review' | 'end'>, string>
> = {
  identify: 'Find out if Staying Put may suit',
  discuss: 'Talk it through with the young person and carers',
  'include-in-plans': 'Put Staying Put in the care and pathway plans',
  'tell-managers': 'Tell the team manager and the fostering manager',
  'list-conversion-tasks': 'List the tasks to turn the foster placement into a Staying Put arrangement',
  'review-progress': 'Review progress towards Staying Put',
  'start-dbs': "Start the young person's DBS check",
  'hold-meeting': 'Hold the meeting that draws up the Living Together Agreement',
  'sign-agreement': 'Everyone named signs the Living Together Agreement',
  approve: 'Team manager and fostering panel approve',
  'complete-checks': 'Approve the carer for the arrangement',
  'complete-dbs': "Get the young person's DBS check back",
};

export interface StayingPutDeadlineOptions extends AgeOptions {
  /** The carer goes on fostering others, so the young person needs a DBS check. */
  readonly dbsNeeded?: boolean;
  /** 21, or 25 in Wales once the young person is pursuing an agreed programme of education or training. */
  readonly upperAge?: 21 | 25;
  /** When the arrangement started: the first review counts from here (else from the 18th birthday). */
  readonly startedOn?: IsoDate | undefined;
  /** The council's settings (England's defaults when not given). */
  readonly settings?: CouncilSettings;
}

/**
 * The Staying Put deadlines for a young person, from their date of birth and the council's timeline: every step up
 * to the start, the first review, and the end by the upper age. Labels say "Staying Put"; callers in Wales show
 * them through `arrangementWords` (When I am Ready).
 */
export function stayingPutDeadlines(
  dateOfBirth: IsoDate,
  options: StayingPutDeadlineOptions = {},
): StayingPutDeadline[] {
  const settings = options.settings ?? DEFAULT_COUNCIL_SETTINGS;
  const timeline = settings.stayingPut.timeline;
  const out: StayingPutDeadline[] = [];
  for (const [step, words] of Object.entries(STAYING_PUT_STEP_WORDS) as [
    keyof typeof STAYING_PUT_STEP_WORDS,
    string,
  ][]) {
    if ((step === 'start-dbs' || step === 'complete-dbs') && !options.dbsNeeded) continue;
    const rule = timeline[step];
    out.push({ step, dueBy: dueByRule(dateOfBirth, rule, options), label: `${words}, ${dueRuleWords(rule)}` });
  }
  const days = settings.stayingPut.firstReviewDays;
  out.push({
    step: 'first-review',
    dueBy: addDays(options.startedOn ?? birthday(dateOfBirth, 18, options), days),
    label: `First review of the arrangement, within ${days} days of ${options.startedOn ? 'its start' : 'the 18th birthday'}`,
  });
  const upper = options.upperAge ?? 21;
  out.push({
    step: 'end',
    dueBy: addDays(birthday(dateOfBirth, upper, options), -1),
    label: `The arrangement ends by the ${ordinal(upper)} birthday`,
  });
  return out;
}

/** The next review of a running arrangement after its first: `reviewMonths` after the last one. */
export function stayingPutNextReviewDue(
  lastReviewOn: IsoDate,
  settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS,
): IsoDate {
  return addMonths(lastReviewOn, settings.stayingPut.reviewMonths, 'lastReviewOn');
}
