import { defineConfig } from 'vitest/config';

// Two kinds of test:
//  - unit: Node (engine, server, pdf, cli) and happy-dom (widgets, dashboard), against the source through the
//    "source" export condition, so no build is needed first.
//  - browser: real Chromium driven by playwright-core, against built output; run by scripts/test.mjs after a build.
const source = {
  conditions: ['source'],
  alias: { '#test-support': new URL('./test/support', import.meta.url).pathname },
};
const jsx = { jsx: 'automatic' as const, jsxImportSource: 'preact' };

export default defineConfig({
  resolve: source,
  esbuild: jsx,
  test: {
    projects: [
      {
        resolve: source,
        esbuild: jsx,
        test: {
          name: 'unit',
          include: ['packages/{engine,server,pdf,cli}/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
          exclude: ['**/browser/**', '**/node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        resolve: source,
        esbuild: jsx,
        test: {
          name: 'dom',
          include: ['packages/{widgets,dashboard}/test/**/*.test.{ts,tsx}'],
          exclude: ['**/browser/**', '**/node_modules/**'],
          environment: 'happy-dom',
          testTimeout: 20_000,
        },
      },
      {
        resolve: source,
        esbuild: jsx,
        test: {
          name: 'browser',
          include: ['packages/*/test/browser/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
