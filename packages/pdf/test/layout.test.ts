import fc from 'fast-check';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { hasPoppler, pdfStructure, pdfText, pdfWordBoxes } from '#test-support/pdf.js';
import { onwardSansRegular } from '../src/fonts/onward-sans.generated.js';
import { createDocument, fileId, pdfDate, toBytes } from '../src/layout/document.js';
import { wrap } from '../src/layout/text.js';
import { FONT, metricsFor, PAGE, Writer } from '../src/layout/writer.js';
import { SAMPLE_ANSWERS, WELSH_NOTE } from './fixtures/sample-plan.js';
import { norm } from './support.js';

const mono = (s: string) => Array.from(s).length * 6;

describe('wrap', () => {
  it('breaks at spaces and never makes a line wider than asked', () => {
    const lines = wrap('one two three four five six seven eight nine ten', 60, mono);
    expect(lines.every((l) => mono(l) <= 60)).toBe(true);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
  });
  it('breaks a word longer than the line between characters, keeping every character', () => {
    const word = 'x'.repeat(95);
    const lines = wrap(`a ${word} b`, 60, mono);
    expect(lines.every((l) => mono(l) <= 60)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(`a${word}b`);
  });
  it('keeps line breaks and blank lines inside, and never splits an emoji’s surrogate pair', () => {
    expect(wrap('a\n\nb', 100, mono)).toEqual(['a', '', 'b']);
    const lines = wrap('😀'.repeat(30), 60, mono);
    expect(lines.join('')).toBe('😀'.repeat(30));
    expect(lines.every((l) => !/[\uD800-\uDBFF]$/.test(l))).toBe(true);
  });
});

describe('measuring text', () => {
  // Words as the documents hold them: the sample notes, Welsh, quotes, brackets, digits, £, ticks and boxes.
  const alphabet = Array.from(
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ âêîôûŵŷÂÊÎÔÛŴŶäëïöüẅÿáéíóúẃýàèìòùẁỳ“”‘’–—£€()[]{}<>\\/%&#"\'!?.,;:0123456789✓•□ -',
  );
  const samples = [
    ...Object.values(SAMPLE_ANSWERS).flatMap((a) => (a[1] ? [a[1]] : [])),
    WELSH_NOTE,
    'A sentence that goes on. '.repeat(40),
  ];

  it('gives exactly the widths jspdf gives, for both faces at every size the documents use', async () => {
    const { doc } = await createDocument();
    const strings = [
      ...samples,
      ...fc.sample(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }).map((a) => a.join('')),
        300,
      ),
    ];
    let compared = 0;
    for (const style of ['normal', 'bold'])
      for (const size of [8.5, 9, 9.5, 10, 10.5, 11, 12, 15, 18, 20, 22, 24, 30]) {
        doc.setFont(FONT, style);
        doc.setFontSize(size);
        const m = metricsFor(doc);
        expect(m, 'DejaVu Sans has 2048 units per em, so exact metrics are available').toBeDefined();
        if (!m) continue;
        for (const s of strings) {
          expect(m.points(m.advance(s))).toBe(doc.getTextWidth(s));
          // Adding up word by word gives the same number as the whole string.
          const words = s.split(/(\s+)/);
          expect(m.points(words.reduce((a: number, w: string) => a + m.advance(w), 0))).toBe(doc.getTextWidth(s));
          compared++;
        }
      }
    expect(compared).toBeGreaterThan(5000);
  });

  it('wraps to the same lines as measuring every candidate line whole', async () => {
    const { doc } = await createDocument();
    doc.setFont(FONT, 'normal');
    doc.setFontSize(10.5);
    const m = metricsFor(doc);
    if (!m) throw new Error('no exact metrics');
    const whole = (s: string) => doc.getTextWidth(s);
    for (const s of samples)
      for (const width of [60, 150, 300, 483.28]) expect(wrap(s, width, m)).toEqual(wrap(s, width, whole));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet, '\n', 'x'.repeat(40)), { maxLength: 200 }).map((a) => a.join('')),
        fc.double({ min: 20, max: 500, noNaN: true }),
        (s, width) => {
          expect(wrap(s, width, m)).toEqual(wrap(s, width, whole));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the embedded font', () => {
  it('is parsed once, not for each document', async () => {
    const api = (jsPDF as unknown as { API: { TTFFont: { open: (f: Uint8Array) => unknown } } }).API.TTFFont;
    const open = api.open;
    let parsed = 0;
    api.open = (f) => {
      parsed++;
      return open(f);
    };
    try {
      for (let i = 0; i < 3; i++) {
        const { doc } = await createDocument();
        doc.text('Mae lletywr yn dŵr ŷd', 60, 60);
        toBytes(doc);
      }
      // Zero when an earlier test in this file already loaded it; never once per document.
      expect(parsed).toBeLessThanOrEqual(2);
      // The counter sees jspdf's own parsing (the same jspdf the renderer uses): plain addFont parses every time.
      const before = parsed;
      const plain = new jsPDF();
      plain.addFileToVFS('Probe.ttf', onwardSansRegular);
      plain.addFont('Probe.ttf', 'Probe', 'normal', 'Identity-H');
      expect(parsed).toBe(before + 1);
    } finally {
      api.open = open;
    }
  });

  it('keeps each document’s glyph records its own: a document is the same whatever was made before it', async () => {
    const make = async (text: string) => {
      const { doc } = await createDocument();
      doc.text(text, 60, 60);
      doc.setFont(FONT, 'bold');
      doc.text(text, 60, 90);
      doc.setFileId('0'.repeat(32));
      doc.setCreationDate("D:20260202100000+00'00'");
      return Buffer.from(toBytes(doc));
    };
    const first = await make('Dŵr');
    await make('Something else entirely: ẃ ẁ ŷ £ € ✓ أنا من حلب');
    expect(Buffer.compare(await make('Dŵr'), first)).toBe(0);
  });
});

describe('document settings', () => {
  it('writes PDF dates in UTC and refuses dates jspdf cannot hold', () => {
    expect(pdfDate(new Date('2026-02-02T10:00:05Z'))).toBe("D:20260202100005+00'00'");
    expect(() => pdfDate(new Date('2040-01-01T00:00:00Z'))).toThrow(/createdAt/);
    expect(() => pdfDate(new Date('x'))).toThrow(/createdAt/);
  });
  it('derives a stable 32-hex-digit file id from the content', () => {
    expect(fileId('a')).toMatch(/^[0-9A-F]{32}$/);
    expect(fileId('a')).toBe(fileId('a'));
    expect(fileId('a')).not.toBe(fileId('b'));
  });
});

describe.skipIf(!hasPoppler)('Writer', () => {
  async function writer() {
    const { doc, coverage } = await createDocument();
    const w = new Writer(doc, {
      header: 'Header',
      headerRight: 'Council',
      footer: 'Footer',
      pageLabel: (n, of) => `Page ${n} of ${of}`,
      coverage,
    });
    return { doc, w };
  }

  it('moves a heading to the next page with its first lines rather than leaving it alone at the foot', async () => {
    const { doc, w } = await writer();
    w.y = PAGE.height - PAGE.bottom - 30; // room for a heading, not for the heading and two lines
    w.heading('Lonely heading', 2);
    w.paragraph('First line of the text that belongs to the heading. '.repeat(4));
    w.finish();
    const pages = pdfWordBoxes(toBytes(doc));
    expect(pages).toHaveLength(2);
    expect(pages[0]?.words.some((x) => x.text === 'Lonely')).toBe(false);
    expect(pages[1]?.words.some((x) => x.text === 'Lonely')).toBe(true);
  });

  it('flows a long paragraph over pages without drawing below the margin, and repeats table headers', async () => {
    const { doc, w } = await writer();
    w.paragraph('A sentence that goes on. '.repeat(400));
    w.table(
      [
        { title: 'What', share: 3 },
        { title: 'Who', share: 1 },
      ],
      Array.from({ length: 60 }, (_, i) => ({
        cells: [`Action number ${i + 1} with words to wrap over the line`, 'PA'],
      })),
    );
    w.finish();
    const bytes = toBytes(doc);
    const pages = pdfWordBoxes(bytes);
    expect(pages.length).toBeGreaterThan(3);
    for (const p of pages) {
      const body = p.words.filter((x) => !/^(Page|Footer|\d+|of)$/.test(x.text));
      expect(body.every((x) => x.yMax <= PAGE.height - PAGE.bottom + 1 && x.xMax <= PAGE.width - PAGE.right + 1)).toBe(
        true,
      );
    }
    const text = pdfText(bytes, ['-raw']);
    for (let i = 1; i <= 60; i++) expect(text).toContain(`Action number ${i} with`);
    const lastPages = text.split('\f').filter((p) => p.includes('Action number'));
    for (const p of lastPages) expect(p).toMatch(/What\s+Who/);
    // In the structure the paragraph is one P across its pages, and the table has its header row once.
    const tree = pdfStructure(bytes);
    const kids = tree?.kids ?? [];
    expect(kids.map((k) => k.role)).toEqual(['P', 'Table']);
    expect(norm(kids[0]?.text ?? '')).toBe(norm('A sentence that goes on. '.repeat(400)));
    const table = kids[1];
    expect(table?.kids.map((k) => k.role)).toEqual(['THead', 'TBody']);
    expect(table?.kids[0]?.kids).toHaveLength(1);
    expect(table?.kids[1]?.kids).toHaveLength(60);
    expect(lastPages.length).toBeGreaterThan(1);
  });

  it('splits a table row taller than a page (a note of many short lines) over pages, inside the margins', async () => {
    const { doc, w } = await writer();
    const tall = Array.from({ length: 120 }, (_, i) => `line${i + 1}`).join('\n');
    w.table(
      [
        { title: 'Name', share: 1 },
        { title: 'Comment', share: 2 },
      ],
      [{ cells: ['Someone', tall] }, { cells: ['After', 'the tall row'] }],
    );
    w.finish();
    const bytes = toBytes(doc);
    const pages = pdfWordBoxes(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(p.words.every((x) => x.yMax <= p.height - 20 && x.yMin >= 20)).toBe(true);
    const text = pdfText(bytes, ['-raw']);
    for (let i = 1; i <= 120; i++) expect(text).toContain(`line${i}\n`);
    expect(text.indexOf('line120')).toBeLessThan(text.indexOf('the tall row'));
  });
});
