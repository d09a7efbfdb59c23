// The insights index: every young person's history packed into typed arrays once, so that each view (as at a date,
// month by month, cohort comparison) is a single pass over numbers with no parsing, no objects and no sorting.

import type { InsightsYoungPerson } from '@onward/schemas';
import type { AnyChecklist } from '../answers/answers.js';
import { migrateChecklist } from '../content/migrations.js';
import { CURRENT_VERSION, DOMAINS, type QuestionSet, questionSet } from '../content/question-set.js';
import { ACTIV_CODES, encodeAccom, encodeActiv, encodeInTouch, IN_TOUCH_CODES, isAccomCode } from './codes.js';
import { OPEN_END, parseDay } from './dates.js';
import { InsightsInputError } from './errors.js';

/** The care-leaver categories (England); Wales: category 2, 3 or 4 young person. */
export const CATEGORIES = ['eligible', 'relevant', 'former-relevant', 'qualifying'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The check-in moods, in order from best. */
export const MOODS = ['good', 'ok', 'bad'] as const;
export type Mood = (typeof MOODS)[number];

/** Answer codes in `planAnswers`: low two bits the value, then flags. */
export const ANSWER_YES = 1;
export const ANSWER_NO = 2;
export const ANSWER_NOT_RELEVANT = 3;
export const ANSWER_VALUE_MASK = 3;
/** The young person ticked "I'd like help with this". */
export const ANSWER_HELP = 4;
/** Needs help: asked for help, or said "no" to "are you getting enough help with …?". */
export const ANSWER_NEEDS_HELP = 8;

/** One young person's history, packed. Read-only once built. */
export interface InsightsIndex {
  /** The question set every checklist was migrated to (the current one). */
  readonly questionSet: QuestionSet;
  readonly questionCount: number;
  /** 1 for the "are you getting enough help" question of each domain, else 0. */
  readonly questionIsHelp: Uint8Array;
  /** Domain index (into DOMAINS) of each question. */
  readonly questionDomain: Uint8Array;

  readonly personCount: number;
  readonly personIds: readonly string[];
  /** Plans of person p are plan rows personPlanStart[p] .. personPlanStart[p+1]-1, oldest first. */
  readonly personPlanStart: Int32Array;
  /** Staying Put periods of person p: rows personSpStart[p] .. personSpStart[p+1]-1. */
  readonly personSpStart: Int32Array;
  readonly spStart: Int32Array;
  /** Last day of the arrangement, OPEN_END while it goes on. */
  readonly spEnd: Int32Array;
  /** Check-ins of person p: rows personCheckInStart[p] .. personCheckInStart[p+1]-1, oldest first. */
  readonly personCheckInStart: Int32Array;
  readonly checkInDay: Int32Array;
  /** checkInCount × 8 (DOMAINS order): 0 none, 1 good, 2 ok, 3 bad; +4 when help was asked for. */
  readonly checkInMoods: Uint8Array;

  readonly planCount: number;
  readonly planIds: readonly string[];
  readonly planPerson: Int32Array;
  /** Authorised day, yyyymmdd. */
  readonly planDay: Int32Array;
  readonly planDateOfBirth: Int32Array;
  readonly planCouncil: Uint16Array;
  readonly planTeam: Uint16Array;
  readonly planPa: Uint16Array;
  /** Index into CATEGORIES. */
  readonly planCategory: Uint8Array;
  readonly planQuestionSetVersion: Uint8Array;
  /** planCount × questionCount answer codes (see ANSWER_*); 0 = not answered. */
  readonly planAnswers: Uint8Array;
  /** Bit d set when the plan answered any question in domain d. */
  readonly planDomainAnswered: Uint8Array;
  /** Bit d set when the plan needs help with any question in domain d. */
  readonly planDomainNeedsHelp: Uint8Array;
  /** SSDA903 codes (see codes.ts encodings), 0 = not recorded. */
  readonly planInTouch: Uint8Array;
  readonly planActiv: Uint8Array;
  readonly planAccom: Uint8Array;
  /** The day the plan's review is due (yyyymmdd), or 0 when the plan does not say (settings.reviewMonths apply). */
  readonly planNextReview: Int32Array;
  /** The day the plan was closed, OPEN_END while it is open. */
  readonly planClosedDay: Int32Array;
  /** Index into CLOSE_REASONS + 1; 0 while open. */
  readonly planClosedReason: Uint8Array;
  /** 1 when the young person stays eligible to 25 (asked for support after 21, or in education or training). */
  readonly planSupportAfter21: Uint8Array;
  /** Index into VOICES + 1; 0 when not recorded. */
  readonly planVoice: Uint8Array;
  /** Days person p used Onward under their own sign-in: ownUseDay[personOwnUseStart[p] .. [p+1]-1], sorted, unique. */
  readonly personOwnUseStart: Int32Array;
  readonly ownUseDay: Int32Array;

  readonly councils: readonly string[];
  readonly teams: readonly string[];
  readonly pas: readonly string[];
  /** Earliest and latest plan day in the data (0 when there are no plans). */
  readonly firstDay: number;
  readonly lastDay: number;
}

type PlanInput = InsightsYoungPerson['plans'][number];

/** Why a plan was closed (the pathway-plan lifecycle's reasons). `recorded-in-error` plans are left out entirely. */
export const CLOSE_REASONS = [
  'turned-25',
  'no-longer-eligible',
  'moved-away',
  'died',
  'recorded-in-error',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * Who completed a plan's checklist: the young person alone, together with their worker in person or by phone, partly
 * each, the worker after unsuccessful attempts to reach them, the worker with no such record, or nobody yet.
 */
export const VOICES = [
  'young-person',
  'together-in-person',
  'together-by-phone',
  'mixed',
  'worker-without-young-person',
  'worker',
  'no-answers',
] as const;
export type Voice = (typeof VOICES)[number];

function closedInError(p: unknown): boolean {
  return isObject(p) && isObject(p.closed) && p.closed.reason === 'recorded-in-error';
}

class Dictionary {
  readonly values: string[] = [];
  private readonly map = new Map<string, number>();
  index(value: string, field: string): number {
    let i = this.map.get(value);
    if (i === undefined) {
      if (typeof value !== 'string' || value === '') throw new InsightsInputError(field, 'must be a non-empty text id');
      i = this.values.length;
      if (i > 65535) throw new InsightsInputError(field, 'has more than 65,536 different values');
      this.values.push(value);
      this.map.set(value, i);
    }
    return i;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Pack young people's records (schemas/events/insights-young-person.schema.json) into an index. Checklists in an
 * older question-set version are migrated to the current one. Throws an InsightsInputError naming the field
 * (e.g. `records[3].plans[0].authorised`) on the first bad value. Person ids must be unique.
 */
export function buildInsightsIndex(records: Iterable<InsightsYoungPerson>): InsightsIndex {
  const list = Array.isArray(records) ? (records as InsightsYoungPerson[]) : [...records];
  const set = questionSet(CURRENT_VERSION);
  const questionCount = set.questions.length;
  const questionIsHelp = new Uint8Array(questionCount);
  const questionDomain = new Uint8Array(questionCount);
  const keyIndex = new Map<string, Map<string, number>>();
  set.questions.forEach((q, i) => {
    questionIsHelp[i] = q.kind === 'help' ? 1 : 0;
    questionDomain[i] = DOMAINS.indexOf(q.domain);
    let m = keyIndex.get(q.domain);
    if (!m) {
      m = new Map();
      keyIndex.set(q.domain, m);
    }
    m.set(q.key, i);
  });

  // First pass: sizes.
  let planCount = 0;
  let spCount = 0;
  let checkInCount = 0;
  let ownUseCount = 0;
  for (let r = 0; r < list.length; r++) {
    const rec = list[r] as unknown;
    if (!isObject(rec)) throw new InsightsInputError(`records[${r}]`, 'must be an object');
    if (!Array.isArray(rec.plans)) throw new InsightsInputError(`records[${r}].plans`, 'must be a list of plans');
    for (const p of rec.plans) if (!closedInError(p)) planCount++;
    if (rec.stayingPut !== undefined) {
      if (!Array.isArray(rec.stayingPut)) throw new InsightsInputError(`records[${r}].stayingPut`, 'must be a list');
      spCount += rec.stayingPut.length;
    }
    if (rec.checkIns !== undefined) {
      if (!Array.isArray(rec.checkIns)) throw new InsightsInputError(`records[${r}].checkIns`, 'must be a list');
      checkInCount += rec.checkIns.length;
    }
    if (rec.ownUse !== undefined) {
      if (!Array.isArray(rec.ownUse)) throw new InsightsInputError(`records[${r}].ownUse`, 'must be a list of days');
      ownUseCount += rec.ownUse.length;
    }
  }

  const personCount = list.length;
  const personIds: string[] = new Array(personCount);
  const seenIds = new Set<string>();
  const personPlanStart = new Int32Array(personCount + 1);
  const personSpStart = new Int32Array(personCount + 1);
  const personCheckInStart = new Int32Array(personCount + 1);
  const spStart = new Int32Array(spCount);
  const spEnd = new Int32Array(spCount);
  const checkInDay = new Int32Array(checkInCount);
  const checkInMoods = new Uint8Array(checkInCount * 8);
  const planIds: string[] = new Array(planCount);
  const planPerson = new Int32Array(planCount);
  const planDay = new Int32Array(planCount);
  const planDateOfBirth = new Int32Array(planCount);
  const planCouncil = new Uint16Array(planCount);
  const planTeam = new Uint16Array(planCount);
  const planPa = new Uint16Array(planCount);
  const planCategory = new Uint8Array(planCount);
  const planQuestionSetVersion = new Uint8Array(planCount);
  const planAnswers = new Uint8Array(planCount * questionCount);
  const planDomainAnswered = new Uint8Array(planCount);
  const planDomainNeedsHelp = new Uint8Array(planCount);
  const planInTouch = new Uint8Array(planCount);
  const planActiv = new Uint8Array(planCount);
  const planAccom = new Uint8Array(planCount);
  const planNextReview = new Int32Array(planCount);
  const planClosedDay = new Int32Array(planCount).fill(OPEN_END);
  const planClosedReason = new Uint8Array(planCount);
  const planSupportAfter21 = new Uint8Array(planCount);
  const planVoice = new Uint8Array(planCount);
  const personOwnUseStart = new Int32Array(personCount + 1);
  const ownUseAll = new Int32Array(ownUseCount);
  const councils = new Dictionary();
  const teams = new Dictionary();
  const pas = new Dictionary();
  let firstDay = OPEN_END;
  let lastDay = 0;

  let pi = 0;
  let si = 0;
  let ci = 0;
  let ui = 0;
  const order: number[] = [];
  const days: number[] = [];
  for (let r = 0; r < personCount; r++) {
    const rec = list[r] as InsightsYoungPerson;
    const at = `records[${r}]`;
    const id = rec.youngPersonId;
    if (typeof id !== 'string' || id === '') throw new InsightsInputError(`${at}.youngPersonId`, 'is missing');
    if (seenIds.has(id)) throw new InsightsInputError(`${at}.youngPersonId`, `"${id}" appears more than once`);
    seenIds.add(id);
    personIds[r] = id;
    personPlanStart[r] = pi;
    personSpStart[r] = si;
    personCheckInStart[r] = ci;
    personOwnUseStart[r] = ui;

    // Plans, oldest first (same day: by plan id, so the order never depends on the input order). Exports are
    // usually in order already; only then is nothing allocated.
    const nPlans = rec.plans.length;
    days.length = nPlans;
    let sorted = true;
    for (let j = 0; j < nPlans; j++) {
      const p = rec.plans[j] as unknown;
      if (!isObject(p)) throw new InsightsInputError(`${at}.plans[${j}]`, 'must be an object');
      days[j] = parseDay(p.authorised, `${at}.plans[${j}].authorised`);
      if (
        j > 0 &&
        (days[j]! < days[j - 1]! || (days[j] === days[j - 1] && !(String(rec.plans[j - 1]?.planId) < String(p.planId))))
      )
        sorted = false;
    }
    order.length = nPlans;
    for (let j = 0; j < nPlans; j++) order[j] = j;
    if (!sorted)
      order.sort((a, b) =>
        days[a] !== days[b]
          ? days[a]! - days[b]!
          : String(rec.plans[a]?.planId) < String(rec.plans[b]?.planId)
            ? -1
            : 1,
      );
    for (let k = 0; k < nPlans; k++) {
      const j = order[k]!;
      const day = days[j]!;
      const p = rec.plans[j] as PlanInput;
      const f = `${at}.plans[${j}]`;
      if (closedInError(p)) continue;
      if (typeof p.planId !== 'string' || p.planId === '') throw new InsightsInputError(`${f}.planId`, 'is missing');
      planIds[pi] = p.planId;
      planPerson[pi] = r;
      planDay[pi] = day;
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
      planDateOfBirth[pi] = parseDay(p.dateOfBirth, `${f}.dateOfBirth`);
      if (planDateOfBirth[pi]! > day)
        throw new InsightsInputError(`${f}.dateOfBirth`, 'is after the plan was authorised');
      planCouncil[pi] = councils.index(p.council, `${f}.council`);
      planTeam[pi] = teams.index(p.team, `${f}.team`);
      planPa[pi] = pas.index(p.paId, `${f}.paId`);
      const cat = CATEGORIES.indexOf(p.category as Category);
      if (cat < 0) throw new InsightsInputError(`${f}.category`, `must be one of ${CATEGORIES.join(', ')}`);
      planCategory[pi] = cat;
      readChecklist(p.checklist, `${f}.checklist`, pi);
      readSsda903(p.ssda903, `${f}.ssda903`, pi);
      readPlanState(p, f, pi, day);
      pi++;
    }

    for (let j = 0; j < (rec.stayingPut?.length ?? 0); j++) {
      const s = rec.stayingPut?.[j] as unknown;
      if (!isObject(s)) throw new InsightsInputError(`${at}.stayingPut[${j}]`, 'must be an object');
      spStart[si] = parseDay(s.start, `${at}.stayingPut[${j}].start`);
      spEnd[si] = s.end === undefined ? OPEN_END : parseDay(s.end, `${at}.stayingPut[${j}].end`);
      if (spEnd[si]! < spStart[si]!) throw new InsightsInputError(`${at}.stayingPut[${j}].end`, 'is before the start');
      si++;
    }

    const checkIns = rec.checkIns ?? [];
    const nc = checkIns.length;
    days.length = nc;
    let inOrder = true;
    for (let j = 0; j < nc; j++) {
      days[j] = parseDay((checkIns[j] as { at?: unknown } | undefined)?.at, `${at}.checkIns[${j}].at`);
      if (j > 0 && days[j]! < days[j - 1]!) inOrder = false;
    }
    order.length = nc;
    for (let j = 0; j < nc; j++) order[j] = j;
    if (!inOrder) order.sort((a, b) => days[a]! - days[b]! || a - b);
    for (let k = 0; k < nc; k++) {
      const j = order[k]!;
      const moods = (checkIns[j] as { moods?: unknown }).moods;
      if (!isObject(moods)) throw new InsightsInputError(`${at}.checkIns[${j}].moods`, 'must be an object');
      checkInDay[ci] = days[j]!;
      for (const domain in moods) {
        const m = moods[domain];
        const d = DOMAINS.indexOf(domain as (typeof DOMAINS)[number]);
        if (d < 0) throw new InsightsInputError(`${at}.checkIns[${j}].moods.${domain}`, 'is not a domain');
        const mood = isObject(m) ? MOODS.indexOf(m.mood as Mood) : -1;
        if (mood < 0)
          throw new InsightsInputError(`${at}.checkIns[${j}].moods.${domain}.mood`, 'must be good, ok or bad');
        checkInMoods[ci * 8 + d] = mood + 1 + ((m as { help?: unknown }).help === true ? 4 : 0);
      }
      ci++;
    }

    // Days of own use, sorted and counted once each.
    const own = rec.ownUse ?? [];
    const start = ui;
    for (let j = 0; j < own.length; j++) ownUseAll[ui++] = parseDay(own[j], `${at}.ownUse[${j}]`);
    const seg = ownUseAll.subarray(start, ui).sort();
    let w = start;
    for (let j = 0; j < seg.length; j++) if (j === 0 || seg[j] !== seg[j - 1]) ownUseAll[w++] = seg[j]!;
    ui = w;
  }
  personPlanStart[personCount] = pi;
  personOwnUseStart[personCount] = ui;
  personSpStart[personCount] = si;
  personCheckInStart[personCount] = ci;

  function readChecklist(raw: unknown, f: string, row: number): void {
    if (!isObject(raw)) throw new InsightsInputError(f, 'must be a checklist object');
    let doc = raw as unknown as AnyChecklist;
    if (doc.version !== CURRENT_VERSION) {
      if (doc.version !== 1) throw new InsightsInputError(`${f}.version`, 'must be 1 or 2');
      doc = migrateChecklist(doc, CURRENT_VERSION).checklist;
    }
    planQuestionSetVersion[row] = raw.version as number;
    const answers = (doc as { answers?: unknown }).answers;
    if (!isObject(answers)) throw new InsightsInputError(`${f}.answers`, 'must be an object');
    const base = row * questionCount;
    let answeredMask = 0;
    let helpMask = 0;
    for (const domain in answers) {
      const keys = keyIndex.get(domain);
      if (!keys) throw new InsightsInputError(`${f}.answers.${domain}`, 'is not a domain');
      const d = answers[domain];
      if (!isObject(d)) throw new InsightsInputError(`${f}.answers.${domain}`, 'must be an object');
      for (const key in d) {
        const q = keys.get(key);
        if (q === undefined) throw new InsightsInputError(`${f}.answers.${domain}.${key}`, 'is not a question');
        const a = d[key] as { value?: unknown; help?: unknown } | undefined;
        const v = a?.value;
        let code = v === 'yes' ? ANSWER_YES : v === 'no' ? ANSWER_NO : v === 'not-relevant' ? ANSWER_NOT_RELEVANT : 0;
        if (code === 0)
          throw new InsightsInputError(`${f}.answers.${domain}.${key}.value`, 'must be yes, no or not-relevant');
        if (a?.help === true) code |= ANSWER_HELP;
        if (a?.help === true || (questionIsHelp[q] === 1 && v === 'no')) {
          code |= ANSWER_NEEDS_HELP;
          helpMask |= 1 << questionDomain[q]!;
        }
        answeredMask |= 1 << questionDomain[q]!;
        planAnswers[base + q] = code;
      }
    }
    planDomainAnswered[row] = answeredMask;
    planDomainNeedsHelp[row] = helpMask;
  }

  function readPlanState(p: PlanInput, f: string, row: number, day: number): void {
    if (p.nextReview !== undefined) {
      planNextReview[row] = parseDay(p.nextReview, `${f}.nextReview`);
      if (planNextReview[row]! < day)
        throw new InsightsInputError(`${f}.nextReview`, 'is before the plan was authorised');
    }
    if (p.closed !== undefined) {
      if (!isObject(p.closed)) throw new InsightsInputError(`${f}.closed`, 'must be an object with on and reason');
      const reason = CLOSE_REASONS.indexOf(p.closed.reason as CloseReason);
      if (reason < 0) throw new InsightsInputError(`${f}.closed.reason`, `must be one of ${CLOSE_REASONS.join(', ')}`);
      planClosedDay[row] = parseDay(p.closed.on, `${f}.closed.on`);
      if (planClosedDay[row]! < day)
        throw new InsightsInputError(`${f}.closed.on`, 'is before the plan was authorised');
      planClosedReason[row] = reason + 1;
    }
    if (p.supportAfter21 !== undefined) {
      if (typeof p.supportAfter21 !== 'boolean')
        throw new InsightsInputError(`${f}.supportAfter21`, 'must be true or false');
      planSupportAfter21[row] = p.supportAfter21 ? 1 : 0;
    }
    if (p.voice !== undefined) {
      const v = VOICES.indexOf(p.voice as Voice);
      if (v < 0) throw new InsightsInputError(`${f}.voice`, `must be one of ${VOICES.join(', ')}`);
      planVoice[row] = v + 1;
    }
  }

  function readSsda903(raw: unknown, f: string, row: number): void {
    if (raw === undefined) return;
    if (!isObject(raw)) throw new InsightsInputError(f, 'must be an object');
    const { inTouch, activity, accommodation } = raw as Record<string, string | undefined>;
    if (inTouch !== undefined && !IN_TOUCH_CODES.includes(inTouch as never))
      throw new InsightsInputError(`${f}.inTouch`, `must be one of ${IN_TOUCH_CODES.join(', ')}`);
    if (activity !== undefined && !ACTIV_CODES.includes(activity as never))
      throw new InsightsInputError(`${f}.activity`, `must be one of ${ACTIV_CODES.join(', ')}`);
    if (accommodation !== undefined && (typeof accommodation !== 'string' || !isAccomCode(accommodation)))
      throw new InsightsInputError(`${f}.accommodation`, 'must be an accommodation code such as U1, S2 or 0');
    planInTouch[row] = encodeInTouch(inTouch);
    planActiv[row] = encodeActiv(activity);
    planAccom[row] = encodeAccom(accommodation);
  }

  return {
    questionSet: set,
    questionCount,
    questionIsHelp,
    questionDomain,
    personCount,
    personIds,
    personPlanStart,
    personSpStart,
    spStart,
    spEnd,
    personCheckInStart,
    checkInDay,
    checkInMoods,
    planCount,
    planIds,
    planPerson,
    planDay,
    planDateOfBirth,
    planCouncil,
    planTeam,
    planPa,
    planCategory,
    planQuestionSetVersion,
    planAnswers,
    planDomainAnswered,
    planDomainNeedsHelp,
    planInTouch,
    planActiv,
    planAccom,
    planNextReview,
    planClosedDay,
    planClosedReason,
    planSupportAfter21,
    planVoice,
    personOwnUseStart,
    ownUseDay: ownUseAll.slice(0, ui),
    councils: councils.values,
    teams: teams.values,
    pas: pas.values,
    firstDay: planCount ? firstDay : 0,
    lastDay,
  };
}

/** The plan row in force for person p on `day` (the latest authorised on or before it), or -1. */
export function planAsAt(index: InsightsIndex, p: number, day: number): number {
  const start = index.personPlanStart[p]!;
  for (let i = index.personPlanStart[p + 1]! - 1; i >= start; i--) if (index.planDay[i]! <= day) return i;
  return -1;
}

/** True when person p is in a Staying Put arrangement on `day`. */
export function inStayingPutOn(index: InsightsIndex, p: number, day: number): boolean {
  for (let s = index.personSpStart[p]!; s < index.personSpStart[p + 1]!; s++)
    if (index.spStart[s]! <= day && day <= index.spEnd[s]!) return true;
  return false;
}

/** True when person p had started a Staying Put arrangement on or before `day` (in one now or in the past). */
export function everInStayingPutBy(index: InsightsIndex, p: number, day: number): boolean {
  for (let s = index.personSpStart[p]!; s < index.personSpStart[p + 1]!; s++) if (index.spStart[s]! <= day) return true;
  return false;
}
