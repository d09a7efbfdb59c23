// Pathway plan: draft → submitted → returned | authorised (active) → review due → under review → superseded by the
// next plan. The PA and the young person fill in the checklist together or apart; after three unsuccessful attempts
// to reach the young person the PA may go ahead without them, and the plan says so. A team manager who wrote part
// of the plan cannot authorise it. Authorising freezes the wording version and sets the six-month review date; a
// significant change brings the review forward to 28 working days after it.
import { and, assign, or, setup } from 'xstate';
import { ageOn, birthday, hasAttained } from '../dates/age.js';
import { addMonths, type IsoDate, isIsoDate } from '../dates/civil-date.js';
import { earliest, significantChangeReviewDue, sixMonthReviewDue } from '../dates/deadlines.js';
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

/** Unsuccessful attempts to reach the young person before the PA may complete the plan without them. */
export const ATTEMPTS_BEFORE_PROCEEDING = 3;

/** Unsuccessful attempts since the last time the young person engaged. */
export function unsuccessfulAttempts(context: Ctx): number {
  let n = 0;
  for (const a of context.engagementAttempts) n = a.outcome === 'engaged' ? 0 : n + 1;
  return n;
}

/** When the plan's next review is due and why, for an authorised plan. */
export function planReviewDue(
  context: Ctx,
): { dueOn: IsoDate; because: 'six-months' | 'significant-change' } | undefined {
  if (!context.sixMonthReviewOn) return undefined;
  const changeDue = earliest(...context.significantChanges.map((c) => c.reviewBy));
  if (changeDue && changeDue < context.sixMonthReviewOn) return { dueOn: changeDue, because: 'significant-change' };
  return { dueOn: context.sixMonthReviewOn, because: 'six-months' };
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
  notAnAuthor: {
    kind: 'who',
    describe: 'did not write any of the plan',
    refusal: () => 'You wrote part of this plan, so a different manager must authorise it.',
    test: (c, e) => !c.authorIds.includes(e.actor.id),
  },
  threeUnsuccessfulAttempts: {
    kind: 'when',
    describe: `${ATTEMPTS_BEFORE_PROCEEDING} unsuccessful attempts in a row to reach the young person`,
    refusal: (c) =>
      `The plan can go ahead without the young person only after ${ATTEMPTS_BEFORE_PROCEEDING} unsuccessful attempts in a row to reach them. So far: ${unsuccessfulAttempts(c)}.`,
    test: (c) => unsuccessfulAttempts(c) >= ATTEMPTS_BEFORE_PROCEEDING,
  },
  youngPersonHasNotContributed: {
    kind: 'when',
    describe: 'the young person has not added answers (alone or with their worker)',
    refusal: () => 'The young person has already added their answers, so the plan is not done without them.',
    test: (c) => !c.youngPersonContributed,
  },
  readyToSubmit: {
    kind: 'when',
    describe:
      'the young person has added answers (alone, or with their worker in person or by phone), or the PA has gone ahead without them',
    refusal: () =>
      `The young person has not added their answers yet. Record each attempt to reach them; after ${ATTEMPTS_BEFORE_PROCEEDING} unsuccessful attempts you can go ahead without them.`,
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
const canClose = or(['byTeamManager', 'byAdmin']);

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
          at: event.at,
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
      completedBy: context.withoutYoungPerson
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
    recordReviewRequest: assign(({ event }) => ({ reviewRequestedBy: event.actor.id })),
    startReview: assign(({ event }) => ({ reviewStartedOn: event.today, nextPlanId: String(event.nextPlanId) })),
    close: assign(({ event }) => ({ closedOn: event.today, closedReason: event.reason as Ctx['closedReason'] })),
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
          guard: and(['byPa', 'youngPersonHasNotContributed', 'threeUnsuccessfulAttempts']),
          actions: 'proceedWithout',
        },
        'plan.submit': { guard: and(['byPa', 'readyToSubmit']), target: 'submitted', actions: 'recordSubmission' },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
      },
    },
    submitted: {
      on: {
        'plan.authorise': {
          guard: and(['byTeamManager', 'notAnAuthor', 'underTwentyFive']),
          target: 'active',
          actions: 'freeze',
        },
        'plan.return': { guard: 'byTeamManager', target: 'returned', actions: 'recordReturn' },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
      },
    },
    returned: {
      on: {
        'plan.checklist.update': { guard: workerEdits, actions: 'recordContribution' },
        'plan.engagement.record': { guard: or(['byPa', 'bySocialWorker']), actions: 'recordAttempt' },
        'plan.completeWithoutYoungPerson': {
          guard: and(['byPa', 'youngPersonHasNotContributed', 'threeUnsuccessfulAttempts']),
          actions: 'proceedWithout',
        },
        'plan.submit': { guard: and(['byPa', 'readyToSubmit']), target: 'submitted', actions: 'recordSubmission' },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
      },
    },
    active: {
      on: {
        'plan.change.record': {
          guard: or(['byPa', 'bySocialWorker', 'byTeamManager']),
          target: 'reviewDue',
          actions: 'recordChange',
        },
        'plan.review.request': {
          guard: or(['byTheYoungPerson', 'byPa']),
          target: 'reviewDue',
          actions: 'recordReviewRequest',
        },
        'plan.review.start': {
          guard: and([or(['byPa', 'bySocialWorker']), 'underTwentyFive']),
          target: 'underReview',
          actions: 'startReview',
        },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
      },
    },
    reviewDue: {
      on: {
        'plan.change.record': { guard: or(['byPa', 'bySocialWorker', 'byTeamManager']), actions: 'recordChange' },
        'plan.review.start': {
          guard: and([or(['byPa', 'bySocialWorker']), 'underTwentyFive']),
          target: 'underReview',
          actions: 'startReview',
        },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
      },
    },
    underReview: {
      on: {
        'plan.supersede': { guard: 'byTeamManager', target: 'superseded' },
        'plan.close': { guard: canClose, target: 'closed', actions: 'close' },
      },
    },
    superseded: { type: 'final' },
    closed: { type: 'final' },
  },
});

const WAYS = ['together', 'together-by-phone', 'apart'] as const;
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
      payload: '`method`, `outcome` (engaged | no-reply | declined | missed)',
      check: checks(oneOf('method', METHODS, { required: true }), oneOf('outcome', OUTCOMES, { required: true })),
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
    'plan.review.request': { label: 'ask for a review' },
    'plan.review.start': {
      label: 'start the review and the next plan',
      payload: '`nextPlanId` (required)',
      check: id('nextPlanId', { required: true }),
    },
    'plan.supersede': { label: 'replace the plan with the newly authorised one' },
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
    const author = typeof input.startedBy === 'string' ? input.startedBy : (input.paId as string);
    return {
      planId: input.planId as string,
      youngPersonId: input.youngPersonId as string,
      paId: input.paId as string,
      dateOfBirth: dob,
      ...(typeof input.previousPlanId === 'string' ? { previousPlanId: input.previousPlanId } : {}),
      authorIds: [author],
      youngPersonContributed: false,
      ways: [],
      engagementAttempts: [],
      withoutYoungPerson: false,
      returns: [],
      significantChanges: [],
    };
  },
  overdue(c, state) {
    const out: { step: string; dueBy: IsoDate; label: string }[] = [];
    if (['draft', 'submitted', 'returned'].includes(state) && !c.previousPlanId) {
      out.push({
        step: 'first-plan',
        dueBy: addMonths(birthday(c.dateOfBirth, 16), 3),
        label: 'Authorise the first pathway plan, within 3 months of the 16th birthday',
      });
    }
    if (['active', 'reviewDue', 'underReview'].includes(state)) {
      const due = planReviewDue(c);
      if (due) {
        out.push({
          step: 'review',
          dueBy: due.dueOn,
          label:
            due.because === 'six-months'
              ? 'Review the plan, six months after it was authorised'
              : 'Review the plan, within 28 working days of a significant change',
        });
      }
    }
    if (state !== 'superseded' && state !== 'closed') {
      out.push({ step: 'close', dueBy: birthday(c.dateOfBirth, 25), label: 'Close the plan at the 25th birthday' });
    }
    return out;
  },
};
