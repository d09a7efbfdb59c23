/// <reference types="node" />
// docs/content.md §6 lists every wording key a council can change in its own locale files: the meta fields, each
// area's title and description, each question and hint (from the question sets, current and retired), and each
// `ui` key of the widgets' catalogues. The list is made here from those sources and the test fails when the
// document differs, so it cannot drift. To write it again: ONWARD_WRITE_DOCS=1 pnpm exec vitest run --project dom
// packages/widgets/test/content-keys.test.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cyWording, enGBEasyWording, enGBWording, type LocaleFile, questionSet } from '@onward/engine';
import { describe, expect, it } from 'vitest';
import { agreementStrings } from '../src/i18n/agreement.js';
import { checkInStrings } from '../src/i18n/check-in.js';
import { checklistStrings } from '../src/i18n/checklist.js';
import { common } from '../src/i18n/common.js';
import type { Catalogues } from '../src/i18n/index.js';
import { planStrings } from '../src/i18n/plan.js';

// The repository root (the DOM environment's import.meta.url is not a file URL).
let ROOT = process.cwd();
while (!existsSync(join(ROOT, 'pnpm-workspace.yaml')) && dirname(ROOT) !== ROOT) ROOT = dirname(ROOT);
const DOC = join(ROOT, 'docs/content.md');
const START = '<!-- content-keys:start (made by packages/widgets/test/content-keys.test.ts; do not edit by hand) -->';
const END = '<!-- content-keys:end -->';

const CATALOGUES: [string, string, Catalogues][] = [
  ['Every widget', 'common', common],
  ['Outcomes checklist (`<onward-checklist>`)', 'checklist', checklistStrings],
  ['Check-in (`<onward-check-in>`)', 'checkIn', checkInStrings],
  ['Pathway plan (`<onward-plan>`)', 'plan', planStrings],
  ['Living Together Agreement (`<onward-agreement>`)', 'agreement', agreementStrings],
];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => `{${m[1]}}`))].join(' ');
const yesNo = (b: boolean) => (b ? 'yes' : '–');

function section(): string {
  const current = questionSet();
  const retired = [1]
    .filter((v) => v !== current.version)
    .flatMap((v) => questionSet(v).questions.filter((q) => !current.byId.has(q.id)));
  const files: [string, LocaleFile][] = [
    ['en-GB', enGBWording],
    ['en-GB easy', enGBEasyWording],
    ['cy', cyWording],
  ];
  const out: string[] = [];
  out.push(
    `A council's locale file may set any of these keys. \`onward content check\` refuses an area or question id ` +
      'that is not here; a `ui` key the widgets do not know is never shown. There are ' +
      `${current.domains.length} areas, ${current.questions.length} current questions, ${retired.length} retired ` +
      `question(s) and ${CATALOGUES.reduce((n, [, , c]) => n + Object.keys(c['en-GB'] ?? {}).length, 0)} \`ui\` keys. ` +
      'The reference app’s pages and PDFs use the same area, question and hint words; their other words (menus, ' +
      'buttons, staff screens) are the app’s own, not read from locale files.',
    '',
    '### `meta`',
    '',
    '`meta.locale`, `meta.variant` (`standard` or `easy`), `meta.name`, `meta.dir` (`ltr` or `rtl`), `meta.status` ' +
      '(`reviewed` or `draft`) are required; `meta.note` and `meta.council` are optional.',
    '',
    '### `domains` (every area: a `title` and a `description`)',
    '',
    '| key | English title | English description |',
    '| --- | --- | --- |',
  );
  for (const d of current.domains) {
    const w = enGBWording.domains[d.id];
    out.push(`| \`domains.${d.id}\` | ${cell(w?.title ?? '')} | ${cell(w?.description ?? '')} |`);
  }
  out.push(
    '',
    '### `questions` and `hints`',
    '',
    'A hint is optional for every question; "hint" says whether the shipped English file has one. The columns ' +
      'after it say which shipped files word the question (others fall back, see §2).',
    '',
    `| key | English (standard) | hint | ${files.map(([n]) => n).join(' | ')} |`,
    `| --- | --- | --- | ${files.map(() => '---').join(' | ')} |`,
  );
  for (const q of [...current.questions, ...retired]) {
    const old = current.byId.has(q.id) ? '' : ' (retired)';
    out.push(
      `| \`questions.${q.id}\`${old} | ${cell(enGBWording.questions[q.id] ?? '')} | ${yesNo(!!enGBWording.hints?.[q.id])} | ${files
        .map(([, f]) => yesNo(!!f.questions[q.id]))
        .join(' | ')} |`,
    );
  }
  out.push(
    '',
    '### `ui` (the widgets’ buttons, labels and messages)',
    '',
    'A `ui` entry replaces the widget’s own words for that key, in that locale and variant. Keep the `{placeholders}`: ' +
      'the widget fills them in. "Welsh" and "easy read" say whether the widget ships its own words for that key.',
  );
  for (const [title, prefix, cat] of CATALOGUES) {
    out.push(
      '',
      `#### ${title}`,
      '',
      '| key | English | placeholders | Welsh | easy read |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const [key, text] of Object.entries(cat['en-GB'] ?? {})) {
      expect(key.startsWith(`${prefix}.`), `${key} is in the ${prefix} catalogue`).toBe(true);
      out.push(
        `| \`ui.${key}\` | ${cell(text)} | ${placeholders(text)} | ${yesNo(!!cat.cy?.[key])} | ${yesNo(!!cat['en-GB:easy']?.[key])} |`,
      );
    }
  }
  return out.join('\n');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('docs/content.md: every key a council can change', () => {
  it('lists every key, made from the question sets, the shipped locale files and the widget catalogues', () => {
    const doc = readFileSync(DOC, 'utf8');
    const a = doc.indexOf(START);
    const b = doc.indexOf(END);
    expect(a, `docs/content.md has the ${START} marker`).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    const made = `${START}\n${section()}\n${END}`;
    const written = doc.slice(a, b + END.length);
    if (process.env.ONWARD_WRITE_DOCS === '1' && written !== made)
      writeFileSync(DOC, doc.slice(0, a) + made + doc.slice(b + END.length));
    else expect(written, 'docs/content.md §6 is out of date: run with ONWARD_WRITE_DOCS=1').toBe(made);
  });

  it('every ui key the widgets use by name is in the English catalogue (so the list is complete)', () => {
    const known = new Set(CATALOGUES.flatMap(([, , c]) => Object.keys(c['en-GB'] ?? {})));
    const used = new Set<string>();
    for (const f of sourceFiles(join(ROOT, 'packages/widgets/src')))
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9.-]+)'/g))
        used.add(m[1] as string);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it('the shipped Welsh and easy-read catalogues have no key the English one lacks', () => {
    const stray = CATALOGUES.flatMap(([, , c]) =>
      ['cy', 'en-GB:easy', 'cy:easy'].flatMap((l) =>
        Object.keys(c[l] ?? {})
          .filter((k) => !(k in (c['en-GB'] ?? {})))
          .map((k) => `${l} ${k}`),
      ),
    );
    expect(stray).toEqual([]);
  });
});
