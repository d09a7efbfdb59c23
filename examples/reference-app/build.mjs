// Builds the reference app: the server side (pages, seed, start command) for Node and the page scripts for
// browsers, with esbuild. Our packages stay external on the server side (they are built by their own tsup).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'public'), { recursive: true });

await build({
  entryPoints: ['src/main.ts', 'src/app.ts', 'src/seed.ts', 'src/load-seed.ts'].map((f) => join(here, f)),
  outdir: dist,
  outbase: join(here, 'src'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: true,
  logLevel: 'warning',
});

// Page scripts: one small module per page that needs one, bundled for browsers.
const clientDir = join(here, 'src', 'client');
const clients = existsSync(clientDir)
  ? readdirSync(clientDir).filter((f) => f.endsWith('.ts') && f !== 'dashboard-page.ts')
  : [];
if (clients.length)
  await build({
    entryPoints: clients.map((f) => join(clientDir, f)),
    outdir: join(dist, 'public'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });

// The dashboard page (<onward-dashboard>) is bundled from our packages' sources, so esbuild keeps only the insight
// functions it uses (the engine's one built file would bring every validator: 122 KB gzipped instead of 30 KB).
// chart.js and exceljs stay in chunks of their own, loaded when a chart is drawn or a spreadsheet asked for.
await build({
  entryPoints: [join(clientDir, 'dashboard-page.ts')],
  outdir: join(dist, 'public'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  conditions: ['source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
});

copyFileSync(join(here, 'src', 'styles', 'app.css'), join(dist, 'public', 'app.css'));
copyFileSync(join(here, 'src', 'styles', 'favicon.svg'), join(dist, 'public', 'favicon.svg'));

// The widgets' prebuilt files (custom elements, one script tag), served from our own origin under /assets/widgets/.
const require = createRequire(import.meta.url);
const widgetsDir = dirname(require.resolve('@onward/widgets/onward-elements.js'));
mkdirSync(join(dist, 'public', 'widgets'), { recursive: true });
for (const f of readdirSync(widgetsDir))
  if (/^onward[-.].*\.(js|css)$/.test(f)) copyFileSync(join(widgetsDir, f), join(dist, 'public', 'widgets', f));
console.log('reference-app: built dist/');
