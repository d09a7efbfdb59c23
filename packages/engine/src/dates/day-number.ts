// The civil dates of civil-date.ts and age.ts as whole numbers yyyymmdd (31 May 2024 is 20240531), for code that
// holds millions of dates in typed arrays (the insights index). They sort like the dates, need no time zone, and
// give a whole-year age with one subtraction. Same rules as the ISO functions, tested against them, leap days
// included: a 29 February birthday falls on 1 March in a common year (age.ts says why).
import { daysInMonth, formatIsoDate, type IsoDate, isLeapYear, parseIsoDate, ukDate } from './civil-date.js';

/** A civil date as yyyymmdd. */
export type DayNumber = number;

/** `YYYY-MM-DD` → yyyymmdd; throws a DateInputError naming `field` when it is not a real date. */
export function toDayNumber(date: IsoDate, field = 'date'): DayNumber {
  const d = parseIsoDate(date, field);
  return d.year * 10000 + d.month * 100 + d.day;
}

/** yyyymmdd → `YYYY-MM-DD`. */
export function fromDayNumber(day: DayNumber): IsoDate {
  return formatIsoDate({ year: Math.floor(day / 10000), month: Math.floor(day / 100) % 100, day: day % 100 });
}

/** Whether a whole number is a real date yyyymmdd. */
export function isDayNumber(day: number): boolean {
  if (!Number.isInteger(day) || day < 0) return false;
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Whole years between a date of birth and a day, as `ageOn` (default rule). One subtraction: the month and day of
 * the later date compared with the birthday's, so 29 February is attained on 1 March in a common year.
 */
export function ageOnDay(dateOfBirth: DayNumber, day: DayNumber): number {
  return Math.floor((day - dateOfBirth) / 10000);
}

// The two below do in arithmetic what addMonths and birthday do on strings (the synthetic data calls them
// millions of times); the tests check they agree on every day of several years, leap years included.

/** `addMonths` on day numbers: clamped to the end of a shorter month. */
export function addMonthsToDay(day: DayNumber, months: number): DayNumber {
  const index = Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return year * 10000 + month * 100 + Math.min(day % 100, daysInMonth(year, month));
}

/** `birthday` on day numbers (default rule): the day someone born on `dateOfBirth` attains `age`. */
export function birthdayDay(dateOfBirth: DayNumber, age: number): DayNumber {
  const year = Math.floor(dateOfBirth / 10000) + age;
  const mmdd = dateOfBirth % 10000;
  return mmdd === 229 && !isLeapYear(year) ? year * 10000 + 301 : year * 10000 + mmdd;
}

/** The last day of the month containing `day`. */
export function monthEndDay(day: DayNumber): DayNumber {
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  return y * 10000 + m * 100 + daysInMonth(y, m);
}

/** Today in the UK (Europe/London) as yyyymmdd. */
export function todayDayNumber(now: Date = new Date()): DayNumber {
  return toDayNumber(ukDate(now));
}
