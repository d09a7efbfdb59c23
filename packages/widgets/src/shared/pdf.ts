// The PDF renderer is injected by the host (widgets may not import @onward/pdf: the one-way rule), and loaded only
// when someone asks for a PDF, so PDF code is never part of a widget's first load. Shapes match @onward/pdf.
import type { LivingTogetherAgreement, PathwayPlan, Variant, Wording } from '@onward/engine';

export interface PdfRenderer {
  renderPlanPdf?(
    plan: PathwayPlan,
    options: {
      wording: Wording;
      locale?: string;
      variant?: Variant;
      council: { name: string };
      createdAt: Date;
      status?: string;
    },
  ): Promise<Uint8Array>;
  renderAgreementPdf?(
    agreement: LivingTogetherAgreement,
    options: { council: { name: string }; createdAt: Date; locale?: string; viewer?: 'young-person' | 'staff' },
  ): Promise<Uint8Array>;
}

/** e.g. a function that dynamically imports the @onward/pdf package, or a function fetching a PDF from the server and wrapping it. */
export type LoadPdfRenderer = () => Promise<PdfRenderer>;

/** Offer bytes as a file download (a blob: URL, which a strict CSP allows for downloads). */
export function downloadBytes(bytes: Uint8Array, filename: string): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
