// A small JSON reader that keeps what JSON.parse throws away: where each key is, and every key written twice in
// one object. JSON.parse silently keeps the last of two equal keys, so a question set in which two questions
// share an id would look fine after parsing. The content check reads the raw text with this instead.

/** A place in the text: 1-based line and column (in UTF-16 code units, as editors count). */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
  /** 0-based offset into the text. */
  readonly offset: number;
}

/** A key that appears more than once in the same object. */
export interface DuplicateKey {
  /** Path of the object holding the key, e.g. `['properties', 'answers', 'properties', 'housing', 'properties']`. */
  readonly path: readonly string[];
  readonly key: string;
  /** Every occurrence, in text order (at least two). */
  readonly occurrences: readonly KeyOccurrence[];
}

export interface KeyOccurrence {
  readonly position: TextPosition;
  /** 1-based place among the object's members, counting every member written (duplicates too). */
  readonly ordinal: number;
  /** The value written at this occurrence (JSON.parse would have kept only the last). */
  readonly value: unknown;
}

export interface JsonScan {
  /** The value as JSON.parse would give it (last duplicate wins). */
  readonly value: unknown;
  readonly duplicates: readonly DuplicateKey[];
  /** Position of each key's first occurrence, by path joined with NUL (use {@link keyPosition}). */
  readonly keys: ReadonlyMap<string, TextPosition>;
}

/** Thrown for text that is not JSON; the message names the line and column. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly position: TextPosition,
  ) {
    super(`${message} (line ${position.line}, column ${position.column})`);
  }
}

/** Where a key was first written, if it was. */
export function keyPosition(scan: JsonScan, path: readonly string[]): TextPosition | undefined {
  return scan.keys.get(path.join('\u0000'));
}

/** Read JSON text, keeping key positions and duplicate keys. Throws JsonSyntaxError on bad JSON. */
export function scanJson(text: string): JsonScan {
  return new Scanner(text).run();
}

const MAX_DEPTH = 512;

class Scanner {
  private i = 0;
  private readonly duplicates: DuplicateKey[] = [];
  private readonly keys = new Map<string, TextPosition>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) this.lineStarts.push(k + 1);
  }

  run(): JsonScan {
    // A byte-order mark is allowed at the very start (editors on Windows write one).
    if (this.text.charCodeAt(0) === 0xfeff) this.i = 1;
    this.ws();
    const value = this.value([]);
    this.ws();
    if (this.i < this.text.length) this.fail('Unexpected text after the end of the JSON');
    return { value, duplicates: this.duplicates, keys: this.keys };
  }

  private pos(offset = this.i): TextPosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1, offset };
  }

  private fail(message: string, offset = this.i): never {
    throw new JsonSyntaxError(message, this.pos(offset));
  }

  private ws(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else return;
    }
  }

  private value(path: string[]): unknown {
    // Content files are a few levels deep; a limit keeps hostile input from overflowing the stack.
    if (path.length > MAX_DEPTH) this.fail(`Nested more than ${MAX_DEPTH} levels deep`);
    const c = this.text[this.i];
    switch (c) {
      case '{':
        return this.object(path);
      case '[':
        return this.array(path);
      case '"':
        return this.string();
      case 't':
        return this.word('true', true);
      case 'f':
        return this.word('false', false);
      case 'n':
        return this.word('null', null);
      case undefined:
        return this.fail('The JSON ends too early');
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number();
        return this.fail(`Unexpected character ${JSON.stringify(c)}`);
    }
  }

  private word<T>(w: string, v: T): T {
    if (this.text.startsWith(w, this.i)) {
      this.i += w.length;
      return v;
    }
    return this.fail('Unexpected word');
  }

  private number(): number {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!m) return this.fail('Bad number');
    this.i += m[0].length;
    return Number(m[0]);
  }

  private string(): string {
    const start = this.i;
    this.i++; // opening quote
    let out = '';
    let run = this.i;
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('A string is not closed', start);
      if (c === 34) {
        out += this.text.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) this.fail('A string has a raw control character (a line break inside quotes?)');
      if (c === 92) {
        out += this.text.slice(run, this.i);
        const e = this.text[this.i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && e in simple) {
          out += simple[e];
          this.i += 2;
        } else if (e === 'u') {
          const hex = this.text.slice(this.i + 2, this.i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Bad \\u escape');
          out += String.fromCharCode(Number.parseInt(hex, 16));
          this.i += 6;
        } else this.fail('Bad escape in a string');
        run = this.i;
        continue;
      }
      this.i++;
    }
  }

  private array(path: string[]): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.ws();
    if (this.text[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value([...path, String(out.length)]));
      this.ws();
      const c = this.text[this.i];
      if (c === ',') this.i++;
      else if (c === ']') {
        this.i++;
        return out;
      } else this.fail('Expected "," or "]" in a list');
    }
  }

  private object(path: string[]): Record<string, unknown> {
    this.i++;
    // A null prototype so keys such as "__proto__" are ordinary keys, as with JSON.parse.
    const out: Record<string, unknown> = Object.create(null);
    const seen = new Map<string, KeyOccurrence[]>();
    let ordinal = 0;
    this.ws();
    if (this.text[this.i] === '}') {
      this.i++;
      return {};
    }
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"') this.fail('Expected a key in double quotes');
      const at = this.pos();
      const key = this.string();
      this.ws();
      if (this.text[this.i] !== ':') this.fail('Expected ":" after a key');
      this.i++;
      this.ws();
      const childPath = [...path, key];
      const value = this.value(childPath);
      ordinal++;
      const occ: KeyOccurrence = { position: at, ordinal, value };
      const list = seen.get(key);
      if (list) list.push(occ);
      else {
        seen.set(key, [occ]);
        this.keys.set(childPath.join('\u0000'), at);
      }
      out[key] = value;
      this.ws();
      const c = this.text[this.i];
      if (c === ',') this.i++;
      else if (c === '}') {
        this.i++;
        break;
      } else this.fail('Expected "," or "}" in an object');
    }
    for (const [key, occurrences] of seen) if (occurrences.length > 1) this.duplicates.push({ path, key, occurrences });
    return toPlain(out);
  }
}

/** Copy a null-prototype object to a plain one, defining "__proto__" as an own key like JSON.parse does. */
function toPlain(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o))
    Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
  return out;
}
