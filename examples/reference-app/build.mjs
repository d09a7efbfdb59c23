// Builds the reference app: the server side (pages, seed, start command) for Node and the page scripts for
// browsers, with esbuild. Our packages stay external on the server side (they are built by their own tsup).
// Every file a browser loads gets a name that changes with its content (page scripts and their chunks through
// esbuild's [hash]; the stylesheet and icon by their own hash; the widgets' files in a folder named by the hash of
// all of them, so their relative imports still work), listed in dist/public/manifest.json for the pages, and is
// compressed here once, with brotli and gzip, beside itself (.br, .gz): the server sends those as they are, with
// an immutable cache (web/static.ts).
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { appIcons } from './icons.mjs';

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

// Page scripts: one small module per page that needs one, bundled for browsers. Our packages come from their
// sources (the "source" condition) so esbuild keeps only the engine functions a script uses (the checklist's
// merge is a few hundred bytes; the engine's one built file would bring every validator).
const clientDir = join(here, 'src', 'client');
const clients = existsSync(clientDir)
  ? readdirSync(clientDir).filter((f) => f.endsWith('.ts') && f !== 'dashboard-page.ts')
  : [];
const manifest = {};
/** Per page script, the chunks it imports statically: the pages preload them (no extra round trip). */
const preload = {};
/** Per page script, every chunk it may load (static and dynamic imports): the service worker precaches them. */
const reach = {};
/** Record each entry's hashed output under its plain name (`plan-page.js` → `plan-page-3F2A1B9C.js`). */
function remember(metafile) {
  const pub = (p) => relative(join(dist, 'public'), p);
  for (const [out, info] of Object.entries(metafile.outputs)) {
    if (!info.entryPoint) continue;
    const name = `${basename(info.entryPoint, extname(info.entryPoint))}.js`;
    manifest[name] = pub(out);
    const seen = new Set();
    const walk = (o) => {
      for (const i of metafile.outputs[o]?.imports ?? [])
        if (i.kind === 'import-statement' && !i.external && !seen.has(i.path)) {
          seen.add(i.path);
          walk(i.path);
        }
    };
    walk(out);
    preload[name] = [...seen].map(pub);
    const all = new Set([out]);
    for (const o of all)
      for (const i of metafile.outputs[o]?.imports ?? []) if (!i.external && metafile.outputs[i.path]) all.add(i.path);
    reach[name] = [...all].map(pub);
  }
}
if (clients.length)
  await build({
    entryPoints: clients.map((f) => join(clientDir, f)),
    entryNames: '[name]-[hash]',
    metafile: true,
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
  }).then((r) => remember(r.metafile));

// The dashboard page (<onward-dashboard>) is bundled from our packages' sources, so esbuild keeps only the insight
// functions it uses (the engine's one built file would bring every validator: 122 KB gzipped instead of 30 KB).
// chart.js and exceljs stay in chunks of their own, loaded when a chart is drawn or a spreadsheet asked for.
await build({
  entryPoints: [join(clientDir, 'dashboard-page.ts')],
  entryNames: '[name]-[hash]',
  metafile: true,
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
}).then((r) => remember(r.metafile));

const hashOf = (...buffers) => {
  const h = createHash('sha256');
  for (const b of buffers) h.update(b);
  return h.digest('hex').slice(0, 10);
};
for (const f of ['app.css', 'favicon.svg']) {
  const bytes = readFileSync(join(here, 'src', 'styles', f));
  const name = `${basename(f, extname(f))}-${hashOf(bytes)}${extname(f)}`;
  writeFileSync(join(dist, 'public', name), bytes);
  manifest[f] = name;
}

// The widgets' prebuilt files (custom elements, one script tag), served from our own origin under
// /assets/widgets-<hash>/: one folder for all of them, named by their contents.
const require = createRequire(import.meta.url);
const widgetsDir = dirname(require.resolve('@onward/widgets/onward-elements.js'));
const widgetFiles = readdirSync(widgetsDir)
  .filter((f) => /^onward[-.].*\.(js|css|map)$/.test(f) && !f.endsWith('.meta.json'))
  .sort();
const widgetsHash = hashOf(...widgetFiles.flatMap((f) => [f, readFileSync(join(widgetsDir, f))]));
const widgetsOut = join(dist, 'public', `widgets-${widgetsHash}`);
mkdirSync(widgetsOut, { recursive: true });
for (const f of widgetFiles) {
  copyFileSync(join(widgetsDir, f), join(widgetsOut, f));
  if (!f.endsWith('.map')) manifest[`widgets/${f}`] = `widgets-${widgetsHash}/${f}`;
}
// The installed app's icons (web app manifest), painted from the favicon's drawing by icons.mjs.
for (const [f, bytes] of Object.entries(appIcons())) {
  const name = `${basename(f, extname(f))}-${hashOf(bytes)}${extname(f)}`;
  writeFileSync(join(dist, 'public', name), bytes);
  manifest[f] = name;
}
writeFileSync(join(dist, 'public', 'manifest.json'), `${JSON.stringify({ assets: manifest, preload }, null, 2)}\n`);

// The young person's service worker (src/sw/service-worker.ts, issue 15), with the list of files it precaches:
// the stylesheet, icons, every widget file (their wording included) and the young person's page scripts with
// every chunk they load. Never the staff pages' scripts. Served at /sw.js (pages/offline.tsx).
const youngPersonScripts = Object.keys(reach).filter((n) => n === 'plan-page.js' || n.startsWith('young-person-'));
const precache = [
  ...new Set([
    ...['app.css', 'favicon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png'].map((n) => manifest[n]),
    ...Object.keys(manifest)
      .filter((n) => n.startsWith('widgets/'))
      .map((n) => manifest[n]),
    ...youngPersonScripts.flatMap((n) => reach[n]),
  ]),
]
  .sort()
  .map((f) => ({ url: `/assets/${f}`, revision: null }));
await build({
  entryPoints: [join(here, 'src', 'sw', 'service-worker.ts')],
  outfile: join(dist, 'public', 'sw.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
  define: { __ONWARD_PRECACHE__: JSON.stringify(precache), 'process.env.NODE_ENV': '"production"' },
});

// Compressed once here, at the highest settings, so that serving costs nothing: .br and .gz beside each file.
let raw = 0;
let br = 0;
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
for (const file of walk(join(dist, 'public'))) {
  if (!/\.(js|css|svg|map)$/.test(file)) continue;
  const bytes = readFileSync(file);
  const b = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
  const g = gzipSync(bytes, { level: 9 });
  if (b.byteLength < bytes.byteLength) writeFileSync(`${file}.br`, b);
  if (g.byteLength < bytes.byteLength) writeFileSync(`${file}.gz`, g);
  if (!file.endsWith('.map')) {
    raw += bytes.byteLength;
    br += Math.min(b.byteLength, bytes.byteLength);
  }
}
console.log(
  `reference-app: built dist/ (${Object.keys(manifest).length} named assets; scripts and styles ${(raw / 1024).toFixed(0)} KB, ${(br / 1024).toFixed(0)} KB with brotli; the young person's service worker precaches ${precache.length} files)`,
);
