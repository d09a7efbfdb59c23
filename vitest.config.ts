import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Three kinds of test:
//  - unit: Node (engine, server, pdf, cli), and dom: happy-dom (widgets, dashboard). Both run against the SOURCE
//    of our packages through the "source" export condition (exports["."].source → src/index.ts), so no build is
//    needed first and a test never runs against a stale dist/. Node tests resolve through Vite's SSR conditions,
//    DOM tests through the client ones: "source" is put first in both.
//  - browser: real Chromium driven by playwright-core, against built output; scripts/test.mjs builds first. It holds
//    the outside-project consumer test too (test/consumer: packed packages installed with npm in a temp folder).
const alias = { '#test-support': new URL('./test/support', import.meta.url).pathname };
const resolve = { conditions: ['source', ...defaultClientConditions], alias };
const ssr = { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } };
const jsx = { jsx: 'automatic' as const, jsxImportSource: 'preact' };
const shared = { resolve, ssr, esbuild: jsx };
// DOM tests: "source" alone, like Node's own resolution of the packages vitest leaves external, so that Preact
// is one copy whether a widget or @testing-library/preact imports it (two copies break hooks).
const dom = { resolve: { conditions: ['source'], alias }, ssr, esbuild: jsx };

export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['packages/{engine,server,pdf,cli}/test/**/*.test.ts'],
          exclude: ['**/browser/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        ...dom,
        test: {
          name: 'dom',
          include: ['packages/{widgets,dashboard}/test/**/*.test.{ts,tsx}'],
          exclude: ['**/browser/**', '**/node_modules/**'],
          environment: 'happy-dom',
          testTimeout: 20_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'browser',
          include: [
            'packages/*/test/browser/**/*.test.{ts,tsx}',
            'e2e/**/*.test.ts',
            'examples/*/test/**/*.test.ts',
            'test/consumer/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
