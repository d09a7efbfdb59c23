// Staying Put (England; "When I am Ready" in Wales): identified by 16 → discussed with the young person and carers
// → in the care and pathway plans → agreement meeting before 18 → Living Together Agreement drafted → signed by
// each party → approved by the team manager and the fostering panel → carer's checks (DBS for the young person
// where the carer goes on fostering) → active from the 18th birthday, with reviews → ended (planned or unplanned)
// with the young person's situation recorded. Deadlines come from the date of birth (stayingPutDeadlines).
import { and, assign, or, setup } from 'xstate';
import { ageOn, hasAttained } from '../dates/age.js';
import { addMonths, isIsoDate } from '../dates/civil-date.js';
import { stayingPutDeadlines } from '../dates/deadlines.js';
import {
  checks,
  flag,
  type GuardSpec,
  id,
  inputObject,
  type LifecycleDefinition,
  oneOf,
  pastDate,
  personGuard,
  requireInput,
  roleGuard,
  xstateGuards,
} from './define.js';
import { type StayingPutContext as Ctx, LifecycleInputError, type MachineEvent } from './types.js';

type Party = Ctx['signatures'][number]['party'];

/** The people who must sign the Living Together Agreement: the young person, each carer and each named worker. */
export function requiredSigners(c: Ctx): { party: Party; id: string }[] {
  const out: { party: Party; id: string }[] = [{ party: 'young-person', id: c.youngPersonId }];
  for (const carer of c.carerIds) out.push({ party: 'carer', id: carer });
  if (c.socialWorkerId) out.push({ party: 'social-worker', id: c.socialWorkerId });
  if (c.supervisingSocialWorkerId) out.push({ party: 'supervising-social-worker', id: c.supervisingSocialWorkerId });
  if (c.paId) out.push({ party: 'pa', id: c.paId });
  return out;
}

function isSigner(c: Ctx, e: MachineEvent): boolean {
  return requiredSigners(c).some((s) => s.id === e.actor.id && s.party === e.actor.role);
}
function hasSigned(c: Ctx, actorId: string): boolean {
  return c.signatures.some((s) => s.by === actorId);
}
function checksComplete(c: Ctx): boolean {
  return Boolean(c.carerApprovedOn) && (!c.carerFostersOthers || Boolean(c.dbsDoneOn));
}

const guards = {
  byTheYoungPerson: personGuard<Ctx>(
    'young-person',
    (c) => c.youngPersonId,
    'the young person',
    'Only the young person this arrangement is for can do this.',
  ),
  byACarer: personGuard<Ctx>(
    'carer',
    (c) => c.carerIds,
    'one of the carers',
    'Only a carer in this arrangement can do this.',
  ),
  byPa: roleGuard<Ctx>(['pa'], 'a PA', 'do this'),
  bySocialWorker: roleGuard<Ctx>(['social-worker'], 'a social worker', 'do this'),
  bySupervisingSocialWorker: roleGuard<Ctx>(['supervising-social-worker'], 'a supervising social worker', 'do this'),
  byTeamManager: roleGuard<Ctx>(['team-manager'], 'a team manager', 'do this'),
  byANamedSigner: {
    kind: 'who',
    roles: ['young-person', 'carer', 'pa', 'social-worker', 'supervising-social-worker'],
    describe:
      'a party to the agreement (the young person, a carer, or the named social worker, supervising social worker or PA)',
    refusal: () =>
      'Only the young person, the carers and the workers named in this arrangement can sign the agreement.',
    test: isSigner,
  },
  notYetSigned: {
    kind: 'when',
    describe: 'has not signed yet',
    refusal: () => 'You have already signed this agreement.',
    test: (c, e) => !hasSigned(c, e.actor.id),
  },
  lastSignature: {
    kind: 'branch',
    describe: 'this is the last signature needed',
    refusal: () => 'Other people still need to sign.',
    test: (c, e) => requiredSigners(c).every((s) => s.id === e.actor.id || hasSigned(c, s.id)),
  },
  bothWantIt: {
    kind: 'when',
    describe: 'the young person wants it and the carer is willing',
    refusal: () =>
      'Staying Put goes into the plans only when the young person wants it and the carer is willing. Record a new discussion, or withdraw it.',
    test: (c) => c.youngPersonWants === 'yes' && c.carerWilling === 'yes',
  },
  notManagerApproved: {
    kind: 'when',
    describe: 'not yet approved by a team manager',
    refusal: () => 'A team manager has already approved this arrangement.',
    test: (c) => !c.managerApproval,
  },
  notPanelApproved: {
    kind: 'when',
    describe: 'not yet approved by the fostering panel',
    refusal: () => "The fostering panel's approval is already recorded.",
    test: (c) => !c.panelApproval,
  },
  panelApproved: {
    kind: 'branch',
    describe: 'the fostering panel has approved',
    refusal: () => 'The fostering panel has not approved yet.',
    test: (c) => Boolean(c.panelApproval),
  },
  managerApproved: {
    kind: 'branch',
    describe: 'a team manager has approved',
    refusal: () => 'A team manager has not approved yet.',
    test: (c) => Boolean(c.managerApproval),
  },
  checksDone: {
    kind: 'when',
    describe: "the carer's checks are done (and the DBS check where the carer goes on fostering)",
    refusal: (c) =>
      c.carerApprovedOn
        ? "The young person's DBS check must be done first, because the carer goes on fostering."
        : "The carer's checks must be recorded as done first.",
    test: checksComplete,
  },
  beforeUpperAge: {
    kind: 'when',
    describe: 'the young person is under the upper age (21, or 25 in Wales)',
    refusal: (c) => `The young person is ${c.upperAge} or older, so Staying Put cannot start.`,
    test: (c, e) => !hasAttained(c.dateOfBirth, c.upperAge, e.today),
  },
  turnedEighteen: {
    kind: 'when',
    describe: 'the young person is 18',
    refusal: () => 'The arrangement starts on the 18th birthday. Until then it is a foster placement.',
    test: (c, e) => hasAttained(c.dateOfBirth, 18, e.today),
  },
} satisfies Record<string, GuardSpec<Ctx>>;

const planners = or(['bySocialWorker', 'byPa']);
const anyWorker = or(['bySocialWorker', 'byPa', 'bySupervisingSocialWorker']);
const withdraw = {
  'stayingPut.withdraw': { guard: or(['bySocialWorker', 'byTeamManager']), target: 'withdrawn', actions: 'withdraw' },
} as const;
const recordProgress = {
  'stayingPut.progress.record': { guard: anyWorker, actions: 'recordProgress' },
} as const;
const recordChecks = {
  'stayingPut.checks.record': { guard: 'bySupervisingSocialWorker', actions: 'recordChecks' },
} as const;

function date(e: MachineEvent, field = 'on'): string {
  return typeof e[field] === 'string' ? (e[field] as string) : e.today;
}

export const stayingPutMachine = setup({
  types: { context: {} as Ctx, events: {} as MachineEvent, input: {} as Ctx },
  guards: xstateGuards<Ctx, typeof guards>(guards),
  actions: {
    recordDiscussion: assign(({ event }) => ({
      discussedOn: date(event),
      youngPersonWants: event.youngPersonWants as Ctx['youngPersonWants'],
      carerWilling: event.carerWilling as Ctx['carerWilling'],
    })),
    recordInPlans: assign(({ event }) => ({ inPlansOn: date(event) })),
    recordProgress: assign(({ event }) => ({ progressReviewedOn: date(event) })),
    recordMeeting: assign(({ event }) => ({
      meetingOn: date(event),
      meetingAttendees: event.attendees as NonNullable<Ctx['meetingAttendees']>,
    })),
    recordDraft: assign(({ event }) => ({
      agreementId: String(event.agreementId),
      draftedOn: event.today,
      // A new draft needs everyone's signature again.
      signatures: [],
    })),
    recordSignature: assign(({ context, event }) => ({
      signatures: [...context.signatures, { party: event.actor.role as Party, by: event.actor.id, at: event.at }],
    })),
    completeSignatures: assign(({ event }) => ({ signedOn: event.today })),
    recordManagerApproval: assign(({ event }) => ({ managerApproval: { by: event.actor.id, on: event.today } })),
    recordPanelApproval: assign(({ event }) => ({ panelApproval: { by: event.actor.id, on: date(event) } })),
    completeApproval: assign(({ event }) => ({ approvedOn: event.today })),
    recordChecks: assign(({ context, event }) => ({
      ...(event.dbsStarted === true && !context.dbsStartedOn ? { dbsStartedOn: date(event) } : {}),
      ...(event.dbsDone === true && !context.dbsDoneOn ? { dbsDoneOn: date(event) } : {}),
      ...(event.carerApproved === true && !context.carerApprovedOn ? { carerApprovedOn: date(event) } : {}),
    })),
    recordStart: assign(({ event }) => ({ startedOn: event.today })),
    recordReview: assign(({ context, event }) => ({
      reviews: [...context.reviews, { on: date(event), by: event.actor.id }],
    })),
    recordEnd: assign(({ event }) => ({
      ending: {
        kind: event.kind as NonNullable<Ctx['ending']>['kind'],
        on: date(event),
        by: event.actor.id,
        activity: event.activity as NonNullable<Ctx['ending']>['activity'],
        accommodation: String(event.accommodation),
      },
    })),
    withdraw: assign(({ event }) => ({
      withdrawnOn: event.today,
      withdrawnReason: event.reason as Ctx['withdrawnReason'],
    })),
  },
}).createMachine({
  id: 'staying-put',
  initial: 'identified',
  context: ({ input }) => input,
  states: {
    identified: {
      on: {
        'stayingPut.discuss': { guard: anyWorker, target: 'discussed', actions: 'recordDiscussion' },
        ...withdraw,
      },
    },
    discussed: {
      on: {
        'stayingPut.discuss': { guard: anyWorker, actions: 'recordDiscussion' },
        'stayingPut.plans.include': {
          guard: and([planners, 'bothWantIt']),
          target: 'inPlans',
          actions: 'recordInPlans',
        },
        ...withdraw,
      },
    },
    inPlans: {
      on: {
        'stayingPut.meeting.record': { guard: planners, target: 'meetingHeld', actions: 'recordMeeting' },
        ...recordProgress,
        ...recordChecks,
        ...withdraw,
      },
    },
    meetingHeld: {
      on: {
        'stayingPut.agreement.draft': { guard: anyWorker, target: 'agreementDrafted', actions: 'recordDraft' },
        ...recordProgress,
        ...recordChecks,
        ...withdraw,
      },
    },
    agreementDrafted: {
      on: {
        'stayingPut.agreement.draft': { guard: anyWorker, actions: 'recordDraft' },
        'stayingPut.agreement.sign': [
          {
            guard: and(['byANamedSigner', 'notYetSigned', 'lastSignature']),
            target: 'signed',
            actions: ['recordSignature', 'completeSignatures'],
          },
          { guard: and(['byANamedSigner', 'notYetSigned']), actions: 'recordSignature' },
        ],
        ...recordProgress,
        ...recordChecks,
        ...withdraw,
      },
    },
    signed: {
      on: {
        'stayingPut.approve': [
          {
            guard: and(['byTeamManager', 'notManagerApproved', 'panelApproved']),
            target: 'approved',
            actions: ['recordManagerApproval', 'completeApproval'],
          },
          { guard: and(['byTeamManager', 'notManagerApproved']), actions: 'recordManagerApproval' },
        ],
        'stayingPut.panel.approve': [
          {
            guard: and(['bySupervisingSocialWorker', 'notPanelApproved', 'managerApproved']),
            target: 'approved',
            actions: ['recordPanelApproval', 'completeApproval'],
          },
          { guard: and(['bySupervisingSocialWorker', 'notPanelApproved']), actions: 'recordPanelApproval' },
        ],
        ...recordProgress,
        ...recordChecks,
        ...withdraw,
      },
    },
    approved: {
      on: {
        'stayingPut.start': {
          guard: and([planners, 'checksDone', 'turnedEighteen', 'beforeUpperAge']),
          target: 'active',
          actions: 'recordStart',
        },
        ...recordProgress,
        ...recordChecks,
        ...withdraw,
      },
    },
    active: {
      on: {
        'stayingPut.review.record': { guard: anyWorker, actions: 'recordReview' },
        'stayingPut.end': {
          guard: or(['byPa', 'bySocialWorker', 'byTeamManager']),
          target: 'ended',
          actions: 'recordEnd',
        },
      },
    },
    ended: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

const VIEWS = ['yes', 'unsure', 'no'] as const;
const ATTENDEES = [
  'young-person',
  'carer',
  'social-worker',
  'supervising-social-worker',
  'pa',
  'benefits-adviser',
] as const;
const ACTIVITIES = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'] as const;
const ACCOM = /^([BCDEGHKRTUVWYZ][12]|S2|X2|0)$/;
const WITHDRAW_REASONS = [
  'young-person-does-not-want',
  'carer-cannot-continue',
  'not-in-welfare',
  'moved',
  'other',
] as const;

/** What startLifecycle('staying-put', input, now) needs. */
export interface StayingPutStart {
  arrangementId: string;
  youngPersonId: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** One to four carers. */
  carerIds: string[];
  paId?: string;
  socialWorkerId?: string;
  supervisingSocialWorkerId?: string;
  /** The carer goes on fostering others: the young person needs a DBS check by 18. Default false. */
  carerFostersOthers?: boolean;
  /** 21 (England, default) or 25 (Wales, When I am Ready, while completing education). */
  upperAge?: 21 | 25;
  /** When the assessment said Staying Put may suit; default the start date. */
  identifiedOn?: string;
}

export const stayingPutLifecycle: LifecycleDefinition<Ctx, Ctx> = {
  name: 'staying-put',
  title: 'Staying Put',
  machine: stayingPutMachine,
  guards,
  states: {
    identified: { title: 'Identified', whileText: 'Staying Put has only been identified as an option' },
    discussed: {
      title: 'Discussed with young person and carers',
      whileText: 'it has been discussed but is not in the plans yet',
    },
    inPlans: { title: 'In the care and pathway plans', whileText: 'the Staying Put meeting has not been held' },
    meetingHeld: { title: 'Meeting held', whileText: 'the Living Together Agreement has not been drafted' },
    agreementDrafted: {
      title: 'Agreement drafted, being signed',
      whileText: 'the agreement is waiting for signatures',
    },
    signed: { title: 'Signed by everyone', whileText: 'the arrangement is waiting for approval' },
    approved: { title: 'Approved', whileText: 'the arrangement is approved but has not started' },
    active: { title: 'Active', whileText: 'the arrangement is running' },
    ended: { title: 'Ended', whileText: 'the arrangement has ended' },
    withdrawn: { title: 'Not going ahead', whileText: 'Staying Put is not going ahead' },
  },
  events: {
    'stayingPut.discuss': {
      label: 'record a discussion with the young person and carers',
      payload: '`youngPersonWants`, `carerWilling` (yes | unsure | no), `on` (date)',
      check: checks(
        oneOf('youngPersonWants', VIEWS, { required: true }),
        oneOf('carerWilling', VIEWS, { required: true }),
        pastDate('on'),
      ),
    },
    'stayingPut.plans.include': {
      label: 'record that Staying Put is in the care and pathway plans',
      payload: '`on` (date)',
      check: pastDate('on'),
    },
    'stayingPut.progress.record': {
      label: 'record a review of progress towards Staying Put',
      payload: '`on` (date)',
      check: pastDate('on'),
    },
    'stayingPut.meeting.record': {
      label: 'record the Staying Put meeting',
      payload:
        '`attendees` (young-person, carer, social-worker, supervising-social-worker, pa, benefits-adviser), `on` (date)',
      check: checks((e) => {
        const a = e.attendees;
        if (!Array.isArray(a) || a.length === 0) return { field: 'attendees', message: 'Say who came to the meeting.' };
        const bad = a.findIndex((x) => !ATTENDEES.includes(x));
        if (bad !== -1) return { field: `attendees.${bad}`, message: `Choose one of: ${ATTENDEES.join(', ')}.` };
        if (new Set(a).size !== a.length) return { field: 'attendees', message: 'List each person once.' };
        if (!a.includes('young-person'))
          return { field: 'attendees', message: 'The young person must be part of the meeting.' };
        return undefined;
      }, pastDate('on')),
    },
    'stayingPut.agreement.draft': {
      label: 'draft the Living Together Agreement',
      payload: '`agreementId` (required); a new draft clears signatures',
      check: id('agreementId', { required: true }),
    },
    'stayingPut.agreement.sign': { label: 'sign the Living Together Agreement' },
    'stayingPut.approve': { label: 'approve the arrangement as team manager' },
    'stayingPut.panel.approve': {
      label: "record the fostering panel's approval",
      payload: '`on` (date)',
      check: pastDate('on'),
    },
    'stayingPut.checks.record': {
      label: "record the carer's checks",
      payload: '`carerApproved`, `dbsStarted`, `dbsDone` (true when done), `on` (date)',
      check: checks(flag('carerApproved'), flag('dbsStarted'), flag('dbsDone'), pastDate('on'), (e) =>
        e.carerApproved === true || e.dbsStarted === true || e.dbsDone === true
          ? undefined
          : { field: 'carerApproved', message: 'Say which check is done.' },
      ),
    },
    'stayingPut.start': { label: 'start the arrangement' },
    'stayingPut.review.record': {
      label: 'record a review of the arrangement',
      payload: '`on` (date)',
      check: pastDate('on'),
    },
    'stayingPut.end': {
      label: 'end the arrangement',
      payload: '`kind` (planned | unplanned), `activity` (SSDA903 ACTIV), `accommodation` (SSDA903 ACCOM), `on` (date)',
      check: checks(
        oneOf('kind', ['planned', 'unplanned'], { required: true }),
        oneOf('activity', ACTIVITIES, { required: true }),
        (e) =>
          typeof e.accommodation === 'string' && ACCOM.test(e.accommodation)
            ? undefined
            : { field: 'accommodation', message: 'Give the accommodation code, e.g. U1 or Z1.' },
        pastDate('on'),
      ),
    },
    'stayingPut.withdraw': {
      label: 'record that Staying Put is not going ahead',
      payload: '`reason` (young-person-does-not-want | carer-cannot-continue | not-in-welfare | moved | other)',
      check: oneOf('reason', WITHDRAW_REASONS, { required: true }),
    },
  },
  start(raw, today) {
    const input = inputObject(raw);
    requireInput(
      input,
      checks(
        id('arrangementId', { required: true }),
        id('youngPersonId', { required: true }),
        id('paId'),
        id('socialWorkerId'),
        id('supervisingSocialWorkerId'),
        flag('carerFostersOthers'),
        oneOf('upperAge', [21, 25]),
      ),
    );
    if (!isIsoDate(input.dateOfBirth))
      throw new LifecycleInputError('dateOfBirth', 'Give a real date written YYYY-MM-DD.');
    if (input.dateOfBirth > today)
      throw new LifecycleInputError('dateOfBirth', 'The date of birth cannot be in the future.');
    const upperAge = (input.upperAge as 21 | 25 | undefined) ?? 21;
    if (hasAttained(input.dateOfBirth, upperAge, today)) {
      throw new LifecycleInputError(
        'dateOfBirth',
        `Staying Put ends by ${upperAge}; this young person is ${ageOn(input.dateOfBirth, today)}.`,
      );
    }
    const carers = input.carerIds;
    if (!Array.isArray(carers) || carers.length < 1 || carers.length > 4) {
      throw new LifecycleInputError('carerIds', 'Give one to four carers.');
    }
    for (const [i, c] of carers.entries())
      requireInput({ [`carerIds.${i}`]: c }, id(`carerIds.${i}`, { required: true }));
    if (new Set(carers).size !== carers.length) throw new LifecycleInputError('carerIds', 'List each carer once.');
    if (input.identifiedOn !== undefined) requireInput({ ...input, today }, pastDate('identifiedOn'));
    return {
      arrangementId: input.arrangementId as string,
      youngPersonId: input.youngPersonId as string,
      dateOfBirth: input.dateOfBirth,
      carerIds: carers as string[],
      ...(typeof input.paId === 'string' ? { paId: input.paId } : {}),
      ...(typeof input.socialWorkerId === 'string' ? { socialWorkerId: input.socialWorkerId } : {}),
      ...(typeof input.supervisingSocialWorkerId === 'string'
        ? { supervisingSocialWorkerId: input.supervisingSocialWorkerId }
        : {}),
      carerFostersOthers: input.carerFostersOthers === true,
      upperAge,
      identifiedOn: typeof input.identifiedOn === 'string' ? input.identifiedOn : today,
      signatures: [],
      reviews: [],
    };
  },
  overdue(c, state) {
    if (state === 'ended' || state === 'withdrawn') return [];
    const done: Record<string, boolean> = {
      identify: true,
      discuss: Boolean(c.discussedOn),
      'include-in-plans': Boolean(c.inPlansOn),
      'review-progress': Boolean(c.progressReviewedOn),
      'start-dbs': Boolean(c.dbsStartedOn || c.dbsDoneOn),
      'hold-meeting': Boolean(c.meetingOn),
      'sign-agreement': Boolean(c.signedOn),
      approve: Boolean(c.approvedOn),
      'complete-checks': checksComplete(c),
      'first-review': c.reviews.length > 0,
      end: false,
    };
    const timeline = stayingPutDeadlines(c.dateOfBirth, { dbsNeeded: c.carerFostersOthers, upperAge: c.upperAge });
    const out: { step: string; dueBy: string; label: string }[] = timeline.filter((d) => !done[d.step]);
    // After the first review, the next is due six months after the last one (at most 6-monthly).
    if (state === 'active' && c.reviews.length > 0) {
      const last = c.reviews
        .map((r) => r.on)
        .sort()
        .at(-1)!;
      const due = addMonths(last, 6);
      out.push({
        step: 'review',
        dueBy: due,
        label: 'Review the arrangement, at most six months after the last review',
      });
    }
    return out;
  },
};
