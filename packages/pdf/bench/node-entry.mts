// What the Node benchmark runs: the BUILT renderer (../dist) on the sample plan and agreement, and the floor it is
// compared with: plain jspdf, used as its documentation shows (a new document, the font added to it, text drawn),
// drawing exactly the same lines at the same places with everything already laid out.
import { shippedWording } from '@onward/engine';
import type { jsPDF as JsPDF } from 'jspdf';
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

type JsPdfModule = { jsPDF?: typeof JsPDF; default?: typeof JsPDF | { jsPDF?: typeof JsPDF } };

async function loadJspdf(): Promise<typeof JsPDF> {
  const mod = (await import('jspdf')) as unknown as JsPdfModule;
  const def = mod.default;
  const found = mod.jsPDF ?? (typeof def === 'function' ? def : def?.jsPDF);
  if (!found) throw new Error('no jsPDF export');
  return found;
}

/** The drawing calls a finished layout comes down to; the floor makes the same calls in the same order. */
const DRAWING = [
  'addPage',
  'setPage',
  'setFont',
  'setFontSize',
  'setTextColor',
  'setFillColor',
  'setDrawColor',
  'setLineWidth',
  'text',
  'rect',
  'line',
] as const;

/** One drawing call as the renderer made it: the method and its arguments (text as passed in, before shaping). */
export type Call = readonly [(typeof DRAWING)[number], ...unknown[]];

export interface Recording {
  readonly calls: readonly Call[];
  readonly pages: number;
  readonly lines: number;
}

type Listener = [string, (this: JsPDF) => void];

/** Render once, recording every drawing call the renderer makes on its document, for the floor to replay. */
export async function record(render: () => Promise<Uint8Array>): Promise<Recording> {
  const calls: Call[] = [];
  const listener: Listener = [
    'initialized',
    function (this: JsPDF) {
      const doc = this as unknown as Record<string, (...args: unknown[]) => unknown>;
      let depth = 0;
      for (const name of DRAWING) {
        const original = doc[name];
        if (typeof original !== 'function') continue;
        doc[name] = function (this: unknown, ...args: unknown[]) {
          // Only the renderer's own calls, not jspdf's calls to itself.
          if (depth === 0) calls.push([name, ...structuredClone(args)]);
          depth++;
          try {
            return original.apply(this, args);
          } finally {
            depth--;
          }
        };
      }
    },
  ];
  const api = ((await loadJspdf()) as unknown as { API: { events: Listener[] } }).API;
  api.events.push(listener);
  try {
    await render();
  } finally {
    api.events.splice(api.events.indexOf(listener), 1);
  }
  return {
    calls,
    pages: 1 + calls.filter((c) => c[0] === 'addPage').length,
    lines: calls.filter((c) => c[0] === 'text').length,
  };
}

type Fonts = { readonly onwardSansRegular: string; readonly onwardSansBold: string };

/** The floor, loading jspdf and the font as the renderer does (on demand), then drawing. */
export async function plainJspdfLoaded(recording: Recording): Promise<Uint8Array> {
  const [jsPDF, fonts] = await Promise.all([loadJspdf(), import('../src/fonts/onward-sans.generated.js')]);
  return plainJspdf(jsPDF, fonts, recording);
}

/** The floor: plain jspdf making the recorded drawing calls (same font, sizes, colours, places), then the bytes. */
export function plainJspdf(jsPDF: typeof JsPDF, fonts: Fonts, recording: Recording): Uint8Array {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  doc.addFileToVFS('OnwardSans-Regular.ttf', fonts.onwardSansRegular);
  doc.addFont('OnwardSans-Regular.ttf', 'OnwardSans', 'normal', 'Identity-H');
  doc.addFileToVFS('OnwardSans-Bold.ttf', fonts.onwardSansBold);
  doc.addFont('OnwardSans-Bold.ttf', 'OnwardSans', 'bold', 'Identity-H');
  const d = doc as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, ...args] of recording.calls) d[name]?.(...args);
  return new Uint8Array(doc.output('arraybuffer'));
}
