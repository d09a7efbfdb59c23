// Voice and engagement, measured: do young people use Onward on their own, and is their voice in their plans?
// For each period (quarter) and each team, and for all teams together:
// - of the plans authorised in the period, the share whose checklist the young person completed alone, together
//   with their worker in person, together by phone, partly each, the worker after unsuccessful attempts to reach
//   them, the worker with no such record, nobody, or not recorded (the plan's `voice`: who gave the answers);
// - of the young people counted at the end of the period (population.ts), the share who did something in Onward
//   under their own sign-in during the period, and the share who sent a check-in.
// The team is the plan's team at the time (a plan's own team; a young person's plan in force at the period end).

import type { PathwayPlan } from '@onward/schemas';
import { planVoice } from '../answers/voice.js';
import { type InsightsIndex, planAsAt, VOICES, type Voice } from './build-index.js';
import { dayAfter, formatDay, parseDay } from './dates.js';
import { InsightsInputError } from './errors.js';
import { compileFilter, type InsightsFilters } from './filters.js';
import { OutputCells } from './protect.js';
import { reportingDayFor, reportingDays } from './reporting.js';
import { assertMaySeeInsights, exactFor, type Viewer } from './roles.js';
import { type InsightsSettings, insightsSettings } from './settings.js';
import { cellFigure, type Figure, ratioFigure } from './suppression.js';

/**
 * A plan's voice as the insights count it (the input's `voice`), from the engine's one reading of who gave the
 * answers (`planVoice`): its mode, with "together" told apart by how they met (in person or by phone).
 */
export function insightsVoice(plan: Pick<PathwayPlan, 'checklist' | 'engagement' | 'views'>): Voice {
  const v = planVoice(plan);
  if (v.mode === 'together') return v.together === 'by-phone' ? 'together-by-phone' : 'together-in-person';
  return v.mode;
}

/** The voice rows: each recorded way, then plans that do not record it. */
export const VOICE_ROWS = [...VOICES, 'not-recorded'] as const;
export type VoiceRow = (typeof VOICE_ROWS)[number];

export const VOICE_LABELS: Readonly<Record<VoiceRow, string>> = {
  'young-person': 'The young person, on their own',
  'together-in-person': 'Together with their worker, in person',
  'together-by-phone': 'Together with their worker, by phone',
  mixed: 'Partly the young person, partly their worker',
  'worker-without-young-person': 'Their worker, after trying to reach them',
  worker: 'Their worker (no record of trying to reach them)',
  'no-answers': 'Nobody answered',
  'not-recorded': 'Not recorded',
};

export interface RawEngagementRow {
  /** A team id, or null for all teams together. */
  readonly team: string | null;
  /** Plans authorised in the period. */
  readonly authorised: number;
  readonly voice: Readonly<Record<VoiceRow, number>>;
  /** Young people counted at the end of the period. */
  readonly people: number;
  /** Of them, used Onward under their own sign-in in the period. */
  readonly ownUse: number;
  /** Of them, sent a check-in in the period. */
  readonly checkedIn: number;
}

export interface RawEngagementPeriod {
  readonly from: string;
  readonly to: string;
  readonly rows: readonly RawEngagementRow[];
}

export interface EngagementQuery {
  /** First day of the first period, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD` (for viewers who may not see individuals, the reporting date on or before it). */
  readonly to: string;
  readonly filters?: InsightsFilters;
  readonly settings?: Partial<InsightsSettings>;
}

function emptyRow(team: string | null) {
  return {
    team,
    authorised: 0,
    voice: Object.fromEntries(VOICE_ROWS.map((v) => [v, 0])) as Record<VoiceRow, number>,
    people: 0,
    ownUse: 0,
    checkedIn: 0,
  };
}

function anyBetween(days: Int32Array, start: number, end: number, from: number, to: number): boolean {
  // days[start..end) sorted: is there one in [from, to]?
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && days[lo]! <= to;
}

/** Raw engagement per quarter (the last up to `to`), per team and for all teams. */
export function rawEngagement(
  index: InsightsIndex,
  options: { from: number; to: number; filters?: InsightsFilters; settings: InsightsSettings },
): RawEngagementPeriod[] {
  const { from, to, settings } = options;
  if (to < from) throw new InsightsInputError('to', 'is before "from"');
  const ends = reportingDays(from, to, 'quarter');
  const counted = compileFilter(index, options.filters, { settings });
  const chosen = compileFilter(index, options.filters, { settings, current: false });
  const teamsWanted = options.filters?.team;
  const teamIds = index.teams.map((t, i) => (teamsWanted && !teamsWanted.includes(t) ? -1 : i)).filter((i) => i >= 0);
  const {
    personPlanStart,
    planDay,
    planTeam,
    planVoice,
    personCheckInStart,
    checkInDay,
    personOwnUseStart,
    ownUseDay,
  } = index;
  return ends.map((end, k) => {
    const start = k === 0 ? from : dayAfter(ends[k - 1]!);
    const total = emptyRow(null);
    const byTeam = new Map(teamIds.map((t) => [t, emptyRow(index.teams[t]!)]));
    for (let p = 0; p < index.personCount; p++) {
      const p0 = personPlanStart[p]!;
      const p1 = personPlanStart[p + 1]!;
      for (let i = p0; i < p1; i++) {
        const d = planDay[i]!;
        if (d < start) continue;
        if (d > end) break;
        if (!chosen.matches(i, p, d)) continue;
        const v: VoiceRow = planVoice[i] ? VOICES[planVoice[i]! - 1]! : 'not-recorded';
        for (const r of [total, byTeam.get(planTeam[i]!)]) {
          if (!r) continue;
          r.authorised++;
          r.voice[v]++;
        }
      }
      const row = planAsAt(index, p, end);
      if (row < 0 || !counted.matches(row, p, end)) continue;
      const own = anyBetween(ownUseDay, personOwnUseStart[p]!, personOwnUseStart[p + 1]!, start, end);
      const checked = anyBetween(checkInDay, personCheckInStart[p]!, personCheckInStart[p + 1]!, start, end);
      for (const r of [total, byTeam.get(planTeam[row]!)]) {
        if (!r) continue;
        r.people++;
        if (own) r.ownUse++;
        if (checked) r.checkedIn++;
      }
    }
    const teams = [...byTeam.values()].filter((r) => r.authorised > 0 || r.people > 0);
    return { from: formatDay(start), to: formatDay(end), rows: [total, ...teams] };
  });
}

export interface EngagementRow {
  readonly team: string | null;
  readonly authorised: Figure;
  /** Count and share of the plans authorised in the period, per way the checklist was completed. */
  readonly voice: Readonly<Record<VoiceRow, { readonly count: Figure; readonly percent: Figure }>>;
  readonly people: Figure;
  readonly ownUse: { readonly count: Figure; readonly percent: Figure };
  readonly checkedIn: { readonly count: Figure; readonly percent: Figure };
}

export interface EngagementPeriod {
  readonly from: string;
  readonly to: string;
  /** All teams first, then each team. */
  readonly rows: readonly EngagementRow[];
}

/**
 * Register engagement in an output. The sums: the ways a checklist was completed add up to the plans authorised;
 * those who used their own sign-in, and those who checked in, are among the young people counted; all teams are
 * the sum of the teams.
 */
export function registerEngagement(
  cells: OutputCells,
  periods: readonly RawEngagementPeriod[],
): () => EngagementPeriod[] {
  const ids = periods.map((period) => {
    const rows = period.rows.map((r) => {
      const authorised = cells.count(r.authorised);
      const voice = Object.fromEntries(VOICE_ROWS.map((v) => [v, cells.count(r.voice[v])])) as Record<VoiceRow, number>;
      cells.sum(
        authorised,
        VOICE_ROWS.map((v) => voice[v]),
      );
      const people = cells.count(r.people);
      const ownUse = cells.count(r.ownUse);
      const checkedIn = cells.count(r.checkedIn);
      cells.contains(people, ownUse);
      cells.contains(people, checkedIn);
      return { authorised, voice, people, ownUse, checkedIn };
    });
    const [all, ...teams] = rows;
    if (all && teams.length) {
      // Teams shown cover everything only when every team with anything is listed (they always are).
      cells.sum(
        all.authorised,
        teams.map((t) => t.authorised),
      );
      for (const v of VOICE_ROWS)
        cells.sum(
          all.voice[v],
          teams.map((t) => t.voice[v]),
        );
      cells.sum(
        all.people,
        teams.map((t) => t.people),
      );
      cells.sum(
        all.ownUse,
        teams.map((t) => t.ownUse),
      );
      cells.sum(
        all.checkedIn,
        teams.map((t) => t.checkedIn),
      );
    }
    return rows;
  });
  return () =>
    periods.map((period, k) => ({
      from: period.from,
      to: period.to,
      rows: period.rows.map((r, j) => {
        const x = ids[k]![j]!;
        return {
          team: r.team,
          authorised: cellFigure(cells, x.authorised),
          voice: Object.fromEntries(
            VOICE_ROWS.map((v) => [
              v,
              { count: cellFigure(cells, x.voice[v]), percent: ratioFigure(cells, x.voice[v], x.authorised) },
            ]),
          ) as EngagementRow['voice'],
          people: cellFigure(cells, x.people),
          ownUse: { count: cellFigure(cells, x.ownUse), percent: ratioFigure(cells, x.ownUse, x.people) },
          checkedIn: { count: cellFigure(cells, x.checkedIn), percent: ratioFigure(cells, x.checkedIn, x.people) },
        };
      }),
    }));
}

/** The engagement periods a viewer may be shown (up to a reporting date for suppressed viewers). */
export function viewerEngagement(
  index: InsightsIndex,
  query: EngagementQuery,
  viewer: Viewer,
  settings: InsightsSettings,
): RawEngagementPeriod[] {
  const from = parseDay(query.from, 'from');
  const to = reportingDayFor(viewer, query.filters, parseDay(query.to, 'to'), settings);
  if (to < from) return [];
  return rawEngagement(index, { from, to, ...(query.filters ? { filters: query.filters } : {}), settings });
}

/** Voice and engagement per quarter and team, with small numbers hidden unless the viewer may see them. */
export function engagement(index: InsightsIndex, query: EngagementQuery, viewer: Viewer): EngagementPeriod[] {
  assertMaySeeInsights(viewer);
  const settings = insightsSettings(query.settings);
  const exact = exactFor(viewer, query.filters);
  const cells = new OutputCells(settings.suppressionThreshold);
  const build = registerEngagement(cells, viewerEngagement(index, query, viewer, settings));
  cells.protect(exact);
  return build();
}

export type { Voice };
