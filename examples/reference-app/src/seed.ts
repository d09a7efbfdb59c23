// The demo data: a synthetic council of about 400 care leavers (and a small second council, to show that one
// council never sees another's records), with two years of pathway plans, check-ins, engagement attempts and
// Staying Put arrangements. Deterministic: the same seed and the same "today" give the same data, on any machine.
// Everything here is made up. Answers go through the engine's setAnswer and every document is checked with the
// engine's validators before it is returned, so the demo never holds a record the real service would refuse.
import {
  type AnsweredBy,
  type AnswerValue,
  type AnyChecklist,
  addDays,
  addMonths,
  ageOn,
  birthday,
  type CheckIn,
  DOMAINS,
  type DomainId,
  emptyChecklist,
  isIsoDate,
  type LivingTogetherAgreement,
  type PathwayPlan,
  type Question,
  questionSet,
  setAnswer,
  ukDate,
  type Variant,
  validateAgreement,
  validateCheckIn,
  validateChecklist,
  validatePlan,
} from '@onward/engine';
import { Random } from './seed/prng.js';
import * as W from './seed/words.js';

export type StaffRole =
  | 'pa'
  | 'social-worker'
  | 'team-manager'
  | 'supervising-social-worker'
  | 'carer'
  | 'analyst'
  | 'admin';

export interface SeedStaff {
  id: string;
  councilId: string;
  name: string;
  email: string;
  role: StaffRole;
  teamId?: string;
  /** Set for the demo accounts whose sign-ins are printed at start. */
  demo?: boolean;
}

export interface SeedTeam {
  id: string;
  councilId: string;
  name: string;
  managerId: string;
}

/** Where a plan is in its lifecycle. */
export type PlanStatus = 'draft' | 'submitted' | 'returned' | 'authorised';

export interface SeedPlanEvent {
  type: 'plan.start' | 'plan.engagement' | 'plan.submit' | 'plan.return' | 'plan.authorise';
  at: string;
  by: string;
  comment?: string;
}

export interface SeedPlan {
  plan: PathwayPlan;
  status: PlanStatus;
  /** The lifecycle, in order, for replaying into the event log. */
  history: SeedPlanEvent[];
}

/** Staying Put steps, in order (England; "When I am Ready" in Wales). */
export const STAYING_PUT_STEPS = [
  'identified',
  'discussed',
  'in-plan',
  'agreement-meeting',
  'agreement-drafted',
  'signed',
  'approved',
  'checks',
  'active',
  'ended',
] as const;
export type StayingPutStep = (typeof STAYING_PUT_STEPS)[number];

export interface SeedStayingPut {
  id: string;
  carerIds: string[];
  step: StayingPutStep;
  /** When each step reached so far was reached (ISO date). */
  steps: { step: StayingPutStep; at: string }[];
  agreement?: LivingTogetherAgreement;
  ended?: { at: string; planned: boolean; situation: string };
}

export interface SeedYoungPerson {
  id: string;
  councilId: string;
  teamId: string;
  name: string;
  preferredName?: string;
  dateOfBirth: string;
  category: PathwayPlan['youngPerson']['category'];
  /** BCP 47 language the young person prefers (`en-GB`, `cy`, …). */
  language: string;
  /** Easy-read wording preferred. */
  easyRead: boolean;
  paId: string;
  socialWorkerId?: string;
  /** active: has set a password and signs in; invited: link sent, not yet used; none: no account. */
  account: 'active' | 'invited' | 'none';
  email?: string;
  demo?: boolean;
  plans: SeedPlan[];
  checkIns: CheckIn[];
  stayingPut?: SeedStayingPut;
}

export interface SeedCouncil {
  id: string;
  name: string;
  nation: 'england' | 'wales';
  teams: SeedTeam[];
  staff: SeedStaff[];
  youngPeople: SeedYoungPerson[];
}

export interface SeedData {
  seed: number;
  today: string;
  councils: SeedCouncil[];
  /** The password of every demo account (printed at start; demo data only). */
  demoPassword: string;
}

export interface SeedOptions {
  /** PRNG seed. Default 2026. */
  seed?: number;
  /** The day the demo is built for (YYYY-MM-DD). Default: today (UTC). Dates are relative to it. */
  today?: string;
  /** Young people in the main council. Default 400. */
  size?: number;
  /** Young people in the second council. Default 36. */
  secondSize?: number;
}

export const DEMO_PASSWORD = 'leaving-care-demo';

// ---- dates: the engine's civil dates (addDays, addMonths, birthday, ageOn); ms only to compare and spread ----
const DAY = 86_400_000;
function parseDate(d: string): number {
  return Date.parse(`${d}T00:00:00Z`);
}
/** A date-time on day d during working hours, deterministic from r. */
function at(r: Random, d: string): string {
  return `${d}T${String(r.int(9, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`;
}

// ---- people ----
function slugEmail(name: string, domain: string): string {
  return `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@${domain}`;
}

interface Profile {
  /** 0..1: how well things are going overall; drives answers and moods. */
  wellbeing: number;
  internet: boolean;
  uasc: boolean;
  engages: 'alone' | 'together' | 'phone' | 'never';
  fosterBefore18: boolean;
}

// Probability that the answer is "yes" for a young person doing averagely, per question; the rest "no" or,
// where a question often does not apply, "not relevant".
const BASE_YES: Record<string, number> = {
  'housing.register': 0.45,
  'housing.next-move': 0.45,
  'housing.manage-home': 0.55,
  'housing.tenant-rights': 0.5,
  'money.debt': 0.55,
  'money.enough': 0.45,
  'money.entitlements': 0.5,
  'careers.work-experience': 0.45,
  'careers.qualifications': 0.5,
  'independence.passport': 0.4,
  'independence.driving-licence': 0.3,
  'independence.cook': 0.6,
  'identity.past': 0.55,
  'health.emotions': 0.55,
  'activities.sport': 0.45,
};
const OFTEN_NOT_RELEVANT: Record<string, number> = {
  'housing.register': 0.25,
  'housing.tenant-rights': 0.1,
  'money.debt': 0.3,
  'relationships.relationships': 0.15,
  'independence.driving-licence': 0.15,
  'identity.sexuality': 0.2,
  'health.drugs-alcohol': 0.15,
};

function answerFor(r: Random, q: Question, p: Profile, improvement: number): AnswerValue {
  if (q.id === 'identity.asylum') return p.uasc ? (r.chance(0.5 + improvement) ? 'yes' : 'no') : 'not-relevant';
  if (q.id === 'housing.internet') return p.internet ? 'yes' : 'no';
  if (q.id === 'independence.passport' && p.uasc) return 'no';
  const nr = OFTEN_NOT_RELEVANT[q.id] ?? 0.02;
  if (r.chance(nr)) return 'not-relevant';
  const base = q.kind === 'help' ? 0.7 : (BASE_YES[q.id] ?? 0.75);
  const yes = Math.min(0.97, Math.max(0.05, base + (p.wellbeing - 0.5) * 0.6 + improvement));
  return r.chance(yes) ? 'yes' : 'no';
}

/** A checklist for one plan: the previous answers carried over with some changes, or fresh ones. */
function buildChecklist(
  r: Random,
  p: Profile,
  previous: AnyChecklist | undefined,
  who: { by: AnsweredBy; locale: string; variant: Variant },
  day: string,
  improvement: number,
  specialNote: string | undefined,
): AnyChecklist {
  const set = questionSet();
  let doc = emptyChecklist(set);
  const welsh = who.locale.startsWith('cy');
  const questions = set.questions;
  // The special note (e.g. one with markup in it) goes on a fixed question so the demo always shows it.
  for (const q of questions) {
    const prev = previous ? getPrev(previous, q) : undefined;
    let value: AnswerValue;
    if (prev && !r.chance(0.18)) value = prev;
    else value = answerFor(r, q, p, improvement);
    let note: string | undefined;
    const domain = q.domain as DomainId;
    if (value === 'no' && r.chance(0.22))
      note = welsh && r.chance(0.7) ? r.pick(W.NOTES_CY_NO) : r.pick(W.NOTES_NO[domain]);
    else if (value === 'yes' && r.chance(0.04))
      note = welsh && r.chance(0.7) ? r.pick(W.NOTES_CY_YES) : r.pick(W.NOTES_YES[domain]);
    if (q.id === 'housing.internet' && value === 'no' && r.chance(0.5))
      note = welsh ? 'does dim wifi yn y fflat, rhaid i fi fynd i’r llyfrgell' : r.pick(W.NOTES_NO.housing.slice(1, 3));
    if (specialNote && q.id === 'independence.online-safety') {
      value = 'yes';
      note = specialNote;
    }
    // Only young people ask for help on their own answers; the worker answering alone does not tick it for them.
    const help = who.by !== 'worker' && value === 'no' && q.kind !== 'help' && r.chance(0.28);
    const minute = r.int(0, 50);
    doc = setAnswer(
      set,
      doc,
      q.id,
      { value, ...(note ? { note } : {}), help },
      {
        by: who.by,
        locale: who.locale,
        variant: who.variant,
        at: `${day}T${String(10 + (minute % 7)).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`,
      },
    );
  }
  const checked = validateChecklist(doc);
  if (!checked.ok)
    throw new Error(
      `Seed made an invalid checklist: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  return doc;
}

function getPrev(doc: AnyChecklist, q: Question): AnswerValue | undefined {
  const d = (doc.answers as Record<string, Record<string, { value: AnswerValue }> | undefined>)[q.domain];
  return d?.[q.key]?.value;
}

const ACTIVITY: readonly (readonly [string, number])[] = [
  ['F1', 6],
  ['P1', 1],
  ['F2', 22],
  ['P2', 4],
  ['F4', 6],
  ['P4', 1],
  ['F5', 14],
  ['P5', 8],
  ['G4', 8],
  ['G5', 22],
  ['G6', 6],
];
const ACCOM_18: readonly (readonly [string, number])[] = [
  ['U', 32],
  ['D', 18],
  ['E', 8],
  ['B', 10],
  ['T', 5],
  ['K', 5],
  ['Y', 3],
  ['V', 2],
  ['W', 1],
  ['S', 1],
  ['X', 2],
];
const ACCOM_17: readonly (readonly [string, number])[] = [
  ['C', 10],
  ['D', 30],
  ['E', 20],
  ['B', 8],
  ['Y', 32],
];

function ssda903(
  r: Random,
  age: number,
  p: Profile,
  stayingPutActive: boolean,
): NonNullable<PathwayPlan['ssda903']> | undefined {
  if (age < 17) return undefined;
  const inTouch =
    p.engages === 'never'
      ? r.weighted([
          ['YES', 60],
          ['NO', 20],
          ['REFU', 20],
        ] as const)
      : r.weighted([
          ['YES', 95],
          ['NREQ', 2],
          ['RHOM', 2],
          ['NO', 1],
        ] as const);
  if (inTouch !== 'YES') return { inTouch, activity: '0', accommodation: '0' };
  // NEET is more likely when things are going badly.
  let activity = r.weighted(ACTIVITY);
  if (p.wellbeing > 0.6 && activity.startsWith('G') && r.chance(0.5)) activity = 'F2';
  let type: string;
  if (stayingPutActive) type = 'Z';
  else type = r.weighted(age < 18 ? ACCOM_17 : ACCOM_18);
  let suitable = type === 'S' || type === 'X' ? 2 : r.chance(0.85 + (p.wellbeing - 0.5) * 0.2) ? 1 : 2;
  if (type === 'Z') suitable = 1;
  return {
    inTouch,
    activity: activity as NonNullable<PathwayPlan['ssda903']>['activity'],
    accommodation: `${type}${suitable}`,
  };
}

function person(s: SeedStaff): { id: string; name: string } {
  return { id: s.id, name: s.name };
}

interface Ctx {
  r: Random;
  today: string;
  council: SeedCouncil;
  specialNoteUsed: boolean;
}

function makeGoals(
  r: Random,
  domain: DomainId,
  pa: SeedStaff,
  ypName: string,
  from: string,
  n: number,
  planId: string,
) {
  const pool = W.GOALS[domain];
  type Goal = NonNullable<NonNullable<PathwayPlan['domains']['housing']>['goals']>[number];
  const goals: Goal[] = [];
  for (let i = 0; i < Math.min(n, pool.length); i++) {
    const g = pool[(i + r.int(0, pool.length - 1)) % pool.length]!;
    if (goals.some((x) => x.goal === g.goal)) continue;
    goals.push({
      id: `${planId}.${domain}.g${i + 1}`,
      goal: g.goal,
      actions: g.actions.map(([what, who], j) => ({
        id: `${planId}.${domain}.g${i + 1}.a${j + 1}`,
        what,
        who: who === 'pa' ? pa.name : who === 'yp' ? ypName : 'Housing officer',
        byWhen: addDays(from, r.int(14, 120)),
        ...(r.chance(0.3) ? { done: true } : {}),
      })),
    });
  }
  return goals;
}

function buildPlans(
  ctx: Ctx,
  yp: SeedYoungPerson,
  p: Profile,
  pa: SeedStaff,
  manager: SeedStaff,
  sw: SeedStaff | undefined,
): SeedPlan[] {
  const { r, today } = ctx;
  const plans: SeedPlan[] = [];
  const sixteen = birthday(yp.dateOfBirth, 16);
  // The first plan in the demo window: two years back, or a few weeks after the 16th birthday.
  let start =
    parseDate(sixteen) > parseDate(addMonths(today, -24))
      ? addDays(sixteen, r.int(30, 80))
      : addDays(addMonths(today, -24), r.int(0, 170));
  let previous: AnyChecklist | undefined;
  let previousId: string | undefined;
  let n = 0;
  const locale = yp.language === 'cy' ? 'cy' : 'en-GB';
  const variant: Variant = yp.easyRead ? 'easy' : 'standard';
  // Plans stop at 25; a plan is only started when it can be authorised before the 25th birthday.
  while (parseDate(start) <= parseDate(today) && ageOn(yp.dateOfBirth, addDays(start, 70)) < 25) {
    n++;
    const id = `${yp.id}.plan${n}`;
    const attempts: PathwayPlan['engagement']['attempts'] = [];
    let completedBy: PathwayPlan['engagement']['completedBy'];
    let by: AnsweredBy;
    const engages =
      p.engages === 'never'
        ? r.chance(0.8)
          ? 'never'
          : 'phone'
        : p.engages === 'alone' && r.chance(0.3)
          ? 'together'
          : p.engages;
    const history: SeedPlanEvent[] = [{ type: 'plan.start', at: at(r, start), by: pa.id }];
    if (engages === 'never') {
      const methods = ['message', 'phone', 'in-person', 'letter'] as const;
      // Three tries on three different days, 4 to 9 days apart.
      let offset = 3;
      for (let i = 0; i < 3; i++) {
        const gap = r.int(4, 9);
        if (i > 0) offset += gap;
        const day = addDays(start, offset);
        const method = methods[i % methods.length]!;
        const outcome = r.chance(0.8) ? 'no-reply' : 'declined';
        // The note says what the outcome is coded as: a refusal is the young person's no, not a missed call.
        attempts.push({ at: at(r, day), method, outcome, note: W.engagementNote(method, outcome) });
      }
      completedBy = 'worker-without-young-person';
      by = 'worker';
    } else {
      if (r.chance(0.35))
        attempts.push({
          at: at(r, addDays(start, 2)),
          method: 'message',
          outcome: 'no-reply',
          note: W.ENGAGEMENT_NOTES[0]!,
        });
      const method =
        engages === 'phone' ? 'phone' : engages === 'alone' ? 'message' : r.pick(['in-person', 'video'] as const);
      attempts.push({ at: at(r, addDays(start, r.int(5, 14))), method, outcome: 'engaged' });
      completedBy = engages === 'alone' ? 'young-person' : engages === 'phone' ? 'together-by-phone' : 'together';
      by = engages === 'alone' ? 'young-person' : 'together';
    }
    for (const a of attempts) history.push({ type: 'plan.engagement', at: a.at, by: pa.id });
    const answeredDay = addDays(start, r.int(15, 20));
    const age = ageOn(yp.dateOfBirth, start);
    const improvement = Math.min(0.12, n * 0.025);
    const special =
      !ctx.specialNoteUsed &&
      yp.demo !== true &&
      yp.paId.endsWith('pa1') &&
      ctx.council.nation === 'england' &&
      by !== 'worker';
    const checklist = buildChecklist(
      r,
      p,
      previous,
      { by, locale, variant },
      answeredDay,
      improvement,
      special ? "I typed <script>alert('hi')</script> in here to see if it breaks lol" : undefined,
    );
    if (special) ctx.specialNoteUsed = true;

    const domains: PathwayPlan['domains'] = {};
    const answers = checklist.answers as Record<
      string,
      Record<string, { value: AnswerValue; note?: string; help?: boolean }>
    >;
    for (const d of DOMAINS) {
      const list = Object.values(answers[d] ?? {});
      const nos = list.filter((a) => a.value === 'no').length;
      const helpNote = list.find((a) => a.note && a.value === 'no')?.note;
      const goodNote = list.find((a) => a.note && a.value === 'yes')?.note;
      const entry: NonNullable<PathwayPlan['domains']['housing']> = {};
      if (goodNote) entry.goingWell = goodNote;
      if (nos > 0) {
        entry.needs = helpNote ?? `Some things in ${d} are not right yet (${nos} answered "no").`;
        if (nos >= 2 || list.some((a) => a.help))
          entry.goals = makeGoals(
            r,
            d,
            pa,
            yp.preferredName ?? yp.name.split(' ')[0]!,
            answeredDay,
            nos >= 3 ? 2 : 1,
            id,
          );
      }
      if (Object.keys(entry).length) domains[d] = entry;
    }
    // When the plan was authorised (or will be): two to five weeks after it started.
    const submitDay = addDays(answeredDay, r.int(3, 12));
    const authoriseDay = addDays(submitDay, r.int(2, 10));
    const wasReturned = r.chance(0.15);
    const stayingPutActive =
      yp.stayingPut?.step === 'active' &&
      parseDate(yp.stayingPut.steps.find((s) => s.step === 'active')?.at ?? today) <= parseDate(start);
    const code = ssda903(r, age, p, stayingPutActive);
    const plan: PathwayPlan = {
      schemaVersion: 1,
      id,
      council: yp.councilId,
      ...(previousId ? { previousPlanId: previousId } : {}),
      youngPerson: {
        id: yp.id,
        name: yp.name,
        ...(yp.preferredName ? { preferredName: yp.preferredName } : {}),
        dateOfBirth: yp.dateOfBirth,
        category: categoryAt(yp, start, p),
        language: yp.language,
      },
      pa: person(pa),
      ...(sw && age < 18 ? { socialWorker: person(sw) } : {}),
      manager: person(manager),
      started: start,
      wording: { questionSetVersion: questionSet().version, locale, variant },
      checklist: checklist as PathwayPlan['checklist'],
      domains,
      ...(code?.accommodation && code.accommodation !== '0'
        ? {
            accommodation: {
              type: code.accommodation[0] as NonNullable<PathwayPlan['accommodation']>['type'],
              suitable: code.accommodation[1] === '1',
            },
          }
        : {}),
      contactAndSupport: {
        what:
          age < 18
            ? 'Visits from the social worker and the PA, and phone calls in between.'
            : 'Visits from the PA, phone and text in between.',
        howOften:
          age < 18
            ? 'Every 6 weeks, and a call every week'
            : r.pick(['Every 4 weeks', 'Every 8 weeks', 'Every 2 weeks while things are hard']),
        who: age < 18 && sw ? `${pa.name} (PA) and ${sw.name} (social worker)` : `${pa.name} (PA)`,
      },
      contingency: r.pick([
        'If the flat falls through, the young person can stay in supported lodgings while we find somewhere else. Out of hours: the emergency duty team.',
        'If college does not work out, we will look at traineeships and the youth employment hub together.',
        'If the young person loses their income, the PA will help them apply for hardship payments the same week.',
      ]),
      views: {
        ...(by !== 'worker'
          ? { youngPerson: yp.language === 'cy' && r.chance(0.6) ? r.pick(W.VIEWS_YP_CY) : r.pick(W.VIEWS_YP) }
          : {}),
        pa:
          by === 'worker'
            ? 'Three attempts to meet were not answered; the plan was written from what we know and will be shared with the young person.'
            : 'Doing well overall; the goals below are what we agreed together.',
      },
      consulted: [
        { name: pa.name, role: 'Personal adviser' },
        ...(sw && age < 18 ? [{ name: sw.name, role: 'Social worker' }] : []),
      ],
      engagement: { attempts, completedBy },
      ...(code ? { ssda903: code } : {}),
      signOffs: [],
    };

    const ended = parseDate(today);
    let status: PlanStatus;
    if (
      parseDate(authoriseDay) <= ended &&
      (parseDate(addMonths(authoriseDay, 6)) <= ended || r.chance(0.85) || n === 1)
    ) {
      // A finished cycle: submitted, maybe returned once, then authorised.
      history.push({ type: 'plan.submit', at: at(r, submitDay), by: pa.id });
      if (wasReturned) {
        const c = r.pick(W.RETURN_COMMENTS);
        const rd = addDays(submitDay, 1);
        history.push({ type: 'plan.return', at: at(r, rd), by: manager.id, comment: c });
        plan.returns = [{ by: person(manager), at: history[history.length - 1]!.at, comment: c }];
        history.push({ type: 'plan.submit', at: at(r, addDays(rd, 1)), by: pa.id });
      }
      history.push({ type: 'plan.authorise', at: at(r, authoriseDay), by: manager.id });
      plan.authorised = authoriseDay;
      plan.nextReview = addMonths(authoriseDay, 6);
      plan.signOffs = [
        ...(by !== 'worker' ? [{ role: 'young-person' as const, name: yp.name, at: at(r, submitDay) }] : []),
        { role: 'pa' as const, name: pa.name, at: at(r, submitDay) },
        { role: 'team-manager' as const, name: manager.name, at: history[history.length - 1]!.at },
      ];
      status = 'authorised';
    } else if (parseDate(submitDay) <= ended && r.chance(0.5)) {
      history.push({ type: 'plan.submit', at: at(r, submitDay), by: pa.id });
      status = 'submitted';
      if (wasReturned && parseDate(addDays(submitDay, 1)) <= ended) {
        const c = r.pick(W.RETURN_COMMENTS);
        history.push({ type: 'plan.return', at: at(r, addDays(submitDay, 1)), by: manager.id, comment: c });
        plan.returns = [{ by: person(manager), at: history[history.length - 1]!.at, comment: c }];
        status = 'returned';
      }
    } else status = 'draft';
    // Answers dated after today are not given yet: a draft started recently has only some answers.
    if (status === 'draft' && parseDate(answeredDay) > ended)
      plan.checklist = partial(r, plan.checklist as AnyChecklist) as PathwayPlan['checklist'];

    const ok = validatePlan(plan);
    if (!ok.ok)
      throw new Error(`Seed made an invalid plan ${id}: ${ok.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    plans.push({ plan, status, history: history.filter((h) => parseDate(h.at.slice(0, 10)) <= ended) });
    if (status !== 'authorised') break;
    previous = checklist;
    previousId = id;
    // The next review: six months on; some are done early after a significant change, some run late.
    const due = addMonths(authoriseDay, 6);
    const shift = r.weighted([
      [-30, 10],
      [-10, 30],
      [0, 30],
      [20, 15],
      [45, 15],
    ] as const);
    start = addDays(due, shift - 25);
  }
  return plans;
}

function partial(r: Random, doc: AnyChecklist): AnyChecklist {
  const keep = r.int(0, 5);
  const answers = doc.answers as Record<string, unknown>;
  const next: Record<string, unknown> = {};
  DOMAINS.slice(0, keep).forEach((d) => {
    if (answers[d]) next[d] = answers[d];
  });
  return { ...doc, answers: next } as AnyChecklist;
}

function categoryAt(yp: SeedYoungPerson, day: string, p: Profile): PathwayPlan['youngPerson']['category'] {
  const age = ageOn(yp.dateOfBirth, day);
  if (age >= 18) return yp.category === 'qualifying' ? 'qualifying' : 'former-relevant';
  return p.fosterBefore18 || yp.category === 'eligible' ? 'eligible' : 'relevant';
}

function buildCheckIns(ctx: Ctx, yp: SeedYoungPerson, p: Profile): CheckIn[] {
  const { r, today } = ctx;
  if (yp.account !== 'active') return [];
  const out: CheckIn[] = [];
  const count = r.int(1, 9);
  const first = Math.max(parseDate(addMonths(today, -24)), parseDate(birthday(yp.dateOfBirth, 16)));
  const span = parseDate(today) - first;
  const days: number[] = [];
  for (let i = 0; i < count; i++) days.push(first + Math.floor(r.next() * span));
  // The most recent check-in of some young people is this week, so the PA's help list is never empty.
  if (r.chance(0.25)) days.push(parseDate(today) - r.int(0, 6) * DAY);
  days.sort((a, b) => a - b);
  days.forEach((d, i) => {
    const moods: CheckIn['moods'] = {};
    const domains = r.chance(0.6) ? DOMAINS : DOMAINS.filter(() => r.chance(0.4));
    for (const dom of domains.length ? domains : (['health'] as const)) {
      const x = p.wellbeing + (r.next() - 0.5) * 0.7;
      const mood = x > 0.62 ? 'good' : x > 0.32 ? 'ok' : 'bad';
      const help = mood === 'bad' && r.chance(0.45);
      const note =
        mood === 'bad' && r.chance(0.35)
          ? yp.language === 'cy'
            ? r.pick(W.CHECK_IN_NOTES_CY)
            : r.pick(W.CHECK_IN_NOTES_BAD)
          : mood === 'good' && r.chance(0.08)
            ? r.pick(W.CHECK_IN_NOTES_GOOD)
            : undefined;
      moods[dom] = { mood, ...(help ? { help } : {}), ...(note ? { note } : {}) };
    }
    const c: CheckIn = {
      id: `${yp.id}.checkin${i + 1}`,
      youngPersonId: yp.id,
      author: 'young-person',
      at: new Date(d + r.int(8, 22) * 3_600_000 + r.int(0, 59) * 60_000).toISOString(),
      locale: yp.language === 'cy' ? 'cy' : 'en-GB',
      moods,
    };
    const ok = validateCheckIn(c);
    if (!ok.ok)
      throw new Error(`Seed made an invalid check-in: ${ok.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    out.push(c);
  });
  return out;
}

function buildStayingPut(
  ctx: Ctx,
  yp: SeedYoungPerson,
  carers: SeedStaff[],
  pa: SeedStaff,
  sw: SeedStaff | undefined,
  ssw: SeedStaff | undefined,
  manager: SeedStaff,
): SeedStayingPut | undefined {
  const { r, today } = ctx;
  const age = ageOn(yp.dateOfBirth, today);
  if (age < 16 || age > 21) return undefined;
  const eighteen = birthday(yp.dateOfBirth, 18);
  // Each step's usual date, from the date of birth (see docs/reference-app.md, Staying Put tracker).
  const due: Record<StayingPutStep, string> = {
    identified: addDays(birthday(yp.dateOfBirth, 16), r.int(0, 30)),
    discussed: addDays(birthday(yp.dateOfBirth, 16), r.int(30, 80)),
    'in-plan': addDays(birthday(yp.dateOfBirth, 16), r.int(80, 180)),
    'agreement-meeting': addDays(eighteen, -r.int(40, 90)),
    'agreement-drafted': addDays(eighteen, -r.int(25, 39)),
    signed: addDays(eighteen, -r.int(10, 24)),
    approved: addDays(eighteen, -r.int(3, 9)),
    checks: addDays(eighteen, -r.int(0, 2)),
    active: eighteen,
    ended: birthday(yp.dateOfBirth, 21),
  };
  const steps: { step: StayingPutStep; at: string }[] = [];
  // Some arrangements run late: a step is only reached some days after it was due.
  const lateness = r.weighted([
    [0, 60],
    [10, 25],
    [40, 15],
  ] as const);
  let current: StayingPutStep = 'identified';
  for (const s of STAYING_PUT_STEPS) {
    if (s === 'ended') break;
    let d = addDays(due[s], s === 'active' ? 0 : r.int(0, lateness));
    // Steps happen in order: a late step pushes the next ones back (the arrangement itself still starts at 18).
    const prev = steps[steps.length - 1]?.at;
    if (prev && parseDate(d) <= parseDate(prev)) d = addDays(prev, s === 'active' ? 0 : 1);
    if (s === 'active' && parseDate(d) < parseDate(eighteen)) d = eighteen;
    if (parseDate(d) > parseDate(today)) break;
    steps.push({ step: s, at: d });
    current = s;
  }
  if (!steps.length) return undefined;
  let ended: SeedStayingPut['ended'];
  if (current === 'active' && r.chance(0.18)) {
    const endDay = addDays(
      eighteen,
      r.int(120, Math.max(121, Math.floor((parseDate(today) - parseDate(eighteen)) / DAY))),
    );
    if (parseDate(endDay) <= parseDate(today)) {
      const planned = r.chance(0.7);
      ended = {
        at: endDay,
        planned,
        situation: planned
          ? r.pick(['Moved into their own council flat.', 'Moved to university halls.', 'Moved in with their partner.'])
          : r.pick(['Left after a falling out; now in supported accommodation.', 'Moved back to a relative.']),
      };
      steps.push({ step: 'ended', at: endDay });
      current = 'ended';
    }
  }
  const carerPair = carers.length > 1 && r.chance(0.6) ? carers.slice(0, 2) : carers.slice(0, 1);
  const reached = (s: StayingPutStep) => steps.some((x) => x.step === s);
  let agreement: LivingTogetherAgreement | undefined;
  if (reached('agreement-drafted')) {
    const agreed = steps.find((x) => x.step === 'agreement-drafted')!.at;
    const signedAt = steps.find((x) => x.step === 'signed')?.at;
    const ypFirst = yp.preferredName ?? yp.name.split(' ')[0]!;
    agreement = {
      schemaVersion: 1,
      id: `${yp.id}.lta1`,
      council: yp.councilId,
      ...(yp.plans.length ? { pathwayPlanId: yp.plans[yp.plans.length - 1]!.plan.id } : {}),
      youngPerson: {
        id: yp.id,
        name: yp.name,
        ...(yp.preferredName ? { preferredName: yp.preferredName } : {}),
        dateOfBirth: yp.dateOfBirth,
      },
      carers: carerPair.map(person),
      pa: person(pa),
      ...(sw ? { socialWorker: person(sw) } : {}),
      ...(ssw ? { supervisingSocialWorker: person(ssw) } : {}),
      address: `${r.int(2, 140)} ${r.pick(W.STREETS)}, ${ctx.council.nation === 'wales' ? 'Afon' : 'Northbridge'}`,
      dates: { agreed, starts: eighteen, firstReview: addDays(eighteen, 28), plannedEnd: birthday(yp.dateOfBirth, 21) },
      checks: {
        dbsNeeded: r.chance(0.4),
        ...(reached('checks') ? { dbsDone: steps.find((x) => x.step === 'checks')!.at } : {}),
        ...(reached('approved') ? { carerApproved: steps.find((x) => x.step === 'approved')!.at } : {}),
        inPathwayPlan: true,
      },
      houseRules: {
        visitors: 'Friends are welcome until 10pm. Let us know in the morning if someone is coming round.',
        overnightGuests: 'Ask first, at least a day before.',
        stayingAway: `${ypFirst} texts if they are staying out overnight so nobody worries.`,
        keys: `${ypFirst} has a front door key. If it is lost we share the cost of a new one.`,
        quietHours: 'Quiet after 11pm on weeknights.',
        smoking: 'No smoking inside. The back garden is fine.',
        alcoholAndDrugs: 'No drugs in the house. Alcohol in moderation.',
        sharedSpaces: 'Clear up after cooking. The lounge is shared.',
      },
      skills: [
        {
          skill: 'Cook a meal for the house once a week',
          targetDate: addDays(eighteen, 60),
          ...(r.chance(0.5) ? { done: true } : {}),
        },
        { skill: 'Do own washing and ironing', targetDate: addDays(eighteen, 30) },
        { skill: 'Set up and pay a phone bill', targetDate: addDays(eighteen, 90) },
      ],
      money: {
        contribution: {
          amountPence: r.pick([2500, 3000, 3500, 4000]),
          period: 'week',
          method: 'Standing order',
          starts: eighteen,
          covers: 'Food, heating, hot water and wifi.',
        },
        benefits: 'The PA helps with the Universal Credit claim, with a letter from the council about housing costs.',
        carerAllowance: { amountPence: r.pick([25000, 27500, 30000]), period: 'week', visibleToYoungPerson: false },
        arrears: 'If a payment is missed we talk about it the same week and agree how to catch up. The PA can help.',
        contracts: 'Broadband is in the carer’s name; the contribution covers it.',
      },
      support: [
        { from: 'carer', what: 'Help with cooking, budgeting and college work.', howOften: 'Every day' },
        { from: 'pa', what: 'Visits and help with money, housing and plans for moving on.', howOften: 'Every 6 weeks' },
        ...(ssw
          ? [{ from: 'supervising-social-worker' as const, what: 'Supports the carers.', howOften: 'Every 8 weeks' }]
          : []),
      ],
      responsibilities: {
        youngPerson: 'Pay my contribution on time, keep to the house rules, tell my PA if something is wrong.',
        carer: 'Give a safe, warm home and help with learning to live on my own.',
        council: 'Pay the carer, review the arrangement with everyone, and help with moving on.',
      },
      disagreements:
        'Talk to each other first. If that does not work, talk to the PA. You can ask for an independent advocate at any time.',
      ending: {
        noticeByYoungPerson: '4 weeks',
        noticeByCarer: '8 weeks, except in an emergency',
        moveOnSteps: 'Housing register by 20; a move-on meeting 3 months before the planned end.',
        unplanned: 'If the arrangement ends suddenly the PA finds somewhere safe the same day.',
      },
      signOffs: signedAt
        ? [
            { party: 'young-person', name: yp.name, at: at(r, signedAt), copyGiven: true },
            ...carerPair.map((c) => ({ party: 'carer' as const, name: c.name, at: at(r, signedAt), copyGiven: true })),
            { party: 'pa', name: pa.name, at: at(r, signedAt), copyGiven: true },
            ...(reached('approved')
              ? [
                  {
                    party: 'team-manager' as const,
                    name: manager.name,
                    at: at(r, steps.find((x) => x.step === 'approved')!.at),
                  },
                ]
              : []),
          ]
        : [],
    };
    const ok = validateAgreement(agreement);
    if (!ok.ok)
      throw new Error(`Seed made an invalid agreement: ${ok.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return {
    id: `${yp.id}.sp`,
    carerIds: carerPair.map((c) => c.id),
    step: current,
    steps,
    ...(agreement ? { agreement } : {}),
    ...(ended ? { ended } : {}),
  };
}

interface CouncilSpec {
  id: string;
  name: string;
  nation: 'england' | 'wales';
  domain: string;
  size: number;
  teams: string[];
  pasPerTeam: number;
  socialWorkers: number;
  carers: number;
}

function buildCouncil(seedR: Random, spec: CouncilSpec, today: string): SeedCouncil {
  const r = seedR.fork(spec.id);
  const council: SeedCouncil = {
    id: spec.id,
    name: spec.name,
    nation: spec.nation,
    teams: [],
    staff: [],
    youngPeople: [],
  };
  const welsh = spec.nation === 'wales';
  const usedNames = new Set<string>();
  const staffName = () => {
    for (;;) {
      const n =
        welsh && r.chance(0.6)
          ? `${r.pick(W.WELSH_FIRST_NAMES)} ${r.pick(W.WELSH_SURNAMES)}`
          : `${r.pick(W.FIRST_NAMES)} ${r.pick(W.SURNAMES)}`;
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const addStaff = (role: StaffRole, id: string, teamId?: string, demo?: boolean, email?: string) => {
    const name = staffName();
    const s: SeedStaff = {
      id,
      councilId: spec.id,
      name,
      email: email ?? slugEmail(name, spec.domain),
      role,
      ...(teamId ? { teamId } : {}),
      ...(demo ? { demo } : {}),
    };
    council.staff.push(s);
    return s;
  };
  // Demo accounts have easy emails: pa@…, manager@…, so the printed list is short to type.
  addStaff('admin', `${spec.id}.admin`, undefined, true, `admin@${spec.domain}`);
  addStaff('analyst', `${spec.id}.analyst`, undefined, true, `analyst@${spec.domain}`);
  const pas: SeedStaff[] = [];
  spec.teams.forEach((teamName, t) => {
    const teamId = `${spec.id}.team${t + 1}`;
    const m = addStaff(
      'team-manager',
      `${teamId}.manager`,
      teamId,
      t === 0,
      t === 0 ? `manager@${spec.domain}` : undefined,
    );
    council.teams.push({ id: teamId, councilId: spec.id, name: teamName, managerId: m.id });
    for (let i = 0; i < spec.pasPerTeam; i++) {
      const first = t === 0 && i === 0;
      pas.push(addStaff('pa', `${teamId}.pa${i + 1}`, teamId, first, first ? `pa@${spec.domain}` : undefined));
    }
  });
  const sws: SeedStaff[] = [];
  for (let i = 0; i < spec.socialWorkers; i++)
    sws.push(
      addStaff(
        'social-worker',
        `${spec.id}.sw${i + 1}`,
        council.teams[i % council.teams.length]!.id,
        i === 0,
        i === 0 ? `social.worker@${spec.domain}` : undefined,
      ),
    );
  const ssw = addStaff('supervising-social-worker', `${spec.id}.ssw1`, undefined, true, `fostering@${spec.domain}`);
  const carers: SeedStaff[] = [];
  for (let i = 0; i < spec.carers; i++)
    carers.push(
      addStaff('carer', `${spec.id}.carer${i + 1}`, undefined, i === 0, i === 0 ? `carer@${spec.domain}` : undefined),
    );

  const ypNames = new Set<string>();
  let specialNoteUsed = false;
  for (let i = 0; i < spec.size; i++) {
    const id = `${spec.id}.yp${String(i + 1).padStart(4, '0')}`;
    const uasc = !welsh && r.chance(0.09);
    const welshSpeaker = welsh && r.chance(0.4);
    let name: string;
    do {
      name = uasc
        ? `${r.pick(W.UASC_FIRST_NAMES)} ${r.pick(W.UASC_SURNAMES)}`
        : welsh && r.chance(0.6)
          ? `${r.pick(W.WELSH_FIRST_NAMES)} ${r.pick(W.WELSH_SURNAMES)}`
          : `${r.pick(W.FIRST_NAMES)} ${r.pick(W.SURNAMES)}`;
    } while (ypNames.has(name));
    ypNames.add(name);
    // Ages 16 to 25 on today; more at 17-21, where most leaving-care work is.
    const age = r.weighted([
      [16, 9],
      [17, 12],
      [18, 13],
      [19, 13],
      [20, 12],
      [21, 11],
      [22, 9],
      [23, 8],
      [24, 7],
      [25, 6],
    ] as const);
    const dob = addDays(addMonths(today, -12 * age), -r.int(1, 364));
    const p: Profile = {
      wellbeing: Math.min(1, Math.max(0, (r.next() + r.next() + r.next()) / 3)),
      internet: !r.chance(welsh ? 0.33 : 0.28),
      uasc,
      engages: r.weighted([
        ['alone', 10],
        ['together', 55],
        ['phone', 20],
        ['never', 15],
      ] as const),
      fosterBefore18: r.chance(uasc ? 0.3 : 0.45),
    };
    const team = council.teams[i % council.teams.length]!;
    const teamPas = pas.filter((x) => x.teamId === team.id);
    const pa = teamPas[Math.floor(i / council.teams.length) % teamPas.length]!;
    const sw = age < 18 ? sws[i % sws.length] : undefined;
    const manager = council.staff.find((s) => s.id === team.managerId)!;
    const demo = i === 0;
    const account: SeedYoungPerson['account'] = demo
      ? 'active'
      : p.engages === 'never'
        ? r.chance(0.5)
          ? 'invited'
          : 'none'
        : r.weighted([
            ['active', 65],
            ['invited', 10],
            ['none', 25],
          ] as const);
    const yp: SeedYoungPerson = {
      id,
      councilId: spec.id,
      teamId: team.id,
      name,
      ...(r.chance(0.1) ? { preferredName: r.pick(W.NICKNAMES) } : {}),
      dateOfBirth: dob,
      category:
        age >= 18 ? (r.chance(0.06) ? 'qualifying' : 'former-relevant') : p.fosterBefore18 ? 'eligible' : 'relevant',
      language: welshSpeaker ? 'cy' : uasc ? r.pick(['ar', 'ps', 'ti', 'fa', 'en-GB']) : 'en-GB',
      easyRead: r.chance(0.1),
      paId: pa.id,
      ...(sw ? { socialWorkerId: sw.id } : {}),
      account,
      ...(account !== 'none' ? { email: demo ? `young.person@${spec.domain}` : `yp${i + 1}@${spec.domain}` } : {}),
      ...(demo ? { demo: true } : {}),
      plans: [],
      checkIns: [],
    };
    if (demo) {
      // The demo young person: 18, with their former foster carers (Staying Put), doing the checklist with the PA.
      yp.dateOfBirth = addDays(addMonths(today, -12 * 18), -r.int(40, 100));
      yp.category = 'former-relevant';
      yp.language = welsh ? 'cy' : 'en-GB';
      p.fosterBefore18 = true;
      p.engages = 'together';
    }
    const ctx: Ctx = { r: r.fork(id), today, council, specialNoteUsed };
    const ageNow = ageOn(yp.dateOfBirth, today);
    // Staying Put is worked out first, so plans made while it is active record accommodation Z.
    if (p.fosterBefore18 && ageNow <= 21 && (demo || ctx.r.chance(ageNow < 18 ? 0.75 : 0.55))) {
      const sp = buildStayingPut(
        ctx,
        yp,
        demo ? carers.slice(0, 2) : [carers[i % carers.length]!, carers[(i + 1) % carers.length]!],
        pa,
        // The social worker the young person had before 18 is a party to the agreement drawn up then.
        sw ?? sws[i % sws.length],
        ssw,
        manager,
      );
      if (sp) yp.stayingPut = sp;
    }
    yp.plans = buildPlans(ctx, yp, p, pa, manager, sw);
    if (yp.stayingPut?.agreement && yp.plans.length)
      yp.stayingPut.agreement.pathwayPlanId = yp.plans[yp.plans.length - 1]!.plan.id;
    yp.checkIns = buildCheckIns(ctx, yp, p);
    specialNoteUsed = ctx.specialNoteUsed;
    council.youngPeople.push(yp);
  }
  return council;
}

/** Build the demo data. Pure: no I/O, no clock unless `today` is left out. */
export function buildSeed(options: SeedOptions = {}): SeedData {
  const seed = options.seed ?? 2026;
  const today = options.today ?? ukDate(new Date());
  if (!isIsoDate(today)) throw new Error(`seed option "today" must be a date like 2026-03-01 (got "${today}").`);
  const size = options.size ?? 400;
  if (!Number.isInteger(size) || size < 1 || size > 20000)
    throw new Error(`seed option "size" must be a whole number from 1 to 20000 (got ${size}).`);
  const r = new Random(seed);
  const councils = [
    buildCouncil(
      r,
      {
        id: 'northbridge',
        name: 'Northbridge City Council',
        nation: 'england',
        domain: 'northbridge.example',
        size,
        teams: ['Pathways North', 'Pathways South', '16 Plus'],
        pasPerTeam: 5,
        socialWorkers: 6,
        carers: 14,
      },
      today,
    ),
    buildCouncil(
      r,
      {
        id: 'afon',
        name: 'Cyngor Sir Afon (Afon County Council)',
        nation: 'wales',
        domain: 'afon.example',
        size: options.secondSize ?? 36,
        teams: ['Tîm Gadael Gofal (Leaving Care)'],
        pasPerTeam: 2,
        socialWorkers: 1,
        carers: 4,
      },
      today,
    ),
  ];
  return { seed, today, councils, demoPassword: DEMO_PASSWORD };
}

/** The demo sign-ins, one line each, for printing at start. */
export function demoSignIns(data: SeedData): { council: string; role: string; email: string; name: string }[] {
  const out: { council: string; role: string; email: string; name: string }[] = [];
  for (const c of data.councils) {
    for (const yp of c.youngPeople)
      if (yp.demo && yp.email) out.push({ council: c.name, role: 'young person', email: yp.email, name: yp.name });
    for (const s of c.staff)
      if (s.demo) out.push({ council: c.name, role: s.role.replace(/-/g, ' '), email: s.email, name: s.name });
  }
  return out;
}

/** Counts for a summary line and for tests. */
export function seedSummary(data: SeedData) {
  const yps = data.councils.flatMap((c) => c.youngPeople);
  const plans = yps.flatMap((y) => y.plans);
  return {
    councils: data.councils.length,
    youngPeople: yps.length,
    staff: data.councils.reduce((s, c) => s + c.staff.length, 0),
    plans: plans.length,
    authorised: plans.filter((p) => p.status === 'authorised').length,
    submitted: plans.filter((p) => p.status === 'submitted').length,
    returned: plans.filter((p) => p.status === 'returned').length,
    drafts: plans.filter((p) => p.status === 'draft').length,
    checkIns: yps.reduce((s, y) => s + y.checkIns.length, 0),
    stayingPut: yps.filter((y) => y.stayingPut).length,
    agreements: yps.filter((y) => y.stayingPut?.agreement).length,
  };
}
