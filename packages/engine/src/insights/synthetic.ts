// Deterministic synthetic young people for benchmarks, demonstrations and tests: the same seed always gives the
// same records. No real person's data is involved; ids are made up from the seed.

import type { InsightsYoungPerson } from '@onward/schemas';
import { CURRENT_VERSION, DOMAINS, questionSet } from '../content/question-set.js';
import { daysInMonth } from '../dates/civil-date.js';
import { addMonthsToDay as addMonths, birthdayDay as birthday } from '../dates/day-number.js';
import { CATEGORIES } from './build-index.js';
import { ACCOM_TYPES } from './codes.js';
import { formatDay, parseDay } from './dates.js';

/** A small, fast, seeded random number generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  readonly seed: number;
  readonly people: number;
  /** First day of the history, `YYYY-MM-DD`. Default two years before `to`. */
  readonly from?: string;
  /** Last day of the history, `YYYY-MM-DD`. Default 2025-12-31. */
  readonly to?: string;
  readonly councils?: readonly string[];
  /** Teams per council. Default 4. */
  readonly teamsPerCouncil?: number;
  /** Young people per PA, roughly. Default 20. */
  readonly caseload?: number;
  /** Share of 18-21 year olds in Staying Put. Default 0.25. */
  readonly stayingPutShare?: number;
  /** Check-ins per young person per month, on average (0-1). Default 0.6. */
  readonly checkInRate?: number;
}

const answer = (value: string, help = false) =>
  Object.freeze({
    value,
    by: 'young-person',
    locale: 'en-GB',
    variant: 'standard',
    at: '2024-01-01T10:00:00Z',
    ...(help ? { help: true } : {}),
  });
const SHARED_ANSWERS: Record<string, unknown> = {
  yes: answer('yes'),
  no: answer('no'),
  'not-relevant': answer('not-relevant'),
  'no-help': answer('no', true),
};

const ACTIVE = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'] as const;

/** Synthetic young people with plans every six months, Staying Put periods and check-ins. */
export function syntheticRecords(options: SyntheticOptions): InsightsYoungPerson[] {
  const rnd = seededRandom(options.seed);
  const to = parseDay(options.to ?? '2025-12-31', 'to');
  const from = options.from ? parseDay(options.from, 'from') : addMonths(to, -24);
  const councils = options.councils ?? ['council-a'];
  const teamsPer = options.teamsPerCouncil ?? 4;
  const caseload = options.caseload ?? 20;
  const spShare = options.stayingPutShare ?? 0.25;
  const checkInRate = options.checkInRate ?? 0.6;
  const paCount = Math.max(1, Math.ceil(options.people / caseload));
  const set = questionSet(CURRENT_VERSION);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out: InsightsYoungPerson[] = [];
  for (let i = 0; i < options.people; i++) {
    const council = councils[i % councils.length] as string;
    const team = `${council}-team-${1 + Math.floor(rnd() * teamsPer)}`;
    const pa = `pa-${1 + Math.floor(rnd() * paCount)}`;
    // Age 16 to 25 at the end of the period.
    const ageAtEnd = 16 + Math.floor(rnd() * 10);
    const dobYear = Math.floor(to / 10000) - ageAtEnd - 1;
    const dobMonth = 1 + Math.floor(rnd() * 12);
    const dob = dobYear * 10000 + dobMonth * 100 + 1 + Math.floor(rnd() * daysInMonth(dobYear, dobMonth));
    const sixteenth = birthday(dob, 16);
    const eighteenth = birthday(dob, 18);
    const twentyFirst = birthday(dob, 21);
    const wellbeing = rnd(); // how things tend to go for this young person
    const improving = 0.02 + rnd() * 0.05; // per plan
    const stayingPut: { start: string; end?: string }[] = [];
    let spEnd = 0;
    if (eighteenth <= to && twentyFirst > from && rnd() < spShare * 1.6) {
      const endDay = addMonths(eighteenth, 6 + Math.floor(rnd() * 36));
      spEnd = endDay < twentyFirst && endDay <= to ? endDay : 0;
      stayingPut.push(
        spEnd ? { start: formatDay(eighteenth), end: formatDay(spEnd) } : { start: formatDay(eighteenth) },
      );
    }
    const plans: InsightsYoungPerson['plans'] = [];
    let day = Math.max(sixteenth, addMonths(from, -Math.floor(rnd() * 6)));
    let n = 0;
    while (day <= to) {
      const age = Math.floor((day - dob) / 10000);
      const good = Math.min(0.95, 0.45 + wellbeing * 0.35 + n * improving + (stayingPut.length ? 0.08 : 0));
      const answers: Record<string, Record<string, unknown>> = {};
      for (const q of set.questions) {
        if (rnd() < 0.06) continue; // left unanswered
        const r = rnd();
        const value = r < good ? 'yes' : r < good + 0.08 ? 'not-relevant' : 'no';
        const help = value === 'no' && rnd() < 0.35;
        answers[q.domain] ??= {};
        // Answers are shared, frozen objects: 100,000 young people's histories stay small in memory.
        (answers[q.domain] as Record<string, unknown>)[q.key] = SHARED_ANSWERS[help ? 'no-help' : value];
      }
      const inSp = stayingPut.length > 0 && day >= eighteenth && (spEnd === 0 || day <= spEnd);
      const inTouch = rnd() < 0.9 ? 'YES' : pick(['NO', 'REFU', 'NREQ'] as const);
      let activity: string;
      let accommodation: string;
      if (inTouch !== 'YES') {
        activity = '0';
        accommodation = '0';
      } else {
        activity = rnd() < good * 0.9 + 0.05 ? pick(ACTIVE) : pick(['G4', 'G5', 'G6'] as const);
        if (inSp) accommodation = age >= 18 ? 'Z1' : 'C1';
        else {
          const r = rnd();
          const type =
            r < 0.01
              ? 'S'
              : r < 0.03
                ? 'X'
                : pick(ACCOM_TYPES.filter((t) => t !== 'S' && t !== 'X' && t !== 'Z' && t !== 'T'));
          accommodation = type === 'S' || type === 'X' ? `${type}2` : `${type}${rnd() < good ? 1 : 2}`;
        }
      }
      plans.push({
        planId: `plan-${options.seed}-${i}-${n}`,
        council,
        team,
        paId: pa,
        dateOfBirth: formatDay(dob),
        category:
          age < 18
            ? rnd() < 0.5
              ? 'eligible'
              : 'relevant'
            : rnd() < 0.92
              ? 'former-relevant'
              : (CATEGORIES[3] as 'qualifying'),
        authorised: formatDay(day),
        checklist: { questionSet: 'onward.outcomes', version: 2, answers } as never,
        ssda903: { inTouch, activity, accommodation } as never,
      });
      n++;
      day = addMonths(day, 5 + Math.floor(rnd() * 2));
    }
    const checkIns: NonNullable<InsightsYoungPerson['checkIns']> = [];
    for (let m = from; m <= to; m = addMonths(m, 1)) {
      if (rnd() >= checkInRate) continue;
      const at = Math.min(to, Math.floor(m / 100) * 100 + 1 + Math.floor(rnd() * 28));
      if (at < sixteenth) continue;
      const moods: Record<string, { mood: 'good' | 'ok' | 'bad'; help?: boolean }> = {};
      for (const d of DOMAINS) {
        if (rnd() < 0.3) continue;
        const r = rnd();
        const mood = r < wellbeing * 0.6 + 0.2 ? 'good' : r < 0.85 ? 'ok' : 'bad';
        moods[d] = mood === 'bad' && rnd() < 0.4 ? { mood, help: true } : { mood };
      }
      if (Object.keys(moods).length) checkIns.push({ at: formatDay(at), moods });
    }
    out.push({ youngPersonId: `yp-${options.seed}-${i}`, plans, stayingPut, checkIns });
  }
  return out;
}
