// Per question and per domain counts, as at one date or month by month, in one pass over the index.

import { DOMAINS, type DomainId, type QuestionKind } from '../content/question-set.js';
import { ANSWER_HELP, ANSWER_NEEDS_HELP, ANSWER_VALUE_MASK, type InsightsIndex, MOODS } from './build-index.js';
import { dayAfter, formatDay, monthKey, parseDay, todayDay } from './dates.js';
import { InsightsInputError } from './errors.js';
import { compileFilter, type InsightsFilters } from './filters.js';
import { OutputCells } from './protect.js';
import { reportingDayFor, reportingDays } from './reporting.js';
import { assertMaySeeInsights, exactFor, type Viewer } from './roles.js';
import { DEFAULT_INSIGHTS_SETTINGS, type InsightsSettings, insightsSettings } from './settings.js';
import { cellFigure, type Figure, ratioFigure } from './suppression.js';

/** Raw counts for one question among the young people counted. */
export interface QuestionCounts {
  readonly yes: number;
  readonly no: number;
  readonly notRelevant: number;
  /** yes + no + not relevant. */
  readonly answered: number;
  /** Ticked "I'd like help with this". */
  readonly help: number;
  /** Ticked help, or said "no" to "are you getting enough help with …?". */
  readonly needsHelp: number;
}

/** Raw counts as at one date. Never shown as they are: see presentAggregates. */
export interface RawAggregates {
  readonly asAt: string;
  /** Young people with an authorised plan on or before the date who match the filters. */
  readonly population: number;
  readonly questions: ReadonlyMap<string, QuestionCounts>;
  /** Answers summed over the domain's questions; `peopleAnswered` / `peopleNeedingHelp` count young people. */
  readonly domains: ReadonlyMap<DomainId, QuestionCounts & { peopleAnswered: number; peopleNeedingHelp: number }>;
}

// Accumulator layout: per question 5 slots (yes, no, not relevant, help, needs help), then per domain 2 slots
// (people answered, people needing help), then the population.
const Q_SLOTS = 5;

function slotCount(index: InsightsIndex): number {
  return index.questionCount * Q_SLOTS + DOMAINS.length * 2 + 1;
}

function addPlan(index: InsightsIndex, acc: Int32Array, offset: number, row: number, sign: number): void {
  const qc = index.questionCount;
  const answers = index.planAnswers;
  const base = row * qc;
  for (let q = 0; q < qc; q++) {
    const code = answers[base + q]!;
    if (code === 0) continue;
    const s = offset + q * Q_SLOTS;
    acc[s + (code & ANSWER_VALUE_MASK) - 1]! += sign;
    if (code & ANSWER_HELP) acc[s + 3]! += sign;
    if (code & ANSWER_NEEDS_HELP) acc[s + 4]! += sign;
  }
  const d0 = offset + qc * Q_SLOTS;
  const answered = index.planDomainAnswered[row]!;
  const help = index.planDomainNeedsHelp[row]!;
  for (let d = 0; d < DOMAINS.length; d++) {
    if (answered & (1 << d)) acc[d0 + d * 2]! += sign;
    if (help & (1 << d)) acc[d0 + d * 2 + 1]! += sign;
  }
  acc[d0 + DOMAINS.length * 2]! += sign;
}

function addCode(acc: Int32Array, s: number, code: number, sign: number): void {
  acc[s + (code & ANSWER_VALUE_MASK) - 1]! += sign;
  if (code & ANSWER_HELP) acc[s + 3]! += sign;
  if (code & ANSWER_NEEDS_HELP) acc[s + 4]! += sign;
}

/** Replace one plan's contribution by another's in one pass, skipping answers that did not change. */
function swapPlan(index: InsightsIndex, acc: Int32Array, offset: number, from: number, to: number): void {
  const qc = index.questionCount;
  const answers = index.planAnswers;
  const a0 = from * qc;
  const b0 = to * qc;
  for (let q = 0; q < qc; q++) {
    const a = answers[a0 + q]!;
    const b = answers[b0 + q]!;
    if (a === b) continue;
    const s = offset + q * Q_SLOTS;
    if (a) addCode(acc, s, a, -1);
    if (b) addCode(acc, s, b, 1);
  }
  const d0 = offset + qc * Q_SLOTS;
  const answered = index.planDomainAnswered[from]! ^ index.planDomainAnswered[to]!;
  const help = index.planDomainNeedsHelp[from]! ^ index.planDomainNeedsHelp[to]!;
  if (answered | help)
    for (let d = 0; d < DOMAINS.length; d++) {
      if (answered & (1 << d)) acc[d0 + d * 2]! += index.planDomainAnswered[to]! & (1 << d) ? 1 : -1;
      if (help & (1 << d)) acc[d0 + d * 2 + 1]! += index.planDomainNeedsHelp[to]! & (1 << d) ? 1 : -1;
    }
}

/**
 * Counts as at each of `days` (ascending yyyymmdd), each young person counted once with the plan in force that day.
 * Work is done only when a young person's plan or filter membership changes between two days, so many months cost
 * little more than one.
 */
export function countAt(
  index: InsightsIndex,
  days: readonly number[],
  filters: InsightsFilters = {},
  settings: InsightsSettings = DEFAULT_INSIGHTS_SETTINGS,
): Int32Array[] {
  const filter = compileFilter(index, filters, { settings });
  const slots = slotCount(index);
  const m = days.length;
  const delta = new Int32Array(slots * m);
  const { personPlanStart, planDay } = index;
  for (let p = 0; p < index.personCount; p++) {
    const start = personPlanStart[p]!;
    const end = personPlanStart[p + 1]!;
    if (start === end) continue;
    let ptr = start - 1;
    let prevRow = -1;
    let prevIn = false;
    for (let k = 0; k < m; k++) {
      const day = days[k]!;
      while (ptr + 1 < end && planDay[ptr + 1]! <= day) ptr++;
      const row = ptr >= start ? ptr : -1;
      const included = row >= 0 && filter.matches(row, p, day);
      if (included === prevIn && (!included || row === prevRow)) continue;
      if (prevIn && included) swapPlan(index, delta, k * slots, prevRow, row);
      else if (prevIn) addPlan(index, delta, k * slots, prevRow, -1);
      else addPlan(index, delta, k * slots, row, 1);
      prevRow = row;
      prevIn = included;
    }
  }
  const out: Int32Array[] = [];
  for (let k = 0; k < m; k++) {
    const cur = delta.subarray(k * slots, (k + 1) * slots);
    if (k > 0) {
      const prev = out[k - 1]!;
      for (let s = 0; s < slots; s++) cur[s]! += prev[s]!;
    }
    out.push(cur);
  }
  return out;
}

function toRaw(index: InsightsIndex, acc: Int32Array, day: number): RawAggregates {
  const questions = new Map<string, QuestionCounts>();
  const domains = new Map<DomainId, QuestionCounts & { peopleAnswered: number; peopleNeedingHelp: number }>();
  const sums = DOMAINS.map(() => ({ yes: 0, no: 0, notRelevant: 0, answered: 0, help: 0, needsHelp: 0 }));
  index.questionSet.questions.forEach((q, i) => {
    const s = i * Q_SLOTS;
    const c = {
      yes: acc[s]!,
      no: acc[s + 1]!,
      notRelevant: acc[s + 2]!,
      answered: acc[s]! + acc[s + 1]! + acc[s + 2]!,
      help: acc[s + 3]!,
      needsHelp: acc[s + 4]!,
    };
    questions.set(q.id, c);
    const d = sums[index.questionDomain[i]!]!;
    d.yes += c.yes;
    d.no += c.no;
    d.notRelevant += c.notRelevant;
    d.answered += c.answered;
    d.help += c.help;
    d.needsHelp += c.needsHelp;
  });
  const d0 = index.questionCount * Q_SLOTS;
  DOMAINS.forEach((id, d) => {
    domains.set(id, { ...sums[d]!, peopleAnswered: acc[d0 + d * 2]!, peopleNeedingHelp: acc[d0 + d * 2 + 1]! });
  });
  return { asAt: formatDay(day), population: acc[d0 + DOMAINS.length * 2]!, questions, domains };
}

/** Resolve an optional `YYYY-MM-DD` "as at" date (default today, UTC). */
export function resolveAsAt(asAt: string | undefined, field = 'asAt'): number {
  return asAt === undefined ? todayDay() : parseDay(asAt, field);
}

/** Raw counts as at a date (default today): each young person's latest plan authorised on or before it. */
export function rawAggregates(
  index: InsightsIndex,
  options: { asAt?: string; filters?: InsightsFilters; settings?: Partial<InsightsSettings> } = {},
): RawAggregates {
  const day = resolveAsAt(options.asAt);
  const [acc] = countAt(index, [day], options.filters, insightsSettings(options.settings));
  return toRaw(index, acc!, day);
}

/**
 * Raw counts at each month end from `from`'s month to `to`'s month (the last month is as at `to` if earlier); with
 * `period: 'quarter'`, at each quarter end.
 */
export function rawTrends(
  index: InsightsIndex,
  options: {
    from: string;
    to?: string;
    filters?: InsightsFilters;
    settings?: Partial<InsightsSettings>;
    period?: 'month' | 'quarter';
  },
): RawAggregates[] {
  const from = parseDay(options.from, 'from');
  const to = resolveAsAt(options.to, 'to');
  if (to < from) throw new InsightsInputError('to', 'is before "from"');
  const days = reportingDays(from, to, options.period ?? 'month');
  if (days.length > 600) throw new InsightsInputError('from', 'makes a period longer than 50 years');
  return countAt(index, days, options.filters, insightsSettings(options.settings)).map((acc, k) =>
    toRaw(index, acc, days[k]!),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Presented (suppression applied for the viewer, as one output).

export interface QuestionInsight {
  readonly id: string;
  readonly domain: DomainId;
  readonly kind: QuestionKind;
  readonly answered: Figure;
  readonly yes: Figure;
  readonly no: Figure;
  readonly notRelevant: Figure;
  readonly help: Figure;
  readonly needsHelp: Figure;
  /** Percentages of those who answered. */
  readonly percent: {
    readonly yes: Figure;
    readonly no: Figure;
    readonly notRelevant: Figure;
    readonly help: Figure;
    readonly needsHelp: Figure;
  };
}

export interface DomainInsight extends Omit<QuestionInsight, 'id' | 'domain' | 'kind'> {
  readonly id: DomainId;
  /** Young people who answered at least one question in the domain. */
  readonly peopleAnswered: Figure;
  /** Young people needing help with at least one question in the domain. */
  readonly peopleNeedingHelp: Figure;
  /** peopleNeedingHelp as a percentage of peopleAnswered. */
  readonly percentPeopleNeedingHelp: Figure;
}

export interface Aggregates {
  readonly asAt: string;
  readonly filters: InsightsFilters;
  /** False when small numbers are hidden for this viewer. */
  readonly exact: boolean;
  readonly population: Figure;
  readonly questions: readonly QuestionInsight[];
  readonly domains: readonly DomainInsight[];
}

type CountIds = Record<'answered' | 'yes' | 'no' | 'notRelevant' | 'help' | 'needsHelp', number>;

function countIds(cells: OutputCells, c: QuestionCounts): CountIds {
  const ids = {
    answered: cells.count(c.answered),
    yes: cells.count(c.yes),
    no: cells.count(c.no),
    notRelevant: cells.count(c.notRelevant),
    help: cells.count(c.help),
    needsHelp: cells.count(c.needsHelp),
  };
  cells.sum(ids.answered, [ids.yes, ids.no, ids.notRelevant]);
  // A help tick needs an answer: those who answered without asking for help are a group of their own.
  cells.contains(ids.answered, ids.help);
  return ids;
}

function countFigures(cells: OutputCells, ids: CountIds) {
  const f = (id: number) => cellFigure(cells, id);
  const pct = (id: number) => ratioFigure(cells, id, ids.answered);
  return {
    answered: f(ids.answered),
    yes: f(ids.yes),
    no: f(ids.no),
    notRelevant: f(ids.notRelevant),
    help: f(ids.help),
    needsHelp: f(ids.needsHelp),
    percent: {
      yes: pct(ids.yes),
      no: pct(ids.no),
      notRelevant: pct(ids.notRelevant),
      help: pct(ids.help),
      needsHelp: pct(ids.needsHelp),
    },
  };
}

/**
 * Register one "as at" point's counts and the sums between them in an output; returns what builds its figures once
 * the output is protected. The sums: yes + no + not relevant = answered for each question and each area of life;
 * an area's counts are the sums of its questions'; needing help is the help ticks (plus, for "are you getting
 * enough help?", the "no" answers); those who need help in an area are among those who answered in it.
 */
export function registerAggregates(
  cells: OutputCells,
  index: InsightsIndex,
  raw: RawAggregates,
  filters: InsightsFilters,
  exact: boolean,
): { population: number; build: () => Aggregates } {
  const population = cells.count(raw.population);
  const qIds = index.questionSet.questions.map((q) => {
    const c = raw.questions.get(q.id)!;
    const ids = countIds(cells, c);
    if (q.kind === 'help') {
      // needs help = help ticks + "no" answers without one = "no" answers + help ticks on other answers.
      cells.contains(ids.needsHelp, ids.help);
      cells.contains(ids.needsHelp, ids.no);
    } else cells.sum(ids.needsHelp, [ids.help]);
    return ids;
  });
  const dIds = DOMAINS.map((id, d) => {
    const c = raw.domains.get(id)!;
    const ids = countIds(cells, c);
    const mine = qIds.filter((_, i) => index.questionDomain[i] === d);
    for (const k of ['answered', 'yes', 'no', 'notRelevant', 'help', 'needsHelp'] as const)
      cells.sum(
        ids[k],
        mine.map((x) => x[k]),
      );
    const peopleAnswered = cells.count(c.peopleAnswered);
    const peopleNeedingHelp = cells.count(c.peopleNeedingHelp);
    cells.contains(peopleAnswered, peopleNeedingHelp);
    return { ids, peopleAnswered, peopleNeedingHelp };
  });
  return {
    population,
    build: () => ({
      asAt: raw.asAt,
      filters,
      exact,
      population: cellFigure(cells, population),
      questions: index.questionSet.questions.map((q, i) => ({
        id: q.id,
        domain: q.domain,
        kind: q.kind,
        ...countFigures(cells, qIds[i]!),
      })),
      domains: DOMAINS.map((id, d) => {
        const x = dIds[d]!;
        return {
          id,
          ...countFigures(cells, x.ids),
          peopleAnswered: cellFigure(cells, x.peopleAnswered),
          peopleNeedingHelp: cellFigure(cells, x.peopleNeedingHelp),
          percentPeopleNeedingHelp: ratioFigure(cells, x.peopleNeedingHelp, x.peopleAnswered),
        };
      }),
    }),
  };
}

/** Apply the viewer's suppression to raw counts (this point alone is the output). */
export function presentAggregates(
  index: InsightsIndex,
  raw: RawAggregates,
  viewer: Viewer,
  filters: InsightsFilters = {},
  settings: Partial<InsightsSettings> = {},
): Aggregates {
  assertMaySeeInsights(viewer);
  const exact = exactFor(viewer, filters);
  const cells = new OutputCells(insightsSettings(settings).suppressionThreshold);
  const { build } = registerAggregates(cells, index, raw, filters, exact);
  cells.protect(exact);
  return build();
}

export interface AggregatesQuery {
  /**
   * `YYYY-MM-DD`; default today (UTC). Each young person's latest plan authorised on or before it is counted. For a
   * viewer who may not see individuals the figures are as at the last reporting date on or before it (see
   * reporting.ts): the answer's `asAt` says which.
   */
  readonly asAt?: string;
  readonly filters?: InsightsFilters;
  /** The council's choices (threshold, reporting period, who is counted); default DEFAULT_INSIGHTS_SETTINGS. */
  readonly settings?: Partial<InsightsSettings>;
}

/** Per question and per domain figures as at a date, with small numbers hidden unless the viewer may see them. */
export function aggregates(index: InsightsIndex, query: AggregatesQuery, viewer: Viewer): Aggregates {
  assertMaySeeInsights(viewer);
  const settings = insightsSettings(query.settings);
  const asAt = formatDay(reportingDayFor(viewer, query.filters, resolveAsAt(query.asAt), settings));
  const raw = rawAggregates(index, { asAt, ...(query.filters ? { filters: query.filters } : {}), settings });
  return presentAggregates(index, raw, viewer, query.filters, settings);
}

export interface TrendPoint extends Aggregates {
  /** `YYYY-MM`. */
  readonly month: string;
}

export interface TrendsQuery {
  /** First month (any day in it), `YYYY-MM-DD`. */
  readonly from: string;
  /**
   * Last day, `YYYY-MM-DD`; default today. Each month is counted as at its last day (or `to`); for a viewer who may
   * not see individuals, only at reporting dates.
   */
  readonly to?: string;
  readonly filters?: InsightsFilters;
  readonly settings?: Partial<InsightsSettings>;
}

/** Register trend points (each a point of the same output). */
export function registerTrends(
  cells: OutputCells,
  index: InsightsIndex,
  raws: readonly RawAggregates[],
  filters: InsightsFilters,
  exact: boolean,
): () => TrendPoint[] {
  const builds = raws.map((raw) => registerAggregates(cells, index, raw, filters, exact).build);
  return () => builds.map((b, k) => ({ month: raws[k]!.asAt.slice(0, 7), ...b() }));
}

/** The raw trend points a viewer may be shown: every month end, or only reporting dates for suppressed viewers. */
export function viewerTrends(
  index: InsightsIndex,
  query: TrendsQuery,
  viewer: Viewer,
  settings: InsightsSettings,
): RawAggregates[] {
  const exact = exactFor(viewer, query.filters);
  const to = reportingDayFor(viewer, query.filters, resolveAsAt(query.to, 'to'), settings);
  const from = parseDay(query.from, 'from');
  if (to < from) return [];
  return rawTrends(index, {
    from: query.from,
    to: formatDay(to),
    ...(query.filters ? { filters: query.filters } : {}),
    settings,
    period: exact ? 'month' : settings.reportingPeriod,
  });
}

/** The same figures month by month, each as at the month end, from the history of plans. */
export function trends(index: InsightsIndex, query: TrendsQuery, viewer: Viewer): TrendPoint[] {
  assertMaySeeInsights(viewer);
  const settings = insightsSettings(query.settings);
  const exact = exactFor(viewer, query.filters);
  const cells = new OutputCells(settings.suppressionThreshold);
  const build = registerTrends(cells, index, viewerTrends(index, query, viewer, settings), query.filters ?? {}, exact);
  cells.protect(exact);
  return build();
}

// ---------------------------------------------------------------------------------------------------------------
// Check-in moods over time.

export interface MoodCounts {
  readonly good: number;
  readonly ok: number;
  readonly bad: number;
  /** Asked for help in the check-in. */
  readonly help: number;
}

export interface MoodPoint {
  readonly month: string;
  /** Young people who checked in during the month. */
  readonly people: Figure;
  readonly domains: readonly {
    readonly id: DomainId;
    readonly responded: Figure;
    readonly good: Figure;
    readonly ok: Figure;
    readonly bad: Figure;
    readonly help: Figure;
    readonly percent: { readonly good: Figure; readonly ok: Figure; readonly bad: Figure; readonly help: Figure };
  }[];
}

/** Raw check-in counts for one period: people who checked in, and per area good, ok, bad and help. */
export interface RawMoodPoint {
  readonly month: string;
  readonly people: number;
  readonly domains: readonly (MoodCounts & { readonly id: DomainId })[];
}

/**
 * Raw check-in moods per period (month ends, or the `days` given). Each young person counts once a period, with
 * their last check-in of that period, so someone who checks in every day weighs no more than someone who checks in
 * once. Young people count while they are counted as current (filters read their plan in force at the period end).
 */
export function rawMoodTrends(
  index: InsightsIndex,
  options: { days: readonly number[]; from: number; filters?: InsightsFilters; settings: InsightsSettings },
): RawMoodPoint[] {
  const ends = options.days;
  const filter = compileFilter(index, options.filters, { settings: options.settings });
  const nd = DOMAINS.length;
  // per period: people, then per domain good, ok, bad, help.
  const width = 1 + nd * 4;
  const acc = new Int32Array(ends.length * width);
  const { personPlanStart, planDay, personCheckInStart, checkInDay, checkInMoods } = index;
  // Each period starts the day after the previous one ended (the first: `from`).
  const periodStart = ends.map((_, k) => (k === 0 ? options.from : dayAfter(ends[k - 1]!)));
  for (let p = 0; p < index.personCount; p++) {
    const c0 = personCheckInStart[p]!;
    const c1 = personCheckInStart[p + 1]!;
    if (c0 === c1) continue;
    const start = personPlanStart[p]!;
    const end = personPlanStart[p + 1]!;
    let ptr = start - 1;
    let c = c0;
    for (let k = 0; k < ends.length; k++) {
      const day = ends[k]!;
      while (ptr + 1 < end && planDay[ptr + 1]! <= day) ptr++;
      // Last check-in in [periodStart, day].
      while (c < c1 && checkInDay[c]! < periodStart[k]!) c++;
      let last = -1;
      while (c < c1 && checkInDay[c]! <= day) last = c++;
      if (last < 0 || ptr < start || !filter.matches(ptr, p, day)) continue;
      const o = k * width;
      acc[o]! += 1;
      for (let d = 0; d < nd; d++) {
        const code = checkInMoods[last * 8 + d]!;
        if (code === 0) continue;
        acc[o + 1 + d * 4 + (code & 3) - 1]! += 1;
        if (code & 4) acc[o + 1 + d * 4 + 3]! += 1;
      }
    }
  }
  return ends.map((day, k) => {
    const o = k * width;
    return {
      month: monthKey(day),
      people: acc[o]!,
      domains: DOMAINS.map((id, d) => {
        const b = o + 1 + d * 4;
        return { id, good: acc[b]!, ok: acc[b + 1]!, bad: acc[b + 2]!, help: acc[b + 3]! };
      }),
    };
  });
}

/** Register mood points in an output: good + ok + bad = those who chose a mood; help asked among them. */
export function registerMoods(cells: OutputCells, points: readonly RawMoodPoint[]): () => MoodPoint[] {
  const ids = points.map((p) => ({
    people: cells.count(p.people),
    domains: p.domains.map((d) => {
      const x = {
        responded: cells.count(d.good + d.ok + d.bad),
        good: cells.count(d.good),
        ok: cells.count(d.ok),
        bad: cells.count(d.bad),
        help: cells.count(d.help),
      };
      cells.sum(x.responded, [x.good, x.ok, x.bad]);
      cells.contains(x.responded, x.help);
      return x;
    }),
  }));
  return () =>
    points.map((p, k) => {
      const i = ids[k]!;
      return {
        month: p.month,
        people: cellFigure(cells, i.people),
        domains: p.domains.map((d, j) => {
          const x = i.domains[j]!;
          const pct = (id: number) => ratioFigure(cells, id, x.responded);
          return {
            id: d.id,
            responded: cellFigure(cells, x.responded),
            good: cellFigure(cells, x.good),
            ok: cellFigure(cells, x.ok),
            bad: cellFigure(cells, x.bad),
            help: cellFigure(cells, x.help),
            percent: { good: pct(x.good), ok: pct(x.ok), bad: pct(x.bad), help: pct(x.help) },
          };
        }),
      };
    });
}

/** The mood periods a viewer may be shown (month ends; reporting dates for suppressed viewers). */
export function viewerMoods(
  index: InsightsIndex,
  query: TrendsQuery,
  viewer: Viewer,
  settings: InsightsSettings,
): RawMoodPoint[] {
  const exact = exactFor(viewer, query.filters);
  const from = parseDay(query.from, 'from');
  const requested = resolveAsAt(query.to, 'to');
  if (requested < from) throw new InsightsInputError('to', 'is before "from"');
  const to = reportingDayFor(viewer, query.filters, requested, settings);
  if (to < from) return [];
  const days = reportingDays(from, to, exact ? 'month' : settings.reportingPeriod);
  return rawMoodTrends(index, { days, from, ...(query.filters ? { filters: query.filters } : {}), settings });
}

/** Check-in moods month by month, with small numbers hidden unless the viewer may see them. */
export function moodTrends(index: InsightsIndex, query: TrendsQuery, viewer: Viewer): MoodPoint[] {
  assertMaySeeInsights(viewer);
  const settings = insightsSettings(query.settings);
  const exact = exactFor(viewer, query.filters);
  const cells = new OutputCells(settings.suppressionThreshold);
  const build = registerMoods(cells, viewerMoods(index, query, viewer, settings));
  cells.protect(exact);
  return build();
}

export { MOODS };
