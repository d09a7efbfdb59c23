// Size of the dashboard in a page: bundles `<onward-dashboard>` (from source, as a council's bundler would from the
// package) with esbuild, gzips each file (level 9) and fails when the first load is over budget or holds chart.js or
// exceljs, which must load only on demand. `pnpm --filter @onward/dashboard size`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** First load budget, gzipped bytes: the element, Preact, signals, the engine code it uses, styles, wording. */
const BUDGET = 90 * 1024;
const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const out = mkdtempSync(join(tmpdir(), 'onward-dashboard-size-'));
const entry = join(out, 'entry.js');
writeFileSync(
  entry,
  `import { defineDashboardElement } from ${JSON.stringify(join(pkg, 'src/index.ts'))};\ndefineDashboardElement();\n`,
);
try {
  await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: join(out, 'dist'),
    conditions: ['source'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'error',
    absWorkingDir: pkg,
    metafile: false,
  });
  const files = readdirSync(join(out, 'dist')).filter((f) => f.endsWith('.js'));
  const rows = files.map((f) => {
    const text = readFileSync(join(out, 'dist', f));
    const s = text.toString('utf8');
    // Markers from inside each library (its code, not the file name an import() points at).
    const kind = /DatasetController/.test(s) ? 'chart.js' : /xl\/workbook\.xml/.test(s) ? 'exceljs' : '';
    return { file: f, min: text.length, gz: gzipSync(text, { level: 9 }).length, kind };
  });
  const first = rows.find((r) => r.file === 'entry.js');
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('| File | Holds | Gzipped | Minified |\n| --- | --- | ---: | ---: |');
  for (const r of rows.sort((a, b) => (a.file === 'entry.js' ? -1 : b.file === 'entry.js' ? 1 : b.gz - a.gz)))
    console.log(
      `| ${r.file} | ${r.file === 'entry.js' ? 'first load' : r.kind || 'on demand'} | ${kb(r.gz)} | ${kb(r.min)} |`,
    );
  let failed = false;
  if (!first) throw new Error('No entry.js in the build.');
  if (first.kind) {
    console.error(`The first load holds ${first.kind}: it must be loaded on demand.`);
    failed = true;
  }
  if (first.gz > BUDGET) {
    console.error(`First load ${kb(first.gz)} gzipped is over the ${kb(BUDGET)} budget.`);
    failed = true;
  }
  if (!rows.some((r) => r.kind === 'chart.js') || !rows.some((r) => r.kind === 'exceljs')) {
    console.error('chart.js and exceljs should each be in a chunk of their own, loaded on demand.');
    failed = true;
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(out, { recursive: true, force: true });
}
