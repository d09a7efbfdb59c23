// The pathway plan as a PDF document: written with the young person, their own words first, then each area of life
// (what is going well, what needs support, the help they asked for, goals and actions), then the statutory sections
// and the sign-offs.
import {
  type Answer,
  type AnyChecklist,
  arrangementName,
  type DomainId,
  getAnswer,
  type Nation,
  needsHelp,
  type PathwayPlan,
  planVoice,
  type QuestionSet,
  questionSet,
  type Variant,
  validatePlan,
  voiceStatement,
  type Wording,
} from '@onward/engine';
import { formatDate, type Labels, labelsFor } from './labels.js';
import { createDocument, setMetadata, toBytes } from './layout/document.js';
import { PAGE, type Row, Writer } from './layout/writer.js';

export interface PlanPdfOptions {
  /** Where question and domain wording comes from when the plan has no frozen wording. */
  readonly wording: Wording;
  /** Language of the document's headings and wording; default: the plan's wording locale, else `en-GB`. */
  readonly locale?: string;
  /** Wording variant; default: the plan's wording variant, else `standard`. */
  readonly variant?: Variant;
  /**
   * The council that owns the plan: the PDF's author and running header. Its nation names the arrangement with
   * former foster carers: "Staying Put" in England, "When I am Ready" (Welsh: "Pan Fydda i’n Barod") in Wales.
   * Default: Wales for a Welsh document, else England.
   */
  readonly council: { readonly name: string; readonly nation?: Nation };
  /** The document's creation date. The same plan, options and date give byte-identical output. */
  readonly createdAt: Date;
  /** A status shown on the cover and in the header, e.g. "Authorised" or "Draft". */
  readonly status?: string;
}

/** Render a pathway plan as a PDF. Rejects with an error naming each invalid field when the plan is not valid. */
export async function renderPlanPdf(plan: PathwayPlan, options: PlanPdfOptions): Promise<Uint8Array> {
  checkOptions(options);
  const valid = validatePlan(plan);
  if (!valid.ok)
    throw new TypeError(
      `The plan is not valid: ${valid.errors.map((e) => `${e.path || '(plan)'}: ${e.message}`).join('; ')}`,
    );

  const locale = options.locale ?? plan.wording?.locale ?? plan.youngPerson.language ?? 'en-GB';
  const variant: Variant = options.variant ?? plan.wording?.variant ?? 'standard';
  const labels = labelsFor(locale);
  const L = labels.plan;
  const checklist = plan.checklist as AnyChecklist;
  const set = questionSet(plan.wording?.questionSetVersion ?? checklist.version);
  const req = { locale, variant };
  const frozen = plan.wording?.questions;
  const questionText = (id: string): string => frozen?.[id] ?? options.wording.question(id, req).text;
  const domainTitle = (id: DomainId): string => {
    const d = options.wording.domain(id, req);
    // A Welsh document keeps Welsh headings even when no Welsh wording file is loaded.
    return sameLanguage(d.locale, locale) ? d.title : L.domainTitles[id];
  };

  const name = plan.youngPerson.preferredName ?? plan.youngPerson.name;
  const title = L.titleFor(name);
  const { doc, coverage } = await createDocument();
  const w = new Writer(doc, {
    header: title,
    headerRight: [options.council.name, options.status].filter(Boolean).join(' · '),
    footer: labels.createdOn(formatDate(labels, options.createdAt)),
    pageLabel: labels.page,
    coverage,
  });

  cover(w, plan, options, labels, name);

  // "In my own words" comes first: the young person's views and disagreements, exactly as written. It looks like a
  // title (level 1) but is a part of the plan like the others (H2), under the plan's title (H1).
  w.newPage();
  w.heading(L.ownWords, 1, 'H2');
  w.paragraph(L.ownWordsIntro, { colour: 'secondary', after: 10 });
  if (!plan.views.youngPerson && !plan.views.disagreements) w.paragraph(L.noViews);
  if (plan.views.youngPerson) {
    w.heading(L.myViews, 3);
    w.paragraph(plan.views.youngPerson, { quote: true, after: 10 });
  }
  if (plan.views.disagreements) {
    w.heading(L.disagreements, 3);
    w.paragraph(plan.views.disagreements, { quote: true, after: 10 });
  }
  w.paragraph(L.notesBeside, { colour: 'secondary', size: 9.5 });

  const help = needsHelp(set, checklist);
  for (const domain of set.domains) {
    domainSection(w, plan, set, checklist, domain.id, domainTitle(domain.id), questionText, help, labels);
  }

  statutorySections(w, plan, labels, options.council.nation ?? (labels.lang === 'cy' ? 'wales' : 'england'));
  if (w.missingGlyphs) {
    w.space(10);
    w.paragraph(labels.missingGlyphs, { size: 9, colour: 'secondary' });
  }
  w.finish();

  setMetadata(doc, {
    title,
    subject: L.title,
    author: options.council.name,
    language: labels.lang === 'cy' ? 'cy' : locale,
    createdAt: options.createdAt,
    identity: JSON.stringify([
      plan,
      locale,
      variant,
      options.council.name,
      options.status ?? '',
      options.createdAt.toISOString(),
      frozen ? '' : options.wording.snapshot(set, req),
    ]),
  });
  return toBytes(doc);
}

function sameLanguage(a: string, b: string): boolean {
  return (a.split('-')[0] ?? a) === (b.split('-')[0] ?? b);
}

function checkOptions(options: PlanPdfOptions | undefined): void {
  if (!options || typeof options !== 'object')
    throw new TypeError('options is required: { wording, council, createdAt }.');
  if (!options.wording || typeof options.wording.question !== 'function')
    throw new TypeError('options.wording must be a Wording.');
  if (!options.council || typeof options.council.name !== 'string' || options.council.name.trim() === '')
    throw new TypeError('options.council.name must be the council’s name.');
  if (
    options.council.nation !== undefined &&
    options.council.nation !== 'england' &&
    options.council.nation !== 'wales'
  )
    throw new TypeError('options.council.nation must be "england" or "wales".');
  if (!(options.createdAt instanceof Date) || Number.isNaN(options.createdAt.getTime()))
    throw new TypeError('options.createdAt must be a valid Date.');
  if (options.variant !== undefined && options.variant !== 'standard' && options.variant !== 'easy')
    throw new TypeError('options.variant must be "standard" or "easy".');
}

function cover(w: Writer, plan: PathwayPlan, options: PlanPdfOptions, labels: Labels, name: string): void {
  const L = labels.plan;
  w.y = PAGE.top + 40;
  w.paragraph(options.council.name, { size: 12, colour: 'secondary', after: 8, dir: 'ltr' });
  // The plan's title (H1) and whose plan it is.
  w.title(L.title, { size: 30, bold: true, colour: 'accent', after: 4, dir: 'ltr' });
  w.paragraph(name, { size: 22, bold: true, after: 18, dir: 'ltr' });
  w.paragraph(L.coverIntro, { size: 11, colour: 'secondary', after: 22 });
  w.facts([
    [
      L.fullName,
      plan.youngPerson.preferredName && plan.youngPerson.preferredName !== plan.youngPerson.name
        ? plan.youngPerson.name
        : undefined,
    ],
    [L.pronouns, plan.youngPerson.pronouns],
    [L.dateOfBirth, formatDate(labels, plan.youngPerson.dateOfBirth)],
    [L.category, L.categories[plan.youngPerson.category]],
    [L.status, options.status],
    [L.started, formatDate(labels, plan.started)],
    [L.authorised, plan.authorised ? formatDate(labels, plan.authorised) : L.notYetAuthorised],
    [L.nextReview, plan.nextReview ? formatDate(labels, plan.nextReview) : undefined],
    [L.pa, plan.pa.name],
    [L.socialWorker, plan.socialWorker?.name],
    [L.manager, plan.manager?.name],
    [L.council, options.council.name],
  ]);
}

type Help = ReturnType<typeof needsHelp>;

function domainSection(
  w: Writer,
  plan: PathwayPlan,
  set: QuestionSet,
  checklist: AnyChecklist,
  id: DomainId,
  title: string,
  questionText: (id: string) => string,
  help: Help,
  labels: Labels,
): void {
  const L = labels.plan;
  const domain = set.domains.find((d) => d.id === id);
  if (!domain) return;
  const dp = plan.domains[id];
  w.heading(title, 2);
  if (dp?.goingWell) {
    w.heading(L.summaryGoingWell, 3);
    w.paragraph(dp.goingWell);
  }
  if (dp?.needs) {
    w.heading(L.summaryNeeds, 3);
    w.paragraph(dp.needs);
  }
  const groups: { value: Answer['value'] | 'none'; heading: string; colour: 'good' | 'needs' | 'neutral' }[] = [
    { value: 'yes', heading: L.goingWell, colour: 'good' },
    { value: 'no', heading: L.needsSupport, colour: 'needs' },
    { value: 'not-relevant', heading: L.notRelevant, colour: 'neutral' },
    { value: 'none', heading: L.notAnswered, colour: 'neutral' },
  ];
  for (const g of groups) {
    const items = domain.questions.filter((q) => (getAnswer(checklist, q.id)?.value ?? 'none') === g.value);
    if (!items.length) continue;
    w.heading(g.heading, 3);
    w.list(() => {
      for (const q of items) {
        const a = getAnswer(checklist, q.id);
        const extra = [a?.help ? L.askedForHelp : '', a?.by === 'worker' ? L.noteByWorker : ''].filter(Boolean);
        // Keep a question with its help mark and the start of its note.
        w.keep(
          w.heightOf(questionText(q.id), { bullet: true }) +
            (extra.length ? w.heightOf(extra.join('; '), { indent: 14, size: 9 }) : 0) +
            (a?.note ? Math.min(w.heightOf(a.note, { indent: 14, quote: true }), 45) : 0),
        );
        w.bullet(
          questionText(q.id),
          { colour: 'text', after: a?.note || extra.length ? 1 : 3 },
          g.value === 'yes' ? '✓' : '•',
          () => {
            if (extra.length)
              w.paragraph(`(${extra.join('; ')})`, {
                indent: 14,
                size: 9,
                colour: 'secondary',
                after: a?.note ? 2 : 4,
              });
            if (a?.note) w.paragraph(a.note, { indent: 14, quote: true, after: 6 });
          },
        );
      }
    });
  }
  const asked = help.filter((h) => h.question.domain === id);
  if (asked.length) {
    w.heading(L.helpRequests, 3);
    w.list(() => {
      for (const h of asked) {
        const why = h.reasons.map((r) => (r === 'asked-for-help' ? L.askedForHelp : L.notEnoughHelp)).join('; ');
        w.bullet(`${questionText(h.question.id)} (${why})`);
      }
    });
  }
  if (dp?.goals?.length) {
    w.heading(L.goals, 3);
    const rows: Row[] = [];
    for (const goal of dp.goals) {
      rows.push({ cells: [`${L.goal}: ${goal.goal}`], span: true, bold: true });
      if (!goal.actions.length) rows.push({ cells: [L.noActions], span: true });
      for (const act of goal.actions)
        rows.push({ cells: [act.what, act.who, formatDate(labels, act.byWhen), act.done ? L.doneMark : ''] });
    }
    w.table(
      [
        { title: L.what, share: 4.6 },
        { title: L.who, share: 2.1 },
        { title: L.byWhen, share: 2.3 },
        { title: L.done, share: 1.3 },
      ],
      rows,
    );
  }
  if (dp?.paNotes) {
    w.heading(L.paNotes, 3);
    w.paragraph(dp.paNotes);
  }
  if (dp?.managerNotes) {
    w.heading(L.managerNotes, 3);
    w.paragraph(dp.managerNotes);
  }
}

function statutorySections(w: Writer, plan: PathwayPlan, labels: Labels, nation: Nation): void {
  const L = labels.plan;
  if (plan.accommodation) {
    const acc = plan.accommodation;
    w.heading(L.accommodation, 2);
    w.facts([
      [
        L.accommodationType,
        acc.type
          ? (L.accommodationTypes[acc.type] ?? acc.type).replace(
              '{arrangement}',
              arrangementName(nation, labels.lang === 'cy' ? 'cy' : 'en'),
            )
          : undefined,
      ],
      [L.suitable, acc.suitable === undefined ? undefined : acc.suitable ? L.yes : L.no],
    ]);
    if (acc.assessment) {
      w.heading(L.assessment, 3);
      w.paragraph(acc.assessment);
    }
  }

  w.heading(L.contact, 2);
  const c = plan.contactAndSupport;
  if (c && (c.what || c.howOften || c.who)) {
    w.facts([
      [L.contactWhat, c.what],
      [L.contactHowOften, c.howOften],
      [L.contactWho, c.who],
    ]);
  } else w.paragraph(L.notRecorded);

  w.heading(L.contingency, 2);
  w.paragraph(plan.contingency || L.notRecorded);

  w.heading(L.engagement, 2);
  // The voice, from who gave each answer now (never the flag set when the PA went ahead without them).
  const voice = planVoice(plan);
  w.paragraph(voiceStatement(voice, labels.lang === 'cy' ? 'cy' : 'en'), {
    bold: voice.mode === 'worker-without-young-person' || voice.mode === 'worker',
    after: 8,
  });
  w.heading(L.attempts, 3);
  if (plan.engagement.attempts.length) {
    w.table(
      [
        { title: L.when, share: 2.2 },
        { title: L.how, share: 1.6 },
        { title: L.outcome, share: 1.6 },
        { title: L.note, share: 4 },
      ],
      plan.engagement.attempts.map((a) => ({
        cells: [formatDate(labels, a.at), L.methods[a.method], L.outcomes[a.outcome], a.note ?? ''],
      })),
    );
  } else w.paragraph(L.noAttempts);

  if (plan.consulted?.length) {
    w.heading(L.consulted, 2);
    w.table(
      [
        { title: L.name, share: 2.2 },
        { title: L.role, share: 2.2 },
        { title: L.said, share: 5 },
      ],
      plan.consulted.map((p) => ({ cells: [p.name, p.role, p.said ?? ''] })),
    );
  }

  if (plan.returns?.length) {
    w.heading(L.returns, 2);
    for (const r of plan.returns) {
      w.paragraph(L.returnedBy(r.by.name, formatDate(labels, r.at)), { bold: true, after: 2 });
      w.paragraph(r.comment, { after: 8 });
    }
  }

  if (plan.views.pa || plan.views.manager) {
    w.heading(L.workerViews, 2);
    if (plan.views.pa) {
      w.heading(L.paView, 3);
      w.paragraph(plan.views.pa);
    }
    if (plan.views.manager) {
      w.heading(L.managerView, 3);
      w.paragraph(plan.views.manager);
    }
  }

  w.heading(L.signOffs, 2);
  if (plan.signOffs.length) {
    w.table(
      [
        { title: L.name, share: 2.6 },
        { title: L.role, share: 2.2 },
        { title: L.signedOn, share: 2 },
        { title: L.comment, share: 3.5 },
      ],
      plan.signOffs.map((s) => ({ cells: [s.name, L.roles[s.role], formatDate(labels, s.at), s.comment ?? ''] })),
    );
  } else w.paragraph(L.noSignOffs);
}
