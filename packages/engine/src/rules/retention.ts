// How long a care leaver's record is kept, and when it is due for destruction: the one home of that rule. The
// server's review list, its destruction route and the reference app's page all ask here.
//
// A looked-after child's case record is kept until the 75th anniversary of their date of birth or, if the child
// dies before 18, for 15 years beginning with the date of death (Care Planning, Placement and Case Review (England)
// Regulations 2010, regulation 50). Councils apply the same period to the leaving-care record of a relevant or
// former relevant child (the pathway plan and what goes with it); docs/deployment.md says what is and is not
// settled. So the record is kept up to the day before the 75th birthday and is due for destruction from the
// birthday itself. The birthday is the engine's (`birthday` in dates/age.ts): someone born on 29 February reaches
// 75 on 1 March in a common year by default, or 28 February with `{ leapDay: 'february-28' }`.
//
// Due is not destroyed: destruction needs a manager's confirmation (the server's job), and a legal hold (a claim,
// an inquiry, a complaint) blocks it whatever the date.
import { type AgeOptions, birthday } from '../dates/age.js';
import { addDays, compareDates, type IsoDate, parseIsoDate } from '../dates/civil-date.js';

/** The age up to which a care leaver's record is kept (their 75th birthday). */
export const RETENTION_AGE = 75;
/** Years a record is kept from the date of death of a child who died before 18. */
export const RETENTION_YEARS_AFTER_DEATH = 15;
/** The rule in words, for the destruction record and the review list. */
export const RETENTION_LEGAL_BASIS =
  "Kept until the 75th birthday (or 15 years from the death of a child who died before 18): the rule for looked-after children's case records, Care Planning, Placement and Case Review (England) Regulations 2010, regulation 50, applied to care leavers' records.";

export interface RetentionRecord {
  readonly dateOfBirth: IsoDate;
  /** The date of death, when the council has recorded one. Onward does not record it today. */
  readonly diedOn?: IsoDate;
  /** A legal hold on the record: it must not be destroyed while one is in place. */
  readonly legalHold?: boolean;
}

export type RetentionBasis = 'seventy-fifth-birthday' | 'fifteen-years-after-death';

export interface RetentionStatus {
  /** `keep`: inside the retention period; `due`: may be destroyed on a manager's confirmation; `held`: a legal hold. */
  readonly status: 'keep' | 'due' | 'held';
  /** Whether the record may be destroyed today (due, and no legal hold). */
  readonly mayDestroy: boolean;
  /** The first day it may be destroyed (with no legal hold). */
  readonly dueFrom: IsoDate;
  /** The last day it must be kept. */
  readonly keepUntil: IsoDate;
  readonly basis: RetentionBasis;
  /** Why, in plain words: "75th birthday on 1 March 2027". */
  readonly reason: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const inWords = (d: IsoDate) => {
  const c = parseIsoDate(d);
  return `${c.day} ${MONTHS[c.month - 1]} ${c.year}`;
};

/**
 * Where a record stands against its retention period on `today` (a UK date): kept, due for destruction (and from
 * when), or held. Throws DateInputError naming `dateOfBirth`, `diedOn` or `today` when one is not a real date.
 */
export function retentionStatus(record: RetentionRecord, today: IsoDate, options: AgeOptions = {}): RetentionStatus {
  parseIsoDate(today, 'today');
  const seventyFifth = birthday(record.dateOfBirth, RETENTION_AGE, options);
  let dueFrom = seventyFifth;
  let basis: RetentionBasis = 'seventy-fifth-birthday';
  let reason = `75th birthday on ${inWords(seventyFifth)}`;
  if (record.diedOn !== undefined) {
    parseIsoDate(record.diedOn, 'diedOn');
    // A child who died before 18: 15 years beginning with the date of death, so due from its 15th anniversary
    // (the same anniversary rule as a birthday, 29 February included).
    if (compareDates(record.diedOn, birthday(record.dateOfBirth, 18, options)) < 0) {
      dueFrom = birthday(record.diedOn, RETENTION_YEARS_AFTER_DEATH, options);
      basis = 'fifteen-years-after-death';
      reason = `15 years from their death, on ${inWords(dueFrom)}`;
    }
  }
  const due = compareDates(dueFrom, today) <= 0;
  const status = record.legalHold ? 'held' : due ? 'due' : 'keep';
  return { status, mayDestroy: status === 'due', dueFrom, keepUntil: addDays(dueFrom, -1), basis, reason };
}

/** Why this record may not be destroyed today, in plain words; undefined when it may (on confirmation). */
export function destructionRefusal(
  record: RetentionRecord,
  today: IsoDate,
  options: AgeOptions = {},
): string | undefined {
  const r = retentionStatus(record, today, options);
  if (r.status === 'held') return 'This record is under a legal hold. Lift the hold before it can be destroyed.';
  if (r.status === 'keep')
    return `This record must be kept until ${inWords(r.keepUntil)} (${r.reason}). It cannot be destroyed before then.`;
  return undefined;
}
