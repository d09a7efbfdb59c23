// Who is told, and about what, when an event is appended to a young person's record: the one rule for it. The
// server calls `appendWithNotices` inside the append's transaction and writes each notice to its outbox in the same
// transaction, so a notice is never lost nor sent for an event that was not saved. A notice names its kind and its
// recipient only: the words (`noticeMessage`) hold no personal data, just a line and a link to sign in.
//
//   a check-in that asks for help                 → the young person's named PA
//   the young person asks for help in a checklist → the named PA (only for a help flag that was not there before)
//   a plan returned by a manager                  → the named PA
//   a plan authorised                             → the named PA
//
// Nobody is told about their own step (a PA who is also the actor), and nothing is sent for a young person without
// a named PA.
import { appendToProjection, type ProjectionState } from '../events/projection.js';
import type { EventDraft, RecordEvent } from '../events/types.js';
import type { Nation } from '../settings/council-settings.js';

export const NOTICE_KINDS = [
  'help-asked-check-in',
  'help-asked-checklist',
  'plan-returned',
  'plan-authorised',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface Notice {
  readonly kind: NoticeKind;
  /** The user to tell (the named PA's account id). */
  readonly recipientId: string;
  readonly youngPersonId: string;
  /** The record it is about (the check-in or the plan): for the worker's own bookkeeping, never in the message. */
  readonly subjectId: string;
}

/** The questions of a checklist answered with "I'd like help with this" (`help: true`), as domain.key ids. */
export function helpFlags(checklist: unknown): Set<string> {
  const out = new Set<string>();
  const answers = (checklist as { answers?: Record<string, Record<string, { help?: unknown } | undefined>> })?.answers;
  for (const [domain, qs] of Object.entries(answers ?? {}))
    for (const [key, a] of Object.entries(qs ?? {})) if (a?.help === true) out.add(`${domain}.${key}`);
  return out;
}

/**
 * Appends a draft to the state (as appendToProjection) and says who must be told about it. Throws as
 * appendToProjection does; nothing is decided for a draft that does not apply.
 */
export function appendWithNotices(
  state: ProjectionState,
  draft: EventDraft,
  meta: { id: string; sequence: number },
): { event: RecordEvent; notices: Notice[] } {
  const planId = (draft.payload as { planId?: unknown }).planId;
  const helpBefore =
    draft.type === 'plan.checklist-saved' && typeof planId === 'string'
      ? helpFlags(state.plans.get(planId)?.doc.checklist)
      : undefined;
  const event = appendToProjection(state, draft, meta);
  const paId = state.youngPerson?.paId;
  if (!paId || paId === event.actorId) return { event, notices: [] };
  const notice = (kind: NoticeKind, subjectId: string): Notice[] => [
    { kind, recipientId: paId, youngPersonId: event.youngPersonId, subjectId },
  ];
  switch (event.type) {
    case 'check-in.recorded': {
      const id = event.payload.checkIn.id;
      const ci = state.checkIns.get(id);
      return { event, notices: ci?.lifecycle.state === 'helpRequested' ? notice('help-asked-check-in', id) : [] };
    }
    case 'plan.checklist-saved': {
      if (event.actorRole !== 'young-person') return { event, notices: [] };
      const now = helpFlags(event.payload.checklist);
      const added = [...now].some((q) => !helpBefore?.has(q));
      return { event, notices: added ? notice('help-asked-checklist', event.payload.planId) : [] };
    }
    case 'plan.transition': {
      const step = (event.payload.event as { type: string }).type;
      if (step === 'plan.return') return { event, notices: notice('plan-returned', event.payload.planId) };
      if (step === 'plan.authorise') return { event, notices: notice('plan-authorised', event.payload.planId) };
      return { event, notices: [] };
    }
    default:
      return { event, notices: [] };
  }
}

/** The languages a message is written in: English; or Welsh first, then English (a council in Wales). */
export type NoticeLanguage = 'en' | 'cy-en';

/**
 * The language of messages to a council's staff: in Wales both Welsh and English, Welsh first (the Welsh Language
 * Standards ask councils to write to people in Welsh and not to treat it less favourably); in England, English.
 */
export function noticeLanguage(nation: Nation): NoticeLanguage {
  return nation === 'wales' ? 'cy-en' : 'en';
}

/** Where each kind of notice asks the reader to go after signing in (the reference app's pages). */
export const NOTICE_PATHS: Readonly<Record<NoticeKind, string>> = {
  'help-asked-check-in': '/help-requests',
  'help-asked-checklist': '/caseload',
  'plan-returned': '/caseload',
  'plan-authorised': '/caseload',
};

const WORDS: Record<NoticeKind, Record<'en' | 'cy', { subject: string; line: string }>> = {
  'help-asked-check-in': {
    en: { subject: 'A young person has asked for help', line: 'A young person you support has asked for help.' },
    cy: {
      subject: 'Mae person ifanc wedi gofyn am help',
      line: 'Mae person ifanc rydych chi’n ei gefnogi wedi gofyn am help.',
    },
  },
  'help-asked-checklist': {
    en: {
      subject: 'A young person has asked for help',
      line: 'A young person you support has asked for help in their checklist.',
    },
    cy: {
      subject: 'Mae person ifanc wedi gofyn am help',
      line: 'Mae person ifanc rydych chi’n ei gefnogi wedi gofyn am help yn eu rhestr wirio.',
    },
  },
  'plan-returned': {
    en: {
      subject: 'A pathway plan has come back to you',
      line: 'A pathway plan you wrote has come back to you with comments from a manager.',
    },
    cy: {
      subject: 'Mae cynllun llwybr wedi dod yn ôl atoch',
      line: 'Mae cynllun llwybr a ysgrifennoch wedi dod yn ôl atoch gyda sylwadau gan reolwr.',
    },
  },
  'plan-authorised': {
    en: { subject: 'A pathway plan has been authorised', line: 'A pathway plan you wrote has been authorised.' },
    cy: {
      subject: 'Mae cynllun llwybr wedi cael ei awdurdodi',
      line: 'Mae cynllun llwybr a ysgrifennoch wedi cael ei awdurdodi.',
    },
  },
};

const SIGN_IN = { en: 'Sign in to see it:', cy: 'Mewngofnodwch i’w weld:' };

/**
 * The message for a notice: a subject and a plain-text body with one line and the link, and nothing about the young
 * person (no name, no date of birth, no words of theirs). `link` is the full address to sign in at.
 */
export function noticeMessage(
  kind: NoticeKind,
  language: NoticeLanguage,
  link: string,
): { subject: string; text: string } {
  const en = WORDS[kind].en;
  const enText = `${en.line}\n\n${SIGN_IN.en} ${link}\n`;
  if (language === 'en') return { subject: en.subject, text: enText };
  const cy = WORDS[kind].cy;
  return {
    subject: `${cy.subject} / ${en.subject}`,
    text: `${cy.line}\n\n${SIGN_IN.cy} ${link}\n\n---\n\n${enText}`,
  };
}
