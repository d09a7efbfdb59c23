// One plain sentence per chart, made from the same numbers the chart shows, so that someone who cannot see the
// chart gets its point. Hidden numbers are named as "fewer than 5", never guessed.
import {
  type Aggregates,
  type CohortComparison,
  type CohortMeasure,
  type DomainId,
  type EngagementPeriod,
  FEWER_THAN_5,
  type Figure,
  formatPercent,
  type MoodPoint,
  type NationalMeasures,
  roundTo,
  type TrendPoint,
} from '@onward/engine';
import { GROUP_LABELS, type Labels, MEASURE_LABELS, monthName } from './labels.js';

const pct = (f: Figure) => formatPercent(f);

function change(now: Figure, before: Figure, when: string): string {
  if (now.value === null || before.value === null) return '';
  const a = roundTo(now.value, 0);
  const b = roundTo(before.value, 0);
  if (a === b) return `, the same as in ${when}`;
  return `, ${a > b ? 'up' : 'down'} from ${b}% in ${when}`;
}

/** "38% of young people said "no" to "Can you …?", up from 31% in May 2025." */
export function questionSummary(
  labels: Labels,
  questionId: string,
  now: TrendPoint | Aggregates,
  before?: TrendPoint,
): string {
  const q = now.questions.find((x) => x.id === questionId);
  const text = `“${labels.question(questionId)}”`;
  if (!q || (q.answered.value === 0 && !q.answered.suppressed)) return `Nobody has answered ${text} yet.`;
  if (q.percent.no.secondary)
    return `How many said “no” to ${text} is hidden, so that a small number cannot be worked out.`;
  if (q.percent.no.suppressed) return `${FEWER_THAN_5} young people answered ${text}, or fewer than 5 said “no”.`;
  const prev = before?.questions.find((x) => x.id === questionId);
  const tail = prev && before ? change(q.percent.no, prev.percent.no, monthName(before.month)) : '';
  return `${pct(q.percent.no)} of young people who answered said “no” to ${text}${tail}.`;
}

/** Which area of life most young people need help with. */
export function domainSummary(labels: Labels, a: Aggregates): string {
  const shown = a.domains.filter((d) => d.percentPeopleNeedingHelp.value !== null);
  if (!shown.length) {
    return a.domains.some((d) => d.percentPeopleNeedingHelp.suppressed)
      ? `The numbers are too small to show: ${FEWER_THAN_5} young people in each area.`
      : 'Nobody has answered any questions yet.';
  }
  const top = shown.reduce((x, y) =>
    (y.percentPeopleNeedingHelp.value ?? 0) > (x.percentPeopleNeedingHelp.value ?? 0) ? y : x,
  );
  return `Young people most often need help with ${labels.domain(top.id).toLowerCase()}: ${pct(top.percentPeopleNeedingHelp)} of those who answered questions about it.`;
}

/**
 * Per-question summary inside a domain: the question with the most "no" answers, and how that changed since
 * `before` (e.g. the first month of the trends) when given.
 */
export function domainQuestionsSummary(labels: Labels, a: Aggregates, domain: DomainId, before?: TrendPoint): string {
  const qs = a.questions.filter((q) => q.domain === domain && q.percent.no.value !== null);
  if (!qs.length) return `There are no answers to show for ${labels.domain(domain).toLowerCase()}.`;
  const top = qs.reduce((x, y) => ((y.percent.no.value ?? 0) > (x.percent.no.value ?? 0) ? y : x));
  const prev = before?.questions.find((x) => x.id === top.id);
  const tail = prev && before ? change(top.percent.no, prev.percent.no, monthName(before.month)) : '';
  return `In ${labels.domain(domain).toLowerCase()}, the most “no” answers were to “${labels.question(top.id)}”: ${pct(top.percent.no)} of those who answered${tail}.`;
}

/** Trend line for one question from the first to the last month with a number. */
export function trendSummary(labels: Labels, points: readonly TrendPoint[], questionId: string): string {
  const withValue = points.filter((p) => p.questions.find((q) => q.id === questionId)?.percent.no.value != null);
  const last = points[points.length - 1];
  if (!last) return 'There are no months to show.';
  if (!withValue.length) return `There are not enough answers to “${labels.question(questionId)}” to show a trend.`;
  const end = withValue[withValue.length - 1]!;
  const start = withValue[0]!;
  const q = end.questions.find((x) => x.id === questionId)!;
  const head = `In ${monthName(end.month)}, ${pct(q.percent.no)} of young people who answered said “no” to “${labels.question(questionId)}”`;
  if (start === end) return `${head}.`;
  return `${head}${change(q.percent.no, start.questions.find((x) => x.id === questionId)!.percent.no, monthName(start.month))}.`;
}

/** Moods for one domain: the share feeling good in the last month with check-ins. */
export function moodSummary(labels: Labels, points: readonly MoodPoint[], domain: DomainId): string {
  const withValue = points.filter((p) => p.domains.find((d) => d.id === domain)?.percent.good.value != null);
  if (!withValue.length) return `There are not enough check-ins about ${labels.domain(domain).toLowerCase()} to show.`;
  const end = withValue[withValue.length - 1]!;
  const start = withValue[0]!;
  const d = end.domains.find((x) => x.id === domain)!;
  const head = `In ${monthName(end.month)}, ${pct(d.percent.good)} of young people who checked in felt good about ${labels.domain(domain).toLowerCase()}`;
  if (start === end) return `${head}.`;
  return `${head}${change(d.percent.good, start.domains.find((x) => x.id === domain)!.percent.good, monthName(start.month))}.`;
}

/** How a Staying Put comparison's rates are read: now of everyone, now of those in touch, or at any point. */
export type CohortBasis = 'latest' | 'latest-in-touch' | 'ever';

/** The figure of one measure for one group, read on a basis. */
export function cohortFigure(g: CohortComparison['groups'][number], measure: CohortMeasure, basis: CohortBasis) {
  const m = g.measures.find((x) => x.measure === measure)!;
  return basis === 'latest'
    ? m.latest.percentOfAll
    : basis === 'latest-in-touch'
      ? m.latest.percentOfInTouch
      : m.ever.percentOfAll;
}

/** Staying Put against other care leavers of the same ages on one measure, saying whom each rate is of. */
export function cohortSummary(c: CohortComparison, measure: CohortMeasure, basis: CohortBasis = 'latest'): string {
  const [sp, other] = c.groups;
  const label = MEASURE_LABELS[measure].toLowerCase();
  const a = cohortFigure(sp, measure, basis);
  const b = cohortFigure(other, measure, basis);
  const ages = `aged ${c.ages.min} to ${c.ages.max}`;
  if (a.value === null && !a.suppressed)
    return `There are no young people ${ages} in ${GROUP_LABELS['staying-put']} to compare.`;
  const scope =
    basis === 'latest'
      ? 'of everyone in the group'
      : basis === 'latest-in-touch'
        ? 'of those in touch'
        : 'at some point in the period';
  return `${pct(a)} of young people ${ages} in Staying Put (${scope}) were ${label}, against ${b.secondary ? 'a hidden share' : pct(b)} of other care leavers of the same ages.`;
}

/** The national headline for one measure and the 19 to 21 band (17 to 18 when 19 to 21 has no one). */
export function nationalSummary(
  n: NationalMeasures,
  measure: 'accommodation' | 'activity',
  basis: 'all' | 'in-touch',
): string {
  const band =
    n.rows.find((r) => r.row === '19-21' && (r.population.value ?? 1) > 0) ?? n.rows.find((r) => r.row === '17-18')!;
  const ages = band.row === '19-21' ? '19 to 21' : '17 to 18';
  if (band.population.value === 0) return 'No care leavers had a 17th to 21st birthday in this period.';
  const f = measure === 'accommodation' ? band.accommodation.suitable : band.activity.eet;
  const none = measure === 'accommodation' ? band.accommodation['no-information'] : band.activity['no-information'];
  const what =
    measure === 'accommodation' ? 'lived in suitable accommodation' : 'were in education, employment or training';
  const main = basis === 'all' ? f.percentOfAll : f.percentOfInTouch;
  const scope = basis === 'all' ? 'of all care leavers' : 'of those the council was in touch with';
  return `${pct(main)} of care leavers aged ${ages} ${what} (${scope}; ${pct(none.percentOfAll)} of all had no information).`;
}

/** Voice: the share of plans the young person completed on their own, and of those together. */
export function engagementSummary(periods: readonly EngagementPeriod[]): string {
  const last = periods[periods.length - 1];
  const all = last?.rows[0];
  if (!last || !all || all.authorised.value === 0) return 'No plans were authorised in this period.';
  const alone = all.voice['young-person'].percent;
  const together = all.voice['together-in-person'].percent;
  const phone = all.voice['together-by-phone'].percent;
  return `Of the plans authorised from ${last.from} to ${last.to}, the young person completed ${pct(alone)} of checklists on their own, ${pct(together)} with their worker in person and ${pct(phone)} by phone; ${pct(all.ownUse.percent)} of young people used their own sign-in.`;
}
