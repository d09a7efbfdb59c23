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

/** One element of a tagged PDF's structure tree, as poppler reads it. */
export interface StructNode {
  /** The structure type: Document, H1, P, L, LI, Table, TH, BlockQuote, Figure, … */
  readonly role: string;
  /** Attributes poppler prints under the element, e.g. "/Scope /Column". */
  readonly attrs: string[];
  /** The text of the content the element holds itself (not its children's). */
  text: string;
  readonly kids: StructNode[];
}

/**
 * The structure tree of a tagged PDF (`pdfinfo -struct-text`), or undefined for an untagged one. Elements are in
 * the tree's order, which is the reading order.
 */
export function pdfStructure(bytes: Uint8Array): StructNode | undefined {
  const out = execFileSync('pdfinfo', ['-struct-text', tmpPdf(bytes)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const root: StructNode = { role: '(root)', attrs: [], text: '', kids: [] };
  const open: { indent: number; node: StructNode }[] = [{ indent: -2, node: root }];
  for (const line of out.split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (body.startsWith('"') || body.startsWith('/')) {
      // Text or attributes belong to the nearest element above with a smaller indent.
      const owner = [...open].reverse().find((o) => o.indent < indent)?.node ?? root;
      if (body.startsWith('"')) owner.text += (owner.text ? ' ' : '') + body.slice(1, -1);
      else owner.attrs.push(body);
      continue;
    }
    while (open.length > 1 && (open[open.length - 1]?.indent ?? 0) >= indent) open.pop();
    const node: StructNode = { role: body.split(/[\s:]/)[0] ?? body, attrs: [], text: '', kids: [] };
    open[open.length - 1]?.node.kids.push(node);
    open.push({ indent, node });
  }
  return root.kids[0];
}

/** Every element of a structure (sub)tree in reading order, the node itself first. */
export function structNodes(node: StructNode): StructNode[] {
  return [node, ...node.kids.flatMap(structNodes)];
}

/** All the text of a structure (sub)tree, in reading order, joined with spaces. */
export function structText(node: StructNode): string {
  return structNodes(node)
    .map((n) => n.text)
    .filter(Boolean)
    .join(' ');
}

/**
 * The PDF's bookmarks (outline items) in order: title, depth (1 = top), the page each opens at, and its /Count
 * (positive: shown open; negative: folded; 0: no children).
 */
export function pdfOutline(bytes: Uint8Array): { title: string; depth: number; page: number; count: number }[] {
  // The outline is written as plain dictionaries; page numbers come from the order of the page objects.
  const raw = Buffer.from(bytes).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of raw.matchAll(/(?:^|\n)(\d+) 0 obj\s*([\s\S]*?)\s*endobj/g)) objects.set(Number(m[1]), m[2] ?? '');
  const pages = [...objects].filter(([, body]) => /\/Type \/Page\b(?!s)/.test(body)).map(([id]) => id);
  const catalog = [...objects.values()].find((b) => /\/Type \/Catalog/.test(b)) ?? '';
  const rootId = /\/Outlines (\d+) 0 R/.exec(catalog)?.[1];
  const items: { title: string; depth: number; page: number; count: number }[] = [];
  const walk = (id: number | undefined, depth: number): void => {
    for (let at = id; at !== undefined; ) {
      const body = objects.get(at) ?? '';
      const title = /\/Title (<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\))/.exec(body)?.[1] ?? '';
      const page = Number(/\/Dest \[(\d+) 0 R/.exec(body)?.[1]);
      const count = Number(/\/Count (-?\d+)/.exec(body)?.[1] ?? 0);
      items.push({ title: decodePdfString(title), depth, page: pages.indexOf(page) + 1, count });
      const first = /\/First (\d+) 0 R/.exec(body)?.[1];
      if (first) walk(Number(first), depth + 1);
      const next = /\/Next (\d+) 0 R/.exec(body)?.[1];
      at = next ? Number(next) : undefined;
    }
  };
  if (rootId) walk(Number(/\/First (\d+) 0 R/.exec(objects.get(Number(rootId)) ?? '')?.[1]), 1);
  return items;
}

/** A PDF text string as written: (literal) or <hex>, UTF-16BE when it starts with a byte-order mark. */
export function decodePdfString(s: string): string {
  if (s.startsWith('<')) {
    const bytes = Buffer.from(s.slice(1, -1), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return s.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

/** The PDF's XMP metadata packet (`pdfinfo -meta`). */
export function pdfMeta(bytes: Uint8Array): string {
  return execFileSync('pdfinfo', ['-meta', tmpPdf(bytes)], { encoding: 'utf8' });
}
