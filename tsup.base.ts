// The one tsup base config every package extends. ESM + type declarations, ES2022, source maps.
import type { Options } from 'tsup';

export function baseConfig(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    ...overrides,
  };
}
