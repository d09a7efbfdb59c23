#!/usr/bin/env node
// Builds dist/onward-elements.js: the one prebuilt script (ESM) that registers every Onward custom element, with
// Preact, signals, the engine and the precompiled checklist validator bundled in. The check-in, plan and agreement
// code are separate self-contained files beside it (dist/onward-check-in.js, onward-plan.js, onward-agreement.js),
// loaded on demand the first time such an element appears. They are whole bundles rather than shared chunks:
// with shared chunks the engine's validation module would drag every validator (the plan's alone is 115 KB) into
// the first load. Also writes dist/onward.css (the same styles, for a same-origin <link> in browsers without
// constructable stylesheets) and a metafile the size check reads.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(pkg, 'dist');
const LOCALES = ['en-GB', 'en-GB-easy', 'cy', 'ar'];

/** `import('./plan-impl.js')` in an element becomes `import('./onward-plan.js')`, a file beside the script. */
const onDemand = {
  name: 'onward-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/pictures\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './onward-pictures.js', external: true } : undefined,
    );
    build.onResolve({ filter: /^\.\/(check-in|plan|agreement)-impl\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const name = /^\.\/(.*)-impl\.js$/.exec(args.path)[1];
      return { path: `./onward-${name}.js`, external: true };
    });
    // The engine's loadLocale() imports shipped locale files on demand: each becomes its own file.
    build.onResolve({ filter: /^@onward\/schemas\/locales\/[\w-]+\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const name = /([\w-]+)\.js$/.exec(args.path)[1];
      return { path: `./onward-locale-${name}.js`, external: true };
    });
  },
};

/**
 * The locale files bundled into the scripts (en-GB standard and easy read in the first load) lose what only the
 * content check and the pictures read: `meta.note`, `sameAsStandardBecause` (why an easy-read question keeps the
 * standard words), `pictures` (alternative text, read from the full file loaded with the pictures) and easy-read
 * area words that are the same as the standard ones. The on-demand locale files (onward-locale-*.js, entry `onward-full-locale:<name>`) stay whole.
 */
const LEAN_DROP = ['sameAsStandardBecause', 'pictures'];
const leanLocales = {
  name: 'onward-lean-locales',
  setup(build) {
    build.onResolve({ filter: /^onward-full-locale:/ }, (args) => ({
      path: join(pkg, '..', '..', 'schemas', 'locales', `${args.path.slice('onward-full-locale:'.length)}.json`),
      namespace: 'onward-full-locale',
    }));
    build.onLoad({ filter: /.*/, namespace: 'onward-full-locale' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'json',
    }));
    build.onLoad({ filter: /[\\/]schemas[\\/]locales[\\/][\w-]+\.json$/ }, (args) => {
      const file = JSON.parse(readFileSync(args.path, 'utf8'));
      for (const k of LEAN_DROP) delete file[k];
      if (file.meta) delete file.meta.note;
      // An easy-read area title and description the same as the standard file's: Wording.domain falls back to
      // the standard file and finds the same words, so the copy is left out.
      if (file.meta?.variant === 'easy') {
        const standard = JSON.parse(readFileSync(join(dirname(args.path), `${file.meta.locale}.json`), 'utf8'));
        for (const [id, d] of Object.entries(file.domains ?? {}))
          if (JSON.stringify(d) === JSON.stringify(standard.domains?.[id])) delete file.domains[id];
      }
      return { contents: JSON.stringify(file), loader: 'json' };
    });
  },
};

export async function buildElements({ outdir = dist, write = true } = {}) {
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: pkg,
    entryPoints: {
      'onward-elements': 'src/elements/auto.ts',
      'onward-check-in': 'src/elements/check-in-impl.ts',
      'onward-plan': 'src/elements/plan-impl.ts',
      'onward-agreement': 'src/elements/agreement-impl.ts',
      // The easy-read pictures, fetched the first time easy read is on.
      'onward-pictures': 'src/checklist/pictures.ts',
      // Shipped locale files as modules, for loadLocale(); built from the JSON itself.
      ...Object.fromEntries(LOCALES.map((l) => [`onward-locale-${l}`, `onward-full-locale:${l}`])),
    },
    outdir,
    bundle: true,
    splitting: false,
    plugins: [onDemand, leanLocales],
    format: 'esm',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    // No source maps: they were four times the size of the scripts in the published package (docs/size.md).
    sourcemap: false,
    // Resolve our packages to their TypeScript source so that unused engine modules (lifecycles, insights,
    // exports) are left out module by module.
    conditions: ['source', 'module'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    write,
  });
  writeFileSync(join(outdir, 'onward-elements.meta.json'), JSON.stringify(result.metafile));
  // The stylesheet as a file for <link rel="stylesheet"> fallbacks and for Preact users.
  const css = await esbuild.build({
    absWorkingDir: pkg,
    entryPoints: ['src/styles/base.css.ts'],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(css.outputFiles[0].text).toString('base64')}`);
  writeFileSync(
    join(outdir, 'onward.css'),
    `/* Onward widgets: styles. Theme with the --onward-* custom properties (docs/embedding.md). */\n${mod.baseCss.trim()}\n`,
  );
  return result.metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildElements();
  console.log(
    'Built dist/onward-elements.js (+ onward-check-in.js, onward-plan.js, onward-agreement.js) and dist/onward.css',
  );
}
