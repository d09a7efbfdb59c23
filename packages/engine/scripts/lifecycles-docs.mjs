#!/usr/bin/env node
// Writes docs/lifecycles.md from the lifecycle machine definitions (state diagrams and the permissions table).
// With --check it writes nothing and exits 1 when the file is stale. Bundles the engine's source with esbuild, so it
// needs no build first.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const engineDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const fileArg = process.argv.indexOf('--file');
// --file PATH: another target (used by the tests); default docs/lifecycles.md at the repository root.
const target = fileArg > -1 ? process.argv[fileArg + 1] : join(engineDir, '..', '..', 'docs', 'lifecycles.md');
const check = process.argv.includes('--check');

const tmp = mkdtempSync(join(tmpdir(), 'onward-lifecycles-docs-'));
let markdown;
let normalise;
try {
  const outfile = join(tmp, 'docs.mjs');
  await build({
    entryPoints: [join(engineDir, 'src', 'machines', 'docs.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    conditions: ['source'],
    logLevel: 'error',
  });
  const mod = await import(pathToFileURL(outfile).href);
  markdown = mod.lifecyclesMarkdown();
  normalise = mod.normaliseMarkdown;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
// Table padding does not count: a formatter may align the columns.
const fresh = current !== null && normalise(current) === normalise(markdown);
if (check) {
  if (!fresh) {
    console.error(`${target} is stale. Run: pnpm --filter @onward/engine docs:generate`);
    process.exit(1);
  }
  console.log('docs/lifecycles.md is up to date.');
} else if (!fresh) {
  writeFileSync(target, markdown);
  console.log('Wrote docs/lifecycles.md');
} else {
  console.log('docs/lifecycles.md was already up to date.');
}
