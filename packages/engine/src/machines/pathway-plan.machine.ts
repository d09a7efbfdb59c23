// Pathway plan: draft → submitted → returned | authorised (active) → review due → under review → superseded by the
// next plan. The PA and the young person fill in the checklist together or apart; after the council's number of
// unsuccessful attempts to reach the young person, on different days (a council setting), the PA may go ahead
// without them. If the young person answers after all, the plan says so: the voice comes from who gave each answer
// (answers/voice.ts). A team manager who wrote part of the plan cannot authorise it. Authorising freezes the wording
// version; the review is due six months later (the council may set fewer), within 28 working days of a significant
// change (recordable even while the plan is with a manager) and within 28 working days of the young person or PA
// asking. While the young person is still looked after (eligible) an Independent Reviewing Officer may ask for and
// start a review. The first plan is due from the 16th birthday, from becoming eligible or relevant if later, or from
// the day the record moved onto Onward from an older system.
import { and, assign, or, setup } from 'xstate';
import { ageOn, birthday, hasAttained } from '../dates/age.js';
import { daysBetween, type IsoDate, isIsoDate, ukDate } from '../dates/civil-date.js';
import {
  firstPlanDue,
  planReviewDueDate,
  type ReviewReason,
  significantChangeReviewDue,
  sixMonthReviewDue,
} from '../dates/deadlines.js';
import {
  type CouncilSettings,
  DEFAULT_COUNCIL_SETTINGS,
  LEGACY_RULES,
  NATIONS,
  type PathwayPlanRules,
  pathwayPlanRules,
} from '../settings/council-settings.js';
import {
  checks,
  dateList,
  type GuardSpec,
  id,
  inputObject,
  type LifecycleDefinition,
  oneOf,
  pastDate,
  personGuard,
  requireInput,
  roleGuard,
  text,
  xstateGuards,
} from './define.js';
import { type PathwayPlanContext as Ctx, LifecycleInputError, type MachineEvent } from './types.js';

/** Unsuccessful attempts to reach the young person before the PA may complete the plan without them (default). */
export const ATTEMPTS_BEFORE_PROCEEDING = DEFAULT_COUNCIL_SETTINGS.pathwayPlan.attemptsBeforeProceeding;

/** The rules this plan runs under: its own, or the old ones for a plan started before rules were recorded. */
export function planRules(context: Ctx): PathwayPlanRules {
  return context.rules ?? LEGACY_RULES['pathway-plan'];
}

/** Unsuccessful attempts since the last time the young person engaged, however close together. */
export function unsuccessfulAttempts(context: Ctx): number {
  let n = 0;
  for (const a of [...context.engagementAttempts].sort((x, y) => x.at.localeCompare(y.at)))
    n = a.outcome === 'engaged' ? 0 : n + 1;
  return n;
}

/**
 * Unsuccessful attempts since the young person last engaged that count towards going ahead without them: an
 * attempt counts when it was made at least the council's spacing (in UK calendar days) after the last one that
 * counted, so three calls in one afternoon are one attempt where attempts must be on different days.
 */
export function countedAttempts(context: Ctx): number {
  const spacing = planRules(context).attemptSpacingDays;
  let n = 0;
  let lastDay: IsoDate | undefined;
  for (const a of [...context.engagementAttempts].sort((x, y) => x.at.localeCompare(y.at))) {
    if (a.outcome === 'engaged') {
      n = 0;
      lastDay = undefined;
      continue;
    }
    const day = ukDate(new Date(a.at));
    if (lastDay === undefined || daysBetween(lastDay, day) >= spacing) {
      n++;
      lastDay = day;
    }
  }
  return n;
}

/** When the plan's next review is due and why, for an authorised plan (with the council's periods). */
export function planReviewDue(
  context: Ctx,
  settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS,
): { dueOn: IsoDate; because: ReviewReason } | undefined {
  return planReviewDueDate(context, settings);
}

function spacingWords(days: number): string {
  if (days <= 0) return '';
  return days === 1 ? ', each on a different day' : `, each at least ${days} days after the one before`;
}

const guards = {
  byTheYoungPerson: personGuard<Ctx>(
    'young-person',
    (c) => c.youngPersonId,
    'the young person the plan is for',
    'Only the young person this plan belongs to can do this.',
  ),
  byPa: roleGuard<Ctx>(['pa'], 'a PA', 'do this'),
  bySocialWorker: roleGuard<Ctx>(['social-worker'], 'a social worker', 'do this'),
  byTeamManager: roleGuard<Ctx>(['team-manager'], 'a team manager', 'do this'),
  byAdmin: roleGuard<Ctx>(['admin'], 'an admin', 'do this'),
  byIroWhileLookedAfter: {
    kind: 'who',
    roles: ['independent-reviewing-officer'],
    describe: 'an Independent Reviewing Officer, while the young person is still looked after (eligible)',
    refusal: () =>
      'An Independent Reviewing Officer takes part in the reviews of a young person who is still looked after (eligible). This young person is not.',
    test: (c, e) => e.actor.role === 'independent-reviewing-officer' && c.category === 'eligible',
  },
  notAnAuthor: {
    kind: 'who',
    describe: 'did not write any of the plan',
    refusal: () => 'You wrote part of this plan, so a different manager must authorise it.',
    test: (c, e) => !c.authorIds.includes(e.actor.id),
  },
  enoughUnsuccessfulAttempts: {
    kind: 'when',
    describe:
      "the council's number of unsuccessful attempts in a row to reach the young person (default 3), on different days (council setting: days apart)",
    refusal: (c) => {
      const r = planRules(c);
      return `The plan can go ahead without the young person only after ${r.attemptsBeforeProceeding} unsuccessful attempts in a row to reach them${spacingWords(r.attemptSpacingDays)}. So far: ${countedAttempts(c)}.`;
    },
    test: (c) => countedAttempts(c) >= planRules(c).attemptsBeforeProceeding,
  },
  youngPersonHasNotContributed: {
    kind: 'when',
    describe: 'the young person has not added answers (alone or with their worker)',
    refusal: () => 'The young person has already added their answers, so the plan is not done without them.',
    test: (c) => !c.youngPersonContributed,
  },
  notYetWithoutYoungPerson: {
    kind: 'when',
    describe: 'the PA has not already gone ahead without the young person',
    refusal: () => 'The plan is already going ahead without the young person. Submit it for authorisation.',
    test: (c) => !c.withoutYoungPerson,
  },
  readyToSubmit: {
    kind: 'when',
    describe:
      'the young person has added answers (alone, or with their worker in person or by phone), or the PA has gone ahead without them',
    refusal: (c) =>
      `The young person has not added their answers yet. Record each attempt to reach them; after ${planRules(c).attemptsBeforeProceeding} unsuccessful attempts${spacingWords(planRules(c).attemptSpacingDays)} you can go ahead without them.`,
    test: (c) => c.youngPersonContributed || c.withoutYoungPerson,
  },
  underTwentyFive: {
    kind: 'when',
    describe: 'the young person is under 25',
    refusal: () => 'The young person is 25 or older, so the plan ends here. Close it instead.',
    test: (c, e) => !hasAttained(c.dateOfBirth, 25, e.today),
  },
} satisfies Record<string, GuardSpec<Ctx>>;

type Way = Ctx['ways'][number];

function way(e: MachineEvent): Way {
  return (e.how as Way | undefined) ?? 'apart';
}

function withAuthor(c: Ctx, e: MachineEvent): string[] {
  if (e.actor.role === 'young-person' || c.authorIds.includes(e.actor.id)) return c.authorIds;
  return [...c.authorIds, e.actor.id];
}

const workerEdits = or(['byTheYoungPerson', 'byPa', 'bySocialWorker']);
const adopt = { 'plan.rules.adopt': { guard: 'byAdmin', actions: 'adoptRules' } } as const;
const canClose = or(['byTeamManager', 'byAdmin']);
const changeRecorders = or(['byPa', 'bySocialWorker', 'byTeamManager']);
const reviewAskers = or(['byTheYoungPerson', 'byPa', 'byIroWhileLookedAfter']);
const reviewStarters = or(['byPa', 'bySocialWorker', 'byIroWhileLookedAfter']);

export const pathwayPlanMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as MachineEvent,
    input: {} as Ctx,
  },
  guards: xstateGuards<Ctx, typeof guards>(guards),
  actions: {
    recordContribution: assign(({ context, event }) => ({
      authorIds: withAuthor(context, event),
      // Answers given with the worker, in person or by phone, are the young person's voice too: councils found
      // most young people answer with their PA rather than alone.
      youngPersonContributed:
        context.youngPersonContributed || event.actor.role === 'young-person' || way(event) !== 'apart',
      ways: context.ways.includes(way(event)) ? context.ways : [...context.ways, way(event)],
    })),
    recordAttempt: assign(({ context, event }) => ({
      engagementAttempts: [
        ...context.engagementAttempts,
        {
          // When the attempt was made (the worker says, e.g. yesterday's call); when it was recorded, if different.
          at: typeof event.madeAt === 'string' ? new Date(event.madeAt).toISOString() : event.at,
          ...(typeof event.madeAt === 'string' && new Date(event.madeAt).toISOString() !== event.at
            ? { recordedAt: event.at }
            : {}),
          by: event.actor.id,
          method: event.method as Ctx['engagementAttempts'][number]['method'],
          outcome: event.outcome as Ctx['engagementAttempts'][number]['outcome'],
        },
      ],
    })),
    proceedWithout: assign(({ context, event }) => ({
      withoutYoungPerson: true,
      authorIds: withAuthor(context, event),
    })),
    recordSubmission: assign(({ context, event }) => ({
      submittedBy: event.actor.id,
      submittedAt: event.at,
      authorIds: withAuthor(context, event),
      // Who actually answered decides, not the earlier decision to go ahead: a young person who answered after the
      // PA went ahead without them is in the plan in their own voice.
      completedBy: !context.youngPersonContributed
        ? ('worker-without-young-person' as const)
        : context.ways.includes('together')
          ? ('together' as const)
          : context.ways.includes('together-by-phone')
            ? ('together-by-phone' as const)
            : ('young-person' as const),
    })),
    recordReturn: assign(({ context, event }) => ({
      returns: [...context.returns, { by: event.actor.id, at: event.at, comment: String(event.comment) }],
    })),
    freeze: assign(({ event }) => ({
      authorisedBy: event.actor.id,
      authorisedOn: event.today,
      sixMonthReviewOn: sixMonthReviewDue(event.today),
      frozen: {
        wording: event.wording as NonNullable<Ctx['frozen']>['wording'],
        ...(typeof event.contentDigest === 'string' ? { contentDigest: event.contentDigest } : {}),
      },
    })),
    recordChange: assign(({ context, event }) => {
      const on = typeof event.on === 'string' ? event.on : event.today;
      const holidays = Array.isArray(event.bankHolidays) ? (event.bankHolidays as string[]) : [];
      return {
        significantChanges: [
          ...context.significantChanges,
          { on, recordedBy: event.actor.id, recordedAt: event.at, reviewBy: significantChangeReviewDue(on, holidays) },
        ],
      };
    }),
    recordReviewRequest: assign(({ context, event }) =>
      // The first request counts: a second one does not push the due date back.
      context.reviewRequestedOn ? {} : { reviewRequestedBy: event.actor.id, reviewRequestedOn: event.today },
    ),
    startReview: assign(({ event }) => ({ reviewStartedOn: event.today, nextPlanId: String(event.nextPlanId) })),
    close: assign(({ event }) => ({ closedOn: event.today, closedReason: event.reason as Ctx['closedReason'] })),
    adoptRules: assign(({ event }) => ({ rules: checkPlanRules(event.rules) })),
  },
}).createMachine({
  id: 'pathway-plan',
  initial: 'draft',
  context: ({ input }) => input,
  states: {
    draft: {
      on: {
        'plan.checklist.update': { guard: workerEdits, actions: 'recordContribution' },
        'plan.engagement.record': { guard: or(['byPa', 'bySocialWorker']), actions: 'recordAttempt' },
        'plan.completeWithoutYoungPerson': {
          guard: and([
            'byPa',
            'youngPersonHasNotContributed',
            'notYetWithoutYoungPerson',
            'enoughUnsuccessfulAttempts',
          ]),
          actions: 'proceedWithout',
        },
        'plan.submit': { guard: and(['byPa', 'readyToSubmit']), target: 'submitted', actions: 'recordSubmission' },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
        ...adopt,
      },
    },
    submitted: {
      on: {
        // A significant change while the plan is with a manager is recorded: the review it needs counts from the
        // change once the plan is authorised.
        'plan.change.record': { guard: changeRecorders, actions: 'recordChange' },
        'plan.authorise': {
          guard: and(['byTeamManager', 'notAnAuthor', 'underTwentyFive']),
          target: 'active',
          actions: 'freeze',
        },
        'plan.return': { guard: 'byTeamManager', target: 'returned', actions: 'recordReturn' },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
        ...adopt,
      },
    },
    returned: {
      on: {
        'plan.checklist.update': { guard: workerEdits, actions: 'recordContribution' },
        'plan.engagement.record': { guard: or(['byPa', 'bySocialWorker']), actions: 'recordAttempt' },
        // No going ahead without the young person here: a returned plan was submitted, so either they answered
        // or the PA already went ahead without them (once is enough).
        'plan.submit': { guard: and(['byPa', 'readyToSubmit']), target: 'submitted', actions: 'recordSubmission' },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
        ...adopt,
      },
    },
    active: {
      on: {
        'plan.change.record': { guard: changeRecorders, target: 'reviewDue', actions: 'recordChange' },
        'plan.review.request': { guard: reviewAskers, target: 'reviewDue', actions: 'recordReviewRequest' },
        'plan.review.start': {
          guard: and([reviewStarters, 'underTwentyFive']),
          target: 'underReview',
          actions: 'startReview',
        },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
        ...adopt,
      },
    },
    reviewDue: {
      on: {
        'plan.change.record': { guard: changeRecorders, actions: 'recordChange' },
        'plan.review.request': { guard: reviewAskers, actions: 'recordReviewRequest' },
        'plan.review.start': {
          guard: and([reviewStarters, 'underTwentyFive']),
          target: 'underReview',
          actions: 'startReview',
        },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
        ...adopt,
      },
    },
    underReview: {
      on: {
        'plan.supersede': { guard: 'byTeamManager', target: 'superseded' },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
        ...adopt,
      },
    },
    superseded: { type: 'final' },
    closed: { type: 'final' },
  },
});

const WAYS = ['together', 'together-by-phone', 'apart'] as const;
const CATEGORIES = ['eligible', 'relevant', 'former-relevant', 'qualifying'] as const;
const METHODS = ['in-person', 'phone', 'video', 'message', 'letter'] as const;
const OUTCOMES = ['engaged', 'no-reply', 'declined', 'missed'] as const;
const CLOSE_REASONS = ['turned-25', 'no-longer-eligible', 'moved-away', 'died', 'recorded-in-error', 'other'] as const;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What startLifecycle('pathway-plan', input, now) needs. */
export interface PathwayPlanStart {
  planId: string;
  youngPersonId: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** The named PA. */
  paId: string;
  /** Who starts the plan (counted as one of its authors); defaults to the PA. */
  startedBy?: string;
  /** At a review: the plan this one follows on from. */
  previousPlanId?: string;
  /** The young person's category of care leaver now (England's names; in Wales category 1 = eligible, …). */
  category?: 'eligible' | 'relevant' | 'former-relevant' | 'qualifying';
  /** When they became eligible or relevant, if after their 16th birthday: the first plan is due from then. */
  eligibleOn?: string;
  /** When their record moved onto Onward from an older system: the first plan on Onward is due from then. */
  migratedOn?: string;
  /**
   * The council's rules for the plan (from its settings); England's defaults when not given. `null` only when
   * replaying a plan recorded before council rules existed: it keeps the rules it began under.
   */
  rules?: PathwayPlanRules | null;
}

/**
 * The start input of the plan that follows `current` at its review: same young person and PA, linked back to it.
 * The PA who started the review is its first author. Throws unless `current` is under review.
 */
export function nextPlanStart(current: { state: string; context: Ctx }): PathwayPlanStart {
  if (current.state !== 'underReview' || !current.context.nextPlanId) {
    throw new LifecycleInputError('state', 'the next plan starts once the review of this plan has started');
  }
  return {
    planId: current.context.nextPlanId,
    youngPersonId: current.context.youngPersonId,
    dateOfBirth: current.context.dateOfBirth,
    paId: current.context.paId,
    previousPlanId: current.context.planId,
    ...(current.context.category ? { category: current.context.category } : {}),
  };
}

/** Checks rules given to startLifecycle, naming the field. */
export function checkPlanRules(raw: unknown): PathwayPlanRules {
  const r = inputObject(raw);
  const whole = (field: keyof PathwayPlanRules, min: number, max: number) => {
    const v = r[field];
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max) {
      throw new LifecycleInputError(`rules.${field}`, `Give a whole number from ${min} to ${max}.`);
    }
    return v as number;
  };
  if (!NATIONS.includes(r.nation as never)) throw new LifecycleInputError('rules.nation', 'Choose england or wales.');
  const extra = Object.keys(r).find((k) => !['nation', 'attemptsBeforeProceeding', 'attemptSpacingDays'].includes(k));
  if (extra) throw new LifecycleInputError(`rules.${extra}`, 'This field is not used here.');
  return {
    nation: r.nation as PathwayPlanRules['nation'],
    attemptsBeforeProceeding: whole('attemptsBeforeProceeding', 1, 10),
    attemptSpacingDays: whole('attemptSpacingDays', 0, 30),
  };
}

export const pathwayPlanLifecycle: LifecycleDefinition<Ctx, Ctx> = {
  name: 'pathway-plan',
  title: 'Pathway plan',
  machine: pathwayPlanMachine,
  guards,
  states: {
    draft: { title: 'Draft', whileText: 'the plan is still being written' },
    submitted: { title: 'Submitted', whileText: 'the plan is waiting for a manager to authorise it' },
    returned: { title: 'Returned with comments', whileText: 'the plan has been sent back for changes' },
    active: { title: 'Authorised and active', whileText: 'the plan is authorised and in use' },
    reviewDue: { title: 'Review due', whileText: 'the plan is due for review' },
    underReview: { title: 'Under review', whileText: 'the plan is being reviewed and the next plan written' },
    superseded: { title: 'Replaced by the next plan', whileText: 'the plan has been replaced by a newer plan' },
    closed: { title: 'Closed', whileText: 'the plan is closed' },
  },
  events: {
    'plan.checklist.update': {
      label: 'add or change checklist answers',
      payload: '`how`: together | together-by-phone | apart (default apart)',
      check: oneOf('how', WAYS),
    },
    'plan.engagement.record': {
      label: 'record an attempt to reach the young person',
      payload:
        '`method` (in-person | phone | video | message | letter) and `outcome` (engaged | no-reply | declined | missed), both required; `madeAt` (when it was made, not in the future; default now): attempts count by the UK date they were made on',
      check: checks(
        oneOf('method', METHODS, { required: true }),
        oneOf('outcome', OUTCOMES, { required: true }),
        (e) => {
          const v = e.madeAt;
          if (v === undefined) return undefined;
          const t = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : Number.NaN;
          if (Number.isNaN(t)) return { field: 'madeAt', message: 'Give a date and time like 2026-03-01T14:30:00Z.' };
          if (typeof e.at === 'string' && t > Date.parse(e.at)) {
            return { field: 'madeAt', message: 'The attempt cannot be in the future.' };
          }
          return undefined;
        },
      ),
    },
    'plan.completeWithoutYoungPerson': { label: 'complete the plan without the young person' },
    'plan.submit': { label: 'submit the plan to a manager' },
    'plan.authorise': {
      label: 'authorise the plan',
      payload: '`wording` {questionSetVersion, locale, variant} (frozen), `contentDigest` (optional)',
      check: (e) => {
        const w = e.wording as Record<string, unknown> | undefined;
        if (typeof w !== 'object' || w === null) {
          return { field: 'wording', message: 'Say which question-set version and wording the plan used.' };
        }
        if (!Number.isInteger(w.questionSetVersion) || (w.questionSetVersion as number) < 1) {
          return {
            field: 'wording.questionSetVersion',
            message: 'Give the question-set version, a whole number from 1.',
          };
        }
        if (typeof w.locale !== 'string' || !LOCALE.test(w.locale)) {
          return { field: 'wording.locale', message: 'Give a language code such as en-GB or cy.' };
        }
        if (w.variant !== 'standard' && w.variant !== 'easy') {
          return { field: 'wording.variant', message: 'Choose one of: standard, easy.' };
        }
        const extra = Object.keys(w).find((k) => !['questionSetVersion', 'locale', 'variant'].includes(k));
        if (extra) return { field: `wording.${extra}`, message: 'This field is not used here.' };
        return text('contentDigest', { max: 128 })(e);
      },
    },
    'plan.return': {
      label: 'return the plan with comments',
      payload: '`comment` (required)',
      check: text('comment', { required: true, max: 1000 }),
    },
    'plan.change.record': {
      label: 'record a significant change',
      payload: '`on` (date of the change, default today), `bankHolidays` (dates skipped when counting 28 working days)',
      check: checks(pastDate('on'), dateList('bankHolidays')),
    },
    'plan.review.request': {
      label: 'ask for a review',
      payload: '(none): the review is due within the council’s working days of the first request',
    },
    'plan.review.start': {
      label: 'start the review and the next plan',
      payload: '`nextPlanId` (required)',
      check: id('nextPlanId', { required: true }),
    },
    'plan.supersede': { label: 'replace the plan with the newly authorised one' },
    'plan.rules.adopt': {
      label: "move the plan onto the council's current rules",
      payload: '`rules` { nation, attemptsBeforeProceeding, attemptSpacingDays } (from the council settings)',
      check: (e) => {
        try {
          checkPlanRules(e.rules);
          return undefined;
        } catch (err) {
          if (err instanceof LifecycleInputError)
            return { field: err.field, message: err.message.replace(/^[^:]+: /, '') };
          throw err;
        }
      },
    },
    'plan.close': {
      label: 'close the plan',
      payload: '`reason` (turned-25 | no-longer-eligible | moved-away | died | recorded-in-error | other)',
      check: oneOf('reason', CLOSE_REASONS, { required: true }),
    },
  },
  start(raw, today) {
    const input = inputObject(raw);
    requireInput(
      input,
      checks(
        id('planId', { required: true }),
        id('youngPersonId', { required: true }),
        id('paId', { required: true }),
        id('startedBy'),
        id('previousPlanId'),
        oneOf('category', CATEGORIES),
      ),
    );
    if (!isIsoDate(input.dateOfBirth)) {
      throw new LifecycleInputError('dateOfBirth', 'Give a real date written YYYY-MM-DD.');
    }
    const dob = input.dateOfBirth;
    if (dob > today) throw new LifecycleInputError('dateOfBirth', 'The date of birth cannot be in the future.');
    const age = ageOn(dob, today);
    if (age < 16 || age >= 25) {
      throw new LifecycleInputError(
        'dateOfBirth',
        `Pathway plans are for young people aged 16 to 24; this young person is ${age}.`,
      );
    }
    for (const field of ['eligibleOn', 'migratedOn'] as const) {
      const v = input[field];
      if (v === undefined) continue;
      if (!isIsoDate(v)) throw new LifecycleInputError(field, 'Give a real date written YYYY-MM-DD.');
      if (v > today) throw new LifecycleInputError(field, 'The date cannot be in the future.');
      if (v < dob) throw new LifecycleInputError(field, 'The date cannot be before the date of birth.');
    }
    // `rules: null`: a plan recorded before council rules existed, replayed as it was (no rules: the old ones).
    const rules =
      input.rules === null ? undefined : input.rules === undefined ? pathwayPlanRules() : checkPlanRules(input.rules);
    const author = typeof input.startedBy === 'string' ? input.startedBy : (input.paId as string);
    return {
      planId: input.planId as string,
      youngPersonId: input.youngPersonId as string,
      paId: input.paId as string,
      dateOfBirth: dob,
      ...(typeof input.previousPlanId === 'string' ? { previousPlanId: input.previousPlanId } : {}),
      ...(typeof input.category === 'string' ? { category: input.category as Ctx['category'] } : {}),
      ...(typeof input.eligibleOn === 'string' ? { eligibleOn: input.eligibleOn } : {}),
      ...(typeof input.migratedOn === 'string' ? { migratedOn: input.migratedOn } : {}),
      ...(rules ? { rules } : {}),
      authorIds: [author],
      youngPersonContributed: false,
      ways: [],
      engagementAttempts: [],
      withoutYoungPerson: false,
      returns: [],
      significantChanges: [],
    };
  },
  overdue(c, state, settings) {
    const out: { step: string; dueBy: IsoDate; label: string }[] = [];
    const p = settings.pathwayPlan;
    if (['draft', 'submitted', 'returned'].includes(state) && !c.previousPlanId) {
      const first = firstPlanDue(c, settings);
      const months = `${p.firstPlanMonths} month${p.firstPlanMonths === 1 ? '' : 's'}`;
      out.push({
        step: 'first-plan',
        dueBy: first.dueBy,
        label:
          first.basis === 'moved-to-onward'
            ? `Authorise the young person's first plan on Onward, within ${months} of their record moving over`
            : first.basis === 'became-eligible'
              ? `Authorise the first pathway plan, within ${months} of becoming eligible or relevant`
              : `Authorise the first pathway plan, within ${months} of the 16th birthday`,
      });
    }
    if (['active', 'reviewDue', 'underReview'].includes(state)) {
      const due = planReviewDue(c, settings);
      if (due) {
        out.push({
          step: 'review',
          dueBy: due.dueOn,
          label:
            due.because === 'six-months'
              ? p.reviewMonths === 6
                ? 'Review the plan, six months after it was authorised'
                : `Review the plan, ${p.reviewMonths} month${p.reviewMonths === 1 ? '' : 's'} after it was authorised`
              : due.because === 'significant-change'
                ? `Review the plan, within ${p.significantChangeWorkingDays} working days of a significant change`
                : `Review the plan, within ${p.requestedReviewWorkingDays} working days of being asked for a review`,
        });
      }
    }
    if (state !== 'superseded' && state !== 'closed') {
      out.push({ step: 'close', dueBy: birthday(c.dateOfBirth, 25), label: 'Close the plan at the 25th birthday' });
    }
    return out;
  },
};
