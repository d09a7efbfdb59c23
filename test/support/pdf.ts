// Shared support for PDF tests: poppler-utils' pdftotext/pdfinfo/pdftoppm, a real PDF parser.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function has(cmd: string): boolean {
  try {
    execFileSync(cmd, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
export const hasPoppler = has('pdftotext');
if (!hasPoppler)
  console.warn(
    '\n*** SKIPPING PDF parsing tests: pdftotext not found. Install it: apt-get install -y poppler-utils ***\n',
  );

function tmpPdf(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'onward-pdf-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, bytes);
  return file;
}

/** The text of a PDF as pdftotext reads it (layout kept), pages separated by form feeds. */
export function pdfText(bytes: Uint8Array, args: string[] = ['-layout']): string {
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', tmpPdf(bytes), '-'], { encoding: 'utf8' });
}

/** pdfinfo's fields (Title, Author, Pages, Page size, …). */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = execFileSync('pdfinfo', [tmpPdf(bytes)], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** Word bounding boxes from pdftotext -bbox, per page, in PDF points. */
export function pdfWordBoxes(bytes: Uint8Array): {
  page: number;
  width: number;
  height: number;
  words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
}[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', tmpPdf(bytes), '-'], { encoding: 'utf8' });
  const pages: ReturnType<typeof pdfWordBoxes> = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/word>/g;
  for (let m = pageRe.exec(html), i = 1; m; m = pageRe.exec(html), i++) {
    const words = [];
    for (let w = wordRe.exec(m[3] ?? ''); w; w = wordRe.exec(m[3] ?? ''))
      words.push({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: (w[5] ?? '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      });
    pages.push({ page: i, width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}
