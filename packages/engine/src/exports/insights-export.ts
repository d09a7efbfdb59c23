// Tables of the insights, the same for CSV, JSON and spreadsheets: each table is a list of columns (documented in
// docs/data-dictionary.md) and rows of plain values, with hidden numbers already replaced by "fewer than 5".

import type { Aggregates, MoodPoint, TrendPoint } from '../insights/aggregates.js';
import type { CohortComparison, CostEstimate } from '../insights/cohorts.js';
import type { DashboardData } from '../insights/dashboard-data.js';
import type { HelpListEntry, PersonRow, PersonSummary } from '../insights/drill-down.js';
import { type EngagementPeriod, VOICE_ROWS } from '../insights/engagement.js';
import {
  ACCOMMODATION_OUTCOMES,
  ACTIVITY_OUTCOMES,
  type NationalFigure,
  type NationalMeasures,
  NEET_REASONS,
} from '../insights/national.js';
import { type Figure, fewerThan, HIDDEN, roundTo } from '../insights/suppression.js';
import { type CsvValue, toCsv } from './csv.js';

/** One table of an export. */
export interface ExportTable {
  /** Sheet / file name: `questions`, `domains`, `trends`, `moods`, `cohorts`, `costs`, `people`, `help-list`. */
  readonly name: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, CsvValue>>[];
}

/**
 * How numbers are rounded in a table: `standard` (exact counts, percentages to one decimal place), `local` (exact
 * counts, whole-number percentages: how the DfE publishes a local authority's figures) or `national` (counts to the
 * nearest 10 and whole-number percentages: how it publishes national and regional figures). Percentages are always
 * worked out from the exact counts.
 */
export type Rounding = 'standard' | 'local' | 'national';

/**
 * The DfE's rounding for figures covering `councils` councils: one council's figures are a local authority's
 * (counts unrounded), more than one council's are regional or national (counts to the nearest 10). Percentages
 * are whole numbers in both.
 */
export function dfeRounding(councils: number): Rounding {
  return councils > 1 ? 'national' : 'local';
}

/** A count cell: the number, "fewer than 5" when hidden, empty when there is none. */
export function countCell(f: Figure, rounding: Rounding = 'standard'): CsvValue {
  if (f.secondary) return HIDDEN;
  if (f.suppressed) return fewerThan(f);
  // National and regional figures round counts to the nearest 10 (halves up).
  return rounding === 'national' && f.value !== null ? Math.round(f.value / 10) * 10 : f.value;
}

/** A percentage cell, rounded to one decimal place (whole numbers when rounded as the DfE publishes). */
export function percentCell(f: Figure, rounding: Rounding = 'standard'): CsvValue {
  if (f.secondary) return HIDDEN;
  if (f.suppressed) return fewerThan(f);
  return f.value === null ? null : roundTo(f.value, rounding === 'standard' ? 1 : 0);
}

const COUNT_COLUMNS = [
  'answered',
  'yes',
  'yes_percent',
  'no',
  'no_percent',
  'not_relevant',
  'not_relevant_percent',
  'help',
  'help_percent',
  'needs_help',
  'needs_help_percent',
] as const;

function countColumns(
  x: Pick<
    Aggregates['questions'][number],
    'answered' | 'yes' | 'no' | 'notRelevant' | 'help' | 'needsHelp' | 'percent'
  >,
) {
  return {
    answered: countCell(x.answered),
    yes: countCell(x.yes),
    yes_percent: percentCell(x.percent.yes),
    no: countCell(x.no),
    no_percent: percentCell(x.percent.no),
    not_relevant: countCell(x.notRelevant),
    not_relevant_percent: percentCell(x.percent.notRelevant),
    help: countCell(x.help),
    help_percent: percentCell(x.percent.help),
    needs_help: countCell(x.needsHelp),
    needs_help_percent: percentCell(x.percent.needsHelp),
  };
}

export const QUESTION_COLUMNS = ['as_at', 'population', 'domain', 'question_id', 'kind', ...COUNT_COLUMNS] as const;
export const DOMAIN_COLUMNS = [
  'as_at',
  'population',
  'domain',
  ...COUNT_COLUMNS,
  'people_answered',
  'people_needing_help',
  'people_needing_help_percent',
] as const;

export function questionTable(a: Aggregates): ExportTable {
  return {
    name: 'questions',
    title: `Answers to each question, as at ${a.asAt}`,
    columns: QUESTION_COLUMNS,
    rows: a.questions.map((q) => ({
      as_at: a.asAt,
      population: countCell(a.population),
      domain: q.domain,
      question_id: q.id,
      kind: q.kind,
      ...countColumns(q),
    })),
  };
}

export function domainTable(a: Aggregates): ExportTable {
  return {
    name: 'domains',
    title: `Answers in each area of life, as at ${a.asAt}`,
    columns: DOMAIN_COLUMNS,
    rows: a.domains.map((d) => ({
      as_at: a.asAt,
      population: countCell(a.population),
      domain: d.id,
      ...countColumns(d),
      people_answered: countCell(d.peopleAnswered),
      people_needing_help: countCell(d.peopleNeedingHelp),
      people_needing_help_percent: percentCell(d.percentPeopleNeedingHelp),
    })),
  };
}

export const TREND_COLUMNS = [
  'month',
  'as_at',
  'population',
  'domain',
  'question_id',
  'kind',
  ...COUNT_COLUMNS,
] as const;

/** Trends: one row per month and question. */
export function trendTable(points: readonly TrendPoint[]): ExportTable {
  return {
    name: 'trends',
    title: 'Answers to each question, month by month',
    columns: TREND_COLUMNS,
    rows: points.flatMap((p) =>
      p.questions.map((q) => ({
        month: p.month,
        as_at: p.asAt,
        population: countCell(p.population),
        domain: q.domain,
        question_id: q.id,
        kind: q.kind,
        ...countColumns(q),
      })),
    ),
  };
}

export const MOOD_COLUMNS = [
  'month',
  'people_checked_in',
  'domain',
  'responded',
  'good',
  'good_percent',
  'ok',
  'ok_percent',
  'bad',
  'bad_percent',
  'help',
  'help_percent',
] as const;

export function moodTable(points: readonly MoodPoint[]): ExportTable {
  return {
    name: 'moods',
    title: 'Check-in moods, month by month',
    columns: MOOD_COLUMNS,
    rows: points.flatMap((p) =>
      p.domains.map((d) => ({
        month: p.month,
        people_checked_in: countCell(p.people),
        domain: d.id,
        responded: countCell(d.responded),
        good: countCell(d.good),
        good_percent: percentCell(d.percent.good),
        ok: countCell(d.ok),
        ok_percent: percentCell(d.percent.ok),
        bad: countCell(d.bad),
        bad_percent: percentCell(d.percent.bad),
        help: countCell(d.help),
        help_percent: percentCell(d.percent.help),
      })),
    ),
  };
}

export const COHORT_COLUMNS = [
  'as_at',
  'period_from',
  'membership',
  'group',
  'population',
  'in_touch',
  'no_information',
  'measure',
  'latest_count',
  'latest_percent_of_all',
  'latest_count_in_touch',
  'latest_percent_of_in_touch',
  'ever_count',
  'ever_percent_of_all',
  'no_information_accommodation',
  'age_from',
  'age_to',
] as const;

export function cohortTable(c: CohortComparison): ExportTable {
  return {
    name: 'cohorts',
    title: `Staying Put and other care leavers aged ${c.ages.min} to ${c.ages.max}, as at ${c.asAt}`,
    columns: COHORT_COLUMNS,
    rows: c.groups.flatMap((g) =>
      g.measures.map((m) => ({
        as_at: c.asAt,
        period_from: c.from,
        membership: c.membership,
        group: g.id,
        population: countCell(g.population),
        in_touch: countCell(g.inTouch),
        no_information: countCell(g.noInformation),
        measure: m.measure,
        latest_count: countCell(m.latest.count),
        latest_percent_of_all: percentCell(m.latest.percentOfAll),
        latest_count_in_touch: countCell(m.latest.countInTouch),
        latest_percent_of_in_touch: percentCell(m.latest.percentOfInTouch),
        ever_count: countCell(m.ever.count),
        ever_percent_of_all: percentCell(m.ever.percentOfAll),
        no_information_accommodation: countCell(g.noInformationAccommodation),
        age_from: c.ages.min,
        age_to: c.ages.max,
      })),
    ),
  };
}

export const COST_COLUMNS = [
  'as_at',
  'line',
  'description',
  'reference',
  'reference_percent',
  'staying_put_percent',
  'base',
  'extra_people',
  'people',
  'unit_cost_id',
  'unit_cost_gbp',
  'unit_cost_source',
  'unit_cost_year',
  'unit_cost_verified',
  'amount_gbp',
  'denominator',
  'age_from',
  'age_to',
] as const;

export function costTable(c: CostEstimate): ExportTable {
  return {
    name: 'costs',
    title: `Estimated public costs avoided, as at ${c.asAt}`,
    columns: COST_COLUMNS,
    rows: c.lines.map((l) => ({
      as_at: c.asAt,
      line: l.id,
      description: l.description,
      reference: l.reference?.label ?? null,
      reference_percent: l.reference ? percentCell(l.reference.percent) : null,
      staying_put_percent: l.stayingPutPercent ? percentCell(l.stayingPutPercent) : null,
      base: l.base ? countCell(l.base) : null,
      extra_people:
        l.extraPeople.suppressed || l.extraPeople.value === null
          ? countCell(l.extraPeople)
          : roundTo(l.extraPeople.value, 2),
      people: countCell(l.people),
      unit_cost_id: l.unitCost.id,
      unit_cost_gbp: l.unitCost.value,
      unit_cost_source: l.unitCost.source,
      unit_cost_year: l.unitCost.year,
      unit_cost_verified: l.unitCost.verified,
      amount_gbp: countCell(l.amount),
      denominator: c.denominator,
      age_from: c.ages.min,
      age_to: c.ages.max,
    })),
  };
}

export const PERSON_COLUMNS = [
  'young_person_id',
  'plan_id',
  'authorised',
  'council',
  'team',
  'pa_id',
  'age',
  'age_band',
  'category',
  'staying_put',
] as const;

export const HELP_LIST_COLUMNS = [...PERSON_COLUMNS, 'question_id', 'answer', 'reasons'] as const;

function personColumns(p: PersonSummary) {
  return {
    young_person_id: p.youngPersonId,
    plan_id: p.planId,
    authorised: p.authorised,
    council: p.council,
    team: p.team,
    pa_id: p.paId,
    age: p.age,
    age_band: p.ageBand,
    category: p.category,
    staying_put: p.stayingPut,
  };
}

/** The drill-down list. Build it with helpList, which only permitted roles can call. */
export function helpListTable(entries: readonly HelpListEntry[]): ExportTable {
  return {
    name: 'help-list',
    title: 'Young people who need help',
    columns: HELP_LIST_COLUMNS,
    rows: entries.map((e) => ({
      ...personColumns(e),
      question_id: e.questionId,
      answer: e.answer,
      reasons: e.reasons.join(' '),
    })),
  };
}

export const NATIONAL_COLUMNS = [
  'period_from',
  'period_to',
  'reporting_year',
  'age',
  'care_leavers',
  'in_touch',
  'in_touch_percent',
  'measure',
  'outcome',
  'count',
  'percent_of_all',
  'count_in_touch',
  'percent_of_in_touch',
] as const;

/**
 * The national measures: one row per age (17 to 21, then the bands 17-18 and 19-21) and outcome, rounded as
 * `rounding` says (see `dfeRounding` for the DfE's own).
 */
export function nationalTable(n: NationalMeasures, rounding: Rounding = 'standard'): ExportTable {
  const rows: Record<string, CsvValue>[] = [];
  for (const r of n.rows) {
    const base = {
      period_from: n.from,
      period_to: n.to,
      reporting_year: n.year ?? null,
      age: r.row,
      care_leavers: countCell(r.population, rounding),
      in_touch: countCell(r.inTouch, rounding),
      in_touch_percent: percentCell(r.percentInTouch, rounding),
    };
    const push = (measure: string, outcome: string, f: NationalFigure) =>
      rows.push({
        ...base,
        measure,
        outcome,
        count: countCell(f.count, rounding),
        percent_of_all: percentCell(f.percentOfAll, rounding),
        count_in_touch: countCell(f.countInTouch, rounding),
        percent_of_in_touch: percentCell(f.percentOfInTouch, rounding),
      });
    for (const k of ACCOMMODATION_OUTCOMES) push('accommodation', k, r.accommodation[k]);
    for (const k of ACTIVITY_OUTCOMES) push('activity', k, r.activity[k]);
    for (const k of NEET_REASONS) push('neet-reason', k, r.neet[k]);
  }
  return {
    name: 'national',
    title: `National measures (DfE definitions), birthdays ${n.from} to ${n.to}`,
    columns: NATIONAL_COLUMNS,
    rows,
  };
}

export const ENGAGEMENT_COLUMNS = [
  'period_from',
  'period_to',
  'team',
  'plans_authorised',
  'voice',
  'plans',
  'plans_percent',
  'young_people',
  'used_own_sign_in',
  'used_own_sign_in_percent',
  'checked_in',
  'checked_in_percent',
] as const;

/** Voice and engagement: one row per period, team (`all` for all teams) and way the checklist was completed. */
export function engagementTable(periods: readonly EngagementPeriod[]): ExportTable {
  return {
    name: 'engagement',
    title: 'Voice and engagement, by quarter and team',
    columns: ENGAGEMENT_COLUMNS,
    rows: periods.flatMap((p) =>
      p.rows.flatMap((r) =>
        VOICE_ROWS.map((v) => ({
          period_from: p.from,
          period_to: p.to,
          team: r.team ?? 'all',
          plans_authorised: countCell(r.authorised),
          voice: v,
          plans: countCell(r.voice[v].count),
          plans_percent: percentCell(r.voice[v].percent),
          young_people: countCell(r.people),
          used_own_sign_in: countCell(r.ownUse.count),
          used_own_sign_in_percent: percentCell(r.ownUse.percent),
          checked_in: countCell(r.checkedIn.count),
          checked_in_percent: percentCell(r.checkedIn.percent),
        })),
      ),
    ),
  };
}

/**
 * Every table of a dashboard, in sheet order; the help list only when one is given (permitted roles). The same
 * tables whatever the format (CSV, JSON, spreadsheet), all from one protected output.
 */
export function dashboardTables(
  data: DashboardData,
  helpList?: readonly HelpListEntry[],
  options: { readonly nationalRounding?: Rounding } = {},
): ExportTable[] {
  const tables = [
    domainTable(data.aggregates),
    questionTable(data.aggregates),
    trendTable(data.trends),
    moodTable(data.moods),
    cohortTable(data.cohorts),
    costTable(data.costs),
    nationalTable(data.national, options.nationalRounding),
    engagementTable(data.engagement),
  ];
  if (helpList) tables.push(helpListTable(helpList));
  return tables;
}

/** A table as CSV. */
export function tableToCsv(t: ExportTable): string {
  return toCsv(t.columns, t.rows);
}

/** Tables as one JSON document: `{ tables: [{ name, title, columns, rows }] }`, rows as objects. */
export function tablesToJson(tables: readonly ExportTable[], extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...extra, tables }, null, 2)}\n`;
}

export const PEOPLE_COLUMNS = [...PERSON_COLUMNS, 'IN_TOUCH', 'ACTIV', 'ACCOM', 'needs_help_questions'] as const;

/** Person-level rows. Build them with personList, which only permitted roles can call. */
export function peopleTable(rows: readonly PersonRow[]): ExportTable {
  return {
    name: 'people',
    title: 'Young people counted',
    columns: PEOPLE_COLUMNS,
    rows: rows.map((r) => ({
      ...personColumns(r),
      IN_TOUCH: r.inTouch,
      ACTIV: r.activity,
      ACCOM: r.accommodation,
      needs_help_questions: r.needsHelp.join(' '),
    })),
  };
}
