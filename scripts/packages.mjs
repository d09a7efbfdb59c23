// The packages Onward publishes to npm, and packing them as npm would receive them (`pnpm pack`: `workspace:`
// ranges become versions, `publishConfig` replaces `exports`). Used by scripts/check-packages.mjs and by the
// outside-project consumer test (test/consumer/).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every package that is not private: `schemas/` and `packages/*`, with its folder and manifest. */
export function publishedPackages() {
  const dirs = ['schemas', ...readdirSync(join(root, 'packages')).map((d) => join('packages', d))];
  const out = [];
  for (const rel of dirs) {
    const file = join(root, rel, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (manifest.private) continue;
    out.push({ name: manifest.name, dir: join(root, rel), rel, manifest });
  }
  return out;
}

/** `@onward/engine` 0.1.0 → `onward-engine-0.1.0.tgz`, the name `pnpm pack` gives. */
export function tarballName(manifest) {
  return `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
}

/** Pack every published package into `dest`; needs the packages built (`pnpm build`). */
export function packAll(dest) {
  mkdirSync(dest, { recursive: true });
  return publishedPackages().map((p) => {
    execFileSync('pnpm', ['pack', '--pack-destination', dest], { cwd: p.dir, stdio: 'pipe' });
    const tarball = join(dest, tarballName(p.manifest));
    if (!existsSync(tarball)) throw new Error(`pnpm pack did not write ${tarball}`);
    return { ...p, tarball };
  });
}
