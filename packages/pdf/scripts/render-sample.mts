// Render the sample plan and agreement to PDF files (for the reference PNGs in docs/pdf-reference and for looking).
// Run with: pnpm --filter @onward/pdf sample  (bundled by esbuild with the `source` condition, so no build is needed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { allShippedWording, shippedWording } from '@onward/engine';
import { renderAgreementPdf, renderPlanPdf } from '../src/index.js';
import { sampleAgreement } from '../test/fixtures/sample-agreement.js';
import { samplePlan } from '../test/fixtures/sample-plan.js';

const out = process.argv[2] ?? 'sample-output';
mkdirSync(out, { recursive: true });
const createdAt = new Date('2026-02-02T10:00:00Z');
const council = { name: 'Riverside Council' };
writeFileSync(
  `${out}/plan.pdf`,
  await renderPlanPdf(samplePlan(), { wording: shippedWording(), council, createdAt, status: 'Authorised' }),
);
writeFileSync(
  `${out}/plan-cy.pdf`,
  await renderPlanPdf(samplePlan(), {
    wording: allShippedWording(),
    council: { name: 'Cyngor Glan-yr-Afon' },
    createdAt,
    locale: 'cy',
    status: 'Awdurdodwyd',
  }),
);
writeFileSync(
  `${out}/agreement-staff.pdf`,
  await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'staff' }),
);
writeFileSync(
  `${out}/agreement-young-person.pdf`,
  await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'young-person' }),
);
console.log(`Wrote ${out}/plan.pdf, plan-cy.pdf, agreement-staff.pdf, agreement-young-person.pdf`);
