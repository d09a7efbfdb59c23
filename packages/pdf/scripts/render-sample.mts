// Render the sample plan and agreement to PDF files (for the reference PNGs in docs/pdf-reference and for looking).
// Run with: pnpm --filter @onward/pdf sample  (bundled by esbuild with the `source` condition, so no build is needed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { allShippedWording, shippedWording } from '@onward/engine';
import { renderAgreementPdf, renderPlanPdf } from '../src/index.js';
import { sampleAgreement } from '../test/fixtures/sample-agreement.js';
import { samplePlan, WELSH_TEST_SENTENCE } from '../test/fixtures/sample-plan.js';

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
// A young person's words in Arabic (shaped and ordered right to left by jspdf) with the Welsh test sentence.
const base = samplePlan();
writeFileSync(
  `${out}/plan-arabic-note.pdf`,
  await renderPlanPdf(
    {
      ...base,
      views: {
        ...base.views,
        youngPerson: `أنا من حلب. أريد أن أدرس التمريض في الكلية، وأن يكون لي بيت خاص بي. ${WELSH_TEST_SENTENCE}`,
      },
    },
    { wording: shippedWording(), council, createdAt, status: 'Authorised' },
  ),
);
console.log(
  `Wrote ${out}/plan.pdf, plan-cy.pdf, agreement-staff.pdf, agreement-young-person.pdf, plan-arabic-note.pdf`,
);
