// The tagged-PDF structure (PDF/UA-1) of the plan and the agreement, read back with poppler (`pdfinfo -struct-text`,
// `pdfinfo -meta`) and from the file's own dictionaries: document language, title shown, headings in order, lists,
// tables with header cells, the young person's words as quotations, artifacts for running headers and footers,
// bookmarks, and ActualText where text is drawn right to left.
import { allShippedWording, questionSet, shippedWording } from '@onward/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  hasPoppler,
  pdfInfo,
  pdfMeta,
  pdfOutline,
  pdfStructure,
  pdfText,
  type StructNode,
  structNodes,
  structText,
} from '#test-support/pdf.js';
import { renderAgreementPdf, renderPlanPdf } from '../src/index.js';
import { sampleAgreement } from './fixtures/sample-agreement.js';
import { samplePlan } from './fixtures/sample-plan.js';
import { expectedOrder, TRICKY, trickyPlan } from './fixtures/tricky-plan.js';
import { actualTexts, catalog, missingInOrder, norm } from './support.js';

const wording = shippedWording();
const council = { name: 'Riverside Council' };
const createdAt = new Date('2026-02-02T10:00:00Z');

function tree(bytes: Uint8Array): StructNode {
  const t = pdfStructure(bytes);
  if (!t) throw new Error('the PDF has no structure tree');
  return t;
}
const byRole = (t: StructNode, role: string) => structNodes(t).filter((n) => n.role === role);
const headings = (t: StructNode) =>
  structNodes(t)
    .filter((n) => /^H[1-6]$/.test(n.role))
    .map((n) => `${n.role} ${n.text.trim()}`);

describe.skipIf(!hasPoppler)('tagged plan PDF', () => {
  let sample: Uint8Array;
  let tricky: Uint8Array;
  let t: StructNode;
  beforeAll(async () => {
    sample = await renderPlanPdf(samplePlan(), { wording, council, createdAt, status: 'Authorised' });
    tricky = await renderPlanPdf(trickyPlan(), { wording, council, createdAt });
    t = tree(sample);
  });

  it('is marked as tagged PDF/UA-1, in its language, showing its title', () => {
    const info = pdfInfo(sample);
    expect(info.Tagged).toBe('yes');
    expect(info['PDF version']).toBe('1.7');
    const cat = catalog(sample);
    expect(cat).toMatch(/\/MarkInfo <<\/Marked true>>/);
    expect(cat).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(cat).toMatch(/\/Lang \(en-GB\)/);
    expect(cat).toMatch(/\/ViewerPreferences/);
    expect(Buffer.from(sample).toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    const meta = pdfMeta(sample);
    expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(meta).toContain('Jojo’s pathway plan');
    expect(meta).toContain('<rdf:li>en-GB</rdf:li>');
  });

  it('has one title (H1), then each part of the plan as a section with its H2, in order, no level skipped', () => {
    expect(t.role).toBe('Document');
    const hs = headings(t);
    expect(hs.filter((h) => h.startsWith('H1 '))).toEqual(['H1 Pathway plan']);
    const h2 = hs.filter((h) => h.startsWith('H2 ')).map((h) => h.slice(3));
    expect(h2).toEqual([
      'In my own words',
      ...questionSet(2).domains.map((d) => wording.domain(d.id, { locale: 'en-GB', variant: 'standard' }).title),
      'Where I live',
      'Contact and support',
      'If the plan stops working',
      'How this plan was made',
      'People we asked',
      'What my PA and manager think',
      'Signed by',
    ]);
    // Every H2 opens a section (Sect) that holds its part; an H3 only ever follows an H2 or H3.
    const sects = byRole(t, 'Sect');
    expect(sects.map((s) => s.kids[0]?.role)).toEqual(h2.map(() => 'H2'));
    let last = 0;
    for (const h of hs) {
      const level = Number(h[1]);
      expect(level, h).toBeLessThanOrEqual(last + 1);
      last = level;
    }
  });

  it('reads in the plan’s order: every question, note, action and sign-off, as the structure holds them', () => {
    const text = norm(structText(t));
    const order = expectedOrder(samplePlan());
    expect(order.length).toBeGreaterThan(140);
    expect(missingInOrder(text, order)).toEqual([]);
  });

  it('tags all the words on the pages except the running headers and footers, which are artifacts', () => {
    const tagged = new Set(norm(structText(t)).split(' '));
    const pages = pdfText(sample, ['-raw']).split('\f');
    const untagged: string[] = [];
    pages.forEach((page) => {
      for (const line of page.split('\n')) {
        const l = norm(line);
        if (
          !l ||
          /^Made on 2 February 2026 Page \d+ of 12$|^Jojo’s pathway plan Riverside Council · Authorised$/.test(l)
        )
          continue;
        for (const word of l.split(' ')) if (!tagged.has(word)) untagged.push(word);
      }
    });
    expect(untagged).toEqual([]);
    const all = structText(t);
    expect(all).not.toMatch(/Page \d+ of 12/);
    expect(all).not.toContain('Made on 2 February 2026');
  });

  it('makes each group of answers a list: a mark (Lbl) and a body with the question, the help mark and the note', () => {
    const housing = byRole(t, 'Sect').find((s) => s.kids[0]?.text.trim() === 'Housing');
    if (!housing) throw new Error('no Housing section');
    const lists = byRole(housing, 'L');
    expect(lists.length).toBeGreaterThanOrEqual(3);
    const first = lists[0]?.kids[0];
    expect(first?.role).toBe('LI');
    expect(first?.kids.map((k) => k.role)).toEqual(['Lbl', 'LBody']);
    expect(first?.kids[0]?.text).toBe('✓');
    const body = first?.kids[1];
    expect(body?.kids[0]?.role).toBe('P');
    expect(norm(body?.kids[0]?.text ?? '')).toBe('Do you have a space of your own where you live?');
    expect(body?.kids[1]?.role).toBe('BlockQuote');
    // The heating question asked for help: its body has the help mark, then the note.
    const heating = byRole(housing, 'LI').find((li) => structText(li).includes('keep your home warm enough'));
    expect(heating?.kids[1]?.kids.map((k) => k.role)).toEqual(['P', 'P', 'BlockQuote']);
    expect(structText(heating as StructNode)).toContain('(I would like help with this)');
  });

  it('gives the young person’s own words as quotations (BlockQuote), exactly as written', () => {
    const plan = samplePlan();
    const quotes = byRole(t, 'BlockQuote').map((q) => norm(structText(q)));
    for (const words of [plan.views.youngPerson, plan.views.disagreements]) expect(quotes).toContain(norm(words ?? ''));
    const notes = Object.values(plan.checklist.answers as Record<string, Record<string, { note?: string }>>)
      .flatMap((d) => Object.values(d))
      .flatMap((a) => (a.note ? [norm(a.note)] : []));
    expect(notes.length).toBeGreaterThan(50);
    for (const n of notes) expect(quotes).toContain(n);
  });

  it('tags tables with header cells: columns (TH, Scope Column) for goals and sign-offs, rows for the cover facts', () => {
    const tables = byRole(t, 'Table');
    const goals = tables.find((tb) => structText(tb).startsWith('What Who By when Done'));
    if (!goals) throw new Error('no goals table');
    expect(goals.kids.map((k) => k.role)).toEqual(['THead', 'TBody']);
    const head = goals.kids[0]?.kids[0];
    expect(head?.kids.map((c) => `${c.role} ${c.text} ${c.attrs.join(' ')}`)).toEqual([
      'TH What /Scope /Column',
      'TH Who /Scope /Column',
      'TH By when /Scope /Column',
      'TH Done /Scope /Column',
    ]);
    const rows = goals.kids[1]?.kids ?? [];
    expect(rows[0]?.kids[0]?.attrs).toContain('/ColSpan 4');
    expect(rows[1]?.kids.map((c) => c.role)).toEqual(['TD', 'TD', 'TD', 'TD']);
    const cover = tables[0];
    expect(cover?.kids[0]?.kids.map((c) => `${c.role} ${c.attrs.join(' ')}`)).toEqual(['TH /Scope /Row', 'TD ']);
    expect(norm(structText(cover as StructNode))).toContain('Personal adviser (PA) Dan Mensah');
    // A table header repeated at the top of a continuation page is drawn, but is in the structure once.
    const signed = tables[tables.length - 1] as StructNode;
    expect(byRole(signed, 'THead')).toHaveLength(1);
  });

  it('has bookmarks for the title and every heading, each opening at its page, sections folded under parts', () => {
    const outline = pdfOutline(sample);
    const hs = headings(t).map((h) => h.slice(3));
    expect(outline.map((o) => o.title)).toEqual(hs);
    expect(outline[0]).toMatchObject({ title: 'Pathway plan', depth: 1, page: 1 });
    expect(outline.find((o) => o.title === 'In my own words')).toMatchObject({ depth: 2, page: 2 });
    const pages = pdfText(sample, ['-raw']).split('\f');
    for (const o of outline.filter((x) => x.depth <= 2))
      expect(norm(pages[o.page - 1] ?? ''), o.title).toContain(norm(o.title));
    expect(outline.find((o) => o.title === 'Going well')?.depth).toBe(3);
    // The parts show under the title; what is inside each part is folded.
    expect(outline[0]?.count).toBeGreaterThan(0);
    const parts = outline.filter((o) => o.depth === 2 && o.count !== 0);
    expect(parts.length).toBeGreaterThan(8);
    expect(parts.every((o) => o.count < 0)).toBe(true);
  });

  it('carries right-to-left words in reading order (ActualText), whatever order they are drawn in', () => {
    const texts = actualTexts(tricky);
    expect(texts).toContainEqual({ role: 'BlockQuote', text: TRICKY.arabic });
    expect(texts).toContainEqual({ role: 'BlockQuote', text: TRICKY.mixed });
    expect(texts).toContainEqual({ role: 'BlockQuote', text: TRICKY.pashto });
    // Left-to-right text needs none.
    expect(texts.some((x) => x.text === TRICKY.welsh)).toBe(false);
  });

  it('keeps tricky words literal in the structure too (markup, PDF syntax, Welsh)', () => {
    const text = norm(structText(tree(tricky)));
    for (const note of [TRICKY.welsh, TRICKY.markup, TRICKY.quotes]) expect(text).toContain(norm(note));
  });

  it('gives the same bytes for the same input, structure included', async () => {
    const again = await renderPlanPdf(samplePlan(), { wording, council, createdAt, status: 'Authorised' });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(sample))).toBe(0);
  });

  it('tags a Welsh plan in Welsh', async () => {
    const cy = await renderPlanPdf(samplePlan(), {
      wording: allShippedWording(),
      council: { name: 'Cyngor Sir Ddinbych' },
      createdAt,
      locale: 'cy',
    });
    expect(catalog(cy)).toMatch(/\/Lang \(cy\)/);
    const hs = headings(tree(cy));
    expect(hs[0]).toBe('H1 Cynllun llwybr');
    expect(hs).toContain('H2 Yn fy ngeiriau fy hun');
    expect(pdfMeta(cy)).toContain('<rdf:li>cy</rdf:li>');
  });
});

describe.skipIf(!hasPoppler)('tagged agreement PDF', () => {
  it('has the title, each section with its heading in order, and the facts as tables with row headers', async () => {
    const staff = await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'staff' });
    const t = tree(staff);
    expect(headings(t)).toEqual([
      'H1 Living Together Agreement',
      'H2 Who this agreement is between',
      'H2 Dates',
      'H2 Checks',
      'H2 House rules',
      'H2 Skills to practise',
      'H2 Money',
      'H2 Support',
      'H2 Who does what',
      'H2 If we disagree',
      'H2 When the arrangement ends',
      'H2 Signed by',
    ]);
    const money = byRole(t, 'Sect').find((s) => s.kids[0]?.text === 'Money') as StructNode;
    const rows = byRole(money, 'TR').map((r) => r.kids.map((c) => `${c.role}:${norm(c.text)}`));
    expect(rows).toContainEqual(['TH:Allowance paid to the carer', 'TD:£268.50 a week']);
    expect(byRole(money, 'TH').every((th) => th.attrs.includes('/Scope /Row'))).toBe(true);
    expect(pdfOutline(staff).map((o) => o.title)).toEqual(headings(t).map((h) => h.slice(3)));
  });

  it('leaves the carer’s allowance out of the young person’s copy’s structure as well as its pages', async () => {
    const yp = await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'young-person' });
    const text = structText(tree(yp));
    expect(text).not.toContain('268');
    expect(text).not.toContain('Allowance paid to the carer');
    expect(text).toContain('£35.00 a week');
  });
});
