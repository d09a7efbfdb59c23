#!/usr/bin/env node
// Writes packages/widgets/custom-elements.json, the Custom Elements Manifest (schema 2.1) of the four elements,
// from their definitions: tag names, observed attributes, accepted properties and methods are read from the element
// classes themselves (bundled from src/ in memory and loaded in Node, where they have a stand-in HTMLElement); the
// descriptions and types of properties and methods from their TypeScript doc comments; the descriptions of the
// attributes, events and CSS custom properties from the tables in docs/embedding.md, so that the documentation and
// the manifest cannot disagree: an attribute, event or custom property that docs/embedding.md does not describe is
// an error. `--check` fails when the committed file is stale (pnpm check:docs, in pnpm test).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(pkg, '../..');
const out = join(pkg, 'custom-elements.json');
const check = process.argv.includes('--check');
const problems = [];

// 1. The element classes, as the browser gets them.
const bundle = await esbuild.build({
  absWorkingDir: pkg,
  stdin: {
    contents:
      "export { ELEMENTS } from './src/elements/register.ts'; export { EVENT_NAMES } from './src/shared/events.ts';",
    resolveDir: pkg,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['source', 'module'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  write: false,
  logLevel: 'error',
});
const mod = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

// 2. docs/embedding.md: the tables of attributes (per element and "Every element"), events and custom properties.
const docs = readFileSync(join(root, 'docs/embedding.md'), 'utf8');
function tables() {
  const bySection = new Map();
  let section = '';
  for (const line of docs.split('\n')) {
    const h = /^#{2,3} (.*)$/.exec(line);
    if (h) section = h[1].replace(/`/g, '').trim();
    const row = /^\|(.*)\|\s*$/.exec(line);
    if (!row || /^\|\s*-/.test(line)) continue;
    const cells = row[1].split('|').map((c) => c.trim());
    if (!bySection.has(section)) bySection.set(section, []);
    bySection.get(section).push(cells);
  }
  return bySection;
}
const sections = tables();
/** `name` → description, from the rows of a section whose first cell is a code name (or several: `a`, `b`). */
function described(section) {
  const map = new Map();
  for (const cells of sections.get(section) ?? []) {
    const names = [...cells[0].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    for (const n of names) if (!map.has(n)) map.set(n, cells.slice(1));
  }
  return map;
}
const plain = (s) => s.replace(/\*\*/g, '').replace(/`/g, '').trim();
const common = described('Every element');
const events = described('Events');
const theming = described('Theming');

// 3. Doc comments and types from the TypeScript source.
function classInfo(file, className) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  let found;
  ts.forEachChild(source, (n) => {
    if (ts.isClassDeclaration(n) && n.name?.text === className) found = n;
  });
  if (!found) return undefined;
  const doc = (node) =>
    ts
      .getJSDocCommentsAndTags(node)
      .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  const members = new Map();
  for (const m of found.members) {
    const name = m.name && ts.isIdentifier(m.name) ? m.name.text : undefined;
    if (!name) continue;
    const entry = members.get(name) ?? {};
    if (ts.isGetAccessorDeclaration(m)) {
      entry.kind = 'field';
      entry.type = m.type?.getText(source);
      entry.description = doc(m) || entry.description;
    } else if (ts.isSetAccessorDeclaration(m)) {
      entry.kind = 'field';
      entry.type ??= m.parameters[0]?.type?.getText(source);
    } else if (ts.isMethodDeclaration(m)) {
      entry.kind = 'method';
      entry.description = doc(m);
      entry.return = m.type?.getText(source);
      entry.private = m.modifiers?.some(
        (x) => x.kind === ts.SyntaxKind.ProtectedKeyword || x.kind === ts.SyntaxKind.PrivateKeyword,
      );
    }
    members.set(name, entry);
  }
  return { description: doc(found), members };
}

// 4. CSS custom properties the styles read.
const css = readFileSync(join(pkg, 'src/styles/base.css.ts'), 'utf8');
const cssProps = [...new Set([...css.matchAll(/var\((--onward-[\w-]+)/g)].map((m) => m[1]))].sort();
const cssProperties = cssProps.map((name) => {
  const row = theming.get(name);
  if (!row)
    problems.push(`${name} is used in src/styles/base.css.ts but not described under "Theming" in docs/embedding.md.`);
  return { name, description: plain(row?.[1] ?? ''), default: plain(row?.[0] ?? '') };
});

const FILES = {
  'onward-checklist': 'checklist-element.ts',
  'onward-check-in': 'check-in-element.ts',
  'onward-plan': 'plan-element.ts',
  'onward-agreement': 'agreement-element.ts',
};
const LIFECYCLE = new Set(['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback']);
const modules = [];
for (const [tag, cls] of Object.entries(mod.ELEMENTS)) {
  const file = join(pkg, 'src/elements', FILES[tag]);
  const info = classInfo(file, cls.name);
  if (!info) {
    problems.push(`${tag}: class ${cls.name} not found in ${relative(root, file)}.`);
    continue;
  }
  const own = described(`<${tag}>`);
  const attributes = (cls.observedAttributes ?? []).map((name) => {
    const row = own.get(name) ?? common.get(name);
    if (!row)
      problems.push(
        `${tag}: attribute "${name}" is not described in docs/embedding.md (under "${tag}" or "Every element").`,
      );
    const entry = { name, description: plain(row?.[0] ?? '') };
    // A default that is one literal value (`en-GB`), not words ("the nearest lang in the page").
    const def = /^`([^`]+)`$/.exec(row?.[1] ?? '');
    if (def) entry.default = def[1];
    return entry;
  });
  const members = [];
  for (const name of cls.props ?? []) {
    const m = info.members.get(name);
    const row = own.get(name) ?? common.get(name);
    members.push({
      kind: 'field',
      name,
      ...(m?.type ? { type: { text: m.type } } : {}),
      description: m?.description || plain(row?.[0] ?? ''),
    });
  }
  for (const [name, m] of info.members)
    if (m.kind === 'method' && !m.private && !LIFECYCLE.has(name) && typeof cls.prototype[name] === 'function')
      members.push({
        kind: 'method',
        name,
        description: m.description || plain((own.get(`${name}()`) ?? [''])[0]),
        ...(m.return ? { return: { type: { text: m.return } } } : {}),
      });
  const firedEvents = mod.EVENT_NAMES.map((name) => {
    const row = events.get(name);
    if (!row) problems.push(`event ${name} is not described under "Events" in docs/embedding.md.`);
    return { name, type: { text: 'CustomEvent' }, description: plain(row?.[0] ?? '') };
  });
  const ready = common.get('onward-ready');
  if (!firedEvents.some((e) => e.name === 'onward-ready'))
    firedEvents.push({
      name: 'onward-ready',
      type: { text: 'CustomEvent' },
      description: ready ? plain(ready[0]) : 'Saved work has been restored.',
    });
  modules.push({
    kind: 'javascript-module',
    path: `src/elements/${FILES[tag]}`,
    declarations: [
      {
        kind: 'class',
        customElement: true,
        name: cls.name,
        tagName: tag,
        description: info.description,
        superclass: { name: 'HTMLElement' },
        attributes,
        members,
        events: firedEvents,
        cssProperties,
      },
    ],
    exports: [
      { kind: 'js', name: cls.name, declaration: { name: cls.name, module: `src/elements/${FILES[tag]}` } },
      {
        kind: 'custom-element-definition',
        name: tag,
        declaration: { name: cls.name, module: `src/elements/${FILES[tag]}` },
      },
    ],
  });
}
// The prebuilt script and the package entry, where the classes are exported from and the tags registered.
for (const path of ['dist/onward-elements.js', 'dist/index.js'])
  modules.push({
    kind: 'javascript-module',
    path,
    declarations: [],
    exports: Object.entries(mod.ELEMENTS).flatMap(([tag, cls]) => [
      { kind: 'js', name: cls.name, declaration: { name: cls.name, module: `src/elements/${FILES[tag]}` } },
      ...(path === 'dist/onward-elements.js'
        ? [
            {
              kind: 'custom-element-definition',
              name: tag,
              declaration: { name: cls.name, module: `src/elements/${FILES[tag]}` },
            },
          ]
        : []),
    ]),
  });

if (problems.length) {
  console.error(`custom-elements.json not written:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const manifest = { schemaVersion: '2.1.0', readme: 'README.md', modules };
const text = `${JSON.stringify(manifest, null, 2)}\n`;
const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
if (check) {
  if (current !== text) {
    console.error(
      'packages/widgets/custom-elements.json is stale: run `pnpm --filter @onward/widgets docs:generate` and commit it.',
    );
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} else {
  writeFileSync(out, text);
  console.log(`Wrote custom-elements.json: ${modules.length - 2} elements.`);
}
