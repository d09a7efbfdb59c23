import { buildInsightsIndex } from '@onward/engine';
import { fireEvent, screen, within } from '@testing-library/preact';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildDashboardData,
  cohortSummary,
  Dashboard,
  dashboardTables,
  defineDashboardElement,
  domainQuestionsSummary,
  domainSummary,
  drillDownFor,
  labelsFrom,
  moodSummary,
  questionSummary,
  toXlsx,
  trendSummary,
} from '../src/index.js';
import { dashboardCohort } from './fixtures.js';
import { flush, mount, unmountAll } from './helpers.js';

const index = buildInsightsIndex(dashboardCohort());
const manager = { role: 'team-manager' } as const;
const analyst = { role: 'analyst' } as const;
const labels = labelsFrom();
const query = { asAt: '2025-12-31', from: '2025-04-01' };

afterEach(() => unmountAll());

describe('summary sentences', () => {
  const data = buildDashboardData(index, query, manager);

  it('says how a question changed between months', () => {
    const may = data.trends.find((p) => p.month === '2025-05')!;
    const last = data.trends[data.trends.length - 1]!;
    expect(questionSummary(labels, 'housing.internet', last, may)).toBe(
      '60% of young people who answered said “no” to “Can you get online at home as often as you need?”, up from 30% in May 2025.',
    );
    // The trend starts in May, the first month with answers.
    expect(trendSummary(labels, data.trends, 'housing.internet')).toBe(
      'In December 2025, 60% of young people who answered said “no” to “Can you get online at home as often as you need?”, up from 30% in May 2025.',
    );
  });

  it('names the question in an area with the most "no" answers, and how it changed', () => {
    const may = data.trends.find((p) => p.month === '2025-05')!;
    expect(domainQuestionsSummary(labels, data.aggregates, 'housing', may)).toBe(
      'In housing, the most “no” answers were to “Can you get online at home as often as you need?”: 60% of those who answered, up from 30% in May 2025.',
    );
    expect(domainQuestionsSummary(labels, data.aggregates, 'money')).toBe('There are no answers to show for money.');
  });

  it('names the area where most young people need help', () => {
    // Housing: yp-0 ticked help on internet: 1 of 10 who answered = 10%.
    expect(domainSummary(labels, data.aggregates)).toBe(
      'Young people most often need help with housing: 10% of those who answered questions about it.',
    );
  });

  it('summarises moods and the Staying Put comparison', () => {
    // November: 6 of 7 good = 86%.
    expect(moodSummary(labels, data.moods, 'housing')).toBe(
      'In November 2025, 86% of young people who checked in felt good about housing.',
    );
    // Staying Put: yp-0..yp-3, yp-0 NEET: 1 of 4 = 25%; others 0 of 6. Changed on purpose (issue 19): the
    // comparison is of young people of the same ages (all are 20) and leads with the rate of everyone in the group.
    expect(cohortSummary(data.cohorts, 'neet')).toBe(
      '25% of young people aged 19 to 21 in Staying Put (of everyone in the group) were not in education, employment or training, against 0% of other care leavers of the same ages.',
    );
    expect(cohortSummary(data.cohorts, 'neet', 'latest-in-touch')).toBe(
      '25% of young people aged 19 to 21 in Staying Put (of those in touch) were not in education, employment or training, against 0% of other care leavers of the same ages.',
    );
  });

  it('says "fewer than 5" when the numbers are hidden', () => {
    const hidden = buildDashboardData(index, query, analyst);
    // The 6 other care leavers are hidden too: the dashboard shows all 10 young people (all aged 20), and 10 - 6
    // would give back the 4 in Staying Put.
    expect(cohortSummary(hidden.cohorts, 'neet')).toBe(
      'fewer than 5 of young people aged 19 to 21 in Staying Put (of everyone in the group) were not in education, employment or training, against a hidden share of other care leavers of the same ages.',
    );
    const may = hidden.trends.find((p) => p.month === '2025-05')!;
    expect(questionSummary(labels, 'housing.internet', may)).toMatch(/^fewer than 5/);
  });
});

describe('<Dashboard>', () => {
  it('says ids are visible only when the viewer has the list of young people', () => {
    const data = buildDashboardData(index, query, manager);
    const withList = mount(<Dashboard data={data} noCharts drillDown={drillDownFor(index, manager, query.asAt)} />);
    expect(withList.container.querySelector('.od-notice')?.textContent).toContain('young people’s ids');
    const withoutList = mount(<Dashboard data={data} noCharts />);
    expect(withoutList.container.querySelector('.od-notice')?.textContent).toContain('exact numbers, including small');
    expect(withoutList.container.querySelector('.od-notice')?.textContent).not.toContain('ids');
  });

  it('shows every chart with a summary and a table, with exact numbers for a manager', () => {
    const data = buildDashboardData(index, query, manager);
    const { container } = mount(
      <Dashboard data={data} noCharts drillDown={drillDownFor(index, manager, query.asAt)} />,
    );
    const figures = container.querySelectorAll('figure');
    // Areas, questions, trend, moods, national accommodation and activity, Staying Put, voice, own use.
    expect(figures.length).toBe(9);
    for (const f of figures) {
      expect(f.querySelector('[data-summary]')?.textContent).not.toBe('');
      expect(f.querySelector('table caption')).not.toBeNull();
    }
    const questions = screen.getByRole('table', { name: 'Answers to each question about housing' });
    const row = within(questions).getByRole('row', { name: /Can you get online/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10', '40%', '60%', '0%', '1']);
    expect(container.querySelector('style')).toBeNull();
  });

  it('hides small numbers from an analyst and offers no list of young people', () => {
    const data = buildDashboardData(index, query, analyst);
    const { container } = mount(<Dashboard data={data} noCharts />);
    expect(screen.getByText(/numbers from 1 to 4 are shown as “fewer than 5”/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Answers to each question about housing' });
    const row = within(table).getByRole('row', { name: /Can you get online/ });
    // 10 answered, 4 yes (small), so 6 no would give the 4 away: it is hidden too. Help 1 (small).
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['10', 'fewer than 5', 'hidden', '0%', 'fewer than 5']);
    expect(screen.queryByText('Who needs help')).toBeNull();
    expect(container.textContent).not.toMatch(/yp-\d/);
  });

  it('drills down from a question to the young people needing help', async () => {
    const data = buildDashboardData(index, query, manager);
    mount(<Dashboard data={data} noCharts drillDown={drillDownFor(index, manager, query.asAt)} />);
    fireEvent.change(screen.getByLabelText('Question or area'), { target: { value: 'housing.internet' } });
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Show young people' }));
    await flush();
    const table = screen.getByRole('table', { name: '1 answers needing help' });
    expect(within(table).getByRole('row', { name: /yp-0/ }).textContent).toContain('asked for help');
  });

  it('changes the questions shown with the area of life', async () => {
    const data = buildDashboardData(index, query, manager);
    mount(<Dashboard data={data} noCharts />);
    fireEvent.change(screen.getByLabelText('Area of life', { selector: 'select[id$="-area"]' }), {
      target: { value: 'money' },
    });
    await flush();
    expect(screen.getByRole('table', { name: 'Answers to each question about money' })).toBeTruthy();
  });
});

describe('<onward-dashboard>', () => {
  it('works the figures out from records, with filters', async () => {
    defineDashboardElement();
    const el = document.createElement('onward-dashboard') as HTMLElement & {
      records: unknown;
      viewer: unknown;
    };
    el.setAttribute('as-at', '2025-12-31');
    el.setAttribute('from', '2025-04-01');
    el.setAttribute('no-charts', '');
    el.viewer = manager;
    el.records = dashboardCohort();
    document.body.append(el);
    const root = el.shadowRoot!;
    expect(root.textContent).toContain('10 young people with an authorised pathway plan');
    const team = root.querySelector('select[id$="-team"]') as HTMLSelectElement;
    team.value = 'team-b';
    team.dispatchEvent(new Event('change', { bubbles: true }));
    await Promise.resolve();
    expect(root.textContent).toContain('1 young people with an authorised pathway plan in team-b');
    expect(root.querySelector('style')).toBeNull();
    el.remove();
  });
});

describe('spreadsheet export', () => {
  it('writes an .xlsx that exceljs reads back with the expected values', async () => {
    const data = buildDashboardData(index, query, analyst);
    const bytes = await toXlsx(dashboardTables(data), { asAt: data.asAt, exact: data.exact });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'read me',
      'domains',
      'questions',
      'trends',
      'moods',
      'cohorts',
      'costs',
      'national',
      'engagement',
    ]);
    expect(String(wb.getWorksheet('read me')!.getCell('A2').value)).toMatch(/fewer than 5/);
    const sheet = wb.getWorksheet('questions')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['as_at', 'population', 'domain', 'question_id', 'kind', 'answered']);
    let internet: unknown[] | undefined;
    sheet.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[3] === 'housing.internet') internet = v;
    });
    const col = (name: string) => internet![header.indexOf(name)];
    expect(col('population')).toBe(10);
    expect(col('answered')).toBe(10);
    // 6 "no" would give away the 4 "yes" (10 - 6): hidden as well.
    expect(col('no')).toBe('hidden');
    expect(col('no_percent')).toBe('hidden');
    expect(col('not_relevant')).toBe(0);
    expect(col('yes')).toBe('fewer than 5');
    expect(col('help')).toBe('fewer than 5');
    const costs = wb.getWorksheet('costs')!;
    expect((costs.getRow(1).values as unknown[]).slice(1)).toContain('unit_cost_source');
  });
});
