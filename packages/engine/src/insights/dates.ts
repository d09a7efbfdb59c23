// Dates as whole numbers yyyymmdd (e.g. 20240531), for the typed arrays of the index. The date rules are the
// engine's one civil-date module (dates/day-number.ts, tested against the ISO functions, leap days included);
// this file adds only the fast parser that names the field in an InsightsInputError, and month keys.

import { daysInMonth } from '../dates/civil-date.js';
import {
  ageOnDay as ageOn,
  fromDayNumber as formatDay,
  monthEndDay as monthEnd,
  todayDayNumber,
} from '../dates/day-number.js';
import { InsightsInputError } from './errors.js';

export { ageOn, daysInMonth, formatDay, monthEnd };

/** Today in the UK as yyyymmdd: the default "as at" date. */
export function todayDay(): number {
  return todayDayNumber();
}

/** The last possible day: stands for "no end date". */
export const OPEN_END = 99991231;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Parse `YYYY-MM-DD` (a date-time's date part is accepted too) to yyyymmdd; throws naming `field` when invalid. */
export function parseDay(value: unknown, field: string): number {
  if (typeof value !== 'string') throw new InsightsInputError(field, 'must be a date written as YYYY-MM-DD');
  // Read by character codes: no allocation, as 100,000 young people's histories hold millions of dates.
  const ok = value.length === 10 || (value.length > 10 && value.charCodeAt(10) === 84); // "T"
  const y = ok && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45 ? digits(value, 0, 4) : -1;
  const mo = y < 0 ? -1 : digits(value, 5, 7);
  const d = mo < 0 ? -1 : digits(value, 8, 10);
  if (d < 0) throw new InsightsInputError(field, `"${value}" is not a date written as YYYY-MM-DD`);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
    throw new InsightsInputError(field, `"${value}" is not a real date`);
  return y * 10000 + mo * 100 + d;
}

/** The month ends from the month of `from` to the month of `to`, inclusive. */
export function monthEnds(from: number, to: number): number[] {
  if (to < from) return [];
  const out: number[] = [];
  let y = Math.floor(from / 10000);
  let m = Math.floor(from / 100) % 100;
  const lastY = Math.floor(to / 10000);
  const lastM = Math.floor(to / 100) % 100;
  while (y < lastY || (y === lastY && m <= lastM)) {
    out.push(y * 10000 + m * 100 + daysInMonth(y, m));
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** `YYYY-MM` of a yyyymmdd day. */
export function monthKey(day: number): string {
  return formatDay(day).slice(0, 7);
}

/**
 * `day` plus `months` calendar months (yyyymmdd), clamped to the end of a shorter month, as the civil-date module's
 * addMonths does for `YYYY-MM-DD`. (rules: move this beside the civil-date helpers when the day-number ones land.)
 */
export function addMonthsDay(day: number, months: number): number {
  const index = Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100) - 1 + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return y * 10000 + m * 100 + Math.min(day % 100, daysInMonth(y, m));
}

/** The day someone born on `dob` turns `age` (yyyymmdd): a 29 February birthday falls on 1 March in other years. */
export function birthdayDay(dob: number, age: number): number {
  const day = dob + age * 10000;
  const y = Math.floor(day / 10000);
  return day % 10000 === 229 && daysInMonth(y, 2) === 28 ? y * 10000 + 301 : day;
}

/** The day after `day` (yyyymmdd). */
export function dayAfter(day: number): number {
  const y = Math.floor(day / 10000);
  const m = Math.floor(day / 100) % 100;
  const d = day % 100;
  if (d < daysInMonth(y, m)) return day + 1;
  return m === 12 ? (y + 1) * 10000 + 101 : y * 10000 + (m + 1) * 100 + 1;
}
