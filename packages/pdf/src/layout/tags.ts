// Tagged PDF (PDF/UA-1 structure) on top of jspdf. jspdf writes no structure, but it lets a plugin write operators
// into a page's content stream (`internal.write`) and objects and dictionary entries at output time (its `putPage`,
// `postPutPages` and `putCatalog` events). This module keeps the logical structure (a tree of standard structure
// types: headings, paragraphs, lists, tables, quotations, figures), wraps everything drawn in marked content that
// points into that tree (or marks it as an artifact: running headers, footers, rules, shading), and writes the
// structure tree, its parent tree, the outline (bookmarks), the MarkInfo flag and the XMP metadata with the PDF/UA
// identifier. The output is deterministic: nothing here depends on the time or on chance.
import type { jsPDF } from 'jspdf';

/** The standard structure types Onward uses (ISO 32000-1, 14.8.4). */
export type Role =
  | 'Document'
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'BlockQuote'
  | 'Figure'
  | 'Caption';

export interface ElemOptions {
  /** Header cells: which cells they head (a TH must say). */
  readonly scope?: 'Row' | 'Column';
  /** Cells that span columns. */
  readonly colSpan?: number;
  /** Alternative text, for figures (required for them). */
  readonly alt?: string;
  /** Natural language of the element when it differs from the document's (BCP 47). */
  readonly lang?: string;
}

interface Marked {
  readonly page: number;
  readonly mcid: number;
}

export class Elem {
  readonly kids: (Elem | Marked)[] = [];
  /** The words the element holds, as typed (logical order): given as ActualText when drawn right to left. */
  text = '';
  /** True when some of its text went through the bidi engine (drawn in visual order). */
  reordered = false;
  /** A figure's bounding box in PDF user space [x1, y1, x2, y2] (bottom-left origin). */
  bbox?: readonly [number, number, number, number];

  constructor(
    readonly role: Role,
    readonly parent: Elem | undefined,
    readonly options: ElemOptions = {},
  ) {}
}

/** What kind of artifact (ISO 32000-1, 14.8.2.2): page furniture or layout decoration. */
export type ArtifactKind = 'Header' | 'Footer' | 'Layout' | 'Pagination';

interface Bookmark {
  readonly level: number;
  readonly title: string;
  readonly page: number;
  /** Top of the heading in PDF user space (bottom-left origin). */
  readonly top: number;
  readonly children: Bookmark[];
}

type Target = Elem | ArtifactKind;

/** The parts of jspdf's plugin interface (`doc.internal`) used here. */
interface Internal {
  write(...lines: string[]): void;
  newObjectDeferred(): number;
  newObjectDeferredBegin(oid: number, output: boolean): number;
  getPageInfo(n: number): { objId: number };
  events: { subscribe(topic: string, fn: (data: never) => void): string };
  pageSize: { getHeight(): number };
}

/** Everything written per document; one per jspdf document. */
export class Tagger {
  readonly root: Elem = new Elem('Document', undefined);
  private stack: Elem[] = [this.root];
  private open: { target: Target; page: number } | undefined;
  /** Per page (1-based): the element each MCID belongs to, in MCID order. */
  private readonly parentTree = new Map<number, Elem[]>();
  private readonly bookmarks: Bookmark[] = [];

  private readonly internal: Internal;

  constructor(private readonly doc: jsPDF) {
    this.internal = doc.internal as unknown as Internal;
    const internal = this.internal;
    const events = internal.events;
    // PDF 1.7 (ISO 32000-1), the base of PDF/UA-1; jspdf writes 1.3 by default.
    (doc as unknown as { __private__: { setPdfVersion(v: string): void } }).__private__.setPdfVersion('1.7');
    let written: { root: number; outlines: number | undefined } | undefined;
    events.subscribe('putPage', (data: { pageNumber: number }) => {
      // Each page points into the parent tree; tab order follows the structure.
      internal.write(`/StructParents ${data.pageNumber - 1}`, '/Tabs /S');
    });
    events.subscribe('postPutPages', () => {
      written = this.writeObjects();
    });
    events.subscribe('putCatalog', () => {
      if (!written) return;
      internal.write('/MarkInfo <</Marked true>>', `/StructTreeRoot ${written.root} 0 R`);
      if (written.outlines !== undefined) internal.write(`/Outlines ${written.outlines} 0 R`, '/PageMode /UseOutlines');
    });
  }

  /** The element that new elements go into. */
  get current(): Elem {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  /** A new element at the end of the current one (or of `parent`), not entered. */
  add(role: Role, options: ElemOptions = {}, parent: Elem = this.current): Elem {
    const e = new Elem(role, parent, options);
    parent.kids.push(e);
    return e;
  }

  /** Run `fn` inside a new element: what it adds goes inside. */
  within<T>(role: Role, fn: (e: Elem) => T, options: ElemOptions = {}, parent: Elem = this.current): T {
    const e = this.add(role, options, parent);
    this.stack.push(e);
    try {
      return fn(e);
    } finally {
      this.stack.pop();
    }
  }

  /** A new element, entered: what is added next goes inside until `leave(e)`. */
  enter(role: Role, options: ElemOptions = {}): Elem {
    const e = this.add(role, options);
    this.stack.push(e);
    return e;
  }

  /** Leave `e` (and anything entered inside it and not left). */
  leave(e: Elem): void {
    const at = this.stack.lastIndexOf(e);
    if (at > 0) this.stack.length = at;
  }

  /** Run `fn` with `e` as the current element (to add to an element made earlier). */
  inside<T>(e: Elem, fn: () => T): T {
    this.stack.push(e);
    try {
      return fn();
    } finally {
      this.stack.pop();
    }
  }

  private page(): number {
    return this.doc.getCurrentPageInfo().pageNumber;
  }

  /**
   * What is drawn next (on the current page) belongs to `target`: an element's content (a new marked-content
   * sequence with the next MCID of the page) or an artifact. Consecutive drawing for the same target on the same
   * page stays in one sequence.
   */
  into(target: Target): void {
    const page = this.page();
    if (this.open && this.open.target === target && this.open.page === page) return;
    this.end();
    if (typeof target === 'string') {
      const type = target === 'Header' || target === 'Footer' ? `/Pagination /Subtype /${target}` : `/${target}`;
      this.internal.write(`/Artifact <</Type ${type}>> BDC`);
    } else {
      let list = this.parentTree.get(page);
      if (!list) {
        list = [];
        this.parentTree.set(page, list);
      }
      const mcid = list.length;
      list.push(target);
      target.kids.push({ page, mcid });
      this.internal.write(`/${target.role} <</MCID ${mcid}>> BDC`);
    }
    this.open = { target, page };
  }

  /** Close the open marked-content sequence (before a page change, and at the end). */
  end(): void {
    if (!this.open) return;
    // Written to the page the sequence was opened on: callers end before they change page.
    this.internal.write('EMC');
    this.open = undefined;
  }

  /** A bookmark for a heading drawn on the current page with its top at `y` (top-left origin, in points). */
  bookmark(level: number, title: string, y: number): void {
    const top = this.internal.pageSize.getHeight() - y;
    const item: Bookmark = { level, title, page: this.page(), top, children: [] };
    let siblings = this.bookmarks;
    for (;;) {
      const last = siblings[siblings.length - 1];
      if (!last || last.level >= level) break;
      siblings = last.children;
    }
    siblings.push(item);
  }

  /** Write the structure tree, parent tree and outline as PDF objects; returns the numbers the catalogue needs. */
  private writeObjects(): { root: number; outlines: number | undefined } {
    const internal = this.internal;
    const pageRef = (n: number): string => `${internal.getPageInfo(n).objId} 0 R`;
    const ids = new Map<Elem, number>();
    const elems: Elem[] = [];
    const keep = (e: Elem): boolean =>
      // Empty table cells keep the table's grid; other elements without content are left out.
      e.role === 'TD' || e.role === 'TH' || e.kids.some((k) => (k instanceof Elem ? keep(k) : true));
    const number = (e: Elem): void => {
      ids.set(e, internal.newObjectDeferred());
      elems.push(e);
      for (const k of e.kids) if (k instanceof Elem && keep(k)) number(k);
    };
    const rootId = internal.newObjectDeferred();
    const parentTreeId = internal.newObjectDeferred();
    number(this.root);
    const object = (id: number, body: string): void => {
      internal.newObjectDeferredBegin(id, true);
      internal.write(body, 'endobj');
    };
    object(
      rootId,
      `<</Type /StructTreeRoot /K ${ids.get(this.root)} 0 R /ParentTree ${parentTreeId} 0 R /ParentTreeNextKey ${this.doc.getNumberOfPages()}>>`,
    );
    for (const e of elems) {
      const firstPage = e.kids.find((k): k is Marked => !(k instanceof Elem))?.page;
      const kids = e.kids
        .filter((k) => !(k instanceof Elem) || ids.has(k))
        .map((k) =>
          k instanceof Elem
            ? `${ids.get(k)} 0 R`
            : k.page === firstPage
              ? String(k.mcid)
              : `<</Type /MCR /Pg ${pageRef(k.page)} /MCID ${k.mcid}>>`,
        );
      const parts = [
        // (/Type /StructElem is optional and left out: the tree has hundreds of elements.)
        `/S /${e.role}`,
        `/P ${e.parent ? `${ids.get(e.parent)} 0 R` : `${rootId} 0 R`}`,
      ];
      if (firstPage !== undefined) parts.push(`/Pg ${pageRef(firstPage)}`);
      parts.push(kids.length === 1 ? `/K ${kids[0]}` : `/K [${kids.join(' ')}]`);
      const o = e.options;
      const attrs: string[] = [];
      if (o.scope) attrs.push(`/Scope /${o.scope}`);
      if (o.colSpan && o.colSpan > 1) attrs.push(`/ColSpan ${o.colSpan}`);
      if (attrs.length) parts.push(`/A <</O /Table ${attrs.join(' ')}>>`);
      if (e.bbox) parts.push(`/A <</O /Layout /Placement /Block /BBox [${e.bbox.map(num).join(' ')}]>>`);
      if (o.alt !== undefined) parts.push(`/Alt ${textString(o.alt)}`);
      if (o.lang) parts.push(`/Lang ${textString(o.lang)}`);
      if (e.reordered && e.text) parts.push(`/ActualText ${textString(e.text)}`);
      object(ids.get(e) ?? 0, `<<${parts.join(' ')}>>`);
    }
    const nums: string[] = [];
    for (let p = 1; p <= this.doc.getNumberOfPages(); p++)
      nums.push(`${p - 1} [${(this.parentTree.get(p) ?? []).map((e) => `${ids.get(e)} 0 R`).join(' ')}]`);
    object(parentTreeId, `<</Nums [${nums.join(' ')}]>>`);
    return { root: rootId, outlines: this.writeOutline(internal, pageRef) };
  }

  /** The outline: one item per heading, nested by level, each opening at its heading; sub-levels closed. */
  private writeOutline(internal: Internal, pageRef: (n: number) => string): number | undefined {
    if (!this.bookmarks.length) return undefined;
    const ids = new Map<Bookmark, number>();
    const number = (items: readonly Bookmark[]): void => {
      for (const b of items) {
        ids.set(b, internal.newObjectDeferred());
        number(b.children);
      }
    };
    const rootId = internal.newObjectDeferred();
    number(this.bookmarks);
    const count = (items: readonly Bookmark[]): number => items.reduce((n, b) => n + 1 + count(b.children), 0);
    const write = (id: number, body: string): void => {
      internal.newObjectDeferredBegin(id, true);
      internal.write(body, 'endobj');
    };
    const first = this.bookmarks[0];
    const last = this.bookmarks[this.bookmarks.length - 1];
    // The top level (the title) is open, showing the parts under it; what is inside each part is folded (a
    // negative count). The root counts the items shown.
    const shown = this.bookmarks.reduce((n, b) => n + 1 + b.children.length, 0);
    write(
      rootId,
      `<</Type /Outlines /First ${ids.get(first as Bookmark)} 0 R /Last ${ids.get(last as Bookmark)} 0 R /Count ${shown}>>`,
    );
    const top = first?.level;
    const items = (list: readonly Bookmark[], parent: number): void => {
      list.forEach((b, i) => {
        const parts = [`/Title ${textString(b.title)}`, `/Parent ${parent} 0 R`];
        const prev = list[i - 1];
        const next = list[i + 1];
        if (prev) parts.push(`/Prev ${ids.get(prev)} 0 R`);
        if (next) parts.push(`/Next ${ids.get(next)} 0 R`);
        const kidFirst = b.children[0];
        const kidLast = b.children[b.children.length - 1];
        if (kidFirst && kidLast)
          parts.push(
            `/First ${ids.get(kidFirst)} 0 R`,
            `/Last ${ids.get(kidLast)} 0 R`,
            b.level === top ? `/Count ${b.children.length}` : `/Count -${count(b.children)}`,
          );
        parts.push(`/Dest [${pageRef(b.page)} /XYZ null ${num(b.top)} null]`);
        write(ids.get(b) ?? 0, `<<${parts.join(' ')}>>`);
        items(b.children, ids.get(b) ?? 0);
      });
    };
    items(this.bookmarks, rootId);
    return rootId;
  }
}

/** A number as PDF writes it: at most 2 decimals, no exponent. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * A PDF text string: plain ASCII as a literal string (with `(`, `)` and `\` escaped), anything else as UTF-16BE
 * with a byte-order mark, in hex, so that no character (a young person's name, Welsh, Arabic) can break the syntax.
 */
export function textString(s: string): string {
  if (/^[\x20-\x7E]*$/.test(s)) return `(${s.replace(/[()\\]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** XML-escape text for the XMP packet. */
function xml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/**
 * The XMP metadata packet: the PDF/UA-1 identifier (pdfuaid:part), title, author, subject, language and dates, the
 * same as the document information dictionary says.
 */
export function xmp(meta: {
  title: string;
  language: string;
  subject: string;
  author: string;
  created: string;
}): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    '<pdfuaid:part>1</pdfuaid:part>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${xml(meta.created)}</xmp:CreateDate>`,
    '<xmp:CreatorTool>Onward</xmp:CreatorTool>',
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}
