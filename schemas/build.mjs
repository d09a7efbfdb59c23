#!/usr/bin/env node
// Builds what @onward/schemas publishes, into dist/ (the JSON files and the precompiled validators in generated/
// are shipped as they are):
//   dist/index.js, dist/*.schema.js + .d.ts   the generated TypeScript (schemas `as const`, FromSchema types), compiled
//   dist/json/<path>.js + .d.ts                every JSON file (JSON Schemas, locale files) as an ES module, so that
//                                              `import x from '@onward/schemas/locales/cy.js'` works in Node and in
//                                              every bundler without JSON import attributes
// In the workspace the "source" export condition maps `…/cy.js` to the JSON file itself, so nothing needs building.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const header = '// Built by schemas/build.mjs from the JSON file of the same name. Do not edit.\n';
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(here, 'tsconfig.build.json')], { stdio: 'inherit' });

/** Every JSON file that the package exports: the schemas in their folders and the locale files. */
function jsonFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'generated') continue;
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json') && dir !== here) out.push(p);
  }
  return out;
}

/** The TypeScript type that `resolveJsonModule` gives a JSON value (strings widened to string, and so on). */
function typeOf(v, indent = '') {
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    const items = [...new Set(v.map((x) => typeOf(x, indent)))];
    if (items.length === 0) return 'never[]';
    return items.length === 1 ? `${items[0]}[]` : `(${items.join(' | ')})[]`;
  }
  if (typeof v === 'object') {
    const inner = `${indent}  `;
    const props = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${typeOf(x, inner)};`);
    return props.length ? `{\n${props.join('\n')}\n${indent}}` : '{}';
  }
  return typeof v;
}

const files = jsonFiles(here);
for (const file of files) {
  const rel = relative(here, file).replace(/\\/g, '/');
  const value = JSON.parse(readFileSync(file, 'utf8'));
  const out = join(dist, 'json', rel.replace(/\.json$/, ''));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.js`, `${header}export default ${JSON.stringify(value)};\n`);
  const up = '../'.repeat(rel.split('/').length);
  // A locale file is typed as a Locale (its schema); any other file by its own shape, as resolveJsonModule does.
  const type = rel.startsWith('locales/') ? `import('${up}index.js').Locale` : typeOf(value);
  writeFileSync(`${out}.d.ts`, `${header}declare const value: ${type};\nexport default value;\n`);
}
console.log(`@onward/schemas: built dist/ (generated TypeScript, and ${files.length} JSON files as modules)`);
