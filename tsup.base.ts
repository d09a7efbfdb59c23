// The one tsup base config every package extends: ESM + type declarations, ES2022.
// No source maps: the published files are readable, unminified ES modules, and maps were most of each tarball.
import type { Options } from 'tsup';

export function baseConfig(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'es2022',
    dts: true,
    sourcemap: false,
    clean: true,
    splitting: true,
    treeshake: true,
    ...overrides,
  };
}

/**
 * One output file per source module (`src/a/b.ts` → `dist/a/b.js`), imports kept as written, and one bundled
 * `index.d.ts`. An app's bundler then leaves out, module by module, what it does not use (a single bundled file
 * kept every precompiled validator in a checklist-only bundle).
 */
export function perModuleConfig(overrides: Options = {}): Options {
  return baseConfig({
    entry: ['src/**/*.ts', 'src/**/*.tsx', '!src/**/*.test.*'],
    bundle: false,
    splitting: false,
    treeshake: false,
    dts: { entry: 'src/index.ts' },
    ...overrides,
  });
}
