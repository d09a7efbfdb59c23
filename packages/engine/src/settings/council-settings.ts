// Council settings: the rules councils set differently (deadlines, how far apart contact attempts must be, who must
// come to the Staying Put meeting and who must sign the Living Together Agreement), as one typed document per
// council validated by schemas/council/council-settings.schema.json. The defaults follow the practice in the shared
// domain facts and the Leeds Staying Put process (discussion and the care and pathway plans by 16; the meeting with
// the young person, carers, social worker, supervising social worker, PA and the benefits and finance team).
//
// Two kinds of setting, used in two ways:
// - deadline periods are read whenever deadlines are shown, so a change shows at once everywhere;
// - rules that decide whether a step is allowed (attempts, attendance, signatories, nation) are copied into a
//   process's context when it starts (`context.rules`), so a stored process, and a replay of its log, keeps the
//   rules it began under whatever the council changes later.
import type { CouncilSettings } from '@onward/schemas';
import type { IsoDate } from '../dates/civil-date.js';
import { messageLocale } from '../validation/messages.js';
import {
  type FieldError,
  type ValidateOptions,
  type ValidationResult,
  validateCouncilSettingsSchema,
} from '../validation/validate.js';

export type { CouncilSettings };

export type Nation = CouncilSettings['nation'];
export const NATIONS: readonly Nation[] = ['england', 'wales'];

/** A Staying Put step's due date: the `age` birthday plus `months`, or the day before that when `before`. */
export type DueRule = CouncilSettings['stayingPut']['timeline']['identify'];
export type StayingPutTimelineStep = keyof CouncilSettings['stayingPut']['timeline'];
export const STAYING_PUT_TIMELINE_STEPS: readonly StayingPutTimelineStep[] = [
  'identify',
  'discuss',
  'include-in-plans',
  'tell-managers',
  'list-conversion-tasks',
  'review-progress',
  'start-dbs',
  'hold-meeting',
  'sign-agreement',
  'approve',
  'complete-checks',
  'complete-dbs',
];

/** Who may be at the agreement meeting. `benefits-adviser`: the benefits and finance team. */
export type MeetingAttendee = CouncilSettings['stayingPut']['meetingAttendees'][number];
export const MEETING_ATTENDEES: readonly MeetingAttendee[] = [
  'young-person',
  'carer',
  'social-worker',
  'supervising-social-worker',
  'pa',
  'benefits-adviser',
];
/** Who can be a party to (and sign) the Living Together Agreement. */
export type AgreementParty = CouncilSettings['stayingPut']['signatories'][number];
export const AGREEMENT_PARTIES: readonly AgreementParty[] = [
  'young-person',
  'carer',
  'social-worker',
  'supervising-social-worker',
  'pa',
];

/** The rules a pathway plan copies from the settings when it starts. */
export interface PathwayPlanRules {
  readonly nation: Nation;
  readonly attemptsBeforeProceeding: number;
  readonly attemptSpacingDays: number;
}
/** The rules a Staying Put arrangement copies from the settings when it starts. */
export interface StayingPutRules {
  readonly nation: Nation;
  readonly meetingAttendees: MeetingAttendee[];
  readonly signatories: AgreementParty[];
}

/**
 * The rules of a process that started before council settings existed (its context has no `rules`): three
 * unsuccessful attempts at any time, only the young person required at the meeting, and the agreement signed by
 * whoever the arrangement names. Kept so stored processes and their logs mean what they meant when recorded.
 */
export const LEGACY_RULES = {
  'pathway-plan': { nation: 'england', attemptsBeforeProceeding: 3, attemptSpacingDays: 0 },
  'staying-put': { nation: 'england', meetingAttendees: ['young-person'], signatories: [] },
} as const satisfies {
  'pathway-plan': PathwayPlanRules;
  'staying-put': Readonly<Record<keyof StayingPutRules, unknown>>;
};

/**
 * England and Wales bank holidays 2025 to 2027 (GOV.UK, "UK bank holidays"), skipped when counting working days.
 * Councils add later years on their settings page.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly IsoDate[] = [
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
];

const due = (age: number, months: number, before: boolean): DueRule => ({ age, months, before });

/** The default settings for a council in England or Wales (a fresh copy each call: change it freely). */
export function defaultCouncilSettings(nation: Nation = 'england'): CouncilSettings {
  return {
    schemaVersion: 1,
    nation,
    bankHolidays: [...ENGLAND_AND_WALES_BANK_HOLIDAYS],
    pathwayPlan: {
      firstPlanMonths: 3,
      reviewMonths: 6,
      significantChangeWorkingDays: 28,
      requestedReviewWorkingDays: 28,
      attemptsBeforeProceeding: 3,
      attemptSpacingDays: 1,
    },
    stayingPut: {
      timeline: {
        identify: due(16, 0, true),
        discuss: due(16, 0, true),
        'include-in-plans': due(16, 0, true),
        'tell-managers': due(16, 3, false),
        'list-conversion-tasks': due(17, 0, true),
        'review-progress': due(17, 6, false),
        'start-dbs': due(17, 9, false),
        'hold-meeting': due(18, 0, true),
        'sign-agreement': due(18, 0, true),
        approve: due(18, 0, true),
        'complete-checks': due(18, 0, true),
        'complete-dbs': due(18, 0, false),
      },
      firstReviewDays: 28,
      reviewMonths: 6,
      meetingAttendees: [...MEETING_ATTENDEES],
      signatories: [...AGREEMENT_PARTIES],
    },
  };
}

/** England's defaults, frozen. Used wherever no council settings are given. */
export const DEFAULT_COUNCIL_SETTINGS: CouncilSettings = deepFreeze(defaultCouncilSettings('england'));

/** The rules a new pathway plan runs under. */
export function pathwayPlanRules(settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS): PathwayPlanRules {
  return {
    nation: settings.nation,
    attemptsBeforeProceeding: settings.pathwayPlan.attemptsBeforeProceeding,
    attemptSpacingDays: settings.pathwayPlan.attemptSpacingDays,
  };
}

/** The rules a new Staying Put (When I am Ready) arrangement runs under. */
export function stayingPutRules(settings: CouncilSettings = DEFAULT_COUNCIL_SETTINGS): StayingPutRules {
  return {
    nation: settings.nation,
    meetingAttendees: [...settings.stayingPut.meetingAttendees],
    signatories: [...settings.stayingPut.signatories],
  };
}

const WORDS = {
  en: {
    attendees: 'The young person must always be one of the people at the meeting.',
    signYoungPerson: 'The young person must always sign the agreement.',
    signCarer: 'The carers must always sign the agreement.',
    after18: 'This step must be due by the 18th birthday: choose an earlier age or fewer months.',
  },
  cy: {
    attendees: 'Rhaid i’r person ifanc fod yn un o’r bobl yn y cyfarfod bob amser.',
    signYoungPerson: 'Rhaid i’r person ifanc lofnodi’r cytundeb bob amser.',
    signCarer: 'Rhaid i’r gofalwyr lofnodi’r cytundeb bob amser.',
    after18: 'Rhaid i’r cam hwn fod yn ddyledus erbyn y pen-blwydd yn 18: dewiswch oed cynharach neu lai o fisoedd.',
  },
};

/**
 * Checks a council settings document: the schema, then the rules between fields, each problem naming its field.
 * Never throws. The value returned has its bank holidays sorted.
 */
export function validateCouncilSettings(
  doc: unknown,
  options: ValidateOptions = {},
): ValidationResult<CouncilSettings> {
  const words = WORDS[messageLocale(options.locale)];
  const own: FieldError[] = [];
  const sp = (doc as { stayingPut?: Record<string, unknown> } | null)?.stayingPut;
  if (sp && typeof sp === 'object') {
    const attendees = sp.meetingAttendees;
    if (Array.isArray(attendees) && !attendees.includes('young-person')) {
      own.push({ path: 'stayingPut.meetingAttendees', rule: 'contains', message: words.attendees });
    }
    const signers = sp.signatories;
    if (Array.isArray(signers) && !signers.includes('young-person')) {
      own.push({ path: 'stayingPut.signatories', rule: 'contains', message: words.signYoungPerson });
    }
    if (Array.isArray(signers) && !signers.includes('carer')) {
      own.push({ path: 'stayingPut.signatories', rule: 'contains', message: words.signCarer });
    }
    const timeline = sp.timeline as Record<string, unknown> | undefined;
    if (timeline && typeof timeline === 'object') {
      for (const step of STAYING_PUT_TIMELINE_STEPS) {
        const r = timeline[step] as Partial<DueRule> | undefined;
        if (!r || !Number.isInteger(r.age) || !Number.isInteger(r.months)) continue;
        const months = (r.age as number) * 12 + (r.months as number);
        if (months > 18 * 12)
          own.push({ path: `stayingPut.timeline.${step}`, rule: 'maximum', message: words.after18 });
      }
    }
  }
  const schema = validateCouncilSettingsSchema(doc, options);
  if (schema.ok && own.length === 0) {
    return { ok: true, value: { ...schema.value, bankHolidays: [...schema.value.bankHolidays].sort() } };
  }
  // The schema's own "contains" failures say only "is not valid", and come with one "const" failure for each entry
  // that is not the person required ("entry 2 must be young-person"), which is not a mistake in that entry; the
  // checks above say what is wrong. A wrong entry itself fails the `enum` rule, which is kept.
  const fromSchema = schema.ok ? [] : schema.errors.filter((e) => !fromContains(e));
  return { ok: false, errors: [...own, ...fromSchema] };
}

/** A schema error that only repeats a "contains" rule on the people lists (the whole list, or one entry of it). */
function fromContains(e: FieldError): boolean {
  if (e.rule === 'contains' || e.rule === 'allOf') return true;
  return e.rule === 'const' && /^stayingPut\.(meetingAttendees|signatories)\.\d+$/.test(e.path);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
