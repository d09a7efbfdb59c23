import {
  type AnyChecklist,
  allShippedWording,
  emptyChecklist,
  getAnswer,
  type PathwayPlan,
  planVoice,
  questionSet,
  setAnswer,
  shippedWording,
  validatePlan,
  voiceStatement,
} from '@onward/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasPoppler, pdfInfo, pdfText, pdfWordBoxes } from '#test-support/pdf.js';
import { renderPlanPdf } from '../src/index.js';
import { SAMPLE_ANSWERS, samplePlan, unansweredIds, WELSH_TEST_SENTENCE } from './fixtures/sample-plan.js';
import { expectedOrder, TRICKY, trickyPlan } from './fixtures/tricky-plan.js';
import { missingInOrder, norm, readingText, readText } from './support.js';

const wording = shippedWording();
const council = { name: 'Riverside Council' };
const createdAt = new Date('2026-02-02T10:00:00Z');
const set = questionSet(2);

describe('the sample plan fixture', () => {
  it('is a valid plan with 60+ answered questions, most with notes', () => {
    const plan = samplePlan();
    const r = validatePlan(plan);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const answered = set.questions.filter((q) => getAnswer(plan.checklist as AnyChecklist, q.id));
    expect(answered.length).toBeGreaterThanOrEqual(60);
    expect(answered.filter((q) => getAnswer(plan.checklist as AnyChecklist, q.id)?.note).length).toBeGreaterThanOrEqual(
      55,
    );
    expect(Object.keys(SAMPLE_ANSWERS).every((id) => set.byId.has(id))).toBe(true);
  });

  it('keeps the tricky plan valid too (500-character note included)', () => {
    expect(Array.from(TRICKY.long).length).toBe(500);
    const r = validatePlan(trickyPlan());
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe.skipIf(!hasPoppler)('renderPlanPdf', () => {
  let sample: Uint8Array;
  let tricky: Uint8Array;
  beforeAll(async () => {
    sample = await renderPlanPdf(samplePlan(), { wording, council, createdAt, status: 'Authorised' });
    tricky = await renderPlanPdf(trickyPlan(), { wording, council, createdAt });
  });

  it('shows every answered question, every note, every action and every sign-off, in order', () => {
    const text = readText(sample);
    const order = expectedOrder(samplePlan());
    expect(order.length).toBeGreaterThan(140);
    expect(missingInOrder(text, order)).toEqual([]);
  });

  it('puts "In my own words" before the first area of life, and the statutory sections after the last', () => {
    const text = readText(sample);
    const at = (s: string) => text.indexOf(norm(s));
    expect(at('In my own words')).toBeGreaterThan(0);
    expect(at('In my own words')).toBeLessThan(at('Housing'));
    expect(at('Identity')).toBeLessThan(at('If the plan stops working'));
    expect(at('If the plan stops working')).toBeLessThan(at('How this plan was made'));
    expect(at('How this plan was made')).toBeLessThan(at('People we asked'));
    expect(at('People we asked')).toBeLessThan(at('Signed by'));
  });

  it('groups answers as going well, needs support and not relevant, and lists unanswered questions', () => {
    const text = readText(sample);
    const housing = text.slice(text.indexOf('Housing'), text.indexOf(norm('Health')));
    expect(
      missingInOrder(housing, [
        'Going well',
        'Do you have a space of your own',
        'Needs support',
        'Can you keep your home warm enough?',
      ]),
    ).toEqual([]);
    const rel = text.slice(text.indexOf('Relationships'), text.indexOf('Activities'));
    expect(missingInOrder(rel, ['Not relevant to me', 'Are you happy with your relationships?'])).toEqual([]);
    for (const id of unansweredIds())
      expect(text).toContain(norm(wording.question(id, { locale: 'en-GB', variant: 'standard' }).text));
  });

  it('shows the cover: preferred name, dates, PA, manager, category and status', () => {
    const first = norm(pdfText(sample, ['-f', '1', '-l', '1']));
    for (const s of [
      'Pathway plan',
      'Jojo',
      'Jordan Ellis-Hart',
      '2 February 2026',
      '2 August 2026',
      'Dan Mensah',
      'Priya Raman',
      'Former relevant',
      'Authorised',
      'Riverside Council',
    ])
      expect(first).toContain(s);
  });

  it('shows tricky notes literally: Welsh, quotes, markup, PDF syntax, a 500-character note, a long word', () => {
    const text = readText(tricky);
    for (const note of [TRICKY.welsh, TRICKY.markup, TRICKY.long, TRICKY.quotes]) expect(text).toContain(norm(note));
    expect(text).toContain('I said (and I meant it) that 100% of this is \\mine\\.');
    // The long word is broken between characters to fit the line: it is all there, in order.
    expect(text.replace(/ /g, '')).toContain(TRICKY.unbroken);
    for (const ch of 'ŵŷŴâêîôûáéíóúẁẃẅỳ“”‘’')
      if (TRICKY.welsh.includes(ch) || TRICKY.quotes.includes(ch)) expect(text).toContain(ch);
  });

  it('shows right-to-left notes in reading order (Arabic, Pashto, and Arabic inside English)', () => {
    const text = readingText(tricky);
    expect(text).toContain(norm(TRICKY.arabic));
    expect(text).toContain(norm(TRICKY.pashto));
    // pdftotext drops the space where the direction changes ("أميرةand"); the words and their order are right.
    expect(text.replace(/ /g, '')).toContain(norm(TRICKY.mixed).replace(/ /g, ''));
  });

  it('marks characters the font cannot draw (emoji) with a box and says so, rather than dropping them', () => {
    const text = readText(tricky);
    expect(text).toContain('Love it □ honestly');
    expect(text).toContain('A □ marks a character this PDF cannot show');
    expect(readText(sample)).not.toContain('A □ marks a character');
  });

  // Changed on purpose (issue 12, rule 1): this plan was marked "without the young person" but its answers were given
  // with the young person, so it must not say it was done without them. The statement comes from the answers.
  it('says how the plan was made from who gave each answer, not from the "without the young person" mark', async () => {
    const text = readText(tricky);
    const voice = planVoice(trickyPlan());
    expect(voice.mode).toBe('together');
    expect(
      missingInOrder(text, [
        'How this plan was made',
        voiceStatement(voice),
        'No reply',
        'Texted twice, no reply.',
        'Said no',
      ]),
    ).toEqual([]);
    expect(text).toContain('the young person then added their answers');
    expect(text).not.toContain('did not take part');
    // With no answer from the young person at all, it says so, with the attempts.
    const base = trickyPlan();
    let doc = base.checklist as AnyChecklist;
    for (const q of set.questions) {
      const a = getAnswer(doc, q.id);
      if (a)
        doc = setAnswer(
          set,
          doc,
          q.id,
          { value: a.value },
          { by: 'worker', locale: a.locale, variant: a.variant, at: a.at },
        );
    }
    const without = { ...base, checklist: doc as PathwayPlan['checklist'] };
    const bytes = await renderPlanPdf(without, { wording, council, createdAt });
    expect(readText(bytes)).toContain(
      norm(
        'The young person did not take part. Their worker wrote the answers after 3 unsuccessful attempts to reach them.',
      ),
    );
  });

  it('draws every word inside the page margins, on every page', () => {
    for (const bytes of [sample, tricky]) {
      const pages = pdfWordBoxes(bytes);
      expect(pages.length).toBeGreaterThan(3);
      const outside = pages.flatMap((p) =>
        p.words
          .filter((w) => w.xMin < 56 - 1 || w.xMax > p.width - 56 + 1 || w.yMin < 20 || w.yMax > p.height - 20)
          .map((w) => `p${p.page}: ${w.text} ${w.xMin}-${w.xMax}`),
      );
      expect(outside).toEqual([]);
    }
  });

  it('numbers every page "Page n of N" and repeats the header after the cover', () => {
    const pages = pdfText(sample, [])
      .split('\f')
      .filter((p) => p.trim() !== '');
    const n = pages.length;
    expect(Number(pdfInfo(sample).Pages)).toBe(n);
    pages.forEach((p, i) => {
      expect(norm(p)).toContain(`Page ${i + 1} of ${n}`);
      if (i > 0) expect(norm(p)).toContain('Jojo’s pathway plan');
    });
  });

  it('never leaves a heading alone at the foot of a page', () => {
    const headings = new Set([
      'Going well',
      'Needs support',
      'Not relevant to me',
      'Help I asked for',
      'Goals and actions',
      'Housing',
      'Health',
      'Money',
      'Identity',
    ]);
    for (const bytes of [sample, tricky]) {
      for (const page of pdfText(bytes, []).split('\f')) {
        const lines = page
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        // The last line before the footer ("Made on …", "Page n of N").
        const body = lines.filter((l) => !/^Made on|^Page \d+ of \d+$/.test(l));
        const last = body[body.length - 1];
        if (last) expect(headings.has(last), `page ends with heading "${last}"`).toBe(false);
      }
    }
  });

  it('sets title, author, language and creation date', () => {
    const info = pdfInfo(sample);
    expect(info.Title).toBe('Jojo’s pathway plan');
    expect(info.Author).toBe('Riverside Council');
    expect(info.CreationDate).toMatch(/Feb\s+2 10:00:00 2026/);
    expect(Buffer.from(sample).toString('latin1')).toContain('/Lang (en-GB)');
  });

  it('is made by jspdf 4 or later (3.x reads local files in Node: CVE-2025-68428)', () => {
    const producer = /^jsPDF (\d+)\./.exec(pdfInfo(sample).Producer ?? '');
    expect(producer, `Producer: ${pdfInfo(sample).Producer}`).not.toBeNull();
    expect(Number(producer?.[1])).toBeGreaterThanOrEqual(4);
  });

  it('is deterministic: the same input gives byte-identical output; another date gives other bytes', async () => {
    const again = await renderPlanPdf(samplePlan(), { wording, council, createdAt, status: 'Authorised' });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(sample))).toBe(0);
    // The machine's time zone changes nothing (dates are written in UTC and shown on the UK calendar).
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const elsewhere = await renderPlanPdf(samplePlan(), { wording, council, createdAt, status: 'Authorised' });
      expect(Buffer.compare(Buffer.from(elsewhere), Buffer.from(sample))).toBe(0);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const later = await renderPlanPdf(samplePlan(), {
      wording,
      council,
      createdAt: new Date('2026-02-03T10:00:00Z'),
      status: 'Authorised',
    });
    expect(Buffer.compare(Buffer.from(later), Buffer.from(sample))).not.toBe(0);
  });

  it('uses the wording frozen with the plan, not today’s wording', async () => {
    const frozen = samplePlan({
      wording: {
        questionSetVersion: 2,
        locale: 'en-GB',
        variant: 'standard',
        questions: {
          ...wording.snapshot(set, { locale: 'en-GB', variant: 'standard' }),
          'housing.heating': 'Is your place warm enough in winter?',
        },
      },
    });
    const text = readText(await renderPlanPdf(frozen, { wording, council, createdAt }));
    expect(text).toContain('Is your place warm enough in winter?');
    expect(text).not.toContain('Can you keep your home warm enough?');
  });

  it('uses Welsh headings, dates and page numbers for a Welsh plan, and Welsh metadata', async () => {
    const bytes = await renderPlanPdf(samplePlan(), {
      wording,
      council: { name: 'Cyngor Sir Ddinbych' },
      createdAt,
      locale: 'cy',
    });
    const text = readText(bytes);
    expect(
      missingInOrder(text, [
        'Cynllun llwybr',
        'Yn fy ngeiriau fy hun',
        'Tai',
        'Iechyd',
        'Hunaniaeth',
        'Os nad yw’r cynllun yn gweithio',
        'Llofnodwyd gan',
      ]),
    ).toEqual([]);
    expect(text).toContain('Tudalen 1 o');
    expect(text).toContain('2 Chwefror 2026');
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Lang (cy)');
  });

  it('asks the Welsh and easy-read questions in the words of the chosen locale and variant', async () => {
    const all = allShippedWording();
    const cy = readText(await renderPlanPdf(samplePlan(), { wording: all, council, createdAt, locale: 'cy' }));
    const heating = all.question('housing.heating', { locale: 'cy', variant: 'standard' });
    expect(heating.locale).toBe('cy');
    expect(cy).toContain(norm(heating.text));
    const easy = all.question('housing.heating', { locale: 'en-GB', variant: 'easy' });
    const easyText = readText(await renderPlanPdf(samplePlan(), { wording: all, council, createdAt, variant: 'easy' }));
    expect(easyText).toContain(norm(easy.text));
  });

  it('shows a right-to-left preferred name in the title, header and cover, inside the margins', async () => {
    const base = samplePlan();
    const plan = samplePlan({ youngPerson: { ...base.youngPerson, preferredName: 'أميرة' } });
    const bytes = await renderPlanPdf(plan, { wording, council, createdAt });
    expect(pdfInfo(bytes).Title).toBe('أميرة’s pathway plan');
    const text = readingText(bytes);
    expect(text.split('أميرة').length - 1).toBeGreaterThan(5);
    const outside = pdfWordBoxes(bytes).flatMap((p) =>
      p.words.filter((w) => w.xMin < 55 || w.xMax > p.width - 55).map((w) => w.text),
    );
    expect(outside).toEqual([]);
  });

  it('renders an old plan answered in question-set version 1 with its own questions and frozen words', async () => {
    const v1 = questionSet(1);
    const req = { locale: 'en-GB', variant: 'standard' as const };
    let doc = emptyChecklist(v1);
    const who = {
      by: 'young-person' as const,
      locale: 'en-GB',
      variant: 'standard' as const,
      at: '2025-06-01T10:00:00.000Z',
    };
    doc = setAnswer(v1, doc, 'independence.id-documents', { value: 'no', note: 'I lost my ID when I moved.' }, who);
    doc = setAnswer(v1, doc, 'housing.heating', { value: 'yes' }, who);
    const questions = {
      ...wording.snapshot(v1, req),
      'independence.id-documents': 'Do you have ID, like a passport or birth certificate? (2025 words)',
    };
    const old = samplePlan({
      checklist: doc as PathwayPlan['checklist'],
      wording: { questionSetVersion: 1, ...req, questions },
      domains: {},
    });
    const r = validatePlan(old);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const text = readText(await renderPlanPdf(old, { wording, council, createdAt }));
    expect(
      missingInOrder(text, [
        'Can you keep your home warm enough?',
        'Do you have ID, like a passport or birth certificate? (2025 words)',
        'I lost my ID when I moved.',
      ]),
    ).toEqual([]);
    expect(text).not.toContain('Do you have a passport?');
  });

  it('gives back the Welsh test sentence (ŵ, ŷ) in an English and a Welsh plan', async () => {
    const base = samplePlan();
    const plan = { ...base, views: { ...base.views, youngPerson: WELSH_TEST_SENTENCE } } as PathwayPlan;
    for (const locale of ['en-GB', 'cy']) {
      const text = readText(await renderPlanPdf(plan, { wording: allShippedWording(), council, createdAt, locale }));
      expect(text, locale).toContain(WELSH_TEST_SENTENCE);
      expect(text).toMatch(/ŵ.*ŷ|ŷ.*ŵ/s);
    }
  });

  it('names the arrangement with former foster carers in the council’s nation’s words', async () => {
    const plan = { ...samplePlan(), accommodation: { type: 'Z', suitable: true } } as PathwayPlan;
    const render = async (locale: string, nation?: 'england' | 'wales') =>
      readText(
        await renderPlanPdf(plan, {
          wording: allShippedWording(),
          council: { ...council, ...(nation ? { nation } : {}) },
          createdAt,
          locale,
        }),
      );
    expect(await render('en-GB')).toContain('With former foster carers (Staying Put)');
    expect(await render('en-GB', 'wales')).toContain('With former foster carers (When I am Ready)');
    expect(await render('cy')).toContain('Gyda chyn-ofalwyr maeth (Pan Fydda i’n Barod)');
    expect(await render('cy', 'england')).toContain('Gyda chyn-ofalwyr maeth (Staying Put)');
    expect(await render('en-GB', 'wales')).not.toContain('Staying Put');
  });

  it('rejects an invalid plan with the field named, and bad options clearly', async () => {
    const bad = {
      ...samplePlan(),
      youngPerson: { ...samplePlan().youngPerson, category: 'unknown' },
    } as unknown as PathwayPlan;
    await expect(renderPlanPdf(bad, { wording, council, createdAt })).rejects.toThrow(/youngPerson\.category/);
    await expect(renderPlanPdf(samplePlan(), { wording, council, createdAt: new Date('nope') })).rejects.toThrow(
      /options\.createdAt/,
    );
    await expect(renderPlanPdf(samplePlan(), { wording, council: { name: '' }, createdAt })).rejects.toThrow(
      /options\.council\.name/,
    );
    await expect(
      renderPlanPdf(samplePlan(), { wording, council: { name: 'X', nation: 'scotland' as 'wales' }, createdAt }),
    ).rejects.toThrow(/options\.council\.nation/);
  });
});
