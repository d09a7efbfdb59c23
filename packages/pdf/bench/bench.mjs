// `pnpm --filter @onward/pdf bench` (after `pnpm build`): time to render the sample plan (64 answered questions, 60
// notes) in Node, median of N runs, and its size; then the browser cost: the first-bundle entry and the chunks
// loaded on demand when a widget's "Download PDF" is pressed (esbuild, minified, gzip level 9).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '..', 'node_modules', '.cache', 'bench');
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// `--size`: only the browser part, failing when jspdf or the font reach the first bundle or the lazy chunks pass
// their budget (this is the package's `size` script, run by `pnpm test`).
const SIZE_ONLY = process.argv.includes('--size');
const LAZY_BUDGET = 260 * 1024; // gzip bytes: jspdf ~132 KiB + font ~94 KiB + renderer ~12 KiB, with some room

// --- Node ---------------------------------------------------------------------------------------------------------
const ms = (n) => `${n.toFixed(1)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
if (!SIZE_ONLY) await nodeBench();

async function nodeBench() {
  const nodeOut = join(cache, 'node-entry.mjs');
  await build({
    entryPoints: [join(here, 'node-entry.mts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    external: ['jspdf'],
    outfile: nodeOut,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const { renderPlan, renderAgreement, answered } = await import(pathToFileURL(nodeOut).href);

  async function time(fn) {
    const first = performance.now();
    const bytes = await fn(); // the first run also loads jspdf and the font: reported apart
    const cold = performance.now() - first;
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { bytes, cold, median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
  }

  const plan = await time(renderPlan);
  const agreement = await time(renderAgreement);
  console.log(`@onward/pdf bench (Node ${process.version}, ${RUNS} runs)`);
  console.log(`  plan: ${answered.length} answered questions, ${answered.filter((a) => a.note).length} notes`);
  console.log(
    `  renderPlanPdf       median ${ms(plan.median)} (min ${ms(plan.min)}, max ${ms(plan.max)}; first call ${ms(plan.cold)})  size ${kb(plan.bytes.length)}`,
  );
  console.log(
    `  renderAgreementPdf  median ${ms(agreement.median)} (min ${ms(agreement.min)}, max ${ms(agreement.max)})  size ${kb(agreement.bytes.length)}`,
  );
}

// --- Browser ------------------------------------------------------------------------------------------------------
const outdir = join(cache, 'browser');
const result = await build({
  entryPoints: [join(here, 'browser-entry.js')],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  outdir,
  metafile: true,
  logLevel: 'error',
});
// What a page fetches: the first bundle is the entry and everything it imports statically; pressing "Download PDF"
// fetches the @onward/pdf chunk and what it imports, statically or on demand (jspdf, the font). jspdf can also load
// html2canvas, DOMPurify and canvg, but only for doc.html() and SVG, which Onward never calls: listed apart.
const outputs = result.metafile.outputs;
const never = /(html2canvas|dompurify|canvg)/;
const closure = (start, followDynamic) => {
  const seen = new Set();
  const todo = [start];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f) || !outputs[f]) continue;
    seen.add(f);
    for (const imp of outputs[f].imports) {
      if (imp.external) continue;
      if (imp.kind === 'dynamic-import' && (!followDynamic || never.test(outputs[imp.path]?.entryPoint ?? imp.path)))
        continue;
      todo.push(imp.path);
    }
  }
  return seen;
};
const entryFile = Object.keys(outputs).find((f) => outputs[f].entryPoint?.endsWith('browser-entry.js'));
// esbuild names entry points relative to the working directory.
const pdfEntry = relative(process.cwd(), join(here, '..', 'dist', 'index.js'))
  .split('\\')
  .join('/');
const pdfFile = Object.keys(outputs).find((f) => outputs[f].entryPoint === pdfEntry);
const first = closure(entryFile, false);
const lazy = [...closure(pdfFile, true)].filter((f) => !first.has(f));
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const label = (f) => {
  const ins = Object.keys(outputs[f].inputs);
  if (ins.some((i) => i.includes('onward-sans'))) return 'font (Onward Sans, 2 faces)';
  if (ins.some((i) => i.includes('jspdf'))) return 'jspdf';
  if (ins.includes(pdfEntry)) return '@onward/pdf';
  return (ins[0] ?? f).replace(/.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').slice(0, 40);
};
const rows = [];
let entry = 0;
let onDemand = 0;
let unused = 0;
for (const f of first) entry += gz(f);
for (const f of lazy) {
  const size = gz(f);
  onDemand += size;
  rows.push(`    ${label(f).padEnd(40)} ${kb(outputs[f].bytes).padEnd(26)} gzip ${kb(size)}`);
}
for (const f of Object.keys(outputs)) if (f.endsWith('.js') && never.test(outputs[f].entryPoint ?? '')) unused += gz(f);
console.log('  browser (esbuild, minified), chunks fetched when "Download PDF" is pressed:');
for (const r of rows) console.log(r);
console.log(`  first bundle (widget + engine) gzip ${kb(entry)}`);
console.log(`  lazily loaded PDF chunks on "Download PDF" gzip ${kb(onDemand)}`);
console.log(`  never loaded (jspdf's html/SVG helpers) gzip ${kb(unused)}`);
const leaked = [...first].filter((f) =>
  Object.keys(outputs[f].inputs).some((i) => i.includes('jspdf') || i.includes('onward-sans')),
);
if (leaked.length) {
  console.error(`  FAIL: jspdf or the font is in the first bundle (${leaked.join(', ')}); it must load on demand.`);
  process.exitCode = 1;
}
if (onDemand > LAZY_BUDGET) {
  console.error(
    `  FAIL: the lazily loaded PDF chunks are ${kb(onDemand)} gzip, over the budget of ${kb(LAZY_BUDGET)}.`,
  );
  process.exitCode = 1;
}
