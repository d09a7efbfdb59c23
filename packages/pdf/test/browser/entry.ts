// The page the browser test loads: a "Download PDF" handler that imports the BUILT renderer on demand. Bundled by
// esbuild in the test; left out of `tsc` (tsconfig exclude) because ../../dist exists only after a build.
import { allShippedWording } from '@onward/engine';
import { sampleAgreement } from '../fixtures/sample-agreement.js';
import { samplePlan } from '../fixtures/sample-plan.js';

const createdAt = new Date('2026-02-02T10:00:00Z');
const council = { name: 'Riverside Council' };

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

declare global {
  interface Window {
    onwardRender(): Promise<{ plan: string; planCy: string; agreement: string }>;
  }
}

window.onwardRender = async () => {
  const { renderPlanPdf, renderAgreementPdf } = await import('../../dist/index.js');
  const wording = allShippedWording();
  return {
    plan: toBase64(await renderPlanPdf(samplePlan(), { wording, council, createdAt, status: 'Authorised' })),
    planCy: toBase64(await renderPlanPdf(samplePlan(), { wording, council, createdAt, locale: 'cy' })),
    agreement: toBase64(await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'young-person' })),
  };
};
