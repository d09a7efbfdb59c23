// Day numbers (yyyymmdd) follow the one civil-date module exactly: every day of 2023 to 2029 (two leap years,
// a 29 February birth, month ends) gives the same answer as the ISO functions.
import { describe, expect, it } from 'vitest';
import {
  addMonthsToDay,
  ageOnDay,
  birthdayDay,
  fromDayNumber,
  isDayNumber,
  monthEndDay,
  toDayNumber,
  todayDayNumber,
} from '../../src/dates/day-number.js';
import { addDays, addMonths, ageOn, birthday, DateInputError, daysInMonth } from '../../src/index.js';

function* everyDay(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}
const BIRTHS = ['2008-02-29', '2007-03-01', '2007-02-28', '2004-12-31', '2009-01-01', '2000-02-29'];

describe('day numbers', () => {
  it('round-trip and refuse dates that are not real', () => {
    expect(toDayNumber('2024-02-29')).toBe(20240229);
    expect(fromDayNumber(20240229)).toBe('2024-02-29');
    expect(() => toDayNumber('2025-02-29', 'dateOfBirth')).toThrow(DateInputError);
    expect(() => toDayNumber('2025-02-29', 'dateOfBirth')).toThrow(/dateOfBirth/);
    expect(isDayNumber(20250229)).toBe(false);
    expect(isDayNumber(20240229)).toBe(true);
    expect(isDayNumber(20241301)).toBe(false);
  });

  it('give the same ages, birthdays and month arithmetic as the ISO functions on every day of 2023-2029', () => {
    for (const day of everyDay('2023-01-01', '2029-12-31')) {
      const n = toDayNumber(day);
      expect(fromDayNumber(n)).toBe(day);
      for (const dob of BIRTHS) expect(ageOnDay(toDayNumber(dob), n), `${dob} on ${day}`).toBe(ageOn(dob, day));
      for (const m of [-24, -6, -1, 1, 3, 6, 9, 12])
        expect(fromDayNumber(addMonthsToDay(n, m)), `${day} + ${m}`).toBe(addMonths(day, m));
      expect(fromDayNumber(monthEndDay(n)).slice(8)).toBe(
        String(daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7)))),
      );
    }
    for (const dob of BIRTHS)
      for (let age = 0; age <= 30; age++)
        expect(fromDayNumber(birthdayDay(toDayNumber(dob), age))).toBe(birthday(dob, age));
  });

  it('turn 18 on 1 March for a 29 February birth in a common year, never on a 29 February that is not there', () => {
    expect(birthdayDay(20080229, 18)).toBe(20260301);
    expect(ageOnDay(20080229, 20260228)).toBe(17);
    expect(ageOnDay(20080229, 20260301)).toBe(18);
    expect(birthdayDay(20080229, 20)).toBe(20280229);
  });

  it('take today in the UK', () => {
    expect(todayDayNumber(new Date('2026-06-30T23:30:00Z'))).toBe(20260701);
    expect(todayDayNumber(new Date('2026-12-31T23:30:00Z'))).toBe(20261231);
  });
});
