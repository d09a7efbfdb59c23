import { describe, expect, it } from 'vitest';
import {
  aggregates,
  buildInsightsIndex,
  CASE_MANAGEMENT_FIELDS,
  caseManagementCsv,
  caseManagementJson,
  caseManagementRecords,
  csvCell,
  domainTable,
  helpList,
  helpListTable,
  isCaseManagementRecord,
  parseCsv,
  peopleTable,
  personList,
  questionTable,
  ssda903Problems,
  tablesToJson,
  tableToCsv,
  toCsv,
  validateInsightsRecord,
} from '../../src/index.js';
import { plan, smallCohort } from '../insights/fixtures.js';

const index = buildInsightsIndex(smallCohort());

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    const text = toCsv(['a', 'b'], [{ a: 'x\ny', b: 1 }]);
    expect(text).toBe('a,b\r\n"x\ny",1\r\n');
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x\ny', '1'],
    ]);
  });
});

describe('aggregate tables', () => {
  it('writes the same numbers the insights give, with "fewer than 5" for analysts', () => {
    const exact = aggregates(index, { asAt: '2025-06-30' }, { role: 'team-manager' });
    const row = questionTable(exact).rows.find((r) => r.question_id === 'housing.internet')!;
    expect(row).toMatchObject({ population: 3, answered: 2, yes: 1, yes_percent: 50, no: 1, no_percent: 50 });
    const hidden = aggregates(index, { asAt: '2025-06-30' }, { role: 'analyst' });
    const csv = tableToCsv(questionTable(hidden));
    const rows = parseCsv(csv);
    const header = rows[0]!;
    const internet = rows.find((r) => r[header.indexOf('question_id')] === 'housing.internet')!;
    expect(internet[header.indexOf('yes')]).toBe('fewer than 5');
    expect(internet[header.indexOf('yes_percent')]).toBe('fewer than 5');
    expect(internet[header.indexOf('not_relevant')]).toBe('0');
    expect(csv).not.toMatch(/,[1-4],/);
    const domains = domainTable(exact);
    expect(domains.rows.find((r) => r.domain === 'housing')).toMatchObject({ people_needing_help: 1 });
    const json = JSON.parse(tablesToJson([questionTable(hidden)], { asAt: '2025-06-30' }));
    expect(json.tables[0].name).toBe('questions');
    expect(json.tables[0].rows.find((r: { question_id: string }) => r.question_id === 'housing.internet').no).toBe(
      'fewer than 5',
    );
  });

  it('writes person-level tables only from lists a permitted role could get', () => {
    const people = peopleTable(personList(index, { asAt: '2025-06-30' }, { role: 'team-manager' }));
    expect(people.rows.map((r) => r.young_person_id)).toEqual(['yp1', 'yp2', 'yp4']);
    expect(people.rows[0]).toMatchObject({ IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'Z1', staying_put: false });
    expect(people.rows[0]!.needs_help_questions).toBe('housing.enough-help');
    const help = helpListTable(helpList(index, { question: 'housing' }, { role: 'admin' }));
    expect(help.columns).toContain('reasons');
  });
});

describe('case-management import records', () => {
  const records = caseManagementRecords(index);

  it('gives one record per plan, each valid against its schema', () => {
    expect(records).toHaveLength(5);
    for (const r of records) expect(isCaseManagementRecord(r)).toBe(true);
    const first = records.find((r) => r.plan_id === 'yp1-b')!;
    expect(first).toEqual({
      record_version: 1,
      plan_id: 'yp1-b',
      young_person_id: 'yp1',
      council: 'leeds',
      team: 'team-a',
      pa_id: 'pa-1',
      date_of_birth: '2007-03-10',
      age_at_authorisation: 17,
      category: 'former-relevant',
      authorised: '2025-03-01',
      question_set_version: 2,
      staying_put: false,
      questions_answered: 2,
      questions_total: 66,
      needs_help_count: 1,
      needs_help_questions: 'housing.enough-help',
      IN_TOUCH: 'YES',
      ACTIV: 'F2',
      ACCOM: 'Z1',
      ssda903_consistent: true,
      ssda903_problems: '',
    });
    // The first plan had no return codes: all blank is consistent.
    expect(records.find((r) => r.plan_id === 'yp1-a')).toMatchObject({ IN_TOUCH: '', ssda903_consistent: true });
    expect(records.find((r) => r.plan_id === 'yp2-a')).toMatchObject({ question_set_version: 1, ACCOM: 'U2' });
  });

  it('checks the return consistency rules', () => {
    expect(ssda903Problems('', '', '')).toEqual([]);
    expect(ssda903Problems('YES', 'F1', '')).toEqual(['partly-coded']);
    expect(ssda903Problems('DIED', 'F1', 'U1')).toEqual([
      'died-or-home-needs-zero-activity',
      'died-or-home-needs-zero-accommodation',
    ]);
    expect(ssda903Problems('RHOM', '0', '0')).toEqual([]);
    expect(ssda903Problems('YES', '0', '0')).toEqual(['in-touch-needs-activity', 'in-touch-needs-accommodation']);
    expect(ssda903Problems('NO', '0', '0')).toEqual([]);
    const bad = smallCohort();
    bad[1]!.plans[0]!.ssda903 = { inTouch: 'DIED', activity: 'F1', accommodation: '0' };
    const r = caseManagementRecords(buildInsightsIndex(bad)).find((x) => x.plan_id === 'yp2-a')!;
    expect(r.ssda903_consistent).toBe(false);
    expect(r.ssda903_problems).toBe('died-or-home-needs-zero-activity');
    expect(isCaseManagementRecord(r)).toBe(true);
  });

  it('writes CSV with the documented header and JSON naming the schema', () => {
    const csv = parseCsv(caseManagementCsv(records));
    expect(csv[0]).toEqual([...CASE_MANAGEMENT_FIELDS]);
    expect(csv).toHaveLength(records.length + 1);
    const json = JSON.parse(caseManagementJson(records));
    expect(json.schema).toBe('https://onward.example/schemas/events/case-management-record/v1');
    expect(json.records).toEqual(records);
  });
});

describe('input records', () => {
  it('validates a record against its schema and names bad fields', () => {
    const [good] = smallCohort();
    expect(validateInsightsRecord(good).ok).toBe(true);
    // A check-in's own date-time is accepted as well as a day.
    const withTime = { ...good!, checkIns: [{ at: '2025-03-20T18:30:00Z', moods: { housing: { mood: 'good' } } }] };
    expect(validateInsightsRecord(withTime).ok).toBe(true);
    expect(buildInsightsIndex([withTime as never]).checkInDay[0]).toBe(20250320);
    const bad = {
      ...good!,
      plans: [{ ...plan({ planId: 'p', authorised: '2025-13-01', dateOfBirth: '2007-01-01' }) }],
    };
    delete (bad.plans[0] as { team?: string }).team;
    const r = validateInsightsRecord(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContainEqual({ path: 'plans[0]', message: '"team" is missing' });
      expect(r.problems).toContainEqual({
        path: 'plans[0].authorised',
        message: 'must be a date (dates are written YYYY-MM-DD)',
      });
    }
  });
});
