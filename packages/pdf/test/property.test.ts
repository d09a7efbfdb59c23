// Property tests: whatever a young person types (any Unicode, up to the 500-character limit), the plan renders,
// nothing is drawn outside the margins, and text in the font's alphabet comes back exactly.
import { type AnyChecklist, getAnswer, type PathwayPlan, questionSet, setAnswer, shippedWording } from '@onward/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPoppler, pdfWordBoxes } from '#test-support/pdf.js';
import { renderPlanPdf } from '../src/index.js';
import { samplePlan } from './fixtures/sample-plan.js';
import { norm, readText } from './support.js';

const set = questionSet(2);
const wording = shippedWording();
const options = { wording, council: { name: 'Riverside Council' }, createdAt: new Date('2026-02-02T10:00:00Z') };
const IDS = ['housing.heating', 'health.emotions', 'money.debt', 'identity.past'];

function withNotes(notes: readonly string[]): PathwayPlan {
  const base = samplePlan();
  let doc = base.checklist as AnyChecklist;
  notes.forEach((note, i) => {
    const id = IDS[i % IDS.length] ?? 'housing.heating';
    const a = getAnswer(doc, id);
    if (!a) throw new Error(id);
    doc = setAnswer(
      set,
      doc,
      id,
      { value: a.value, note },
      { by: a.by, locale: a.locale, variant: a.variant, at: a.at },
    );
  });
  return { ...base, checklist: doc as PathwayPlan['checklist'] };
}

const limit = (s: string) => Array.from(s).slice(0, 500).join('');

function insideMargins(bytes: Uint8Array): string[] {
  return pdfWordBoxes(bytes).flatMap((p) =>
    p.words
      .filter((w) => w.xMin < 55 || w.xMax > p.width - 55 || w.yMin < 20 || w.yMax > p.height - 20)
      .map((w) => `p${p.page} ${w.text}`),
  );
}

describe.skipIf(!hasPoppler)('any note', () => {
  it('renders any Unicode note within the margins', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 500 }).map(limit), { minLength: 1, maxLength: 4 }),
        async (notes) => {
          const bytes = await renderPlanPdf(withNotes(notes.map((n) => (n === '' ? 'x' : n))), options);
          expect(insideMargins(bytes)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('shows notes in the font’s alphabet exactly, PDF syntax and markup included', async () => {
    const alphabet = 'abcwyzABWY âêîôûŵŷäëïöüáéíóúàèìòùẁẃẅỳ“”‘’–—£€()[]{}<>\\/%&#"\'!?.,;:0123456789 \n';
    const char = fc.constantFrom(...Array.from(alphabet));
    await fc.assert(
      fc.asyncProperty(fc.array(char, { minLength: 1, maxLength: 500 }), async (chars) => {
        const note = chars.join('');
        fc.pre(note.trim() !== '');
        const bytes = await renderPlanPdf(withNotes([note]), options);
        expect(insideMargins(bytes)).toEqual([]);
        // Words longer than a line are broken between characters, so compare without spaces.
        expect(readText(bytes).replace(/ /g, '')).toContain(norm(note).replace(/ /g, ''));
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
