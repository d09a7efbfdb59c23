// Words of the plan's confirmations (after submitting, going ahead without the young person, returning and
// authorising) and of the authorisation queue: English, and a Welsh draft awaiting review by Welsh speakers.
import type { Prefs } from '../i18n.js';
import { plural } from '../plural.js';

const days = (n: number) => plural('en', n, { one: '# day', other: '# days' });
// diwrnod (a day) and cynllun (a plan) are masculine: dau ddiwrnod, dau gynllun (soft mutation); tri chynllun and
// chwe chynllun (aspirate mutation); the other numbers take the plain noun.
const diwrnod = (n: number) => plural('cy', n, { two: '# ddiwrnod', other: '# diwrnod' });
const cynllun = (n: number) =>
  plural('cy', n, { two: '# gynllun', few: '# chynllun', many: '# chynllun', other: '# cynllun' });

const en = {
  // Confirmations: what happened, then what happens next.
  submittedTitle: 'Plan submitted',
  submitted: 'The plan is with the team manager to authorise. If they return it, their comments will be on this page.',
  withoutTitle: 'Going ahead without the young person',
  without: (name: string) =>
    `The plan now says it was written without ${name}, after the attempts to reach them. Next: finish the plan and submit it for authorisation. If ${name} gets in touch first, they can still add their answers, and the plan will say so.`,
  authorisedTitle: (name: string) => `${name}’s plan is authorised`,
  authorised: (name: string, review: string) =>
    `It is now the plan in use. ${name} and their PA can read it and download it as a PDF. The next review is due by ${review}.`,
  returnedTitle: (name: string, pa: string) => `${name}’s plan has gone back to ${pa}`,
  returned: (pa: string) =>
    `${pa} can read your comments on the plan. It will come back to this list when it is submitted again.`,
  openPlan: (name: string) => `Open ${name}’s plan`,
  // The queue
  pa: 'PA',
  daysWaiting: 'Days waiting',
  days: (n: number) => (n === 0 ? 'Submitted today' : days(n)),
  queueSummary: (n: number, oldest: number) =>
    plural('en', n, {
      one: `1 plan is waiting. It has waited ${days(oldest)}.`,
      other: `# plans are waiting, oldest first. The oldest has waited ${days(oldest)}.`,
    }),
};
export type PlanStrings = typeof en;

const cy: PlanStrings = {
  submittedTitle: 'Cynllun wedi’i gyflwyno',
  submitted:
    'Mae’r cynllun gyda rheolwr y tîm i’w awdurdodi. Os bydd yn ei ddychwelyd, bydd ei sylwadau ar y dudalen hon.',
  withoutTitle: 'Bwrw ymlaen heb y person ifanc',
  without: (name: string) =>
    `Mae’r cynllun bellach yn dweud iddo gael ei ysgrifennu heb ${name}, ar ôl yr ymdrechion i gysylltu. Nesaf: gorffen y cynllun a’i gyflwyno i’w awdurdodi. Os bydd ${name} yn cysylltu yn gyntaf, gall ychwanegu ei atebion o hyd, a bydd y cynllun yn dweud hynny.`,
  authorisedTitle: (name: string) => `Mae cynllun ${name} wedi’i awdurdodi`,
  authorised: (name: string, review: string) =>
    `Dyma’r cynllun sy’n cael ei ddefnyddio nawr. Gall ${name} a’i gynghorydd personol ei ddarllen a’i lawrlwytho fel PDF. Mae’r adolygiad nesaf yn ddyledus erbyn ${review}.`,
  returnedTitle: (name: string, pa: string) => `Mae cynllun ${name} wedi mynd yn ôl at ${pa}`,
  returned: (pa: string) =>
    `Gall ${pa} ddarllen eich sylwadau ar y cynllun. Bydd yn dod yn ôl i’r rhestr hon pan gaiff ei gyflwyno eto.`,
  openPlan: (name: string) => `Agor cynllun ${name}`,
  pa: 'Cynghorydd personol',
  daysWaiting: 'Diwrnodau’n aros',
  days: (n: number) => (n === 0 ? 'Wedi’i gyflwyno heddiw' : diwrnod(n)),
  queueSummary: (n: number, oldest: number) =>
    plural('cy', n, {
      one: `Mae 1 cynllun yn aros. Mae wedi aros ${diwrnod(oldest)}.`,
      other: `Mae ${cynllun(n)} yn aros, yr hynaf yn gyntaf. Mae’r hynaf wedi aros ${diwrnod(oldest)}.`,
    }),
};

export function planStrings(p: Prefs): PlanStrings {
  return p.lang === 'cy' ? cy : en;
}
