// Words of the plan's confirmations (after submitting, going ahead without the young person, returning and
// authorising) and of the authorisation queue: English, and a Welsh draft awaiting review by Welsh speakers.
import type { Prefs } from '../i18n.js';

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
  days: (n: number) => (n === 0 ? 'Submitted today' : n === 1 ? '1 day' : `${n} days`),
  queueSummary: (n: number, oldest: number) =>
    n === 1
      ? `1 plan is waiting. It has waited ${oldest === 1 ? '1 day' : `${oldest} days`}.`
      : `${n} plans are waiting, oldest first. The oldest has waited ${oldest === 1 ? '1 day' : `${oldest} days`}.`,
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
  days: (n: number) => (n === 0 ? 'Wedi’i gyflwyno heddiw' : n === 1 ? '1 diwrnod' : `${n} diwrnod`),
  queueSummary: (n: number, oldest: number) =>
    n === 1
      ? `Mae 1 cynllun yn aros. Mae wedi aros ${oldest === 1 ? '1 diwrnod' : `${oldest} diwrnod`}.`
      : `Mae ${n} cynllun yn aros, yr hynaf yn gyntaf. Mae’r hynaf wedi aros ${oldest === 1 ? '1 diwrnod' : `${oldest} diwrnod`}.`,
};

export function planStrings(p: Prefs): PlanStrings {
  return p.lang === 'cy' ? cy : en;
}
