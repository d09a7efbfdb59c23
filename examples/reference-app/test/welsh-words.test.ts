// Welsh staff screens: every word the app's pages show (the shared strings, the admin, manager, plan and Staying
// Put pages) has a Welsh version, so a Welsh page never falls back to English a key at a time; and counts take
// the Welsh plural forms (zero, one, two, few, many, other) from Intl.PluralRules, not `n === 1 ? … : …`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasPoppler, pdfText } from '#test-support/pdf.js';
import { type Prefs, strings } from '../src/i18n.js';
import { adminStrings } from '../src/pages/admin-strings.js';
import { managerStrings } from '../src/pages/manager-strings.js';
import { planStrings } from '../src/pages/plan-strings.js';
import { retentionStrings } from '../src/pages/retention-strings.js';
import { stayingPutStrings } from '../src/pages/staying-put-strings.js';
import { plural } from '../src/plural.js';
import { buildSeed } from '../src/seed.js';

const EN: Prefs = { lang: 'en', easy: false };
const CY: Prefs = { lang: 'cy', easy: false };

/** Paths where the Welsh value is the English one (functions are called with sample arguments). */
function sameAsEnglish(en: unknown, cy: unknown, path = ''): string[] {
  if (typeof en === 'function' && typeof cy === 'function') {
    const args = Array.from({ length: en.length }, (_, i) => (i === 0 ? 3 : 'Sam'));
    let e: unknown;
    let c: unknown;
    try {
      e = en(...args);
      c = cy(...args);
    } catch {
      const s = Array.from({ length: en.length }, () => 'Sam');
      e = en(...s);
      c = cy(...s);
    }
    return sameAsEnglish(e, c, `${path}()`);
  }
  if (en && typeof en === 'object') {
    return Object.keys(en).flatMap((k) =>
      sameAsEnglish(
        (en as Record<string, unknown>)[k],
        (cy as Record<string, unknown> | undefined)?.[k],
        path ? `${path}.${k}` : k,
      ),
    );
  }
  return typeof en === 'string' && en === cy ? [`${path}: ${JSON.stringify(en)}`] : [];
}

/** Words that are the same in both languages, on purpose. */
const SAME: Record<string, RegExp> = {
  // The language switch names each language in itself.
  i18n: /^(english|welsh|adminStaff): /,
  // "Staff" and "Problem" are Welsh words too; the CSV file's column names are the file's own headings.
  admin: /^(staff|staffCount|import\.problem|import\.columns\.\d+\.0): /,
  // Staying Put is the scheme's name on Welsh pages too (Welsh legal terms are lifecycle's, issue 12).
  manager: /^stayingPutGroup: /,
};

const CATALOGUES: [string, (p: Prefs) => unknown][] = [
  ['i18n', strings],
  ['admin', adminStrings],
  ['manager', managerStrings],
  ['plan', planStrings],
  ['retention', retentionStrings],
  ['stayingPut', stayingPutStrings],
];

describe('Welsh staff screens', () => {
  for (const [name, of] of CATALOGUES)
    it(`has Welsh for every ${name} string`, () => {
      const same = SAME[name];
      expect(sameAsEnglish(of(EN), of(CY)).filter((l) => !same?.test(l))).toEqual([]);
    });

  it('counts with Intl.PluralRules: six Welsh forms, two English ones', () => {
    const forms = { zero: 'zero #', one: 'one #', two: 'two #', few: 'few #', many: 'many #', other: 'other #' };
    expect([0, 1, 2, 3, 4, 6, 7, 11].map((n) => plural('cy', n, forms))).toEqual([
      'zero 0',
      'one 1',
      'two 2',
      'few 3',
      'other 4',
      'many 6',
      'other 7',
      'other 11',
    ]);
    expect([0, 1, 2, 6].map((n) => plural('en', n, forms))).toEqual(['other 0', 'one 1', 'other 2', 'other 6']);
    // A language's category with no form of its own falls back to `other`.
    expect(plural('cy', 2, { one: '# rhes', other: '# rhes' })).toBe('2 rhes');
  });

  it('gives the queue, its days waiting and the import page the Welsh plural forms and mutations', () => {
    const cy = planStrings(CY);
    expect([1, 2, 3, 6, 12].map(cy.days)).toEqual(['1 diwrnod', '2 ddiwrnod', '3 diwrnod', '6 diwrnod', '12 diwrnod']);
    expect(cy.queueSummary(2, 2)).toBe('Mae 2 gynllun yn aros, yr hynaf yn gyntaf. Mae’r hynaf wedi aros 2 ddiwrnod.');
    expect(cy.queueSummary(3, 1)).toBe('Mae 3 chynllun yn aros, yr hynaf yn gyntaf. Mae’r hynaf wedi aros 1 diwrnod.');
    expect(cy.queueSummary(6, 5)).toMatch(/^Mae 6 chynllun yn aros/);
    expect(cy.queueSummary(4, 5)).toMatch(/^Mae 4 cynllun yn aros/);
    const en = planStrings(EN);
    expect([0, 1, 2].map(en.days)).toEqual(['Submitted today', '1 day', '2 days']);
    expect(en.queueSummary(2, 1)).toBe('2 plans are waiting, oldest first. The oldest has waited 1 day.');
    const n = { rows: 2, created: 1, updated: 1, unchanged: 0 };
    expect(adminStrings(CY).import.importButton(2)).toBe('Mewnforio 2 res');
    expect(adminStrings(CY).import.didDo(n)).toMatch(/^2 res: /);
    expect(adminStrings(EN).import.importButton(1)).toBe('Import 1 row');
    expect(adminStrings(EN).import.wouldDo({ ...n, rows: 1 })).toMatch(/^1 row: /);
  });

  it('has no hand-made plurals left in the pages’ words', () => {
    for (const f of [
      'i18n.ts',
      'pages/admin-strings.ts',
      'pages/manager-strings.ts',
      'pages/plan-strings.ts',
      'pages/retention-strings.ts',
      'pages/staying-put-strings.ts',
    ]) {
      const src = readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8');
      expect(src, f).not.toMatch(/===\s*1\s*\?/);
    }
  });
});

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
describe.skipIf(!existsSync(`${DIST}app.js`) || !hasPoppler)('the authorised plan’s PDF in Welsh', () => {
  it('says “Wedi’i awdurdodi” on every page, not “Authorised”; an English plan says “Authorised”', async () => {
    const { planPdfRenderer } = (await import(/* @vite-ignore */ `${DIST}app.js`)) as typeof import('../src/app.js');
    const seed = buildSeed({ size: 4, secondSize: 1 });
    const plan = seed.councils[0]!.youngPeople.flatMap((y) => y.plans).find((p) => p.plan.authorised)!.plan;
    const council = { id: seed.councils[0]!.id, name: seed.councils[0]!.name };
    const render = planPdfRenderer(undefined, () => new Date('2026-12-03T12:00:00Z'));
    const pages = (locale: string) => async () =>
      pdfText(await render({ ...plan, wording: { ...plan.wording!, locale } }, { council, locale }))
        .split('\f')
        .filter((p) => p.trim());
    const cy = await pages('cy')();
    expect(cy.length).toBeGreaterThan(1);
    for (const [i, page] of cy.entries()) {
      expect(page, `Welsh page ${i + 1}`).toContain('Wedi’i awdurdodi');
      expect(page, `Welsh page ${i + 1}`).not.toContain('Authorised');
    }
    const en = await pages('en-GB')();
    for (const page of en) expect(page).toContain('Authorised');
  }, 60_000);
});
