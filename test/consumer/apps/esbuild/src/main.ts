// Every element, and a PDF made in the page: window.onwardPdf() resolves to the PDF's first bytes.
import { allShippedWording, type PathwayPlan } from '@onward/engine';
import { renderPlanPdf } from '@onward/pdf';
import { defineOnwardElements } from '@onward/widgets';

defineOnwardElements();

declare global {
  interface Window {
    onwardPdf(plan: PathwayPlan): Promise<string>;
  }
}

window.onwardPdf = async (plan) => {
  const bytes = await renderPlanPdf(plan, {
    wording: allShippedWording(),
    council: { name: 'Riverside Council' },
    createdAt: new Date('2026-03-02T10:00:00Z'),
  });
  return String.fromCharCode(...bytes.subarray(0, 8));
};
