// Creating a jspdf document: jspdf and the font are loaded on demand (dynamic import), so a page that offers
// "Download PDF" carries neither until the button is pressed. Also the settings that make output deterministic.
import type { jsPDF } from 'jspdf';
import { xmp } from './tags.js';
import { FONT } from './writer.js';

export interface Loaded {
  readonly doc: jsPDF;
  readonly coverage: readonly number[];
}

type JsPdfClass = typeof jsPDF & { readonly API: { readonly TTFFont: { open(file: Uint8Array): ParsedFont } } };
type JsPdfModule = { jsPDF?: JsPdfClass; default?: JsPdfClass | { jsPDF?: JsPdfClass } };

/** jspdf's parsed TrueType font (its TTFFont). Only what Onward reads is typed. */
export interface ParsedFont {
  readonly head: { readonly unitsPerEm: number };
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
}

interface Faces {
  readonly JsPDF: JsPdfClass;
  readonly regular: ParsedFont;
  readonly bold: ParsedFont;
  readonly coverage: readonly number[];
}

/**
 * jspdf, its class and both font faces, loaded and parsed once per process (per page in a browser). jspdf parses a
 * TrueType font each time `addFont` is called; that was most of the first call's cost and a steady part of every
 * later one. The parsed font is read-only after parsing except for three things jspdf records per document (the
 * glyphs used, their widths and the ToUnicode map), so each document gets a thin view of the shared font with those
 * three of its own: see `fontForDocument`.
 */
let faces: Promise<Faces> | undefined;

function loadFaces(): Promise<Faces> {
  faces ??= Promise.all([
    import('jspdf') as unknown as Promise<JsPdfModule>,
    import('../fonts/onward-sans.generated.js'),
  ]).then(([mod, fonts]) => {
    // jspdf's Node build is CommonJS: its class arrives as a named export or on the default export.
    const def = mod.default;
    const JsPDF = mod.jsPDF ?? (typeof def === 'function' ? def : def?.jsPDF);
    if (!JsPDF) throw new Error('Could not load jspdf: it has no jsPDF export.');
    const parse = (b64: string): ParsedFont => JsPDF.API.TTFFont.open(base64Bytes(b64));
    return {
      JsPDF,
      regular: parse(fonts.onwardSansRegular),
      bold: parse(fonts.onwardSansBold),
      coverage: fonts.onwardSansCoverage,
    };
  });
  // A failed load (a chunk that did not arrive) is tried again next time rather than remembered.
  faces.catch(() => {
    faces = undefined;
  });
  return faces;
}

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The shared parsed font as one document sees it: a shallow copy (same class, its own fields pointing at the shared,
 * read-only tables; jspdf checks some with `hasOwnProperty`), with the per-document records jspdf keeps set up empty,
 * exactly as its own `addFont` leaves a freshly parsed font.
 */
function fontForDocument(parsed: ParsedFont): ParsedFont {
  return Object.assign(Object.create(Object.getPrototypeOf(parsed)) as ParsedFont, parsed, {
    toUnicode: {},
    Unicode: { encoding: {}, kerning: {}, widths: [] },
    glyIdsUsed: [0],
  });
}

type Topics = Record<string, Record<string, [(data: { font: { metadata: unknown } }) => void, boolean]>>;

/** Load jspdf and the embedded font (once), and start an A4 document with the font registered. */
export async function createDocument(): Promise<Loaded> {
  const { JsPDF, regular, bold, coverage } = await loadFaces();
  const doc = new JsPDF({ unit: 'pt', format: 'a4', orientation: 'portrait', compress: true, putOnlyUsedFonts: true });
  // Register both faces without jspdf parsing them again: for these two calls the document's "addFont" listeners
  // (jspdf's TrueType loader and its standard-font metrics) are replaced by one that hands over the parsed font.
  const topics = (doc.internal.events as unknown as { getTopics(): Topics }).getTopics();
  const listeners = topics.addFont;
  let next: ParsedFont = regular;
  topics.addFont = {
    onward: [
      (data) => {
        data.font.metadata = fontForDocument(next);
      },
      false,
    ],
  };
  try {
    doc.addFont('OnwardSans-Regular.ttf', FONT, 'normal', 'Identity-H');
    next = bold;
    doc.addFont('OnwardSans-Bold.ttf', FONT, 'bold', 'Identity-H');
  } finally {
    if (listeners) topics.addFont = listeners;
    else delete topics.addFont;
  }
  doc.setFont(FONT, 'normal');
  return { doc, coverage };
}

export interface Metadata {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly language: string;
  readonly createdAt: Date;
  /** Everything the document was made from; its hash becomes the PDF file id. */
  readonly identity: string;
}

/** Languages jspdf's setLanguage accepts that Onward uses; others fall back to their base language or English. */
const PDF_LANGUAGES = new Set(['en-GB', 'en', 'cy', 'ar', 'fa', 'ur', 'so', 'pl', 'ro', 'fr', 'es', 'pt', 'de', 'it']);

/**
 * Title, author, subject, language and creation date, and a file id derived from the content, so that the same
 * input gives byte-identical output (jspdf otherwise picks a random id and the current time).
 */
export function setMetadata(doc: jsPDF, meta: Metadata): void {
  doc.setDocumentProperties({
    title: meta.title,
    subject: meta.subject,
    author: meta.author,
    creator: 'Onward',
    keywords: '',
  });
  const base = meta.language.split('-')[0] ?? 'en';
  const lang = PDF_LANGUAGES.has(meta.language) ? meta.language : PDF_LANGUAGES.has(base) ? base : 'en-GB';
  (doc as unknown as { setLanguage(code: string): void }).setLanguage(lang);
  // Viewers show the document's title rather than its file name (as PDF/UA asks).
  doc.viewerPreferences({ DisplayDocTitle: true });
  doc.setCreationDate(pdfDate(meta.createdAt));
  doc.setFileId(fileId(meta.identity));
  // XMP metadata: the same title, author, subject and language, and the PDF/UA-1 identifier.
  (doc as unknown as { addMetadata(xml: string, raw: boolean): void }).addMetadata(
    xmp({
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      language: lang,
      created: meta.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
    true,
  );
}

/** A PDF date string in UTC: D:YYYYMMDDHHmmSS+00'00'. jspdf only accepts years 1970-2037. */
export function pdfDate(d: Date): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new TypeError('options.createdAt must be a valid Date.');
  const y = d.getUTCFullYear();
  if (y < 1970 || y > 2037) throw new RangeError(`options.createdAt must be between 1970 and 2037 (got ${y}).`);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `D:${y}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

/** A 128-bit hex id from a string (four FNV-1a variants; an identifier, not a security measure). */
export function fileId(input: string): string {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  return seeds
    .map((seed, k) => {
      let h = seed >>> 0;
      for (let i = 0; i < input.length; i++) {
        h ^= input.charCodeAt(i) + k;
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      return h.toString(16).padStart(8, '0');
    })
    .join('')
    .toUpperCase();
}

/** The finished document as bytes. */
export function toBytes(doc: jsPDF): Uint8Array {
  return new Uint8Array(doc.output('arraybuffer'));
}
