// Storybook for the Onward widgets and the dashboard: every widget in every state. `pnpm storybook` runs it; CI builds it statically.
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/preact-vite';

const src = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

const config: StorybookConfig = {
  stories: ['../*.stories.tsx'],
  framework: { name: '@storybook/preact-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
    // Resolve our packages to their TypeScript source (the "source" export condition), so stories need no build.
    vite.resolve ??= {};
    vite.resolve.conditions = ['source', 'module', 'browser', 'development|production'];
    // The stories live outside any package, so point our package names at their sources.
    vite.resolve.alias = [
      ...(Array.isArray(vite.resolve.alias) ? vite.resolve.alias : []),
      { find: /^@onward\/widgets$/, replacement: src('packages/widgets/src/index.ts') },
      { find: /^@onward\/engine$/, replacement: src('packages/engine/src/index.ts') },
      { find: /^@onward\/dashboard$/, replacement: src('packages/dashboard/src/index.ts') },
    ];
    // Preact's JSX runtime for the stories' own JSX.
    vite.esbuild = { ...(vite.esbuild || {}), jsx: 'automatic', jsxImportSource: 'preact' };
    vite.build ??= {};
    vite.build.chunkSizeWarningLimit = 4000;
    vite.logLevel = 'warn';
    return vite;
  },
};
export default config;
