// Ages and birthdays.
//
// England and Wales: a person attains an age "at the commencement of the relevant anniversary of the date of his
// birth" (Family Law Reform Act 1969, s9(1)), i.e. at the very start of the birthday itself. For someone born on
// 29 February, a common year has no such anniversary and no English statute or reported case settles the day
// (D. Pollard, "Some oddities of the law on age", Trust Law International 34(1), 2020). Onward's default is
// 1 March: a person born on 29 February has not completed the years until 28 February has ended, which is how the
// ACT Supreme Court read the same wording in 2018 and what Scotland enacts expressly (Age of Legal Capacity
// (Scotland) Act 1991, s6(2)). A council whose legal advice says 28 February passes `{ leapDay: 'february-28' }`.
import { compareDates, formatIsoDate, type IsoDate, isLeapYear, parseIsoDate } from './civil-date.js';

export interface AgeOptions {
  /**
   * Which day a 29 February birthday falls on in a common year. Default `'march-1'` (see the note at the top of
   * this file for the source); `'february-28'` is the alternative some councils use.
   */
  readonly leapDay?: 'march-1' | 'february-28';
}

/** The ages Onward's processes turn on: needs assessment at 16, adulthood at 18, Staying Put to 21, PA support to 25. */
export const KEY_AGES = [16, 17, 18, 21, 25] as const;

/** The date a person born on `dateOfBirth` attains `age` (their birthday in that year). */
export function birthday(dateOfBirth: IsoDate, age: number, options: AgeOptions = {}): IsoDate {
  const dob = parseIsoDate(dateOfBirth, 'dateOfBirth');
  if (!Number.isInteger(age) || age < 0 || age > 150) {
    throw new RangeError(`age: expected a whole number of years from 0 to 150, got ${age}`);
  }
  const year = dob.year + age;
  if (dob.month === 2 && dob.day === 29 && !isLeapYear(year)) {
    return options.leapDay === 'february-28'
      ? formatIsoDate({ year, month: 2, day: 28 })
      : formatIsoDate({ year, month: 3, day: 1 });
  }
  return formatIsoDate({ year, month: dob.month, day: dob.day });
}

/** Age in whole years on `date` (a UK calendar date). Throws when `date` is before the date of birth. */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate, options: AgeOptions = {}): number {
  const dob = parseIsoDate(dateOfBirth, 'dateOfBirth');
  const on = parseIsoDate(date, 'date');
  if (compareDates(date, dateOfBirth) < 0) {
    throw new RangeError(`date: ${date} is before the date of birth`);
  }
  let age = on.year - dob.year;
  if (compareDates(birthday(dateOfBirth, age, options), date) > 0) age--;
  return age;
}

/** Whether the person has attained `age` on `date` (true from the first moment of the birthday). */
export function hasAttained(dateOfBirth: IsoDate, age: number, date: IsoDate, options: AgeOptions = {}): boolean {
  return compareDates(birthday(dateOfBirth, age, options), date) <= 0;
}

/** The birthdays Onward's deadlines turn on: 16, 17, 18, 21 and 25. */
export function keyBirthdays(
  dateOfBirth: IsoDate,
  options: AgeOptions = {},
): Record<(typeof KEY_AGES)[number], IsoDate> {
  return Object.fromEntries(KEY_AGES.map((age) => [age, birthday(dateOfBirth, age, options)])) as Record<
    (typeof KEY_AGES)[number],
    IsoDate
  >;
}
