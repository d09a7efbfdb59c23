// Run a TypeScript script of this package: bundle it with esbuild (resolving @onward/* to their sources through the
// `source` export condition), then run the bundle with node. Usage: node scripts/run-ts.mjs <file.mts> [args…]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('Usage: node scripts/run-ts.mjs <file.mts> [args…]');
// Inside the package, so that the bundle's `import 'jspdf'` resolves to this package's dependency.
const cache = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'run-ts');
mkdirSync(cache, { recursive: true });
const outfile = join(cache, `run-${process.pid}.mjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  outfile,
  logLevel: 'warning',
  // jspdf stays a real package import so Node loads its Node build.
  external: ['jspdf'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
