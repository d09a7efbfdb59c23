import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../src/import/csv.js';
import { dryRunYoungPeople } from '../src/import/young-people-csv.js';

const HEADER = 'external_id,name,preferred_name,date_of_birth,category,team_id,pa_id,social_worker_id,language';

function person(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  return `LCS-${100000 + i},Young Person ${i},,2008-03-${day},former-relevant,team-north,pa-${i % 12},,en`;
}

describe('CSV reader', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF and a byte-order mark', () => {
    const text = '\ufeffa,b\r\n"x, y","he said ""hi"""\r\n"two\nlines",z\n\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'he said "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
    ]);
  });

  it('refuses an unclosed quote, naming the line it opened on', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/Line 2/);
  });
});

describe('young people dry run', () => {
  it('accepts 400 young people with their case-management ids and writes nothing', () => {
    const text = [HEADER, ...Array.from({ length: 400 }, (_, i) => person(i))].join('\n');
    const run = dryRunYoungPeople(text);
    expect(run.problems).toEqual([]);
    expect(run.rows).toHaveLength(400);
    expect(run.rows[0]).toEqual({
      line: 2,
      externalId: 'LCS-100000',
      body: {
        name: 'Young Person 0',
        dateOfBirth: '2008-03-01',
        category: 'former-relevant',
        teamId: 'team-north',
        paId: 'pa-0',
        language: 'en',
      },
    });
    expect(new Set(run.rows.map((r) => r.externalId)).size).toBe(400);
  });

  it('names every bad row and field, and lets no row of a bad file through as bad', () => {
    const text = [
      HEADER,
      person(1),
      'LCS-2,Sam,,2008-13-40,former-relevant,team-north,pa-1,,en', // impossible date
      'LCS-3,Ali,,2008-01-01,care-leaver,team-north,pa-1,,en', // unknown category
      ',Jo,,2008-01-01,relevant,team-north,pa-1,,en', // no external id
      'LCS-100001,Dup,,2008-01-01,relevant,team-north,pa-1,,en', // same id as line 2
      'LCS-6,,,2008-01-01,relevant,,pa-1,,en', // no name, no team
      'LCS-7,Too,few',
    ].join('\n');
    const run = dryRunYoungPeople(text);
    expect(run.rows.map((r) => r.line)).toEqual([2]);
    const byLine = (l: number) => run.problems.filter((p) => p.line === l);
    expect(byLine(3).map((p) => p.column)).toEqual(['date_of_birth']);
    expect(byLine(3)[0]).toMatchObject({
      path: 'dateOfBirth',
      message: '"date of birth" should be a date written YYYY-MM-DD.',
    });
    expect(byLine(4).map((p) => p.column)).toEqual(['category']);
    expect(byLine(5)[0]).toMatchObject({ path: 'externalId', message: '"external id" is missing.' });
    expect(byLine(5).map((p) => p.column)).toEqual(['external_id']);
    expect(byLine(6)).toEqual([
      expect.objectContaining({ column: 'external_id', message: expect.stringMatching(/line 2/) }),
    ]);
    expect(
      byLine(7)
        .map((p) => p.column)
        .sort(),
    ).toEqual(['name', 'team_id']);
    expect(byLine(8)[0]?.message).toMatch(/3 values; the header has 9/);
    for (const p of run.problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('refuses a file whose header is wrong before reading any row', () => {
    const run = dryRunYoungPeople('external_id,name,dob,category,team_id,pa_id\nX,Y,2008-01-01,relevant,t,p\n');
    expect(run.rows).toEqual([]);
    expect(run.problems.map((p) => p.column)).toEqual(['dob', 'date_of_birth']);
    expect(dryRunYoungPeople('').problems[0]?.message).toMatch(/empty/);
  });

  it('keeps a young person’s name exactly as written, quotes and commas included', () => {
    const run = dryRunYoungPeople(`${HEADER}\nLCS-9,"O'Neil, ""Jay""",,2008-01-01,relevant,t1,p1,,\n`);
    expect(run.problems).toEqual([]);
    expect(run.rows[0]?.body.name).toBe('O\'Neil, "Jay"');
  });
});
