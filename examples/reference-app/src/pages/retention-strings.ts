// Words of the team manager's retention pages: the records due for destruction, legal holds and the destruction's
// confirmation step (English, Welsh draft). Counts take their plural forms from Intl.PluralRules (plural.ts).
import type { Prefs } from '../i18n.js';
import { plural } from '../plural.js';

/** The kinds of row a destruction removes (the server's `removes` / `removed` keys), in plain words. */
type Kinds = Record<
  | 'events'
  | 'plans'
  | 'frozenPlans'
  | 'planPdfs'
  | 'planPdfQueue'
  | 'checkIns'
  | 'arrangements'
  | 'invitations'
  | 'externalIds'
  | 'accounts'
  | 'accountEvents'
  | 'credentials'
  | 'sessions'
  | 'staffInvitations'
  | 'signInCounts'
  | 'webhookDeliveries'
  | 'webhookAttempts'
  | 'notifications'
  | 'legalHolds'
  | 'legalHoldEvents'
  | 'auditEntries'
  | 'youngPeople',
  string
>;

const en = {
  intro:
    'A care leaver’s record is kept until their 75th birthday. The records below have passed that date. Check each one: put it under a legal hold if it may be needed for a claim, an inquiry or a complaint, or destroy it.',
  none: 'No records are due for destruction.',
  dueTable: 'Records due for destruction, the oldest first',
  name: 'Name',
  reference: 'Reference',
  dateOfBirth: 'Date of birth',
  dueFrom: 'Due for destruction from',
  why: 'Why',
  status: 'Status',
  actions: 'Actions',
  due: 'Due',
  held: 'Legal hold',
  heldBecause: (reason: string, who: string) => `Held by ${who}: ${reason}`,
  seventyFifth: '75th birthday',
  afterDeath: '15 years after their death',
  holdButton: 'Put under legal hold',
  liftButton: 'Lift the legal hold',
  destroyButton: 'Destroy record',
  destroyTitle: (name: string) => `Destroy the record of ${name}`,
  destroyWarning:
    'This removes everything Onward holds about them: their record, their plans and the PDFs issued, their check-ins, Staying Put, their sign-in, and the audit entries about them. It cannot be undone.',
  destroyKept:
    'A destruction record is kept: the reference, who confirmed it, when, and the legal basis, with the number of entries removed. It holds no personal details.',
  willRemove: 'What will be removed',
  kind: 'What',
  count: 'How many',
  confirmLabel: (ref: string) => `Type the reference ${ref} to confirm`,
  confirmButton: 'Destroy this record',
  back: 'Go back to the list',
  holdTitle: (name: string) => `Put the record of ${name} under a legal hold`,
  holdIntro:
    'While the hold is in place the record cannot be destroyed. Say why: a claim, an inquiry or a complaint. The reason is kept with the record.',
  liftTitle: (name: string) => `Lift the legal hold on the record of ${name}`,
  liftIntro:
    'Once the hold is lifted, the record can be destroyed when it is due. Say why the hold is no longer needed.',
  reason: 'Reason',
  heldSince: 'Held since',
  destroyedTitle: 'Record destroyed',
  destroyed: (ref: string, n: number) =>
    `The record ${ref} has been destroyed: ${plural('en', n, { one: '# entry', other: '# entries' })} removed. The destruction is recorded below.`,
  heldTitle: 'Legal hold in place',
  heldDone: (name: string) => `The record of ${name} cannot be destroyed while the hold is in place.`,
  liftedTitle: 'Legal hold lifted',
  liftedDone: (name: string) => `The record of ${name} can be destroyed once it is due.`,
  destructions: 'Records destroyed',
  destroyedOn: 'Destroyed on',
  confirmedBy: 'Confirmed by',
  removedCount: 'Entries removed',
  legalBasis: 'Legal basis',
  entries: (n: number) => plural('en', n, { one: '# entry', other: '# entries' }),
  kinds: {
    events: 'Entries in their history (the event log)',
    plans: 'Pathway plans',
    frozenPlans: 'Plans as authorised',
    planPdfs: 'PDFs of authorised plans',
    planPdfQueue: 'PDFs still being made',
    checkIns: 'Check-ins',
    arrangements: 'Staying Put arrangements and agreements',
    invitations: 'Invitation links',
    externalIds: 'Case-management ids',
    accounts: 'Sign-in accounts',
    accountEvents: 'Changes to their sign-in account',
    credentials: 'Passwords (stored as hashes)',
    sessions: 'Signed-in sessions',
    staffInvitations: 'Password links',
    signInCounts: 'Counted sign-in tries',
    webhookDeliveries: 'Messages sent to the case-management system',
    webhookAttempts: 'Tries to send those messages',
    notifications: 'Emails about them, sent or waiting',
    legalHolds: 'Legal holds',
    legalHoldEvents: 'Legal holds set and lifted',
    auditEntries: 'Audit entries about them',
    youngPeople: 'Their record',
  } satisfies Kinds,
};
export type RetentionStrings = typeof en;

const cy: RetentionStrings = {
  intro:
    'Mae cofnod person sy’n gadael gofal yn cael ei gadw tan ei ben-blwydd yn 75 oed. Mae’r cofnodion isod wedi pasio’r dyddiad hwnnw. Gwiriwch bob un: rhowch ataliad cyfreithiol arno os gallai fod ei angen ar gyfer hawliad, ymchwiliad neu gŵyn, neu dinistriwch ef.',
  none: 'Does dim cofnodion i’w dinistrio.',
  dueTable: 'Cofnodion i’w dinistrio, yr hynaf yn gyntaf',
  name: 'Enw',
  reference: 'Cyfeirnod',
  dateOfBirth: 'Dyddiad geni',
  dueFrom: 'I’w ddinistrio o',
  why: 'Pam',
  status: 'Statws',
  actions: 'Camau',
  due: 'Yn ddyledus',
  held: 'Ataliad cyfreithiol',
  heldBecause: (reason: string, who: string) => `Wedi’i atal gan ${who}: ${reason}`,
  seventyFifth: 'Pen-blwydd yn 75 oed',
  afterDeath: '15 mlynedd ar ôl ei farwolaeth',
  holdButton: 'Rhoi ataliad cyfreithiol',
  liftButton: 'Codi’r ataliad cyfreithiol',
  destroyButton: 'Dinistrio’r cofnod',
  destroyTitle: (name: string) => `Dinistrio cofnod ${name}`,
  destroyWarning:
    'Mae hyn yn dileu popeth sydd gan Onward amdanyn nhw: eu cofnod, eu cynlluniau a’r PDFs a roddwyd, eu sesiynau gwirio, Staying Put, eu mewngofnodi, a’r cofnodion archwilio amdanyn nhw. Does dim modd ei ddadwneud.',
  destroyKept:
    'Mae cofnod dinistrio’n cael ei gadw: y cyfeirnod, pwy a’i cadarnhaodd, pryd, a’r sail gyfreithiol, gyda nifer y cofnodion a ddilëwyd. Does dim manylion personol ynddo.',
  willRemove: 'Beth fydd yn cael ei ddileu',
  kind: 'Beth',
  count: 'Faint',
  confirmLabel: (ref: string) => `Teipiwch y cyfeirnod ${ref} i gadarnhau`,
  confirmButton: 'Dinistrio’r cofnod hwn',
  back: 'Mynd yn ôl i’r rhestr',
  holdTitle: (name: string) => `Rhoi ataliad cyfreithiol ar gofnod ${name}`,
  holdIntro:
    'Tra bydd yr ataliad ar waith, does dim modd dinistrio’r cofnod. Dywedwch pam: hawliad, ymchwiliad neu gŵyn. Mae’r rheswm yn cael ei gadw gyda’r cofnod.',
  liftTitle: (name: string) => `Codi’r ataliad cyfreithiol ar gofnod ${name}`,
  liftIntro:
    'Ar ôl codi’r ataliad, gellir dinistrio’r cofnod pan fydd yn ddyledus. Dywedwch pam nad oes angen yr ataliad mwyach.',
  reason: 'Rheswm',
  heldSince: 'Wedi’i atal ers',
  destroyedTitle: 'Cofnod wedi’i ddinistrio',
  destroyed: (ref: string, n: number) =>
    `Mae’r cofnod ${ref} wedi’i ddinistrio: dilëwyd ${plural('cy', n, { other: '# eitem' })}. Mae’r dinistrio wedi’i gofnodi isod.`,
  heldTitle: 'Ataliad cyfreithiol ar waith',
  heldDone: (name: string) => `Does dim modd dinistrio cofnod ${name} tra bydd yr ataliad ar waith.`,
  liftedTitle: 'Ataliad cyfreithiol wedi’i godi',
  liftedDone: (name: string) => `Gellir dinistrio cofnod ${name} pan fydd yn ddyledus.`,
  destructions: 'Cofnodion a ddinistriwyd',
  destroyedOn: 'Dinistriwyd ar',
  confirmedBy: 'Cadarnhawyd gan',
  removedCount: 'Eitemau a ddilëwyd',
  legalBasis: 'Sail gyfreithiol',
  entries: (n: number) => plural('cy', n, { other: '# eitem' }),
  kinds: {
    events: 'Cofnodion yn eu hanes (y log digwyddiadau)',
    plans: 'Cynlluniau llwybr',
    frozenPlans: 'Cynlluniau fel y’u hawdurdodwyd',
    planPdfs: 'PDFs o gynlluniau a awdurdodwyd',
    planPdfQueue: 'PDFs sy’n dal i gael eu gwneud',
    checkIns: 'Sesiynau gwirio',
    arrangements: 'Trefniadau a chytundebau Staying Put',
    invitations: 'Dolenni gwahodd',
    externalIds: 'Rhifau’r system rheoli achosion',
    accounts: 'Cyfrifon mewngofnodi',
    accountEvents: 'Newidiadau i’w cyfrif mewngofnodi',
    credentials: 'Cyfrineiriau (wedi’u cadw fel stwnsh)',
    sessions: 'Sesiynau mewngofnodi',
    staffInvitations: 'Dolenni cyfrinair',
    signInCounts: 'Ymdrechion mewngofnodi a gyfrifwyd',
    webhookDeliveries: 'Negeseuon a anfonwyd i’r system rheoli achosion',
    webhookAttempts: 'Ymdrechion i anfon y negeseuon hynny',
    notifications: 'E-byst amdanyn nhw, wedi’u hanfon neu’n aros',
    legalHolds: 'Ataliadau cyfreithiol',
    legalHoldEvents: 'Ataliadau cyfreithiol a osodwyd ac a godwyd',
    auditEntries: 'Cofnodion archwilio amdanyn nhw',
    youngPeople: 'Eu cofnod',
  },
};

export function retentionStrings(p: Prefs): RetentionStrings {
  return p.lang === 'cy' ? cy : en;
}
