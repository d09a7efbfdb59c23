// @onward/widgets public API. This file only re-exports; test/exports.test.ts pins the list.
// Preact components and their stores:

export * from './agreement/agreement.js';
export * from './agreement/agreement.store.js';
export * from './check-in/check-in.js';
export * from './check-in/check-in.store.js';
export * from './checklist/checklist.js';
export * from './checklist/checklist.store.js';
// Custom elements (registered by `defineOnwardElements()`, or by loading dist/onward-elements.js):
export * from './elements/register.js';
export * from './i18n/index.js';
export * from './plan/plan.js';
export * from './plan/plan.store.js';
export * from './shared/autosave.js';
export * from './shared/events.js';
export type { LoadPdfRenderer, PdfRenderer } from './shared/pdf.js';
// Storage, events, wording, styles, PDF injection:
export * from './shared/storage.js';
export { baseCss } from './styles/base.css.js';
