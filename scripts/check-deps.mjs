#!/usr/bin/env node
// The one-way dependency rule (docs/architecture.md): which of our packages each package may import.
// Checks both package.json dependencies and the import specifiers in src/, and forbids reaching into another
// package's files by relative path.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** package → the @onward packages it may depend on. */
export const ALLOWED = {
  '@onward/schemas': [],
  '@onward/engine': ['@onward/schemas'],
  '@onward/widgets': ['@onward/engine'],
  '@onward/pdf': ['@onward/engine'],
  '@onward/dashboard': ['@onward/engine'],
  '@onward/server': ['@onward/engine'],
  '@onward/cli': ['@onward/engine', '@onward/dashboard', '@onward/pdf', '@onward/server'],
};

const problems = [];
function walk(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(n)) out.push(p);
  }
  return out;
}

for (const d of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', d);
  if (!existsSync(join(dir, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const allowed = ALLOWED[pkg.name];
  if (!allowed) {
    problems.push(
      `${pkg.name}: not in the dependency rule table (scripts/check-deps.mjs); add it with what it may use.`,
    );
    continue;
  }
  const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }).filter((n) =>
    n.startsWith('@onward/'),
  );
  for (const n of declared)
    if (!allowed.includes(n)) problems.push(`${pkg.name} depends on ${n}, which the one-way rule does not allow.`);
  for (const file of walk(join(dir, 'src'))) {
    // Comments and template literals (docs generators hold example code) are left out of the scan.
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/`(?:\\.|[^`\\])*`/g, '``');
    for (const m of text.matchAll(
      /^\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
    )) {
      const spec = m[1] ?? m[2] ?? m[3];
      const rel = relative(root, file);
      if (spec.startsWith('@onward/')) {
        const name = spec.split('/').slice(0, 2).join('/');
        if (!allowed.includes(name))
          problems.push(
            `${rel}: imports ${spec}; ${pkg.name} may import only ${allowed.join(', ') || 'none of ours'}.`,
          );
        if (/\/src(\/|$)/.test(spec))
          problems.push(`${rel}: imports ${spec}: use the package name, not a path into its src/.`);
      } else if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(dir + '/'))
          problems.push(`${rel}: imports ${spec}, outside its own package. Use the package name.`);
      }
    }
  }
  if (pkg.name === '@onward/engine') {
    const tsconfig = readFileSync(join(dir, 'tsconfig.json'), 'utf8');
    if (/"DOM/.test(tsconfig)) problems.push('packages/engine/tsconfig.json: the engine must not have the DOM lib.');
  }
}

if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log('Dependency rule holds: every package imports only what docs/architecture.md allows.');
