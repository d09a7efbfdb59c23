// Dry run of a young people CSV from a case-management system: every row is turned into the same body the API's
// "register a young person" takes and checked with the same schema (bodies.youngPersonCreate), plus the
// case-management person id. Nothing is written here; the result names every bad row and field, so a council
// can fix the export before anything is imported.
import { isUnstorable } from '../http/context.js';
import type { FieldProblem } from '../http/problem.js';
import { bodies, type YoungPersonCreateBody } from '../http/validators.js';
import { CsvError, type CsvRecord, parseCsv } from './csv.js';

/** Columns, as they appear in the header, and the body field each fills. */
export const YOUNG_PEOPLE_COLUMNS = {
  external_id: 'externalId',
  name: 'name',
  preferred_name: 'preferredName',
  date_of_birth: 'dateOfBirth',
  category: 'category',
  team_id: 'teamId',
  pa_id: 'paId',
  social_worker_id: 'socialWorkerId',
  language: 'language',
} as const;

type Column = keyof typeof YOUNG_PEOPLE_COLUMNS;
const REQUIRED: readonly Column[] = ['external_id', 'name', 'date_of_birth', 'category', 'team_id', 'pa_id'];
const EXTERNAL_ID = /^[A-Za-z0-9_.:/-]{1,64}$/;

export interface ImportRow {
  /** The line in the file (1 = the header). */
  line: number;
  externalId: string;
  body: YoungPersonCreateBody;
}

export interface RowProblem extends FieldProblem {
  /** The line in the file (0 = the file as a whole). */
  line: number;
  /** The CSV column the problem is in, when there is one. */
  column?: string;
}

export interface DryRun {
  rows: ImportRow[];
  problems: RowProblem[];
}

export const MAX_IMPORT_ROWS = 20_000;

/** The CSV column a body field comes from. */
export function columnFor(field: string): string | undefined {
  for (const [col, f] of Object.entries(YOUNG_PEOPLE_COLUMNS)) if (f === field) return col;
  return undefined;
}

export function dryRunYoungPeople(text: string): DryRun {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) return { rows: [], problems: [{ line: e.line, path: '', message: e.message }] };
    throw e;
  }
  const problems: RowProblem[] = [];
  const header = records.shift();
  if (!header) return { rows: [], problems: [{ line: 0, path: '', message: 'The file is empty.' }] };
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const index = new Map<Column, number>();
  names.forEach((n, i) => {
    if (!(n in YOUNG_PEOPLE_COLUMNS)) {
      problems.push({ line: 1, path: '', column: n, message: `Column "${n}" is not one this import knows.` });
    } else if (index.has(n as Column)) {
      problems.push({ line: 1, path: '', column: n, message: `Column "${n}" appears twice.` });
    } else index.set(n as Column, i);
  });
  for (const col of REQUIRED) {
    if (!index.has(col)) problems.push({ line: 1, path: '', column: col, message: `Column "${col}" is missing.` });
  }
  if (problems.length) return { rows: [], problems };
  if (records.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      problems: [
        { line: 0, path: '', message: `The file has ${records.length} rows; at most ${MAX_IMPORT_ROWS} at once.` },
      ],
    };
  }

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of records) {
    const { line, fields } = rec;
    const before = problems.length;
    if (fields.length !== names.length) {
      problems.push({
        line,
        path: '',
        message: `Row on line ${line} has ${fields.length} values; the header has ${names.length}.`,
      });
      continue;
    }
    const doc: Record<string, string> = {};
    for (const [col, i] of index) {
      const value = (fields[i] as string).trim();
      if (value === '') continue; // an empty cell is a value not given
      if (isUnstorable(value)) {
        problems.push({
          line,
          path: YOUNG_PEOPLE_COLUMNS[col],
          column: col,
          message: `"${col}" holds characters that cannot be stored.`,
        });
        continue;
      }
      doc[YOUNG_PEOPLE_COLUMNS[col]] = value;
    }
    const externalId = doc.externalId ?? '';
    delete doc.externalId;
    if (!externalId) {
      problems.push({ line, path: 'externalId', column: 'external_id', message: '"external id" is missing.' });
    } else if (!EXTERNAL_ID.test(externalId)) {
      problems.push({
        line,
        path: 'externalId',
        column: 'external_id',
        message: '"external id" may use letters, digits and . _ : / - only, up to 64 characters.',
      });
    } else if (seen.has(externalId)) {
      problems.push({
        line,
        path: 'externalId',
        column: 'external_id',
        message: `"external id" ${externalId} is also on line ${seen.get(externalId)}.`,
      });
    } else seen.set(externalId, line);
    const checked = bodies.youngPersonCreate(doc);
    if (!checked.ok) {
      for (const e of checked.errors) {
        const field = e.path.split('/').filter(Boolean)[0];
        const column = field ? columnFor(field) : undefined;
        problems.push({ line, path: e.path, ...(column ? { column } : {}), message: e.message });
      }
    }
    if (problems.length === before && checked.ok) rows.push({ line, externalId, body: checked.value });
  }
  return { rows, problems };
}
