// A small RFC 4180 CSV reader for imports from case-management systems (LCS, Mosaic, Eclipse exports).
// Quoted fields may hold commas, quotes ("" inside quotes) and line breaks; lines end in CRLF or LF; a leading
// byte-order mark is dropped. Each record keeps the line it started on, so problems can name the row a person
// sees in a spreadsheet (the header is line 1).

export interface CsvRecord {
  /** The line in the file where this record starts (1 = the header). */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  let dirty = false; // something has been read for the current record
  const endRecord = () => {
    fields.push(field);
    // A record that is one empty field is a blank line: skipped.
    if (!(fields.length === 1 && fields[0] === '' && !dirty)) records.push({ line: start, fields });
    fields = [];
    field = '';
    dirty = false;
  };
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvError(`Line ${line}: a quoted value must end at a comma or the end of the line.`, line);
        }
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') {
      if (field !== '') {
        throw new CsvError(`Line ${line}: a quote mark inside a value needs the whole value in quotes.`, line);
      }
      quoted = true;
      quoteLine = line;
      dirty = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      dirty = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      start = line;
      continue;
    }
    field += ch;
    dirty = true;
    i += 1;
  }
  if (quoted) throw new CsvError(`Line ${quoteLine}: a quoted value is never closed.`, quoteLine);
  if (field !== '' || fields.length > 0 || dirty) endRecord();
  return records;
}
