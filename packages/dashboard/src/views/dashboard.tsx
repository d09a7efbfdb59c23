// The dashboard: areas of life, questions, trends, check-in moods, Staying Put comparison, who needs help, downloads.
// Every chart comes with a sentence saying what it shows and a table of its numbers.
import {
  AGE_BANDS,
  type AgeBand,
  CATEGORIES,
  type Category,
  DOMAINS,
  type DomainId,
  type HelpListEntry,
  type InsightsFilters,
  NATIONAL_AGE_BANDS,
} from '@onward/engine';
import { useComputed, useSignal } from '@preact/signals';
import { ChartFigure } from '../charts/chart-figure.js';
import type { DashboardData } from '../data.js';
import { download } from '../export/download.js';
import { CSV_TYPE, dashboardTables, toCsvFile, toXlsx, XLSX_TYPE } from '../export/spreadsheet.js';
import { dayName, type Labels, labelsFrom, monthName } from '../labels.js';
import { domainQuestionsSummary, domainSummary, moodSummary, trendSummary } from '../summary.js';
import { DataTable } from '../tables/data-table.js';
import { EngagementSection } from './engagement-section.js';
import { markText, num, pct, seriesOf } from './figures.js';
import { NationalSection } from './national-section.js';
import { Select } from './select.js';
import { StayingPutSection } from './staying-put-section.js';

const CATEGORY_NAMES: Record<Category, string> = {
  eligible: 'Eligible',
  relevant: 'Relevant',
  'former-relevant': 'Former relevant',
  qualifying: 'Qualifying',
};

export interface DashboardProps {
  readonly data: DashboardData;
  /** Question and domain wording; default the shipped en-GB wording. */
  readonly labels?: Labels;
  /** Given only for viewers allowed to see young people: the list behind a question or domain. */
  readonly drillDown?: (question: string) => HelpListEntry[];
  /** Given when the filters can change (the dashboard was built from records in the page). */
  readonly onFiltersChange?: (filters: InsightsFilters) => void;
  /** Summaries and tables only, no charts (e.g. for printing). */
  readonly noCharts?: boolean;
  /** Language of the content, default en-GB. */
  readonly lang?: string;
}

export function Dashboard(props: DashboardProps) {
  const { data, drillDown, onFiltersChange, noCharts } = props;
  const labels = props.labels ?? labelsFrom();
  const a = data.aggregates;
  const domain = useSignal<DomainId>('housing');
  const trendQuestion = useSignal<string>('housing.internet');
  const moodDomain = useSignal<DomainId>('housing');
  const drillQuestion = useSignal<string>('housing');
  const drillResult = useSignal<{ question: string; entries: HelpListEntry[] } | null>(null);
  const busy = useSignal(false);
  const questionOptions = a.questions.map(
    (q) => [q.id, `${labels.domain(q.domain)}: ${labels.question(q.id)}`] as const,
  );
  const domainOptions = DOMAINS.map((d) => [d, labels.domain(d)] as const);
  const prefix = useComputed(() => `od-${Math.abs(hash(data.asAt + JSON.stringify(data.filters)))}`).value;

  // Areas of life.
  const domainRows = a.domains.map((d) => ({
    area: labels.domain(d.id),
    answered: num(d.peopleAnswered),
    help: num(d.peopleNeedingHelp),
    percent: pct(d.percentPeopleNeedingHelp),
  }));

  // Questions in one area.
  const qs = a.questions.filter((q) => q.domain === domain.value);
  const before = data.trends.length > 1 ? data.trends[0] : undefined;

  // Trend for one question.
  const trendRows = data.trends.map((p) => {
    const q = p.questions.find((x) => x.id === trendQuestion.value)!;
    return { month: monthName(p.month), answered: num(q.answered), no: pct(q.percent.no), yes: pct(q.percent.yes) };
  });

  // Moods for one area.
  const moodRows = data.moods.map((p) => {
    const d = p.domains.find((x) => x.id === moodDomain.value)!;
    return {
      month: monthName(p.month),
      responded: num(d.responded),
      good: pct(d.percent.good),
      ok: pct(d.percent.ok),
      bad: pct(d.percent.bad),
      help: num(d.help),
    };
  });

  const words = markText(data.threshold ?? 5);
  const threshold = data.threshold ?? 5;

  const setFilter = (patch: Partial<InsightsFilters>) => {
    if (!onFiltersChange) return;
    const next: Record<string, unknown> = { ...data.filters, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onFiltersChange(next as InsightsFilters);
  };

  const downloadXlsx = async () => {
    busy.value = true;
    try {
      const help = drillDown && drillResult.value ? drillResult.value.entries : undefined;
      const bytes = await toXlsx(dashboardTables(data, help), {
        asAt: data.asAt,
        exact: data.exact,
        threshold,
      });
      download(`onward-insights-${data.asAt}.xlsx`, bytes, XLSX_TYPE);
    } finally {
      busy.value = false;
    }
  };

  return (
    <div class="od" lang={props.lang ?? 'en-GB'} dir="ltr">
      <h2>How young people are doing</h2>
      <p>
        As at {dayName(data.asAt)}: {num(a.population)} young people with an authorised pathway plan
        {data.filters.team ? ` in ${data.filters.team.join(', ')}` : ''}.
      </p>
      {data.requestedAsAt ? (
        <p class="od-notice">
          You asked for figures as at {dayName(data.requestedAsAt)}. To protect young people, figures you can see are
          only ever as at the end of a {data.reportingPeriod === 'quarter' ? 'quarter' : 'month'}, so these are as at{' '}
          {dayName(data.asAt)}.
        </p>
      ) : null}
      <p class="od-muted">
        Counted: young people whose latest plan is open and not more than a few months past its review, who are still
        care leavers (to 21, or 25 when they asked for support or are in education or training). Young people who have
        died or gone back to live with their family are not counted.
      </p>
      {data.exact ? (
        <p class="od-notice">
          {props.drillDown
            ? 'You can see exact numbers and young people’s ids. Do not share them with people who may not.'
            : 'You can see exact numbers, including small ones. Do not share them with people who may not.'}
        </p>
      ) : (
        <p class="od-notice">
          To protect young people, numbers from 1 to {threshold - 1} are shown as “fewer than {threshold}”, and a few
          other numbers as “hidden” where they would give one away.
        </p>
      )}

      {onFiltersChange ? (
        <fieldset class="od-controls od-fieldset">
          <legend>Filters</legend>
          <Select
            id={`${prefix}-team`}
            label="Team"
            value={data.filters.team?.[0] ?? ''}
            options={[['', 'All teams'], ...data.teams.map((t) => [t, t] as const)]}
            onChange={(v) => setFilter({ team: v ? [v] : undefined })}
          />
          <Select
            id={`${prefix}-age`}
            label="Age"
            value={data.filters.ageBand?.[0] ?? ''}
            options={[
              ['', 'All ages'],
              ...[...AGE_BANDS, ...NATIONAL_AGE_BANDS].map((b) => [b, b.replace('-', ' to ')] as const),
            ]}
            onChange={(v) => setFilter({ ageBand: v ? [v as AgeBand] : undefined })}
          />
          <Select
            id={`${prefix}-category`}
            label="Category"
            value={data.filters.category?.[0] ?? ''}
            options={[['', 'All categories'], ...CATEGORIES.map((c) => [c, CATEGORY_NAMES[c]] as const)]}
            onChange={(v) => setFilter({ category: v ? [v as Category] : undefined })}
          />
          <Select
            id={`${prefix}-sp`}
            label="Staying Put"
            value={data.filters.stayingPut === undefined ? '' : data.filters.stayingPut ? 'yes' : 'no'}
            options={[
              ['', 'Everyone'],
              ['yes', 'In Staying Put'],
              ['no', 'Not in Staying Put'],
            ]}
            onChange={(v) => setFilter({ stayingPut: v === '' ? undefined : v === 'yes' })}
          />
        </fieldset>
      ) : null}

      <ChartFigure
        id={`${prefix}-domains`}
        title="Areas of life where young people need help"
        kind="bar"
        horizontal
        percent
        noChart={noCharts}
        labels={a.domains.map((d) => labels.domain(d.id))}
        markText={words}
        series={[
          seriesOf(
            'Need help (%)',
            a.domains.map((d) => d.percentPeopleNeedingHelp),
          ),
        ]}
        summary={domainSummary(labels, a)}
        table={{
          caption: 'Young people needing help in each area of life',
          columns: [
            { key: 'area', label: 'Area of life' },
            { key: 'answered', label: 'Answered', numeric: true },
            { key: 'help', label: 'Need help', numeric: true },
            { key: 'percent', label: 'Need help (%)', numeric: true },
          ],
          rows: domainRows,
        }}
      />

      <h3>Questions in one area</h3>
      <div class="od-controls">
        <Select
          id={`${prefix}-area`}
          label="Area of life"
          value={domain.value}
          options={domainOptions}
          onChange={(v) => {
            domain.value = v as DomainId;
          }}
        />
      </div>
      <ChartFigure
        id={`${prefix}-questions`}
        title={`Answers about ${labels.domain(domain.value).toLowerCase()}`}
        kind="bar"
        horizontal
        percent
        noChart={noCharts}
        labels={qs.map((q) => labels.question(q.id))}
        markText={words}
        series={[
          seriesOf(
            'Yes (%)',
            qs.map((q) => q.percent.yes),
            { colour: 0 },
          ),
          seriesOf(
            'No (%)',
            qs.map((q) => q.percent.no),
            { colour: 1 },
          ),
          seriesOf(
            'Not relevant (%)',
            qs.map((q) => q.percent.notRelevant),
            { colour: 2 },
          ),
        ]}
        summary={domainQuestionsSummary(labels, a, domain.value, before)}
        table={{
          caption: `Answers to each question about ${labels.domain(domain.value).toLowerCase()}`,
          columns: [
            { key: 'question', label: 'Question' },
            { key: 'answered', label: 'Answered', numeric: true },
            { key: 'yes', label: 'Yes (%)', numeric: true },
            { key: 'no', label: 'No (%)', numeric: true },
            { key: 'nr', label: 'Not relevant (%)', numeric: true },
            { key: 'help', label: 'Asked for help', numeric: true },
          ],
          rows: qs.map((q) => ({
            question: labels.question(q.id),
            answered: num(q.answered),
            yes: pct(q.percent.yes),
            no: pct(q.percent.no),
            nr: pct(q.percent.notRelevant),
            help: num(q.help),
          })),
        }}
      />

      <h3>Over time</h3>
      <div class="od-controls">
        <Select
          id={`${prefix}-trend-question`}
          label="Question"
          value={trendQuestion.value}
          options={questionOptions}
          onChange={(v) => {
            trendQuestion.value = v;
          }}
        />
      </div>
      <ChartFigure
        id={`${prefix}-trend`}
        title="“No” answers month by month"
        kind="line"
        percent
        noChart={noCharts}
        labels={data.trends.map((p) => monthName(p.month))}
        markText={words}
        series={[
          seriesOf(
            'No (%)',
            data.trends.map((p) => p.questions.find((q) => q.id === trendQuestion.value)!.percent.no),
          ),
        ]}
        summary={trendSummary(labels, data.trends, trendQuestion.value)}
        table={{
          caption: `Answers to “${labels.question(trendQuestion.value)}” each month`,
          columns: [
            { key: 'month', label: 'Month' },
            { key: 'answered', label: 'Answered', numeric: true },
            { key: 'no', label: 'No (%)', numeric: true },
            { key: 'yes', label: 'Yes (%)', numeric: true },
          ],
          rows: trendRows,
        }}
      />

      <h3>Check-in moods</h3>
      <div class="od-controls">
        <Select
          id={`${prefix}-mood-domain`}
          label="Area of life"
          value={moodDomain.value}
          options={domainOptions}
          onChange={(v) => {
            moodDomain.value = v as DomainId;
          }}
        />
      </div>
      <ChartFigure
        id={`${prefix}-moods`}
        title={`How young people felt about ${labels.domain(moodDomain.value).toLowerCase()}`}
        kind="line"
        percent
        noChart={noCharts}
        labels={data.moods.map((p) => monthName(p.month))}
        markText={words}
        series={(['good', 'ok', 'bad'] as const).map((m, i) =>
          seriesOf(
            `${m === 'ok' ? 'OK' : m[0]!.toUpperCase() + m.slice(1)} (%)`,
            data.moods.map((p) => p.domains.find((d) => d.id === moodDomain.value)!.percent[m]),
            { colour: i as 0 | 1 | 2 },
          ),
        )}
        summary={moodSummary(labels, data.moods, moodDomain.value)}
        table={{
          caption: `Check-ins about ${labels.domain(moodDomain.value).toLowerCase()} each month`,
          columns: [
            { key: 'month', label: 'Month' },
            { key: 'responded', label: 'Checked in', numeric: true },
            { key: 'good', label: 'Good (%)', numeric: true },
            { key: 'ok', label: 'OK (%)', numeric: true },
            { key: 'bad', label: 'Bad (%)', numeric: true },
            { key: 'help', label: 'Asked for help', numeric: true },
          ],
          rows: moodRows,
        }}
      />

      {data.national ? (
        <NationalSection national={data.national} prefix={prefix} threshold={threshold} noCharts={noCharts} />
      ) : null}

      <StayingPutSection
        cohorts={data.cohorts}
        costs={data.costs}
        prefix={prefix}
        threshold={threshold}
        noCharts={noCharts}
      />

      {data.engagement ? (
        <EngagementSection periods={data.engagement} prefix={prefix} threshold={threshold} noCharts={noCharts} />
      ) : null}

      {drillDown ? (
        <section aria-labelledby={`${prefix}-drill-title`}>
          <h3 id={`${prefix}-drill-title`}>Who needs help</h3>
          <div class="od-controls">
            <Select
              id={`${prefix}-drill`}
              label="Question or area"
              value={drillQuestion.value}
              options={[...domainOptions.map(([d, t]) => [d, `${t} (any question)`] as const), ...questionOptions]}
              onChange={(v) => {
                drillQuestion.value = v;
              }}
            />
            <button
              type="button"
              class="od-btn"
              onClick={() => {
                drillResult.value = { question: drillQuestion.value, entries: drillDown(drillQuestion.value) };
              }}
            >
              Show young people
            </button>
          </div>
          <div aria-live="polite">
            {drillResult.value ? (
              drillResult.value.entries.length ? (
                <DataTable
                  caption={`${drillResult.value.entries.length} answers needing help`}
                  columns={[
                    { key: 'id', label: 'Young person' },
                    { key: 'question', label: 'Question' },
                    { key: 'reason', label: 'Why' },
                    { key: 'team', label: 'Team' },
                    { key: 'pa', label: 'Personal adviser' },
                    { key: 'age', label: 'Age', numeric: true },
                  ]}
                  rows={drillResult.value.entries.map((e) => ({
                    id: e.youngPersonId,
                    question: labels.question(e.questionId),
                    reason: e.reasons
                      .map((r) => (r === 'asked-for-help' ? 'asked for help' : 'not getting enough help'))
                      .join(', '),
                    team: e.team,
                    pa: e.paId,
                    age: String(e.age),
                  }))}
                />
              ) : (
                <p>Nobody needs help with this.</p>
              )
            ) : null}
          </div>
        </section>
      ) : null}

      <h3>Download</h3>
      <div class="od-controls">
        <button type="button" class="od-btn" disabled={busy.value} onClick={downloadXlsx}>
          {busy.value ? 'Preparing spreadsheet…' : 'Spreadsheet (.xlsx)'}
        </button>
        {dashboardTables(data).map((t) => (
          <button
            key={t.name}
            type="button"
            class="od-btn od-secondary"
            onClick={() => download(`onward-${t.name}-${data.asAt}.csv`, toCsvFile(t), CSV_TYPE)}
          >
            CSV: {t.name}
          </button>
        ))}
      </div>
    </div>
  );
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}
