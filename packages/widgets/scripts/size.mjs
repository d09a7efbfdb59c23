#!/usr/bin/env node
// Size budget: the checklist element's first load, everything included (the one script and anything it
// imports statically: Preact, signals, engine runtime, the precompiled checklist validator, widget, styles),
// gzipped, must be at most 40 KB. PDF and chart code must never be in it. Builds first, then measures.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildElements } from './build-elements.mjs';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET = 40 * 1024;
const FORBIDDEN = /jspdf|chart\.js|chartjs|exceljs|@onward\/(pdf|dashboard)|packages\/(pdf|dashboard)\//;

const meta = await buildElements();
const outputs = meta.outputs;
const _key = (p) => relative(pkg, join(pkg, p)).replace(/\\/g, '/');
const gz = (file) => gzipSync(readFileSync(join(pkg, file)), { level: 9 }).length;

/** A file and every file it imports statically, transitively. */
function closure(start) {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const imp of outputs[f]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) walk(imp.path);
  };
  walk(start);
  return [...seen];
}
const out = (src) => Object.keys(outputs).find((o) => outputs[o].entryPoint === src);
const first = closure(out('src/elements/auto.ts'));
const firstBytes = first.reduce((n, f) => n + gz(f), 0);
const rows = [['checklist element first load: dist/onward-elements.js', first, firstBytes]];
for (const [name, src] of [
  ['check-in, on demand: dist/onward-check-in.js', 'src/elements/check-in-impl.ts'],
  ['plan, on demand: dist/onward-plan.js', 'src/elements/plan-impl.ts'],
  ['agreement, on demand: dist/onward-agreement.js', 'src/elements/agreement-impl.ts'],
]) {
  const files = closure(out(src));
  rows.push([name, files, files.reduce((n, f) => n + gz(f), 0)]);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('| What | Gzipped | Minified |\n| --- | ---: | ---: |');
for (const [name, files, bytes] of rows)
  console.log(`| ${name} | ${kb(bytes)} | ${kb(files.reduce((n, f) => n + outputs[f].bytes, 0))} |`);

// Biggest inputs of the first load, to see where the bytes go.
const inputs = {};
for (const f of first)
  for (const [i, v] of Object.entries(outputs[f].inputs)) inputs[i] = (inputs[i] ?? 0) + v.bytesInOutput;
const top = Object.entries(inputs)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 12);
console.log('\nLargest parts of the first load (minified, before gzip):');
for (const [i, n] of top)
  console.log(`  ${kb(n).padStart(9)}  ${i.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')}`);

const problems = [];
for (const f of Object.keys(outputs))
  for (const i of Object.keys(outputs[f].inputs)) if (FORBIDDEN.test(i)) problems.push(`${f} contains ${i}`);
if (firstBytes > BUDGET)
  problems.push(`checklist first load is ${kb(firstBytes)} gzipped; the budget is ${kb(BUDGET)}.`);
if (problems.length) {
  console.error(`\nSize check FAILED:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `\nSize check passed: checklist first load ${kb(firstBytes)} of ${kb(BUDGET)} gzipped; no PDF or chart code in any chunk.`,
);
