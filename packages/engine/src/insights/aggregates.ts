// Per question and per domain counts, as at one date or month by month, in one pass over the index.

import { DOMAINS, type DomainId, type QuestionKind } from '../content/question-set.js';
import {
  ANSWER_HELP,
  ANSWER_NEEDS_HELP,
  ANSWER_VALUE_MASK,
  type InsightsIndex,
  MOODS,
  type Mood,
} from './build-index.js';
import { formatDay, monthEnds, monthKey, parseDay, todayDay } from './dates.js';
import { InsightsInputError } from './errors.js';
import { compileFilter, type InsightsFilters } from './filters.js';
import { assertMaySeeInsights, exactFor, type Viewer } from './roles.js';
import { complementary, countFigure, type Figure, percentFigure, SECONDARY } from './suppression.js';

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
export function countAt(index: InsightsIndex, days: readonly number[], filters: InsightsFilters = {}): Int32Array[] {
  const filter = compileFilter(index, filters);
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
  options: { asAt?: string; filters?: InsightsFilters } = {},
): RawAggregates {
  const day = resolveAsAt(options.asAt);
  const [acc] = countAt(index, [day], options.filters);
  return toRaw(index, acc!, day);
}

/** Raw counts at each month end from `from`'s month to `to`'s month (the last month is as at `to` if earlier). */
export function rawTrends(
  index: InsightsIndex,
  options: { from: string; to?: string; filters?: InsightsFilters },
): RawAggregates[] {
  const from = parseDay(options.from, 'from');
  const to = resolveAsAt(options.to, 'to');
  if (to < from) throw new InsightsInputError('to', 'is before "from"');
  const days = monthEnds(from, to).map((d) => Math.min(d, to));
  if (days.length > 600) throw new InsightsInputError('from', 'makes a period longer than 50 years');
  return countAt(index, days, options.filters).map((acc, k) => toRaw(index, acc, days[k]!));
}

// ---------------------------------------------------------------------------------------------------------------
// Presented (suppression applied for the viewer).

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

function presentCounts(c: QuestionCounts, exact: boolean) {
  const out = {
    answered: countFigure(c.answered, exact),
    yes: countFigure(c.yes, exact),
    no: countFigure(c.no, exact),
    notRelevant: countFigure(c.notRelevant, exact),
    help: countFigure(c.help, exact),
    needsHelp: countFigure(c.needsHelp, exact),
    percent: {
      yes: percentFigure(c.yes, c.answered, exact),
      no: percentFigure(c.no, c.answered, exact),
      notRelevant: percentFigure(c.notRelevant, c.answered, exact),
      help: percentFigure(c.help, c.answered, exact),
      needsHelp: percentFigure(c.needsHelp, c.answered, exact),
    },
  };
  if (exact) return out;
  // yes + no + not relevant = answered: hide a second one where one small number could be worked out.
  const keys = ['yes', 'no', 'notRelevant'] as const;
  for (const i of complementary([c.yes, c.no, c.notRelevant], out.answered.suppressed)) {
    const k = keys[i]!;
    out[k] = SECONDARY;
    out.percent[k] = SECONDARY;
  }
  return out;
}

/** Apply the viewer's suppression to raw counts. */
export function presentAggregates(
  index: InsightsIndex,
  raw: RawAggregates,
  viewer: Viewer,
  filters: InsightsFilters = {},
): Aggregates {
  assertMaySeeInsights(viewer);
  const exact = exactFor(viewer, filters);
  const questions = index.questionSet.questions.map((q) => ({
    id: q.id,
    domain: q.domain,
    kind: q.kind,
    ...presentCounts(raw.questions.get(q.id)!, exact),
  }));
  const domains = DOMAINS.map((id) => {
    const d = raw.domains.get(id)!;
    return {
      id,
      ...presentCounts(d, exact),
      peopleAnswered: countFigure(d.peopleAnswered, exact),
      peopleNeedingHelp: countFigure(d.peopleNeedingHelp, exact),
      percentPeopleNeedingHelp: percentFigure(d.peopleNeedingHelp, d.peopleAnswered, exact),
    };
  });
  return { asAt: raw.asAt, filters, exact, population: countFigure(raw.population, exact), questions, domains };
}

export interface AggregatesQuery {
  /** `YYYY-MM-DD`; default today (UTC). Each young person's latest plan authorised on or before it is counted. */
  readonly asAt?: string;
  readonly filters?: InsightsFilters;
}

/** Per question and per domain figures as at a date, with small numbers hidden unless the viewer may see them. */
export function aggregates(index: InsightsIndex, query: AggregatesQuery, viewer: Viewer): Aggregates {
  assertMaySeeInsights(viewer);
  return presentAggregates(index, rawAggregates(index, query), viewer, query.filters);
}

export interface TrendPoint extends Aggregates {
  /** `YYYY-MM`. */
  readonly month: string;
}

export interface TrendsQuery {
  /** First month (any day in it), `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD`; default today. Each month is counted as at its last day (or `to`). */
  readonly to?: string;
  readonly filters?: InsightsFilters;
}

/** The same figures month by month, each as at the month end, from the history of plans. */
export function trends(index: InsightsIndex, query: TrendsQuery, viewer: Viewer): TrendPoint[] {
  assertMaySeeInsights(viewer);
  return rawTrends(index, query).map((raw) => ({
    month: raw.asAt.slice(0, 7),
    ...presentAggregates(index, raw, viewer, query.filters),
  }));
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

/**
 * Check-in moods month by month. Each young person counts once a month, with their last check-in of that month, so
 * someone who checks in every day weighs no more than someone who checks in once. Young people count from their
 * first authorised plan (filters read that plan as at the month end).
 */
export function moodTrends(index: InsightsIndex, query: TrendsQuery, viewer: Viewer): MoodPoint[] {
  assertMaySeeInsights(viewer);
  const exact = exactFor(viewer, query.filters);
  const from = parseDay(query.from, 'from');
  const to = resolveAsAt(query.to, 'to');
  if (to < from) throw new InsightsInputError('to', 'is before "from"');
  const ends = monthEnds(from, to).map((d) => Math.min(d, to));
  const filter = compileFilter(index, query.filters);
  const nd = DOMAINS.length;
  // per month: people, then per domain good, ok, bad, help.
  const width = 1 + nd * 4;
  const acc = new Int32Array(ends.length * width);
  const { personPlanStart, planDay, personCheckInStart, checkInDay, checkInMoods } = index;
  const monthStart = ends.map((d) => Math.floor(d / 100) * 100 + 1);
  monthStart[0] = Math.max(monthStart[0] ?? 0, from);
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
      // Last check-in in [monthStart, day].
      while (c < c1 && checkInDay[c]! < monthStart[k]!) c++;
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
      people: countFigure(acc[o]!, exact),
      domains: DOMAINS.map((id, d) => {
        const b = o + 1 + d * 4;
        const counts: Record<Mood | 'help', number> = {
          good: acc[b]!,
          ok: acc[b + 1]!,
          bad: acc[b + 2]!,
          help: acc[b + 3]!,
        };
        const responded = counts.good + counts.ok + counts.bad;
        const figures = {
          id,
          responded: countFigure(responded, exact),
          good: countFigure(counts.good, exact),
          ok: countFigure(counts.ok, exact),
          bad: countFigure(counts.bad, exact),
          help: countFigure(counts.help, exact),
          percent: {
            good: percentFigure(counts.good, responded, exact),
            ok: percentFigure(counts.ok, responded, exact),
            bad: percentFigure(counts.bad, responded, exact),
            help: percentFigure(counts.help, responded, exact),
          },
        };
        if (!exact)
          for (const i of complementary([counts.good, counts.ok, counts.bad], figures.responded.suppressed)) {
            const k = MOODS[i]!;
            figures[k] = SECONDARY;
            figures.percent[k] = SECONDARY;
          }
        return figures;
      }),
    };
  });
}

export { MOODS };
