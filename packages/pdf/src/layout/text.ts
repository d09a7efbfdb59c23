// Text preparation and line wrapping. Text is wrapped in logical order (as typed); jspdf then shapes Arabic script
// and puts each line into visual order when it is drawn, so a right-to-left note reads correctly line by line.

/** Measures a string's width in points at the current font and size. */
export type Measure = (text: string) => number;

/**
 * Measures by advance widths that add up exactly (the sum of a string's characters, in font units, with no
 * shaping or kerning between them), so that a line can be measured as it grows instead of again from its start.
 * `points(advance(s))` must equal what a `Measure` would say of `s`.
 */
export interface Metrics {
  readonly advance: (text: string) => number;
  readonly points: (advance: number) => number;
}

const RTL_STRONG = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR_STRONG = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/u;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** The direction of a paragraph, from its first strong character (as the Unicode bidi algorithm's P2 rule). */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) {
    if (RTL_STRONG.test(ch)) return 'rtl';
    if (LTR_STRONG.test(ch)) return 'ltr';
  }
  return 'ltr';
}

export function hasRtl(text: string): boolean {
  return RTL_STRONG.test(text);
}

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * Make text drawable without changing what it says: line breaks are normalised to `\n`, tabs become spaces and
 * other control characters (which no font can draw) become spaces. Nothing is escaped here: jspdf writes text as
 * glyph ids in hex, so `(`, `)`, `\` and `%` cannot break the PDF, and nothing is ever read as markup.
 */
export function clean(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, '    ')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
  );
}

/**
 * Wrap text into lines no wider than `width`. Lines break at spaces; a word wider than the line (a long link, a
 * run of letters) is broken between characters, never drawn past the margin. Blank lines are kept. With `Metrics`
 * each line's width is kept as it grows (the same lines as measuring each candidate line whole, in linear time).
 */
export function wrap(text: string, width: number, measure: Measure | Metrics): string[] {
  return wrapSpaced(text, width, measure).lines;
}

/**
 * `wrap`, also saying after which lines the text had a space or a line break (`spaced[i]`), as opposed to a word
 * broken between characters or the end. A drawn line then ends with that space, invisible, so text read from the
 * PDF (a screen reader following the tags, copy and paste) keeps its words apart.
 */
export function wrapSpaced(
  text: string,
  width: number,
  measure: Measure | Metrics,
): { lines: string[]; spaced: boolean[] } {
  // The width of `prefix + piece`, given the advance of `prefix`; returns [points, advance of the whole].
  const grow: (prefix: string, prefixAdvance: number, piece: string) => readonly [number, number] =
    typeof measure === 'function'
      ? (prefix, _a, piece) => [measure(prefix + piece), 0]
      : (_p, prefixAdvance, piece) => {
          const a = prefixAdvance + measure.advance(piece);
          return [measure.points(a), a];
        };
  const out: string[] = [];
  const spaced: boolean[] = [];
  const paras = clean(text).split('\n');
  paras.forEach((para, p) => {
    if (para.trim() === '') {
      out.push('');
      spaced.push(true);
      return;
    }
    let line = '';
    let lineAdvance = 0;
    for (const token of para.split(/(\s+)/)) {
      if (token === '') continue;
      const isSpace = /^\s+$/.test(token);
      if (isSpace) {
        if (line !== '') {
          lineAdvance = grow(line, lineAdvance, token)[1];
          line += token;
        }
        continue;
      }
      const [w, a] = grow(line, lineAdvance, token);
      if (w <= width) {
        line += token;
        lineAdvance = a;
        continue;
      }
      if (line.trim() !== '') {
        out.push(line.trimEnd());
        spaced.push(true);
      }
      line = '';
      lineAdvance = 0;
      const [tw, ta] = grow('', 0, token);
      if (tw <= width) {
        line = token;
        lineAdvance = ta;
        continue;
      }
      // A word longer than the whole line: break it between characters (code points, so no surrogate is split).
      let chunk = '';
      let chunkAdvance = 0;
      for (const ch of token) {
        const [cw, ca] = grow(chunk, chunkAdvance, ch);
        if (chunk !== '' && cw > width) {
          out.push(chunk);
          spaced.push(false);
          chunk = ch;
          chunkAdvance = grow('', 0, ch)[1];
          continue;
        }
        chunk += ch;
        chunkAdvance = ca;
      }
      line = chunk;
      lineAdvance = chunkAdvance;
    }
    out.push(line.trimEnd());
    spaced.push(p < paras.length - 1);
  });
  // Leading and trailing blank lines carry nothing.
  while (out.length > 1 && out[0] === '') {
    out.shift();
    spaced.shift();
  }
  while (out.length > 1 && out[out.length - 1] === '') {
    out.pop();
    spaced.pop();
  }
  if (spaced.length) spaced[spaced.length - 1] = false;
  return { lines: out, spaced };
}
