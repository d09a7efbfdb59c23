// Person-level lists (who needs help with what), for the workers allowed to follow young people up.

import type { HelpReason } from '../answers/progress.js';
import type { DomainId } from '../content/question-set.js';
import { DOMAINS } from '../content/question-set.js';
import { resolveAsAt } from './aggregates.js';
import {
  ANSWER_HELP,
  ANSWER_NEEDS_HELP,
  ANSWER_NO,
  ANSWER_NOT_RELEVANT,
  ANSWER_VALUE_MASK,
  ANSWER_YES,
  CATEGORIES,
  type Category,
  type InsightsIndex,
  inStayingPutOn,
  planAsAt,
} from './build-index.js';
import { decodeAccom, decodeActiv, decodeInTouch } from './codes.js';
import { ageOn, formatDay } from './dates.js';
import { InsightsAccessError, InsightsInputError } from './errors.js';
import { type AgeBand, ageBandOf, compileFilter, type InsightsFilters } from './filters.js';
import { assertMaySeeInsights, seesIndividuals, type Viewer } from './roles.js';

export interface PersonSummary {
  readonly youngPersonId: string;
  readonly planId: string;
  readonly authorised: string;
  readonly council: string;
  readonly team: string;
  readonly paId: string;
  readonly age: number;
  readonly ageBand: AgeBand | null;
  readonly category: Category;
  readonly stayingPut: boolean;
}

export interface HelpListEntry extends PersonSummary {
  readonly questionId: string;
  readonly answer: 'yes' | 'no' | 'not-relevant';
  readonly reasons: readonly HelpReason[];
}

export interface HelpListQuery {
  /** A question id (`housing.internet`) or a domain id (`housing`: anyone needing help in that domain). */
  readonly question: string;
  readonly asAt?: string;
  readonly filters?: InsightsFilters;
}

/** Throws unless the viewer may see individuals; returns the extra filters their role limits them to. */
export function scopeForIndividuals(viewer: Viewer): InsightsFilters {
  assertMaySeeInsights(viewer);
  if (!seesIndividuals(viewer))
    throw new InsightsAccessError(`The ${viewer.role} role sees totals only, not lists of young people.`);
  if (viewer.role === 'pa') {
    if (!viewer.paId) throw new InsightsAccessError('A personal adviser sees only their own young people: give paId.');
    return { pa: [viewer.paId] };
  }
  if (viewer.team) return { team: [viewer.team] };
  return {};
}

function intersect(a: readonly string[] | undefined, b: readonly string[] | undefined): readonly string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.filter((x) => b.includes(x));
}

/** Merge the query's filters with the viewer's scope (the scope always wins). */
export function scopedFilters(filters: InsightsFilters = {}, scope: InsightsFilters): InsightsFilters {
  return { ...filters, pa: intersect(filters.pa, scope.pa), team: intersect(filters.team, scope.team) };
}

export function personSummary(index: InsightsIndex, p: number, row: number, day: number): PersonSummary {
  const age = ageOn(index.planDateOfBirth[row]!, day);
  return {
    youngPersonId: index.personIds[p]!,
    planId: index.planIds[row]!,
    authorised: formatDay(index.planDay[row]!),
    council: index.councils[index.planCouncil[row]!]!,
    team: index.teams[index.planTeam[row]!]!,
    paId: index.pas[index.planPa[row]!]!,
    age,
    ageBand: ageBandOf(age) ?? null,
    category: CATEGORIES[index.planCategory[row]!]!,
    stayingPut: inStayingPutOn(index, p, day),
  };
}

const VALUES = { [ANSWER_YES]: 'yes', [ANSWER_NO]: 'no', [ANSWER_NOT_RELEVANT]: 'not-relevant' } as const;

/**
 * The young people who need help with a question (or anywhere in a domain) on their plan in force on the date:
 * they ticked "I'd like help", or said "no" to "are you getting enough help with …?". Only for roles allowed to see
 * individuals; a PA sees only their own young people. Sorted by team, PA, then young person id.
 */
export function helpList(index: InsightsIndex, query: HelpListQuery, viewer: Viewer): HelpListEntry[] {
  const scope = scopeForIndividuals(viewer);
  const day = resolveAsAt(query.asAt);
  const set = index.questionSet;
  const isDomain = (DOMAINS as readonly string[]).includes(query.question);
  const qIndexes: number[] = [];
  set.questions.forEach((q, i) => {
    if (isDomain ? q.domain === (query.question as DomainId) : q.id === query.question) qIndexes.push(i);
  });
  if (!qIndexes.length) throw new InsightsInputError('question', `"${query.question}" is not a question or domain`);
  const filter = compileFilter(index, scopedFilters(query.filters, scope));
  const out: HelpListEntry[] = [];
  for (let p = 0; p < index.personCount; p++) {
    const row = planAsAt(index, p, day);
    if (row < 0 || !filter.matches(row, p, day)) continue;
    let summary: PersonSummary | undefined;
    for (const q of qIndexes) {
      const code = index.planAnswers[row * index.questionCount + q]!;
      if (code === 0) continue;
      const reasons: HelpReason[] = [];
      if (code & ANSWER_HELP) reasons.push('asked-for-help');
      if (index.questionIsHelp[q] === 1 && (code & ANSWER_VALUE_MASK) === ANSWER_NO) reasons.push('not-enough-help');
      if (!reasons.length) continue;
      summary ??= personSummary(index, p, row, day);
      out.push({
        ...summary,
        questionId: set.questions[q]!.id,
        answer: VALUES[(code & ANSWER_VALUE_MASK) as 1 | 2 | 3],
        reasons,
      });
    }
  }
  out.sort((a, b) =>
    a.team !== b.team
      ? a.team < b.team
        ? -1
        : 1
      : a.paId !== b.paId
        ? a.paId < b.paId
          ? -1
          : 1
        : a.youngPersonId !== b.youngPersonId
          ? a.youngPersonId < b.youngPersonId
            ? -1
            : 1
          : 0,
  );
  return out;
}

export interface PersonRow extends PersonSummary {
  readonly inTouch: string;
  readonly activity: string;
  readonly accommodation: string;
  /** Question ids the young person needs help with, in question-set order. */
  readonly needsHelp: readonly string[];
}

/** Every young person counted as at the date, one row each (permitted roles only; a PA's own young people). */
export function personList(
  index: InsightsIndex,
  query: { asAt?: string; filters?: InsightsFilters },
  viewer: Viewer,
): PersonRow[] {
  const scope = scopeForIndividuals(viewer);
  const day = resolveAsAt(query.asAt);
  const filter = compileFilter(index, scopedFilters(query.filters, scope));
  const out: PersonRow[] = [];
  const qc = index.questionCount;
  for (let p = 0; p < index.personCount; p++) {
    const row = planAsAt(index, p, day);
    if (row < 0 || !filter.matches(row, p, day)) continue;
    const needsHelp: string[] = [];
    for (let q = 0; q < qc; q++)
      if (index.planAnswers[row * qc + q]! & ANSWER_NEEDS_HELP) needsHelp.push(index.questionSet.questions[q]!.id);
    out.push({
      ...personSummary(index, p, row, day),
      inTouch: decodeInTouch(index.planInTouch[row]!),
      activity: decodeActiv(index.planActiv[row]!),
      accommodation: decodeAccom(index.planAccom[row]!),
      needsHelp,
    });
  }
  return out;
}
