// A subject access request: everything Onward holds about one young person, as one zip with a readable index.
// Their record, each plan, check-in and Staying Put arrangement as JSON, the authorised plans' PDFs as frozen and
// each agreement's PDF, their event history, their sign-in account, and every audit entry about them (who read or
// changed their record, and when). Documents and events go through the engine's visibility rule for the young
// person themselves (agreementForViewer / eventsForViewer), so what the law lets the council withhold as another
// person's information (a carer's allowance hidden from them) is left out the same way the app leaves it out.
// Only rows keyed to this young person are read, so nobody else's record can come into it.
import { agreementForViewer, eventsForViewer, type LivingTogetherAgreement, type NoticeKind } from '@onward/engine';
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { RenderContext } from '../render-context.js';
import type { PendingPdf } from '../storage/frozen-plans.js';
import type { YoungPersonRecord } from '../storage/projection.js';
import type { Store } from '../storage/store.js';

const THEM = { role: 'young-person' } as const;

export interface SubjectAccessFile {
  path: string;
  /** What the file is, in plain words. */
  about: string;
  bytes: number;
}

export interface SubjectAccessIndex {
  youngPersonId: string;
  name: string;
  councilId: string;
  producedAt: string;
  producedBy: { id: string; name: string; role: string };
  counts: {
    plans: number;
    checkIns: number;
    arrangements: number;
    pdfs: number;
    events: number;
    auditEntries: number;
    /** Messages Onward sent, or is to send, to someone about them (the notification outbox). */
    messages: number;
  };
  files: SubjectAccessFile[];
  withheld: string[];
}

export interface SubjectAccessOptions {
  producedBy: { id: string; name: string; role: string };
  now: Date;
  renderAgreementPdf?: (agreement: LivingTogetherAgreement, ctx: RenderContext) => Promise<Uint8Array>;
  /** Makes (and stores) the PDF of a plan still in the freeze queue: the server's `pdfFreezes.pdfFor`. */
  planPdf?: (pending: PendingPdf) => Promise<Uint8Array>;
}

const json = (v: unknown) => strToU8(`${JSON.stringify(v, null, 2)}\n`);
/** A file name made only of safe characters (ids are the store's own, but a zip path must never climb out). */
const safe = (id: string) => id.replace(/[^A-Za-z0-9_.-]/g, '_');

/** The zip's bytes and its index, for one young person already checked to be the caller's to export. */
export async function subjectAccessZip(
  store: Store,
  yp: YoungPersonRecord,
  o: SubjectAccessOptions,
): Promise<{ zip: Uint8Array; index: SubjectAccessIndex }> {
  const scope = { youngPersonIds: [yp.id], councilId: yp.councilId };
  const [plans, checkIns, arrangements, events, audit, users, frozen, externalIds, council, messages] =
    await Promise.all([
      store.listPlans(scope),
      store.listCheckIns({ ...scope, limit: 1_000_000 }),
      store.listArrangements(scope),
      store.listEvents(yp.id),
      store.queryAudit({ councilId: yp.councilId, youngPersonIds: [yp.id], limit: 1_000_000 }),
      store.listUsers(yp.councilId),
      store.frozenPlans.listForYoungPerson(yp.id),
      store.db.query(
        'SELECT external_id, created_at FROM young_person_external_ids WHERE council_id = $1 AND young_person_id = $2',
        [yp.councilId, yp.id],
      ),
      store.getCouncil(yp.councilId),
      store.outbox.listForYoungPerson(yp.id),
    ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const account = users.find((u) => u.role === 'young-person' && u.youngPersonId === yp.id);
  const files: Zippable = {};
  const listed: SubjectAccessFile[] = [];
  const add = (path: string, about: string, bytes: Uint8Array, stored = false) => {
    files[path] = stored ? [bytes, { level: 0 }] : bytes;
    listed.push({ path, about, bytes: bytes.byteLength });
  };
  const withheld = new Set<string>();

  add(
    'young-person.json',
    'Their record: name, date of birth, care leaver category, team, personal adviser, social worker, language',
    json({
      ...yp,
      team: (await store.getTeam(yp.teamId))?.name,
      personalAdviser: names.get(yp.paId),
      ...(yp.socialWorkerId ? { socialWorker: names.get(yp.socialWorkerId) } : {}),
      caseManagementIds: externalIds.map((r) => String(r.external_id)),
      ...(account
        ? { signIn: { email: account.email, switchedOff: account.disabled } }
        : { signIn: 'They have no sign-in to Onward.' }),
    }),
  );
  for (const p of plans)
    add(`plans/${safe(p.id)}.json`, `Pathway plan (${p.state}), as last saved`, json({ state: p.state, ...p.doc }));
  for (const f of frozen) {
    // A PDF still in the freeze queue is made now (the same bytes the worker would store), so none is left out.
    if (!f.pdf && f.pending && o.planPdf) f.pdf = await o.planPdf(f.pending);
    if (f.pdf)
      add(
        `plans/${safe(f.planId)}-authorised-${f.authorisedAt.slice(0, 10)}.pdf`,
        `Pathway plan as authorised on ${f.authorisedAt.slice(0, 10)} (the PDF issued)`,
        f.pdf,
        true,
      );
  }
  for (const ci of checkIns)
    add(
      `check-ins/${safe(ci.id)}.json`,
      `Check-in on ${ci.at.slice(0, 10)}`,
      json({ ...ci.doc, state: ci.lifecycle.state }),
    );
  for (const a of arrangements) {
    const agreement = a.agreement ? agreementForViewer(a.agreement, THEM) : undefined;
    if (a.agreement && agreement !== a.agreement) withheld.add('carerAllowance');
    add(
      `staying-put/${safe(a.id)}.json`,
      `Staying Put arrangement (${a.state})${agreement ? ' with its Living Together Agreement' : ''}`,
      json({
        id: a.id,
        state: a.state,
        carers: a.carerUserIds.map((id) => names.get(id) ?? id),
        ...(a.supervisingSocialWorkerId
          ? { supervisingSocialWorker: names.get(a.supervisingSocialWorkerId) ?? a.supervisingSocialWorkerId }
          : {}),
        updatedAt: a.updatedAt,
        ...(agreement ? { agreement } : {}),
      }),
    );
    if (agreement && o.renderAgreementPdf)
      add(
        `staying-put/${safe(a.id)}-agreement.pdf`,
        'Living Together Agreement (PDF)',
        await o.renderAgreementPdf(agreement, {
          council: council ?? { id: yp.councilId, name: yp.councilId },
          locale: yp.language ?? 'en-GB',
          viewer: THEM,
        }),
        true,
      );
  }
  const shown = eventsForViewer(events, THEM);
  if (shown.some((e, i) => e !== events[i])) withheld.add('carerAllowance');
  add(
    'event-history.json',
    'Every change to their record, oldest first: what happened, when, and who did it',
    json(
      shown.map(({ councilId: _c, ...e }) => ({
        ...e,
        ...(names.has(e.actorId) ? { actorName: names.get(e.actorId) } : {}),
      })),
    ),
  );
  add(
    'who-saw-their-record.json',
    'The audit trail about them: each time someone read, changed or exported their record, and when',
    json(
      [...audit].reverse().map((a) => ({
        at: a.at,
        who: names.get(a.actorId) ?? a.actorId,
        role: a.actorRole,
        action: a.action,
        record: a.recordType,
        recordId: a.recordId,
      })),
    ),
  );
  add(
    'messages-about-them.json',
    'Messages Onward sent, or is to send, to someone about them (such as their PA being told they asked for help): what about, to whom, when, and whether it went. The messages themselves hold only a sign-in link.',
    json(
      messages.map((m) => ({
        at: m.createdAt,
        about: MESSAGE_WORDS[m.kind],
        to: names.get(m.recipientId) ?? m.recipientId,
        status: m.status,
        ...(m.sentAt ? { sentAt: m.sentAt } : {}),
      })),
    ),
  );
  const index: SubjectAccessIndex = {
    youngPersonId: yp.id,
    name: yp.name,
    councilId: yp.councilId,
    producedAt: o.now.toISOString(),
    producedBy: o.producedBy,
    counts: {
      plans: plans.length,
      checkIns: checkIns.length,
      arrangements: arrangements.length,
      pdfs: listed.filter((f) => f.path.endsWith('.pdf')).length,
      events: events.length,
      auditEntries: audit.length,
      messages: messages.length,
    },
    files: listed,
    withheld: [...withheld],
  };
  files['index.json'] = json(index);
  files['index.txt'] = strToU8(readableIndex(index, council?.name ?? yp.councilId));
  return { zip: zipSync(files, { mtime: o.now }), index };
}

/** What each kind of message was about, in words for the person reading their own file. */
const MESSAGE_WORDS: Readonly<Record<NoticeKind, string>> = {
  'help-asked-check-in': 'Their personal adviser was told they asked for help in a check-in',
  'help-asked-checklist': 'Their personal adviser was told they asked for help in their checklist',
  'plan-returned': 'Their personal adviser was told their plan was sent back for changes',
  'plan-authorised': 'Their personal adviser was told their plan was authorised',
};

function readableIndex(i: SubjectAccessIndex, council: string): string {
  const lines = [
    `Everything ${council} holds in Onward about ${i.name}`,
    '',
    `Produced on ${i.producedAt.slice(0, 10)} at ${i.producedAt.slice(11, 16)} UTC by ${i.producedBy.name} (${i.producedBy.role}), for a subject access request.`,
    '',
    `Pathway plans: ${i.counts.plans}. Check-ins: ${i.counts.checkIns}. Staying Put arrangements: ${i.counts.arrangements}.`,
    `PDFs: ${i.counts.pdfs}. Changes to the record: ${i.counts.events}. Audit entries (who saw or changed it): ${i.counts.auditEntries}.`,
    `Messages to people about them: ${i.counts.messages}.`,
    '',
    'The files in this zip:',
    '',
    ...i.files.map((f) => `  ${f.path}\n      ${f.about} (${f.bytes} bytes)`),
    '  index.json\n      This list, for a computer',
    '',
  ];
  if (i.withheld.includes('carerAllowance'))
    lines.push(
      'Left out: the allowance the council pays the carer, which the agreement keeps private to the carer and',
      'the council (another person’s information). Everything else held about them is here.',
      '',
    );
  return lines.join('\n');
}
