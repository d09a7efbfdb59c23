// The retention rule: a care leaver's record is kept until the 75th birthday (15 years from the death of a child
// who died before 18), due for destruction from that day, never while a legal hold is on it.
import { describe, expect, it } from 'vitest';
import {
  birthday,
  DateInputError,
  destructionRefusal,
  RETENTION_AGE,
  RETENTION_LEGAL_BASIS,
  retentionStatus,
} from '../../src/index.js';

describe('retentionStatus', () => {
  it('keeps the record up to the day before the 75th birthday and is due from the birthday itself', () => {
    const dob = '1951-06-15';
    expect(retentionStatus({ dateOfBirth: dob }, '2026-06-14')).toEqual({
      status: 'keep',
      mayDestroy: false,
      dueFrom: '2026-06-15',
      keepUntil: '2026-06-14',
      basis: 'seventy-fifth-birthday',
      reason: '75th birthday on 15 June 2026',
    });
    const onTheDay = retentionStatus({ dateOfBirth: dob }, '2026-06-15');
    expect(onTheDay.status).toBe('due');
    expect(onTheDay.mayDestroy).toBe(true);
    expect(retentionStatus({ dateOfBirth: dob }, '2040-01-01').dueFrom).toBe('2026-06-15');
  });

  it('uses the engine birthday: 29 February falls on 1 March in a common year, 28 February when the council says', () => {
    // 1952 is a leap year; 2027, the 75th year, is not.
    const dob = '1952-02-29';
    expect(birthday(dob, RETENTION_AGE)).toBe('2027-03-01');
    expect(retentionStatus({ dateOfBirth: dob }, '2027-02-28')).toMatchObject({
      status: 'keep',
      dueFrom: '2027-03-01',
    });
    expect(retentionStatus({ dateOfBirth: dob }, '2027-03-01').status).toBe('due');
    const feb28 = { leapDay: 'february-28' } as const;
    expect(retentionStatus({ dateOfBirth: dob }, '2027-02-28', feb28)).toMatchObject({
      status: 'due',
      dueFrom: '2027-02-28',
      keepUntil: '2027-02-27',
    });
    // 75 years after a leap year is never a leap year, so every 29 February birthday has its 75th on another day.
    expect(retentionStatus({ dateOfBirth: '1948-02-29' }, '2024-01-01').dueFrom).toBe('2023-03-01');
    // A 28 February birthday is 28 February, in a leap year too.
    expect(retentionStatus({ dateOfBirth: '1949-02-28' }, '2024-01-01').dueFrom).toBe('2024-02-28');
  });

  it('a legal hold blocks destruction whatever the date, and shows as held before the date too', () => {
    const due = retentionStatus({ dateOfBirth: '1940-01-01', legalHold: true }, '2026-12-04');
    expect(due).toMatchObject({ status: 'held', mayDestroy: false, dueFrom: '2015-01-01' });
    expect(retentionStatus({ dateOfBirth: '2007-05-01', legalHold: true }, '2026-12-04').status).toBe('held');
    expect(retentionStatus({ dateOfBirth: '1940-01-01', legalHold: false }, '2026-12-04').status).toBe('due');
  });

  it('a child who died before 18: 15 years from the date of death; a later death does not shorten the 75 years', () => {
    const child = retentionStatus({ dateOfBirth: '2000-01-10', diedOn: '2017-05-02' }, '2032-05-01');
    expect(child).toMatchObject({ status: 'keep', basis: 'fifteen-years-after-death', dueFrom: '2032-05-02' });
    expect(child.reason).toBe('15 years from their death, on 2 May 2032');
    expect(retentionStatus({ dateOfBirth: '2000-01-10', diedOn: '2017-05-02' }, '2032-05-02').status).toBe('due');
    // Died on the 18th birthday: an adult, so the 75th birthday applies.
    expect(retentionStatus({ dateOfBirth: '2000-01-10', diedOn: '2018-01-10' }, '2040-01-01')).toMatchObject({
      status: 'keep',
      basis: 'seventy-fifth-birthday',
      dueFrom: '2075-01-10',
    });
  });

  it('names the field of a date that is not real', () => {
    expect(() => retentionStatus({ dateOfBirth: '1950-02-30' }, '2026-01-01')).toThrow(DateInputError);
    expect(() => retentionStatus({ dateOfBirth: '1950-02-30' }, '2026-01-01')).toThrow(/^dateOfBirth:/);
    expect(() => retentionStatus({ dateOfBirth: '1950-02-01' }, '26-01-01')).toThrow(/^today:/);
    expect(() => retentionStatus({ dateOfBirth: '1950-02-01', diedOn: 'soon' }, '2026-01-01')).toThrow(/^diedOn:/);
  });
});

describe('destructionRefusal', () => {
  it('says why a record may not be destroyed, and nothing when it may', () => {
    expect(destructionRefusal({ dateOfBirth: '1951-06-15' }, '2026-06-14')).toBe(
      'This record must be kept until 14 June 2026 (75th birthday on 15 June 2026). It cannot be destroyed before then.',
    );
    expect(destructionRefusal({ dateOfBirth: '1951-06-15', legalHold: true }, '2030-01-01')).toMatch(/legal hold/);
    expect(destructionRefusal({ dateOfBirth: '1951-06-15' }, '2026-06-15')).toBeUndefined();
  });

  it('states the legal basis it applies', () => {
    expect(RETENTION_LEGAL_BASIS).toMatch(/75th birthday/);
    expect(RETENTION_LEGAL_BASIS).toMatch(/regulation 50/);
  });
});
