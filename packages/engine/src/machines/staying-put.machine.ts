// Staying Put (England; "When I am Ready" in Wales): identified → discussed with the young person and carers → in
// the care and pathway plans (with the team and fostering managers told, and the tasks to convert the placement
// listed) → the agreement meeting, with everyone the council requires → the Living Together Agreement drafted,
// naming its parties → signed by every named party → approved by the team manager and the fostering panel (recorded
// by the allocated supervising social worker) → started by the allocated PA on the day it started, from the 18th
// birthday, with the carer approved; the young person's DBS check (where the carer goes on fostering) can still be
// outstanding and is then its own overdue task → reviews → ended (planned or unplanned) with the young person's
// situation recorded. In Wales it runs to 21, or to 25 once the young person is pursuing an agreed programme of
// education or training. Deadlines come from the date of birth and the council's timeline (dates/deadlines.ts);
// attendance and signing rules come from the council's settings, copied into the arrangement when it starts.
import { and, assign, or, setup } from 'xstate';
import { ageOn, birthday, hasAttained } from '../dates/age.js';
import { type IsoDate, isIsoDate } from '../dates/civil-date.js';
import { stayingPutDeadlines, stayingPutNextReviewDue } from '../dates/deadlines.js';
import {
  AGREEMENT_PARTIES,
  type AgreementParty,
  LEGACY_RULES,
  MEETING_ATTENDEES,
  type MeetingAttendee,
  NATIONS,
  type StayingPutRules,
  stayingPutRules,
} from '../settings/council-settings.js';
import {
  checks,
  flag,
  type GuardSpec,
  id,
  inputObject,
  type LifecycleDefinition,
  oneOf,
  type PayloadProblem,
  pastDate,
  personGuard,
  requireInput,
  roleGuard,
  xstateGuards,
} from './define.js';
import { type StayingPutContext as Ctx, LifecycleInputError, type MachineEvent } from './types.js';

type Party = Ctx['signatures'][number]['party'];

/** The rules this arrangement runs under: its own, or the old ones for one started before rules were recorded. */
export function arrangementRules(c: Ctx): {
  readonly nation: StayingPutRules['nation'];
  readonly meetingAttendees: readonly MeetingAttendee[];
  readonly signatories: readonly AgreementParty[];
} {
  return c.rules ?? LEGACY_RULES['staying-put'];
}

/** Words for who comes to the meeting and who signs. */
export const ATTENDEE_NAMES: Readonly<Record<MeetingAttendee, string>> = {
  'young-person': 'the young person',
  carer: 'the carers',
  'social-worker': 'the social worker',
  'supervising-social-worker': 'the supervising social worker',
  pa: 'the PA',
  'benefits-adviser': 'the benefits and finance team',
};

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The people who must sign the Living Together Agreement: the parties the agreement names. An agreement drafted
 * before parties were named is signed by the young person, each carer and each worker the arrangement names.
 */
export function requiredSigners(c: Ctx): { party: Party; id: string }[] {
  if (c.parties) return c.parties.map((p) => ({ party: p.party, id: p.id }));
  const out: { party: Party; id: string }[] = [{ party: 'young-person', id: c.youngPersonId }];
  for (const carer of c.carerIds) out.push({ party: 'carer', id: carer });
  if (c.socialWorkerId) out.push({ party: 'social-worker', id: c.socialWorkerId });
  if (c.supervisingSocialWorkerId) out.push({ party: 'supervising-social-worker', id: c.supervisingSocialWorkerId });
  if (c.paId) out.push({ party: 'pa', id: c.paId });
  return out;
}

/** The people the agreement must name under the council's rule, from the arrangement's allocation. */
export function requiredParties(c: Ctx): { party: Party; id?: string }[] {
  const rules = arrangementRules(c);
  const out: { party: Party; id?: string }[] = [];
  for (const party of rules.signatories) {
    if (party === 'young-person') out.push({ party, id: c.youngPersonId });
    else if (party === 'carer') for (const carer of c.carerIds) out.push({ party, id: carer });
    else out.push({ party, ...(allocated(c, party) ? { id: allocated(c, party) as string } : {}) });
  }
  return out;
}

function allocated(c: Ctx, party: Exclude<Party, 'young-person' | 'carer'>): string | undefined {
  return party === 'pa' ? c.paId : party === 'social-worker' ? c.socialWorkerId : c.supervisingSocialWorkerId;
}

function isSigner(c: Ctx, e: MachineEvent): boolean {
  return requiredSigners(c).some((s) => s.id === e.actor.id && s.party === e.actor.role);
}
function hasSigned(c: Ctx, actorId: string): boolean {
  return c.signatures.some((s) => s.by === actorId);
}
function dbsOutstanding(c: Ctx): boolean {
  return c.carerFostersOthers && !c.dbsDoneOn;
}
/** The day the step is recorded as happening: `on` when given (and a real date), else today. */
function dateOf(e: MachineEvent, field = 'on'): IsoDate {
  return isIsoDate(e[field]) ? (e[field] as IsoDate) : e.today;
}
function missingAttendees(c: Ctx, e: MachineEvent): MeetingAttendee[] {
  const came = Array.isArray(e.attendees) ? (e.attendees as unknown[]) : [];
  return arrangementRules(c).meetingAttendees.filter((a) => !came.includes(a));
}
function unnamedParties(c: Ctx, e: MachineEvent): { party: Party; id?: string }[] {
  const named = Array.isArray(e.parties) ? (e.parties as { party?: unknown; id?: unknown }[]) : [];
  return requiredParties(c).filter(
    (r) => !named.some((n) => n?.party === r.party && (r.id === undefined || n.id === r.id)),
  );
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
  byAdmin: roleGuard<Ctx>(['admin'], 'an admin', 'do this'),
  byTheAllocatedPa: {
    kind: 'who',
    roles: ['pa'],
    describe: "the young person's allocated PA",
    refusal: (c) =>
      c.paId
        ? "Only the young person's allocated PA can do this."
        : 'No PA is allocated to this arrangement yet. A team manager can allocate one.',
    // An arrangement started before the allocation rule (no `rules`) keeps the rule it began under: any PA.
    test: (c, e) => e.actor.role === 'pa' && (!c.rules || c.paId === e.actor.id),
  },
  bySocialWorkerUnderOldRules: {
    kind: 'who',
    roles: ['social-worker'],
    describe:
      'a social worker, only for an arrangement started before council rules were recorded (it keeps its old rules)',
    refusal: () => "Only the young person's allocated PA can start the arrangement.",
    test: (c, e) => e.actor.role === 'social-worker' && !c.rules,
  },
  byTheAllocatedSupervisingSocialWorker: {
    kind: 'who',
    roles: ['supervising-social-worker'],
    describe: "the carer's allocated supervising social worker",
    refusal: (c) =>
      c.supervisingSocialWorkerId
        ? "Only the carer's allocated supervising social worker can do this."
        : 'No supervising social worker is allocated to this arrangement yet. A team manager can allocate one.',
    test: (c, e) =>
      e.actor.role === 'supervising-social-worker' && (!c.rules || c.supervisingSocialWorkerId === e.actor.id),
  },
  byANamedSigner: {
    kind: 'who',
    roles: ['young-person', 'carer', 'pa', 'social-worker', 'supervising-social-worker'],
    describe: 'a party the agreement names (the young person, a carer, or a named worker)',
    refusal: () => 'Only the people the agreement names can sign it.',
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
  everyoneRequiredAttended: {
    kind: 'when',
    describe:
      'everyone the council requires came to the meeting (council setting; Leeds: the young person, carers, social worker, supervising social worker, PA and the benefits and finance team)',
    refusal: (c, e) =>
      `The meeting needs ${list(missingAttendees(c, e).map((a) => ATTENDEE_NAMES[a]))} as well. Record the meeting once everyone has met.`,
    // Checked against the attendees given; asking whether the step is possible at all (no payload) passes.
    test: (c, e) => e.attendees === undefined || missingAttendees(c, e).length === 0,
  },
  namesEveryRequiredParty: {
    kind: 'when',
    describe:
      'the agreement names everyone the council requires to sign it (council setting), each the allocated person',
    refusal: (c, e) => {
      const missing = unnamedParties(c, e);
      const noOne = missing.filter((m) => m.party !== 'young-person' && m.party !== 'carer' && m.id === undefined);
      if (noOne.length)
        return `The agreement must be signed by ${list(noOne.map((m) => ATTENDEE_NAMES[m.party]))}, but none is allocated to this arrangement yet. A team manager can allocate one.`;
      return `The agreement must name ${list([...new Set(missing.map((m) => ATTENDEE_NAMES[m.party]))])} as parties.`;
    },
    test: (c, e) => e.parties === undefined || unnamedParties(c, e).length === 0,
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
  carerApproved: {
    kind: 'when',
    describe:
      "the carer is approved for the arrangement (the young person's DBS check may still be outstanding: it is then its own overdue task)",
    refusal: () => "The carer's approval for the arrangement must be recorded first.",
    test: (c) => Boolean(c.carerApprovedOn),
  },
  fromEighteenthBirthday: {
    kind: 'when',
    describe: 'the start date is on or after the 18th birthday',
    refusal: () => 'The arrangement starts on the 18th birthday at the earliest. Until then it is a foster placement.',
    test: (c, e) => hasAttained(c.dateOfBirth, 18, dateOf(e)),
  },
  beforeUpperAge: {
    kind: 'when',
    describe:
      'the young person is under the upper age on the start date (21; 25 in Wales with the education condition)',
    refusal: (c) => `The young person is ${c.upperAge} or older, so Staying Put cannot start.`,
    test: (c, e) => !hasAttained(c.dateOfBirth, c.upperAge, dateOf(e)),
  },
  inWales: {
    kind: 'when',
    describe: 'the arrangement is in Wales (When I am Ready)',
    refusal: () => 'Only a When I am Ready arrangement in Wales can run to 25 for education or training.',
    test: (c) => arrangementRules(c).nation === 'wales',
  },
  educationNotRecorded: {
    kind: 'when',
    describe: 'the education or training condition is not recorded yet, and the young person is under 25',
    refusal: (c) =>
      c.educationCondition
        ? 'The education or training programme is already recorded.'
        : 'The young person is 25 or older, so the arrangement cannot be extended.',
    test: (c, e) => !c.educationCondition && !hasAttained(c.dateOfBirth, 25, dateOf(e)),
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
/** Facts that can be recorded at any point before the arrangement ends. */
const anyTime = {
  'stayingPut.managers.tell': { guard: anyWorker, actions: 'recordManagersTold' },
  'stayingPut.conversionTasks.list': { guard: anyWorker, actions: 'recordConversionTasks' },
  'stayingPut.education.record': {
    guard: and([planners, 'inWales', 'educationNotRecorded']),
    actions: 'recordEducation',
  },
  'stayingPut.workers.allocate': { guard: 'byTeamManager', actions: 'allocate' },
  'stayingPut.rules.adopt': { guard: 'byAdmin', actions: 'adoptRules' },
} as const;

export const stayingPutMachine = setup({
  types: { context: {} as Ctx, events: {} as MachineEvent, input: {} as Ctx },
  guards: xstateGuards<Ctx, typeof guards>(guards),
  actions: {
    recordDiscussion: assign(({ event }) => ({
      discussedOn: dateOf(event),
      youngPersonWants: event.youngPersonWants as Ctx['youngPersonWants'],
      carerWilling: event.carerWilling as Ctx['carerWilling'],
    })),
    recordInPlans: assign(({ event }) => ({ inPlansOn: dateOf(event) })),
    recordProgress: assign(({ event }) => ({ progressReviewedOn: dateOf(event) })),
    recordManagersTold: assign(({ event }) => ({ managersToldOn: dateOf(event) })),
    recordConversionTasks: assign(({ event }) => ({ conversionTasksListedOn: dateOf(event) })),
    recordEducation: assign(({ event }) => ({
      upperAge: 25 as const,
      educationCondition: { on: dateOf(event), by: event.actor.id },
    })),
    allocate: assign(({ event }) => ({
      ...(typeof event.paId === 'string' ? { paId: event.paId } : {}),
      ...(typeof event.socialWorkerId === 'string' ? { socialWorkerId: event.socialWorkerId } : {}),
      ...(typeof event.supervisingSocialWorkerId === 'string'
        ? { supervisingSocialWorkerId: event.supervisingSocialWorkerId }
        : {}),
    })),
    adoptRules: assign(({ event }) => ({ rules: checkArrangementRules(event.rules) })),
    recordMeeting: assign(({ event }) => ({
      meetingOn: dateOf(event),
      meetingAttendees: event.attendees as NonNullable<Ctx['meetingAttendees']>,
    })),
    recordDraft: assign(({ event }) => ({
      agreementId: String(event.agreementId),
      draftedOn: event.today,
      ...(Array.isArray(event.parties)
        ? { parties: (event.parties as { party: Party; id: string }[]).map((p) => ({ party: p.party, id: p.id })) }
        : {}),
      // A new draft needs everyone's signature again.
      signatures: [],
    })),
    recordSignature: assign(({ context, event }) => ({
      signatures: [...context.signatures, { party: event.actor.role as Party, by: event.actor.id, at: event.at }],
    })),
    completeSignatures: assign(({ event }) => ({ signedOn: event.today })),
    recordManagerApproval: assign(({ event }) => ({ managerApproval: { by: event.actor.id, on: event.today } })),
    recordPanelApproval: assign(({ event }) => ({ panelApproval: { by: event.actor.id, on: dateOf(event) } })),
    completeApproval: assign(({ event }) => ({ approvedOn: event.today })),
    recordChecks: assign(({ context, event }) => ({
      ...(event.dbsStarted === true && !context.dbsStartedOn ? { dbsStartedOn: dateOf(event) } : {}),
      ...(event.dbsDone === true && !context.dbsDoneOn ? { dbsDoneOn: dateOf(event) } : {}),
      ...(event.carerApproved === true && !context.carerApprovedOn ? { carerApprovedOn: dateOf(event) } : {}),
    })),
    recordStart: assign(({ event }) => {
      const on = dateOf(event);
      return { startedOn: on, ...(on !== event.today ? { startRecordedOn: event.today } : {}) };
    }),
    recordReview: assign(({ context, event }) => ({
      reviews: [...context.reviews, { on: dateOf(event), by: event.actor.id }],
    })),
    recordEnd: assign(({ event }) => ({
      ending: {
        kind: event.kind as NonNullable<Ctx['ending']>['kind'],
        on: dateOf(event),
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
        'stayingPut.education.record': anyTime['stayingPut.education.record'],
        'stayingPut.workers.allocate': anyTime['stayingPut.workers.allocate'],
        'stayingPut.rules.adopt': anyTime['stayingPut.rules.adopt'],
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
        ...anyTime,
        ...withdraw,
      },
    },
    inPlans: {
      on: {
        'stayingPut.meeting.record': {
          guard: and([planners, 'everyoneRequiredAttended']),
          target: 'meetingHeld',
          actions: 'recordMeeting',
        },
        ...recordProgress,
        ...recordChecks,
        ...anyTime,
        ...withdraw,
      },
    },
    meetingHeld: {
      on: {
        'stayingPut.agreement.draft': {
          guard: and([anyWorker, 'namesEveryRequiredParty']),
          target: 'agreementDrafted',
          actions: 'recordDraft',
        },
        ...recordProgress,
        ...recordChecks,
        ...anyTime,
        ...withdraw,
      },
    },
    agreementDrafted: {
      on: {
        'stayingPut.agreement.draft': { guard: and([anyWorker, 'namesEveryRequiredParty']), actions: 'recordDraft' },
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
        ...anyTime,
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
            guard: and(['byTheAllocatedSupervisingSocialWorker', 'notPanelApproved', 'managerApproved']),
            target: 'approved',
            actions: ['recordPanelApproval', 'completeApproval'],
          },
          {
            guard: and(['byTheAllocatedSupervisingSocialWorker', 'notPanelApproved']),
            actions: 'recordPanelApproval',
          },
        ],
        ...recordProgress,
        ...recordChecks,
        ...anyTime,
        ...withdraw,
      },
    },
    approved: {
      on: {
        'stayingPut.start': {
          guard: and([
            or(['byTheAllocatedPa', 'bySocialWorkerUnderOldRules']),
            'carerApproved',
            'fromEighteenthBirthday',
            'beforeUpperAge',
          ]),
          target: 'active',
          actions: 'recordStart',
        },
        ...recordProgress,
        ...recordChecks,
        ...anyTime,
        ...withdraw,
      },
    },
    active: {
      on: {
        'stayingPut.review.record': { guard: anyWorker, actions: 'recordReview' },
        // The young person's DBS check can come back after the start.
        ...recordChecks,
        'stayingPut.education.record': anyTime['stayingPut.education.record'],
        'stayingPut.workers.allocate': anyTime['stayingPut.workers.allocate'],
        'stayingPut.rules.adopt': anyTime['stayingPut.rules.adopt'],
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
  /** The allocated PA: starts the arrangement. */
  paId?: string;
  socialWorkerId?: string;
  /** The carer's allocated supervising social worker: records the fostering panel's approval. */
  supervisingSocialWorkerId?: string;
  /** The carer goes on fostering others: the young person needs a DBS check by 18. Default false. */
  carerFostersOthers?: boolean;
  /**
   * 21. (25 only for an arrangement started before council rules were recorded; a Welsh arrangement runs to 25
   * once `stayingPut.education.record` records the education or training condition.)
   */
  upperAge?: 21 | 25;
  /** When the assessment said Staying Put may suit; default the start date. */
  identifiedOn?: string;
  /**
   * The council's rules for the arrangement (from its settings); England's defaults when not given. `null` only
   * when replaying an arrangement recorded before council rules existed: it keeps the rules it began under.
   */
  rules?: StayingPutRules | null;
}

/** Checks rules for an arrangement, naming the field. */
export function checkArrangementRules(raw: unknown): StayingPutRules {
  const r = inputObject(raw);
  if (!NATIONS.includes(r.nation as never)) throw new LifecycleInputError('rules.nation', 'Choose england or wales.');
  const subset = <T extends string>(field: string, all: readonly T[], must: T[]): T[] => {
    const v = r[field];
    if (!Array.isArray(v) || v.some((x) => !all.includes(x)) || new Set(v).size !== v.length) {
      throw new LifecycleInputError(`rules.${field}`, `List each of these at most once: ${all.join(', ')}.`);
    }
    const missing = must.find((m) => !v.includes(m));
    if (missing) throw new LifecycleInputError(`rules.${field}`, `The list must include ${missing}.`);
    return v as T[];
  };
  const extra = Object.keys(r).find((k) => !['nation', 'meetingAttendees', 'signatories'].includes(k));
  if (extra) throw new LifecycleInputError(`rules.${extra}`, 'This field is not used here.');
  return {
    nation: r.nation as StayingPutRules['nation'],
    meetingAttendees: subset('meetingAttendees', MEETING_ATTENDEES, ['young-person']),
    signatories: subset('signatories', AGREEMENT_PARTIES, ['young-person', 'carer']),
  };
}

function checkParties(e: Record<string, unknown>, c: Ctx): PayloadProblem | undefined {
  const v = e.parties;
  if (v === undefined) {
    return c.rules ? { field: 'parties', message: 'Say who the agreement names as its parties.' } : undefined;
  }
  if (!Array.isArray(v) || v.length < 2 || v.length > 10) {
    return { field: 'parties', message: 'Give the agreement’s parties: 2 to 10 people.' };
  }
  const seen = new Set<string>();
  for (const [i, p] of v.entries()) {
    const party = (p as { party?: unknown })?.party;
    const pid = (p as { id?: unknown })?.id;
    if (!AGREEMENT_PARTIES.includes(party as AgreementParty)) {
      return { field: `parties.${i}.party`, message: `Choose one of: ${AGREEMENT_PARTIES.join(', ')}.` };
    }
    const bad = id('id', { required: true })({ id: pid });
    if (bad) return { field: `parties.${i}.id`, message: bad.message };
    if (seen.has(`${party} ${pid}`)) return { field: `parties.${i}`, message: 'Name each party once.' };
    seen.add(`${party} ${pid}`);
    const ok =
      party === 'young-person'
        ? pid === c.youngPersonId
        : party === 'carer'
          ? c.carerIds.includes(pid as string)
          : (allocated(c, party as Exclude<Party, 'young-person' | 'carer'>) ?? pid) === pid;
    if (!ok) {
      return {
        field: `parties.${i}.id`,
        message:
          party === 'young-person'
            ? 'The young person named must be the one this arrangement is for.'
            : party === 'carer'
              ? 'Each carer named must be one of the carers in this arrangement.'
              : `The ${ATTENDEE_NAMES[party as MeetingAttendee].replace(/^the /, '')} named must be the one allocated to this arrangement.`,
      };
    }
  }
  return undefined;
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
    signed: { title: 'Signed by everyone named', whileText: 'the arrangement is waiting for approval' },
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
    'stayingPut.managers.tell': {
      label: 'record that the team manager and the fostering manager have been told',
      payload: '`on` (date)',
      check: pastDate('on'),
    },
    'stayingPut.conversionTasks.list': {
      label: 'record that the tasks to turn the foster placement into a Staying Put arrangement are listed',
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
        '`attendees` (young-person, carer, social-worker, supervising-social-worker, pa, benefits-adviser: everyone the council requires), `on` (date)',
      check: checks((e) => {
        const a = e.attendees;
        if (!Array.isArray(a) || a.length === 0) return { field: 'attendees', message: 'Say who came to the meeting.' };
        const bad = a.findIndex((x) => !MEETING_ATTENDEES.includes(x));
        if (bad !== -1)
          return { field: `attendees.${bad}`, message: `Choose one of: ${MEETING_ATTENDEES.join(', ')}.` };
        if (new Set(a).size !== a.length) return { field: 'attendees', message: 'List each person once.' };
        if (!a.includes('young-person'))
          return { field: 'attendees', message: 'The young person must be part of the meeting.' };
        return undefined;
      }, pastDate('on')),
    },
    'stayingPut.agreement.draft': {
      label: 'draft the Living Together Agreement',
      payload:
        '`agreementId` (required), `parties` ([{ party, id }]: the people the agreement names, each of whom signs; everyone the council requires, each the allocated person); a new draft clears signatures',
      check: (e, c) => id('agreementId', { required: true })(e) ?? checkParties(e, c),
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
    'stayingPut.start': {
      label: 'start the arrangement',
      payload: '`on` (the date it started: from the 18th birthday, not in the future; default today)',
      check: pastDate('on'),
    },
    'stayingPut.review.record': {
      label: 'record a review of the arrangement',
      payload: '`on` (date)',
      check: pastDate('on'),
    },
    'stayingPut.education.record': {
      label: 'record that the young person is pursuing an agreed programme of education or training (to 25)',
      payload: '`on` (date)',
      check: pastDate('on'),
    },
    'stayingPut.workers.allocate': {
      label: 'allocate the PA, social worker or supervising social worker',
      payload: '`paId`, `socialWorkerId`, `supervisingSocialWorkerId` (at least one)',
      check: checks(id('paId'), id('socialWorkerId'), id('supervisingSocialWorkerId'), (e) =>
        e.paId !== undefined || e.socialWorkerId !== undefined || e.supervisingSocialWorkerId !== undefined
          ? undefined
          : { field: 'paId', message: 'Say who is allocated.' },
      ),
    },
    'stayingPut.rules.adopt': {
      label: "move the arrangement onto the council's current rules",
      payload: '`rules` { nation, meetingAttendees, signatories } (from the council settings)',
      check: (e) => {
        try {
          checkArrangementRules(e.rules);
          return undefined;
        } catch (err) {
          if (err instanceof LifecycleInputError)
            return { field: err.field, message: err.message.replace(/^[^:]+: /, '') };
          throw err;
        }
      },
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
    // `rules: null`: an arrangement recorded before council rules existed, replayed as it was (no rules, old checks).
    const legacy = input.rules === null;
    const rules = legacy
      ? undefined
      : input.rules === undefined
        ? stayingPutRules()
        : checkArrangementRules(input.rules);
    const upperAge = (input.upperAge as 21 | 25 | undefined) ?? 21;
    if (upperAge === 25 && rules) {
      throw new LifecycleInputError(
        'upperAge',
        rules?.nation === 'wales'
          ? 'When I am Ready runs to 21, and to 25 only while the young person is pursuing an agreed programme of education or training: record that step once the arrangement is set up.'
          : 'Staying Put runs to 21 in England.',
      );
    }
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
      ...(rules
        ? { rules: { ...rules, meetingAttendees: [...rules.meetingAttendees], signatories: [...rules.signatories] } }
        : {}),
      signatures: [],
      reviews: [],
    };
  },
  overdue(c, state, settings) {
    if (state === 'ended' || state === 'withdrawn') return [];
    const done: Record<string, boolean> = {
      identify: true,
      discuss: Boolean(c.discussedOn),
      'include-in-plans': Boolean(c.inPlansOn),
      'tell-managers': Boolean(c.managersToldOn),
      'list-conversion-tasks': Boolean(c.conversionTasksListedOn),
      'review-progress': Boolean(c.progressReviewedOn),
      'start-dbs': Boolean(c.dbsStartedOn || c.dbsDoneOn),
      'hold-meeting': Boolean(c.meetingOn),
      'sign-agreement': Boolean(c.signedOn),
      approve: Boolean(c.approvedOn),
      'complete-checks': Boolean(c.carerApprovedOn),
      'complete-dbs': !dbsOutstanding(c),
      'first-review': c.reviews.length > 0,
      end: false,
    };
    // Steps before the start stop mattering once it has started, except the DBS check still outstanding.
    const started = state === 'active';
    const afterStart = new Set(['complete-dbs', 'first-review', 'end']);
    const timeline = stayingPutDeadlines(c.dateOfBirth, {
      dbsNeeded: c.carerFostersOthers,
      upperAge: c.upperAge,
      startedOn: c.startedOn,
      settings,
    });
    const out: { step: string; dueBy: string; label: string }[] = timeline.filter(
      (d) => !done[d.step] && (!started || afterStart.has(d.step)),
    );
    // After the first review, the next is due the council's months after the last one.
    if (started && c.reviews.length > 0) {
      const last = c.reviews
        .map((r) => r.on)
        .sort()
        .at(-1)!;
      const months = settings.stayingPut.reviewMonths;
      out.push({
        step: 'review',
        dueBy: stayingPutNextReviewDue(last, settings),
        label: `Review the arrangement, at most ${months === 6 ? 'six' : months} month${months === 1 ? '' : 's'} after the last review`,
      });
    }
    return out;
  },
};

/** The 18th birthday, the earliest day an arrangement can start. */
export function earliestStart(c: Pick<Ctx, 'dateOfBirth'>): IsoDate {
  return birthday(c.dateOfBirth, 18);
}
