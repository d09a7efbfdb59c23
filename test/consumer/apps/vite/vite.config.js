// A plain Vite app: no plugins. Three pages; JSX for Preact through Vite's own esbuild options.
// `vite build --mode checklist` builds the checklist page alone (dist-checklist/), for the size comparison in
// docs/size.md: in a multi-page build, pages share chunks, so one page's first load holds code the others use.
import { defineConfig } from 'vite';

export default defineConfig(({ mode }) => ({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    manifest: true,
    outDir: mode === 'checklist' ? 'dist-checklist' : 'dist',
    // ExcelJS (about 900 KB, loaded only when someone downloads a spreadsheet) is the one chunk over Vite's 500 KB.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      input:
        mode === 'checklist'
          ? { index: 'index.html' }
          : { index: 'index.html', preact: 'preact.html', all: 'all.html' },
    },
  },
}));
