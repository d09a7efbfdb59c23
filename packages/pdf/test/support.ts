// Helpers shared by this package's tests: text as a reader meets it, and an in-order search.
import { decodePdfString, pdfText } from '#test-support/pdf.js';

/** Compare text as read: Arabic presentation forms folded to letters (NFKC), bidi controls dropped, spaces collapsed. */
export function norm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The PDF's text in the order it is drawn (pdftotext -raw: content-stream order), normalised. */
export function readText(bytes: Uint8Array): string {
  return norm(pdfText(bytes, ['-raw']));
}

/**
 * Find each expected piece in order; returns the pieces that are missing or out of order (empty when all are found
 * in order). Each search starts after the previous find.
 */
export function missingInOrder(text: string, pieces: readonly string[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(norm(piece), from);
    if (at < 0) missing.push(text.includes(norm(piece)) ? `(out of order) ${piece}` : piece);
    else from = at + norm(piece).length;
  }
  return missing;
}

/** The PDF's text as a reader's tool reads it (pdftotext's own reading order, which puts right-to-left runs in
 * logical order), normalised. */
export function readingText(bytes: Uint8Array): string {
  return norm(pdfText(bytes, []));
}

/** The PDF's objects as written (dictionaries are not compressed), by object number. */
function objects(bytes: Uint8Array): Map<number, string> {
  const raw = Buffer.from(bytes).toString('latin1');
  const out = new Map<number, string>();
  for (const m of raw.matchAll(/(?:^|\n)(\d+) 0 obj\s*([\s\S]*?)\s*endobj/g)) out.set(Number(m[1]), m[2] ?? '');
  return out;
}

/** The document catalogue's dictionary. */
export function catalog(bytes: Uint8Array): string {
  return [...objects(bytes).values()].find((b) => /\/Type \/Catalog/.test(b)) ?? '';
}

/** Each structure element that carries ActualText: its type and the text (decoded). */
export function actualTexts(bytes: Uint8Array): { role: string; text: string }[] {
  return [...objects(bytes).values()].flatMap((body) => {
    const at = /\/ActualText (<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\))/.exec(body);
    const role = /\/S \/(\w+)/.exec(body)?.[1];
    return at?.[1] && role ? [{ role, text: decodePdfString(at[1]) }] : [];
  });
}
