// @onward/pdf public API. This file only re-exports; test/exports.test.ts pins the list.

export { type AgreementPdfOptions, renderAgreementPdf } from './agreement-pdf.js';
export { type PlanPdfOptions, renderPlanPdf } from './plan-pdf.js';
