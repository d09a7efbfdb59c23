// The signed Living Together Agreement as the PDF copy each party keeps. The young person's copy leaves out the
// allowance the council pays the carer unless the agreement marks it visible to them (engine `showsCarerAllowance`).
import {
  HOUSE_RULE_TOPICS,
  type LivingTogetherAgreement,
  showsCarerAllowance,
  validateAgreement,
} from '@onward/engine';
import { formatDate, type Labels, labelsFor } from './labels.js';
import { createDocument, setMetadata, toBytes } from './layout/document.js';
import { PAGE, Writer } from './layout/writer.js';

export interface AgreementPdfOptions {
  /** The council that supports the arrangement: the PDF's author and running header. */
  readonly council: { readonly name: string };
  /** The document's creation date. The same agreement, options and date give byte-identical output. */
  readonly createdAt: Date;
  /** Language of the document's headings; `cy` gives Welsh. Default `en-GB`. */
  readonly locale?: string;
  /**
   * Whose copy this is. The young person's copy leaves out the carer's allowance unless the agreement marks it
   * visible to them (`money.carerAllowance.visibleToYoungPerson: true`). Default `staff`.
   */
  readonly viewer?: 'young-person' | 'staff';
}

/** Render a Living Together Agreement as a PDF. Rejects with an error naming each invalid field. */
export async function renderAgreementPdf(
  agreement: LivingTogetherAgreement,
  options: AgreementPdfOptions,
): Promise<Uint8Array> {
  if (!options || typeof options !== 'object') throw new TypeError('options is required: { council, createdAt }.');
  if (!options.council || typeof options.council.name !== 'string' || options.council.name.trim() === '')
    throw new TypeError('options.council.name must be the council’s name.');
  if (!(options.createdAt instanceof Date) || Number.isNaN(options.createdAt.getTime()))
    throw new TypeError('options.createdAt must be a valid Date.');
  const viewer = options.viewer ?? 'staff';
  if (viewer !== 'staff' && viewer !== 'young-person')
    throw new TypeError('options.viewer must be "young-person" or "staff".');
  const valid = validateAgreement(agreement);
  if (!valid.ok)
    throw new TypeError(
      `The agreement is not valid: ${valid.errors.map((e) => `${e.path || '(agreement)'}: ${e.message}`).join('; ')}`,
    );

  const locale = options.locale ?? 'en-GB';
  const labels = labelsFor(locale);
  const A = labels.agreement;
  const name = agreement.youngPerson.preferredName ?? agreement.youngPerson.name;
  const title = A.titleFor(name);
  const copy = viewer === 'young-person' ? A.youngPersonCopy : A.staffCopy;
  const { doc, coverage } = await createDocument();
  const w = new Writer(doc, {
    header: title,
    headerRight: `${options.council.name} · ${copy}`,
    footer: labels.createdOn(formatDate(labels, options.createdAt)),
    pageLabel: labels.page,
    coverage,
  });

  w.y = PAGE.top;
  w.paragraph(`${options.council.name} · ${copy}`, { size: 11, colour: 'secondary', after: 6, dir: 'ltr' });
  w.title(A.title, { size: 24, bold: true, colour: 'accent', after: 2, dir: 'ltr' });
  w.paragraph(name, { size: 18, bold: true, after: 14, dir: 'ltr' });
  body(w, agreement, labels, viewer);
  if (w.missingGlyphs) {
    w.space(10);
    w.paragraph(labels.missingGlyphs, { size: 9, colour: 'secondary' });
  }
  w.finish();

  setMetadata(doc, {
    title,
    subject: A.title,
    author: options.council.name,
    language: labels.lang === 'cy' ? 'cy' : locale,
    createdAt: options.createdAt,
    identity: JSON.stringify([agreement, locale, viewer, options.council.name, options.createdAt.toISOString()]),
  });
  return toBytes(doc);
}

/** Pounds and pence from whole pence: 8550 → £85.50. */
export function money(pence: number): string {
  const pounds = Math.floor(pence / 100);
  const rest = String(pence % 100).padStart(2, '0');
  return `£${pounds.toLocaleString('en-GB')}.${rest}`;
}

function body(w: Writer, a: LivingTogetherAgreement, labels: Labels, viewer: 'young-person' | 'staff'): void {
  const A = labels.agreement;
  const yesNo = (b: boolean | undefined): string | undefined => (b === undefined ? undefined : b ? A.yes : A.no);
  const date = (d: string | undefined): string | undefined => (d ? formatDate(labels, d) : undefined);

  w.heading(A.parties, 2);
  w.facts([
    [
      A.youngPerson,
      a.youngPerson.preferredName && a.youngPerson.preferredName !== a.youngPerson.name
        ? `${a.youngPerson.preferredName} (${a.youngPerson.name})`
        : a.youngPerson.name,
    ],
    [A.carers, a.carers.map((c) => c.name).join(', ')],
    [A.pa, a.pa?.name],
    [A.socialWorker, a.socialWorker?.name],
    [A.supervisingSocialWorker, a.supervisingSocialWorker?.name],
    [A.address, a.address],
  ]);

  w.heading(A.dates, 2);
  w.facts([
    [A.agreed, date(a.dates.agreed)],
    [A.starts, date(a.dates.starts)],
    [A.firstReview, date(a.dates.firstReview)],
    [A.plannedEnd, date(a.dates.plannedEnd)],
  ]);

  if (a.checks) {
    w.heading(A.checks, 2);
    w.facts([
      [A.dbsNeeded, yesNo(a.checks.dbsNeeded)],
      [A.dbsDone, date(a.checks.dbsDone)],
      [A.carerApproved, date(a.checks.carerApproved)],
      [A.inPathwayPlan, yesNo(a.checks.inPathwayPlan)],
    ]);
  }

  w.heading(A.houseRules, 2);
  const rules = HOUSE_RULE_TOPICS.map((k) => [A.rules[k], a.houseRules[k]] as const);
  if (rules.some(([, v]) => v)) w.facts(rules, 0.3);
  else w.paragraph(A.notRecorded);

  if (a.skills?.length) {
    w.heading(A.skills, 2);
    w.table(
      [
        { title: A.skill, share: 6 },
        { title: A.targetDate, share: 2 },
        { title: labels.plan.done, share: 1.6 },
      ],
      a.skills.map((s) => ({
        cells: [s.skill, s.targetDate ? formatDate(labels, s.targetDate) : '', s.done ? labels.plan.doneMark : ''],
      })),
    );
  }

  w.heading(A.money, 2);
  const c = a.money.contribution;
  const allowance = a.money.carerAllowance;
  // What the copy's reader may see of the money: the engine's rule (a staff copy is read by staff and the carer).
  const showAllowance = showsCarerAllowance(a, { role: viewer === 'young-person' ? 'young-person' : 'pa' });
  w.facts([
    [A.contribution, `${money(c.amountPence)} ${A.per[c.period]}`],
    [A.method, c.method],
    [A.contributionStarts, date(c.starts)],
    [A.covers, c.covers],
    [A.benefits, a.money.benefits],
    [
      A.carerAllowance,
      showAllowance && allowance ? `${money(allowance.amountPence)} ${A.per[allowance.period]}` : undefined,
    ],
    [A.arrears, a.money.arrears],
    [A.contracts, a.money.contracts],
  ]);

  if (a.support.length) {
    w.heading(A.support, 2);
    w.table(
      [
        { title: A.from, share: 2.4 },
        { title: A.what, share: 5 },
        { title: A.howOften, share: 2.2 },
      ],
      a.support.map((s) => ({ cells: [A.supportFrom[s.from], s.what, s.howOften ?? ''] })),
    );
  }

  w.heading(A.responsibilities, 2);
  const resp = a.responsibilities;
  if (resp.youngPerson || resp.carer || resp.council)
    w.facts(
      [
        [A.responsibilityOf.youngPerson, resp.youngPerson],
        [A.responsibilityOf.carer, resp.carer],
        [A.responsibilityOf.council, resp.council],
      ],
      0.3,
    );
  else w.paragraph(A.notRecorded);

  if (a.disagreements) {
    w.heading(A.disagreements, 2);
    w.paragraph(a.disagreements);
  }

  w.heading(A.ending, 2);
  const e = a.ending;
  if (e.noticeByYoungPerson || e.noticeByCarer || e.moveOnSteps || e.unplanned)
    w.facts([
      [A.noticeByYoungPerson, e.noticeByYoungPerson],
      [A.noticeByCarer, e.noticeByCarer],
      [A.moveOnSteps, e.moveOnSteps],
      [A.unplanned, e.unplanned],
    ]);
  else w.paragraph(A.notRecorded);

  w.heading(A.signOffs, 2);
  if (a.signOffs.length)
    w.table(
      [
        { title: A.party, share: 2.6 },
        { title: A.name, share: 3 },
        { title: A.signedOn, share: 2.2 },
        { title: A.copyGiven, share: 1.6 },
      ],
      a.signOffs.map((s) => ({
        cells: [A.parties_[s.party], s.name, formatDate(labels, s.at), s.copyGiven ? A.yes : A.no],
      })),
    );
  else w.paragraph(labels.plan.noSignOffs);
}
