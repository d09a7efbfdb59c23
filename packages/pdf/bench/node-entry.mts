// What the Node benchmark runs: the BUILT renderer (../dist) on the sample plan and agreement.
import { shippedWording } from '@onward/engine';
import { renderAgreementPdf, renderPlanPdf } from '../dist/index.js';
import { sampleAgreement } from '../test/fixtures/sample-agreement.js';
import { samplePlan } from '../test/fixtures/sample-plan.js';

const council = { name: 'Riverside Council' };
const createdAt = new Date('2026-02-02T10:00:00Z');
const wording = shippedWording();
const plan = samplePlan();
const agreement = sampleAgreement();

export const renderPlan = (): Promise<Uint8Array> =>
  renderPlanPdf(plan, { wording, council, createdAt, status: 'Authorised' });
export const renderAgreement = (): Promise<Uint8Array> => renderAgreementPdf(agreement, { council, createdAt });
export const answered = Object.values(
  plan.checklist.answers as Record<string, Record<string, { note?: string }>>,
).flatMap((d) => Object.values(d));
