// Calendar dates without a time of day ("civil" dates), as ISO strings `YYYY-MM-DD`. Arithmetic is done on UTC
// midnight so it never shifts with daylight saving; "today" is taken in UK time (Europe/London), because a
// birthday or deadline in a council's records is a UK calendar date even when the server runs in UTC.

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Bad date input, naming the field it came from. */
export class DateInputError extends TypeError {
  override readonly name = 'DateInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface CivilDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (so `2025-02-29` is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Parse `YYYY-MM-DD`; throws a DateInputError naming `field` when it is not a real date. */
export function parseIsoDate(value: unknown, field = 'date'): CivilDate {
  if (!isIsoDate(value)) {
    throw new DateInputError(field, `expected a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

export function formatIsoDate(d: CivilDate): IsoDate {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function toUtcMs(d: CivilDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}
function fromUtcMs(ms: number): CivilDate {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The UK calendar date (Europe/London) at an instant: 23:30 UTC on 30 June is already 1 July in the UK. */
export function ukDate(instant: Date): IsoDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DateInputError('now', 'expected a valid Date');
  }
  const ms = instant.getTime();
  if (ms === lastInstant) return lastDate;
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  lastInstant = ms;
  lastDate = `${parts.year}-${parts.month}-${parts.day}`;
  return lastDate;
}
/** The instant a UK calendar day begins (midnight in Europe/London): 23:00 UTC the day before in summer time,
 * 00:00 UTC in winter. The clocks change at 01:00 UTC, so midnight is never skipped or repeated. */
export function ukDayStart(date: IsoDate): Date {
  const d = parseIsoDate(date);
  const gmtMidnight = toUtcMs(d);
  const bst = new Date(gmtMidnight - 3_600_000);
  return ukDate(bst) === date ? bst : new Date(gmtMidnight);
}
// Callers ask about the same instant many times in a row (every event in allowedEvents); Intl is slow-ish.
let lastInstant = Number.NaN;
let lastDate = '';

/** `date` plus `days` (may be negative). */
export function addDays(date: IsoDate, days: number, field = 'date'): IsoDate {
  return formatIsoDate(fromUtcMs(toUtcMs(parseIsoDate(date, field)) + days * DAY_MS));
}

/**
 * `date` plus `months` calendar months, clamped to the end of a shorter month:
 * 31 August + 6 months = 28 February (29 in a leap year); 30 November + 3 months = 28/29 February.
 */
export function addMonths(date: IsoDate, months: number, field = 'date'): IsoDate {
  const d = parseIsoDate(date, field);
  if (!Number.isInteger(months)) throw new DateInputError('months', `expected a whole number, got ${months}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(parseIsoDate(b, 'b')) - toUtcMs(parseIsoDate(a, 'a'))) / DAY_MS);
}

/** -1, 0 or 1; ISO dates compare correctly as strings once checked. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a, 'a');
  parseIsoDate(b, 'b');
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const dow = new Date(toUtcMs(parseIsoDate(date))).getUTCDay();
  return dow === 0 || dow === 6;
}

/**
 * The date `count` working days after `date`: counting starts the day after, Saturdays, Sundays and any date in
 * `bankHolidays` are skipped. UK bank holidays differ between England and Wales, Scotland and Northern Ireland and
 * change by proclamation, so the caller supplies them (e.g. from the council's calendar); none are assumed.
 */
export function addWorkingDays(date: IsoDate, count: number, bankHolidays: readonly IsoDate[] = []): IsoDate {
  parseIsoDate(date, 'date');
  if (!Number.isInteger(count) || count < 0) {
    throw new DateInputError('count', `expected a whole number of working days, 0 or more, got ${count}`);
  }
  for (const [i, h] of bankHolidays.entries()) parseIsoDate(h, `bankHolidays.${i}`);
  const holidays = new Set(bankHolidays);
  let current = date;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current) && !holidays.has(current)) left--;
  }
  return current;
}
