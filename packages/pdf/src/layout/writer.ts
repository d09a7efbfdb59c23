// A small flowing-document writer over jspdf: headings kept with what follows them, wrapped paragraphs, quoted
// words, label/value lists, bulleted lists and tables with repeated headers, page breaks, running headers and
// "Page n of N" footers. Everything is measured before it is drawn, so nothing is drawn outside the page's margins.
// Everything drawn is also tagged (./tags.ts): each heading, paragraph, list, table and quotation is a structure
// element in reading order, and rules, shading, running headers and footers are artifacts.
import type { jsPDF } from 'jspdf';
import type { ParsedFont } from './document.js';
import { type ArtifactKind, type Elem, type Role, Tagger } from './tags.js';
import { clean, hasArabic, hasRtl, type Measure, type Metrics, paragraphDirection, wrapSpaced } from './text.js';

/** Page geometry in points (A4 portrait). */
export const PAGE = { width: 595.28, height: 841.89, left: 56, right: 56, top: 72, bottom: 68 } as const;
export const FONT = 'OnwardSans';

export const COLOURS = {
  text: [11, 12, 12],
  secondary: [80, 90, 95],
  accent: [29, 112, 184],
  rule: [177, 180, 182],
  good: [0, 112, 60],
  needs: [180, 60, 0],
  neutral: [80, 90, 95],
  quoteBar: [29, 112, 184],
  shade: [243, 242, 241],
} as const satisfies Record<string, readonly [number, number, number]>;
export type Colour = keyof typeof COLOURS;

export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly colour?: Colour;
  /** Extra indent from the left margin, in points. */
  readonly indent?: number;
  /** Draw as quoted words: a bar in the margin beside the text, tagged as a quotation (BlockQuote). */
  readonly quote?: boolean;
  /** Space after the paragraph, in points. */
  readonly after?: number;
  /**
   * Base direction. `auto` (the default, for people's own words): from the text's first strong letter, so an Arabic
   * note reads right to left against the right margin. `ltr`: the document's own direction, for headings, names on
   * the cover and other text of the document's frame, where an Arabic name sits inside an English line.
   */
  readonly dir?: 'auto' | 'ltr';
  /** The language of these words when it is not the document's (BCP 47), for screen readers. */
  readonly lang?: string;
}

export interface Column {
  readonly title: string;
  /** Share of the table's width (the shares are scaled to fill it). */
  readonly share: number;
}

export interface Row {
  readonly cells: readonly string[];
  /** One cell across the whole row (a group title, e.g. the goal the actions belong to). */
  readonly span?: boolean;
  readonly bold?: boolean;
}

/** Heading levels as drawn (size and spacing); the structure level can differ (see `heading`). */
export type Level = 1 | 2 | 3;

interface Pending {
  readonly text: string;
  readonly level: Level;
  readonly elem: Elem;
  /** Outline depth (the structure level), or undefined for no bookmark. */
  readonly depth: number | undefined;
}

const LINE = 1.4; // line height as a multiple of the font size
const BODY = 10.5;
const HEADING: Record<Level, { size: number; before: number; after: number }> = {
  1: { size: 20, before: 4, after: 10 },
  2: { size: 15, before: 14, after: 6 },
  3: { size: 12, before: 10, after: 4 },
};
const CELL_PAD = 5;

export interface WriterOptions {
  /** Left side of the running header (not on the first page). */
  readonly header: string;
  /** Right side of the running header. */
  readonly headerRight: string;
  /** Left side of the footer. */
  readonly footer: string;
  readonly pageLabel: (n: number, of: number) => string;
  /** Characters the embedded font can draw, as [first, last] pairs. */
  readonly coverage: readonly number[];
}

/** The mark drawn for a character the font cannot draw (an emoji, a script it does not cover). */
export const MISSING_GLYPH = '\u25A1';

export class Writer {
  y: number = PAGE.top;
  /** The document's structure (tagged PDF); drawing methods add to it. */
  readonly tags: Tagger;
  private pending: Pending[] = [];
  /** The section the last H2 opened. */
  private section: Elem | undefined;
  private readonly width = PAGE.width - PAGE.left - PAGE.right;
  private readonly bottom = PAGE.height - PAGE.bottom;
  private readonly covered: (cp: number) => boolean;
  /** True when some text had characters the font cannot draw (they are shown as MISSING_GLYPH). */
  missingGlyphs = false;

  constructor(
    readonly doc: jsPDF,
    private readonly options: WriterOptions,
  ) {
    const ranges = options.coverage;
    this.covered = (cp) => {
      for (let i = 0; i < ranges.length; i += 2) if (cp >= (ranges[i] ?? 0) && cp <= (ranges[i + 1] ?? -1)) return true;
      return false;
    };
    this.tags = new Tagger(doc);
    this.setStyle({});
  }

  /** Text as drawn: cleaned of control characters, with characters the font lacks shown as a box. */
  drawable(text: string): string {
    let out = '';
    for (const ch of clean(text)) {
      const cp = ch.codePointAt(0) ?? 0;
      if (ch === '\n' || this.covered(cp) || (cp >= 0x200c && cp <= 0x200f)) out += ch;
      else {
        // A combining mark or variation selector after a missing character adds nothing to show.
        if ((cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff)) continue;
        out += MISSING_GLYPH;
        this.missingGlyphs = true;
      }
    }
    return out;
  }

  private setStyle(style: TextStyle): void {
    this.doc.setFont(FONT, style.bold ? 'bold' : 'normal');
    this.doc.setFontSize(style.size ?? BODY);
    const [r, g, b] = COLOURS[style.colour ?? 'text'];
    this.doc.setTextColor(r, g, b);
  }

  private measure = (s: string): number => this.doc.getTextWidth(hasArabic(s) ? this.doc.processArabic(s) : s);
  private readonly metricsCache = new Map<string, Metrics>();

  /**
   * Wrap text as drawn, at the current font and size. Text without Arabic is measured by exact advance widths
   * (the same numbers jspdf's getTextWidth gives, without measuring each candidate line again from its start);
   * Arabic is shaped first, which joins letters differently as a line grows, so it is measured whole each time.
   */
  private wrapText(text: string, width: number): string[] {
    const drawn = this.drawable(text);
    const { lines, spaced } = wrapSpaced(drawn, width, hasArabic(drawn) ? this.measure : this.metrics());
    // A line that ended at a space or line break is drawn with one space after it (invisible), so that the words on
    // either side of the break stay apart when the text is read out of the PDF.
    return lines.map((l, i) => (spaced[i] && l !== '' ? `${l} ` : l));
  }

  private metrics(): Measure | Metrics {
    const key = `${currentFont(this.doc).fontStyle}|${this.doc.getFontSize()}`;
    let m = this.metricsCache.get(key);
    if (!m) {
      m = metricsFor(this.doc);
      if (!m) return this.measure;
      this.metricsCache.set(key, m);
    }
    return m;
  }

  private lineHeight(size = BODY): number {
    return size * LINE;
  }

  newPage(): void {
    // A marked-content sequence never runs across pages.
    this.tags.end();
    this.doc.addPage('a4', 'portrait');
    this.y = PAGE.top;
  }

  /** Leave vertical space (dropped at the top of a page). */
  space(h: number): void {
    if (this.y > PAGE.top) this.y = Math.min(this.y + h, this.bottom);
  }

  /** A new structure element holding the text (its words kept for ActualText when drawn right to left). */
  private leaf(role: Role, text: string, lang?: string): Elem {
    const e = this.tags.add(role, lang ? { lang } : {});
    e.text = this.drawable(text);
    return e;
  }

  /**
   * A heading. It is drawn together with the first lines of whatever comes next, so a heading never sits alone at
   * the foot of a page. Its place in the structure is where it is called; `as` is its structure level when that
   * differs from the look (default H1-H3 as `level`); it gets a bookmark unless `bookmark` is false.
   */
  heading(text: string, level: Level, as: 'H1' | 'H2' | 'H3' = `H${level}`, bookmark = true): void {
    // Each H2 starts a section (Sect) that holds everything up to the next H2 or H1.
    if (as !== 'H3' && this.section) {
      this.tags.leave(this.section);
      this.section = undefined;
    }
    if (as === 'H2') this.section = this.tags.enter('Sect');
    const elem = this.leaf(as, text);
    this.pending.push({ text, level, elem, depth: bookmark ? Number(as.slice(1)) : undefined });
  }

  /** Run `fn` inside a structure element (a section, a list): what it draws goes inside, in order. */
  within<T>(role: Role, fn: () => T): T {
    return this.tags.within(role, fn);
  }

  private pendingHeight(): number {
    let h = 0;
    for (const p of this.pending) h += this.headingHeight(p);
    return h;
  }

  private headingLines(p: Pending): string[] {
    this.setStyle({ size: HEADING[p.level].size, bold: true });
    return this.wrapText(p.text, this.width);
  }

  private headingHeight(p: Pending): number {
    const spec = HEADING[p.level];
    return (
      spec.before + this.headingLines(p).length * this.lineHeight(spec.size) + spec.after + (p.level === 2 ? 4 : 0)
    );
  }

  /** The height a paragraph (or bullet, with `bullet: true`) would take, in points, at the current width. */
  heightOf(text: string, style: TextStyle & { bullet?: boolean } = {}): number {
    const size = style.size ?? BODY;
    const indent = (style.indent ?? 0) + (style.quote ? 12 : 0) + (style.bullet ? 14 : 0);
    this.setStyle(style);
    const lines = this.wrapText(text, this.width - indent);
    return lines.length * this.lineHeight(size) + (style.after ?? (style.bullet ? 3 : 6));
  }

  /** Start a new page now unless `h` points (plus waiting headings) fit: keeps a small group of blocks together. */
  keep(h: number): void {
    this.ensure(Math.min(h, (this.bottom - PAGE.top) / 3));
  }

  /** Make sure `h` points (plus any waiting headings) fit on this page, else start a new one. */
  private ensure(h: number): void {
    if (this.y + this.pendingHeight() + h > this.bottom && this.y > PAGE.top) this.newPage();
  }

  private flushHeadings(): void {
    const list = this.pending;
    this.pending = [];
    for (const p of list) {
      const spec = HEADING[p.level];
      const lines = this.headingLines(p);
      if (this.y > PAGE.top) this.y += spec.before;
      if (p.depth !== undefined) this.tags.bookmark(p.depth, p.elem.text, this.y);
      this.setStyle({ size: spec.size, bold: true, colour: 'text' });
      for (const line of lines) {
        this.y += this.lineHeight(spec.size);
        this.drawLine(p.elem, line, PAGE.left, this.width, spec.size, 'ltr');
      }
      if (p.level === 2) {
        this.y += 4;
        this.rule(COLOURS.accent, 1.2);
      }
      this.y += spec.after;
    }
  }

  /** A horizontal rule (decoration: an artifact). */
  private rule(colour: readonly [number, number, number], weight: number, x = PAGE.left, w = this.width): void {
    this.tags.into('Layout');
    this.doc.setDrawColor(colour[0], colour[1], colour[2]);
    this.doc.setLineWidth(weight);
    this.doc.line(x, this.y, x + w, this.y);
  }

  /**
   * Draw one already-wrapped line of `elem` whose baseline is this.y; right-to-left lines are set against the
   * right edge.
   */
  private drawLine(
    elem: Elem | ArtifactKind,
    line: string,
    x: number,
    width: number,
    size: number,
    dir: 'auto' | 'ltr' | 'rtl' = 'auto',
  ): void {
    if (line === '') return;
    // The baseline sits a little above the bottom of the line box so descenders stay inside it.
    const baseline = this.y - size * 0.3;
    // Text is held in logical order; jspdf's bidi engine turns each line into visual order. With `auto` the base
    // direction comes from the line's first strong letter; brackets are mirrored in right-to-left runs.
    if (dir === 'rtl' || (dir === 'auto' && paragraphDirection(line) === 'rtl'))
      this.textAt(elem, line, x + width, baseline, 'right', 'rtl');
    else this.textAt(elem, line, x, baseline, 'left', 'ltr');
  }

  /**
   * Draw one line at a point, as content of `elem` (or an artifact), through the bidi engine (with the given base
   * direction) when it holds RTL letters. Such a line is stored in visual order, so its element then carries its
   * words in logical order as ActualText, which is what a screen reader reads.
   */
  private textAt(
    elem: Elem | ArtifactKind,
    line: string,
    x: number,
    y: number,
    align: 'left' | 'right',
    base: 'ltr' | 'rtl' = 'ltr',
  ): void {
    const rtl = hasRtl(line);
    const bidi = rtl
      ? {
          isInputVisual: false,
          isOutputVisual: true,
          isInputRtl: base === 'rtl',
          isOutputRtl: false,
          isSymmetricSwapping: true,
        }
      : {};
    if (rtl && typeof elem !== 'string') elem.reordered = true;
    this.tags.into(elem);
    this.doc.text(line, x, y, { align, ...bidi });
  }

  /**
   * A wrapped paragraph (a P, or with `quote` a BlockQuote: the young person's own words). Long paragraphs flow
   * over pages; never a single line left at the foot of a page.
   */
  paragraph(text: string, style: TextStyle = {}, as?: Elem): void {
    const elem = as ?? this.leaf(style.quote ? 'BlockQuote' : 'P', text, style.lang);
    const size = style.size ?? BODY;
    // One direction for the whole paragraph, from its first strong letter (unless the style fixes it).
    const rtl = style.dir !== 'ltr' && paragraphDirection(text) === 'rtl';
    // Quoted words make room for the bar: on the left, or on the right for right-to-left text.
    const indent = (style.indent ?? 0) + (style.quote && !rtl ? 12 : 0);
    const width = this.width - (style.indent ?? 0) - (style.quote ? 12 : 0);
    this.setStyle(style);
    const lines = this.wrapText(text, width);
    const lh = this.lineHeight(size);
    this.ensure(Math.min(lines.length, 2) * lh);
    this.flushHeadings();
    this.setStyle(style);
    // The quote bar runs beside the lines on each page: drawn once per page, after them.
    let barTop = this.y;
    const bar = (): void => {
      if (style.quote && this.y > barTop)
        this.quoteBar(barTop, this.y, rtl, PAGE.left + (style.indent ?? 0), width + 12);
    };
    for (let i = 0; i < lines.length; i++) {
      // Keep the last two lines together (no widow) when the paragraph is long enough to split.
      const need = i === lines.length - 2 && lines.length > 3 ? 2 * lh : lh;
      if (this.y + need > this.bottom) {
        bar();
        this.newPage();
        this.setStyle(style);
        barTop = this.y;
      }
      this.y += lh;
      this.drawLine(elem, lines[i] ?? '', PAGE.left + indent, width, size, rtl ? 'rtl' : 'ltr');
    }
    bar();
    this.y += style.after ?? 6;
  }

  /** The bar beside quoted words: on the left, or on the right for right-to-left text. */
  private quoteBar(top: number, bottom: number, rtl: boolean, left: number, width: number): void {
    const [r, g, b] = COLOURS.quoteBar;
    this.tags.into('Layout');
    this.doc.setFillColor(r, g, b);
    const x = rtl ? left + width - 3 : left + 2;
    this.doc.rect(x, top + 1, 3, bottom - top, 'F');
  }

  /**
   * A list of label: value pairs, labels in a column on the left, tagged as a table whose first column heads its
   * rows. Empty values are left out.
   */
  facts(rows: readonly (readonly [string, string | undefined])[], labelShare = 0.36): void {
    const present = rows.filter((r): r is readonly [string, string] => r[1] !== undefined && r[1] !== '');
    if (!present.length) return;
    const labelWidth = this.width * labelShare;
    const valueWidth = this.width - labelWidth - 8;
    const lh = this.lineHeight();
    const table = this.tags.add('Table');
    for (const [label, value] of present) {
      const tr = this.tags.add('TR', {}, table);
      const headCell = this.tags.add('TH', { scope: 'Row' }, tr);
      headCell.text = this.drawable(label);
      const td = this.tags.add('TD', {}, tr);
      td.text = this.drawable(value);
      this.setStyle({ bold: true });
      const labelLines = this.wrapText(label, labelWidth);
      this.setStyle({});
      const valueLines = this.wrapText(value, valueWidth);
      const valueDir = paragraphDirection(value) === 'rtl' ? 'rtl' : 'ltr';
      const n = Math.max(labelLines.length, valueLines.length);
      const h = n * lh + 4;
      this.ensure(Math.min(h, 3 * lh));
      this.flushHeadings();
      if (this.y + h > this.bottom) this.newPage();
      const top = this.y;
      for (let i = 0; i < n; i++) {
        if (this.y + lh > this.bottom) this.newPage();
        this.y += lh;
        this.setStyle({ bold: true, colour: 'secondary' });
        this.drawLine(headCell, labelLines[i] ?? '', PAGE.left, labelWidth, BODY, 'ltr');
        this.setStyle({});
        this.drawLine(td, valueLines[i] ?? '', PAGE.left + labelWidth + 8, valueWidth, BODY, valueDir);
      }
      this.y = Math.max(this.y, top) + 4;
    }
  }

  /**
   * The document's title, drawn as a paragraph in the given style (a cover, not a heading's look), tagged as its
   * one H1 and its first bookmark.
   */
  title(text: string, style: TextStyle = {}): void {
    if (this.section) {
      this.tags.leave(this.section);
      this.section = undefined;
    }
    this.flushHeadings();
    const elem = this.leaf('H1', text);
    this.tags.bookmark(1, elem.text, this.y);
    this.paragraph(text, style, elem);
  }

  /** A bulleted list: the items `fn` draws (with `bullet`) go into one list (L). */
  list(fn: () => void): void {
    this.tags.within('L', fn);
  }

  /**
   * A list item: the marker (Lbl) and the text (a P in the item's body, LBody), then whatever `more` draws (a help
   * mark, a quoted note), inside the same body.
   */
  bullet(text: string, style: TextStyle = {}, marker = '•', more?: () => void): void {
    const li = this.tags.add('LI');
    const lbl = this.tags.add('Lbl', {}, li);
    lbl.text = marker;
    const body = this.tags.add('LBody', {}, li);
    const p = this.tags.inside(body, () => this.leaf('P', text, style.lang));
    const size = style.size ?? BODY;
    const indent = (style.indent ?? 0) + 14;
    const width = this.width - indent;
    this.setStyle(style);
    const lines = this.wrapText(text, width);
    const dir = style.dir !== 'ltr' && paragraphDirection(text) === 'rtl' ? 'rtl' : 'ltr';
    const lh = this.lineHeight(size);
    this.ensure(Math.min(lines.length, 2) * lh);
    this.flushHeadings();
    for (let i = 0; i < lines.length; i++) {
      if (this.y + lh > this.bottom) this.newPage();
      this.y += lh;
      this.setStyle(style);
      if (i === 0) {
        this.tags.into(lbl);
        this.doc.text(marker, PAGE.left + (style.indent ?? 0) + 2, this.y - size * 0.3);
      }
      this.drawLine(p, lines[i] ?? '', PAGE.left + indent, width, size, dir);
    }
    this.y += style.after ?? 3;
    if (more) this.tags.inside(body, more);
  }

  /**
   * A table with a shaded header row (TH cells heading their columns), repeated at the top of each page the table
   * runs on to (the repeats are artifacts: the structure has the header once).
   */
  table(columns: readonly Column[], rows: readonly Row[]): void {
    const total = columns.reduce((s, c) => s + c.share, 0);
    const widths = columns.map((c) => (c.share / total) * this.width);
    const xs = widths.map((_, i) => PAGE.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const lh = this.lineHeight(BODY - 0.5);
    const size = BODY - 0.5;
    const cellLines = (cells: readonly string[], bold: boolean, span: boolean): string[][] => {
      this.setStyle({ size, bold });
      if (span) return [this.wrapText(cells[0] ?? '', this.width - 2 * CELL_PAD)];
      return cells.map((c, i) => this.wrapText(c, (widths[i] ?? 0) - 2 * CELL_PAD));
    };
    const table = this.tags.add('Table');
    const head = this.tags.add('TR', {}, this.tags.add('THead', {}, table));
    const headCells = columns.map((c) => {
      const th = this.tags.add('TH', { scope: 'Column' }, head);
      th.text = this.drawable(c.title);
      return th;
    });
    const tbody = this.tags.add('TBody', {}, table);
    const header = cellLines(
      columns.map((c) => c.title),
      true,
      false,
    );
    const heightOf = (lines: string[][]): number => Math.max(...lines.map((l) => l.length)) * lh + 2 * CELL_PAD;
    const headerHeight = heightOf(header);
    // `cells`: the structure elements the lines belong to, or an artifact kind for a repeated header.
    const drawRow = (
      lines: string[][],
      cells: readonly Elem[] | ArtifactKind,
      bold: boolean,
      shade: boolean,
      span: boolean,
    ): void => {
      const h = heightOf(lines);
      if (shade) {
        const [r, g, b] = COLOURS.shade;
        this.tags.into('Layout');
        this.doc.setFillColor(r, g, b);
        this.doc.rect(PAGE.left, this.y, this.width, h, 'F');
      }
      const top = this.y;
      this.setStyle({ size, bold });
      lines.forEach((cell, c) => {
        const x = span ? PAGE.left : (xs[c] ?? PAGE.left);
        const w = span ? this.width : (widths[c] ?? 0);
        this.y = top + CELL_PAD;
        const dir = paragraphDirection(cell.join(' ')) === 'rtl' ? 'rtl' : 'ltr';
        const target = typeof cells === 'string' ? cells : cells[c];
        if (!target) return;
        for (const line of cell) {
          this.y += lh;
          this.drawLine(target, line, x + CELL_PAD, w - 2 * CELL_PAD, size, dir);
        }
      });
      this.y = top + h;
      this.rule(COLOURS.rule, 0.6);
    };
    const prepared = rows.map((r) => {
      const tr = this.tags.add('TR', {}, tbody);
      const cells = (r.span ? [r.cells[0] ?? ''] : r.cells).map((text) => {
        const td = this.tags.add('TD', r.span ? { colSpan: columns.length } : {}, tr);
        td.text = this.drawable(text);
        return td;
      });
      return { row: r, cells, lines: cellLines(r.cells, Boolean(r.bold), Boolean(r.span)) };
    });
    const first = prepared[0];
    const second = first?.row.span ? prepared[1] : undefined;
    this.ensure(headerHeight + (first ? heightOf(first.lines) : 0) + (second ? heightOf(second.lines) : 0));
    this.flushHeadings();
    drawRow(header, headCells, true, true, false);
    const pageBody = this.bottom - PAGE.top - headerHeight;
    prepared.forEach(({ row, cells, lines }, i) => {
      const bold = Boolean(row.bold);
      const span = Boolean(row.span);
      // A group title (a spanning row) stays with the first row under it.
      const next = span ? prepared[i + 1] : undefined;
      const h = heightOf(lines) + (next && !next.row.span ? heightOf(next.lines) : 0);
      if (this.y + h > this.bottom && (this.y > PAGE.top + headerHeight + 1 || h <= pageBody)) {
        this.newPage();
        drawRow(header, 'Pagination', true, true, false);
      }
      // A row taller than a whole page (a note of many short lines) continues on the next page, header repeated.
      let rest = lines;
      while (heightOf(rest) > this.bottom - this.y) {
        const fit = Math.floor((this.bottom - this.y - 2 * CELL_PAD) / lh);
        if (fit >= 1) {
          drawRow(
            rest.map((c) => c.slice(0, fit)),
            cells,
            bold,
            false,
            span,
          );
          rest = rest.map((c) => c.slice(fit));
        }
        this.newPage();
        drawRow(header, 'Pagination', true, true, false);
      }
      drawRow(rest, cells, bold, false, span);
    });
    this.y += 8;
  }

  /** The rule under the running header or over the footer, as part of that artifact. */
  private furnitureRule(): void {
    this.doc.setDrawColor(COLOURS.rule[0], COLOURS.rule[1], COLOURS.rule[2]);
    this.doc.setLineWidth(0.6);
    this.doc.line(PAGE.left, this.y, PAGE.left + this.width, this.y);
  }

  /** Draw the running header (from page 2) and the footer on every page (artifacts). Call once, after all content. */
  finish(): void {
    this.tags.end();
    if (this.section) this.tags.leave(this.section);
    this.section = undefined;
    const n = this.doc.getNumberOfPages();
    for (let i = 1; i <= n; i++) {
      this.doc.setPage(i);
      this.setStyle({ size: 8.5, colour: 'secondary' });
      if (i > 1) {
        const half = this.width / 2 - 6;
        const left = (this.wrapText(this.options.header, half)[0] ?? '').trimEnd();
        const right = (this.wrapText(this.options.headerRight, half)[0] ?? '').trimEnd();
        this.textAt('Header', left, PAGE.left, 40, 'left');
        this.textAt('Header', right, PAGE.left + this.width, 40, 'right');
        this.y = 48;
        this.furnitureRule();
        this.tags.end();
      }
      const footY = PAGE.height - 36;
      this.y = footY - 12;
      this.tags.into('Footer');
      this.furnitureRule();
      this.setStyle({ size: 8.5, colour: 'secondary' });
      const footer = (this.wrapText(this.options.footer, this.width / 2)[0] ?? '').trimEnd();
      this.textAt('Footer', footer, PAGE.left, footY, 'left');
      this.textAt('Footer', this.options.pageLabel(i, n), PAGE.left + this.width, footY, 'right');
      this.tags.end();
    }
  }
}

function currentFont(doc: jsPDF): { fontStyle: string; metadata: ParsedFont } {
  return (doc.internal as unknown as { getFont(): { fontStyle: string; metadata: ParsedFont } }).getFont();
}

/**
 * Exact additive metrics for text without Arabic at the document's current font and size: `points(advance(s))` is
 * the number `doc.getTextWidth(s)` gives (tested over many strings). Undefined when the font's widths would not add
 * up exactly (then text is measured with getTextWidth).
 */
export function metricsFor(doc: jsPDF): Metrics | undefined {
  const unit = advanceTable(currentFont(doc).metadata);
  if (!unit) return undefined;
  const size = doc.getFontSize();
  const k = doc.internal.scaleFactor;
  return {
    advance: (s) => {
      let w = 0;
      for (let i = 0; i < s.length; i++) w += unit(s.charCodeAt(i));
      return w;
    },
    // jspdf's getTextWidth: widthOfString scales by size / 1000, getStringUnitWidth divides by the size and
    // getTextWidth multiplies by it again and divides by the unit's scale factor. The same steps, the same number.
    points: (a) => (((a * (size / 1000)) / size) * size) / k,
  };
}

const advanceTables = new WeakMap<object, (code: number) => number>();

/**
 * A font's advance width per UTF-16 code unit, in thousandths of the font size, as jspdf's widthOfString adds them
 * up (`widthOfGlyph(characterToGlyph(code))`), remembered per parsed font. Only for fonts whose units per em are a
 * power of two (DejaVu Sans: 2048): then every advance is an exact binary fraction and any sum of them is exact, so
 * adding a line's words one by one gives the very number measuring the whole line would. Otherwise undefined.
 */
function advanceTable(font: ParsedFont | undefined): ((code: number) => number) | undefined {
  const shared = (font as unknown as { hmtx?: object } | undefined)?.hmtx;
  if (!font || !shared || typeof font.widthOfGlyph !== 'function') return undefined;
  const known = advanceTables.get(shared);
  if (known) return known;
  const upm = font.head.unitsPerEm;
  if (!Number.isInteger(upm) || upm <= 0 || (upm & (upm - 1)) !== 0) return undefined;
  // jspdf's own methods, on the shared tables only (not on this document's copy of the font, which holds its records).
  const tables = font as unknown as { cmap: object; hmtx: object; head: object };
  const reader = Object.assign(Object.create(Object.getPrototypeOf(font)) as ParsedFont, {
    cmap: tables.cmap,
    hmtx: tables.hmtx,
    head: tables.head,
  });
  const widths = new Float64Array(65536).fill(Number.NaN);
  const unit = (code: number): number => {
    let w = widths[code] ?? Number.NaN;
    if (Number.isNaN(w)) {
      w = reader.widthOfGlyph(reader.characterToGlyph(code)) || 0;
      widths[code] = w;
    }
    return w;
  };
  advanceTables.set(shared, unit);
  return unit;
}
