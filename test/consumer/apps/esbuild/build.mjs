// A plain esbuild app: two bundles for browsers, minified, no plugins.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
// A checklist-only bundle, one file, for the size comparison in docs/size.md.
await build({
  entryPoints: ['src/checklist.ts'],
  outfile: 'dist/checklist.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
