#!/usr/bin/env node
// `pnpm check:packages` (run by `pnpm test` after the build): packs every published package as npm would receive
// it and checks each tarball:
//  - publint (--strict): exports, files and formats as Node and bundlers read them;
//  - @arethetypeswrong/cli (ESM-only profile): the types resolve for every entry point, in Node and in bundlers;
//  - our own rules (notes in scripts/packages.mjs's users): LICENSE (the root one) and README.md in the tarball, no
//    source maps, no TypeScript sources, `publishConfig.exports` = `exports` without the workspace-only `source`
//    condition, every JavaScript entry with `types`, framework libraries as peers, never as dependencies.
// Prints the size of each tarball.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { packAll, root } from './packages.mjs';

const run = promisify(execFile);
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Framework libraries an app shares with us: peers, never dependencies. */
export const PEERS_ONLY = ['preact', '@preact/signals', 'chart.js'];

/** attw options per package: entries that are not JavaScript, and concrete examples of wildcard entries. */
const ATTW = {
  '@onward/widgets': ['--exclude-entrypoints', './onward.css', './custom-elements.json'],
  '@onward/schemas': [
    '--include-entrypoints',
    './validate/outcomes.v2',
    './locales/cy.js',
    './outcomes/outcomes.v2.schema.js',
  ],
};

/** The file names inside a .tgz (a tar of 512-byte blocks; names are in the ustar header). */
export function tarEntries(tgz) {
  const tar = gunzipSync(readFileSync(tgz));
  const out = [];
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const str = (a, b) => header.subarray(a, b).toString('utf8').replace(/\0.*$/s, '');
    const name = (str(345, 500) ? `${str(345, 500)}/` : '') + str(0, 100);
    const size = Number.parseInt(str(124, 136).trim() || '0', 8);
    out.push({ name: name.replace(/^package\//, ''), size, data: tar.subarray(off + 512, off + 512 + size) });
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function withoutSource(v) {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k !== 'source')
      .map(([k, x]) => [k, withoutSource(x)]),
  );
}

/** Our rules for one package; returns problems as sentences. */
export function manifestProblems(manifest, entries, licence) {
  const problems = [];
  const name = manifest.name;
  const files = new Map(entries.map((e) => [e.name, e]));
  const published = JSON.parse(files.get('package.json')?.data.toString('utf8') ?? '{}');
  if (manifest.license !== 'MIT') problems.push(`${name}: "license" should be "MIT".`);
  if (!files.has('LICENSE'))
    problems.push(`${name}: the tarball has no LICENSE; copy the root LICENSE beside its package.json.`);
  else if (files.get('LICENSE').data.toString('utf8') !== licence)
    problems.push(`${name}: its LICENSE differs from the root LICENSE.`);
  if (!files.has('README.md')) problems.push(`${name}: the tarball has no README.md.`);
  for (const f of files.keys()) {
    if (f.endsWith('.map')) problems.push(`${name}: ships a source map (${f}); published builds have none.`);
    if (/\.tsx?$/.test(f) && !f.endsWith('.d.ts')) problems.push(`${name}: ships TypeScript source (${f}).`);
  }
  // Every relative import in a shipped module points at a shipped file (a file left out of "files" breaks it).
  for (const [f, e] of files) {
    if (!/\.(m?js|d\.ts)$/.test(f)) continue;
    const text = e.data.toString('utf8');
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = posix.normalize(posix.join(posix.dirname(f), m[1]));
      const candidates = f.endsWith('.d.ts') ? [target, target.replace(/\.js$/, '.d.ts'), `${target}.d.ts`] : [target];
      if (!candidates.some((c) => files.has(c)))
        problems.push(`${name}: ${f} imports ${m[1]}, which is not in the tarball.`);
    }
  }
  const expected = withoutSource(manifest.exports);
  if (JSON.stringify(manifest.publishConfig?.exports) !== JSON.stringify(expected))
    problems.push(
      `${name}: publishConfig.exports must be "exports" without the "source" conditions (pnpm publishes it): ${JSON.stringify(expected)}`,
    );
  if (JSON.stringify(published.exports) !== JSON.stringify(expected))
    problems.push(`${name}: the packed package.json has different exports from publishConfig.exports.`);
  for (const [sub, target] of Object.entries(published.exports ?? {})) {
    const js = typeof target === 'string' ? /\.js$/.test(target) : !!target.default && /\.js$/.test(target.default);
    if (js && (typeof target === 'string' || !target.types))
      problems.push(`${name}: export "${sub}" has no "types" condition (list it first).`);
  }
  for (const dep of PEERS_ONLY)
    if (manifest.dependencies?.[dep]) problems.push(`${name}: ${dep} is a dependency; make it a peerDependency.`);
  for (const dep of Object.keys(manifest.peerDependencies ?? {}))
    if (!manifest.devDependencies?.[dep])
      problems.push(`${name}: peer ${dep} should also be in devDependencies, for the workspace.`);
  for (const [dep, range] of Object.entries(published.dependencies ?? {}))
    if (String(range).startsWith('workspace:')) problems.push(`${name}: packed with ${dep}@${range}.`);
  return problems;
}

async function pool(items, n, fn) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    }),
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dest = mkdtempSync(join(tmpdir(), 'onward-pack-'));
  const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
  const problems = [];
  try {
    const packed = packAll(dest);
    const rows = [];
    for (const p of packed) {
      const entries = tarEntries(p.tarball);
      problems.push(...manifestProblems(p.manifest, entries, licence));
      const unpacked = entries.reduce((n, e) => n + e.size, 0);
      rows.push([p.name, readFileSync(p.tarball).length, unpacked, entries.length]);
    }
    const results = await pool(packed, 2, async (p) => {
      const out = [];
      for (const [tool, args] of [
        ['publint', ['run', p.tarball, '--strict']],
        ['attw', [p.tarball, '--profile', 'esm-only', '--format', 'ascii', ...(ATTW[p.name] ?? [])]],
      ]) {
        try {
          await run(bin(tool), args, { cwd: root, maxBuffer: 16 << 20, env: { ...process.env, FORCE_COLOR: '0' } });
          out.push(`ok   ${tool.padEnd(8)} ${p.name}`);
        } catch (e) {
          problems.push(`${p.name}: ${tool} found problems:\n${e.stdout}${e.stderr}`);
          out.push(`FAIL ${tool.padEnd(8)} ${p.name}`);
        }
      }
      return out;
    });
    console.log(results.flat().join('\n'));
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log('\n| Package | Tarball (gzipped) | Unpacked | Files |\n| --- | ---: | ---: | ---: |');
    for (const [n, t, u, f] of rows) console.log(`| ${n} | ${kb(t)} | ${kb(u)} | ${f} |`);
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(`\nPackage check FAILED:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nPackage check passed: publint, arethetypeswrong and our packaging rules, for every package.');
}
