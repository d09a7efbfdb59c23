// A widget's first bundle as the browser benchmark sees it: the widget already uses @onward/engine; its
// "Download PDF" handler loads @onward/pdf (and with it jspdf and the font) only when pressed.
import { validatePlan } from '@onward/engine';

export async function downloadPlanPdf(plan, options) {
  const checked = validatePlan(plan);
  if (!checked.ok) return undefined;
  const { renderPlanPdf } = await import('../dist/index.js');
  return renderPlanPdf(plan, options);
}
