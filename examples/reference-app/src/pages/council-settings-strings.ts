// Words of the council settings page (English; Welsh draft awaiting review by Welsh speakers, like the rest).
// What each Staying Put step is comes from the engine (STAYING_PUT_STEP_WORDS), the same words as its deadlines.
import type { Prefs } from '../i18n.js';

const en = {
  title: 'Council settings',
  intro:
    'The deadlines Onward shows, how contact attempts count, and who must come to the Staying Put meeting and sign the agreement. Changes to deadlines show at once. Plans and arrangements already started keep the attempt, meeting and signing rules they started with.',
  defaults: 'Your council uses the standard settings. Nobody has changed them yet.',
  lastChanged: (who: string, when: string) => `Last changed by ${who} on ${when}.`,
  saved: 'Council settings saved. The deadlines shown follow the new settings from now on.',
  save: 'Save council settings',
  nation: 'Nation',
  nationHint: 'Which law, words and categories of care leaver apply.',
  nations: { england: 'England', wales: 'Wales' } as Record<string, string>,
  pathwayPlans: 'Pathway plans',
  fields: {
    'pathwayPlan.firstPlanMonths': [
      'Months to the first plan',
      'From the 16th birthday, or from becoming eligible or relevant if later, to the first authorised plan.',
    ],
    'pathwayPlan.reviewMonths': [
      'Months between plan reviews',
      'From one authorised plan to its review. The law says at least every six months.',
    ],
    'pathwayPlan.significantChangeWorkingDays': [
      'Working days to review after a significant change',
      'Bank holidays and weekends are not counted.',
    ],
    'pathwayPlan.requestedReviewWorkingDays': [
      'Working days to review after someone asks for one',
      'When the young person or their PA asks for a review.',
    ],
    'pathwayPlan.attemptsBeforeProceeding': [
      'Contact attempts before the plan can be finished without the young person',
      'Unsuccessful attempts to reach them, each with how it was made.',
    ],
    'pathwayPlan.attemptSpacingDays': [
      'Days at least between two attempts that count',
      '1: on different days. 0: any time.',
    ],
    'stayingPut.firstReviewDays': ['Days to the first review of an arrangement', 'From the day it starts.'],
    'stayingPut.reviewMonths': ['Months between later reviews of an arrangement', ''],
    bankHolidays: [
      'Bank holidays',
      'One date a line, like 2026-12-25. They are skipped when counting working days. Add next year’s when they are announced.',
    ],
  } as Record<string, [string, string]>,
  stayingPut: 'Staying Put',
  timeline: 'Staying Put timeline',
  timelineHint:
    'Each step is due by a birthday plus a number of months. “The day before” means it must be done before that day.',
  age: 'Birthday (age)',
  months: 'Months after that birthday',
  dueBy: 'Due by',
  onTheDay: 'that day',
  dayBefore: 'the day before',
  meetingAttendees: 'Who must be at the meeting that draws up the Living Together Agreement',
  meetingAttendeesHint: 'The young person is always one of them.',
  signatories: 'Who must sign the Living Together Agreement',
  signatoriesHint: 'The young person and the carers always sign.',
  people: {
    'young-person': 'The young person',
    carer: 'The carers',
    'social-worker': 'Social worker',
    'supervising-social-worker': 'Supervising social worker',
    pa: 'Personal adviser',
    'benefits-adviser': 'Benefits and finance team',
  } as Record<string, string>,
};
export type CouncilSettingsStrings = typeof en;

const cy: CouncilSettingsStrings = {
  ...en,
  title: 'Gosodiadau’r cyngor',
  defaults: 'Mae eich cyngor yn defnyddio’r gosodiadau safonol. Does neb wedi’u newid eto.',
  saved: 'Mae gosodiadau’r cyngor wedi’u cadw.',
  save: 'Cadw gosodiadau’r cyngor',
  nation: 'Gwlad',
  nations: { england: 'Lloegr', wales: 'Cymru' },
  pathwayPlans: 'Cynlluniau llwybr',
  stayingPut: 'Pan Fydda i’n Barod / Staying Put',
  age: 'Pen-blwydd (oed)',
  dueBy: 'Erbyn',
  people: {
    ...en.people,
    'young-person': 'Y person ifanc',
    carer: 'Y gofalwyr',
    'social-worker': 'Gweithiwr cymdeithasol',
    pa: 'Ymgynghorydd personol',
  },
};

export function councilSettingsStrings(p: Prefs): CouncilSettingsStrings {
  return p.lang === 'cy' ? cy : en;
}
