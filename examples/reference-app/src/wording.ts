// A council's own wording: a folder of locale files (the same format as schemas/locales/*.json), set with
// ONWARD_WORDING_DIR and read once at start. The files are checked with the same content check as
// `onward content check`, against the shipped question sets and together with the shipped files they do not
// replace; an error stops the start with one line per problem, a warning (e.g. a partial easy-read file, whose
// other questions fall back one by one) is printed and the app starts. A council file replaces the shipped file of
// the same locale and variant; the others stay.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  allShippedWording,
  type ContentFile,
  checkContent,
  formatProblem,
  type LocaleFile,
  schemas,
  shippedLocales,
  type Wording,
} from '@onward/engine';

export interface CouncilWording {
  wording: Wording;
  /** The council's own files, as read (served to the widgets). */
  files: LocaleFile[];
  /** Warnings from the content check, one line each (`file: warning [rule] message`). */
  warnings: string[];
  /** What the folder holds, for the start-up line: `en-GB, cy (easy)`. */
  summary: string;
}

/** The folder's files have errors: `lines` says each one, with file, line and rule, as the CLI would. */
export class WordingFolderError extends Error {
  override readonly name = 'WordingFolderError';
  constructor(
    message: string,
    readonly lines: string[],
  ) {
    super(message);
  }
}

const key = (f: { meta: { locale: string; variant: string } }) => `${f.meta.locale}|${f.meta.variant}`;

/** Reads and checks a council's wording folder. Throws WordingFolderError when the content check finds errors. */
export function loadWordingFolder(dir: string): CouncilWording {
  const folder = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((n) => n.endsWith('.json') && statSync(join(folder, n)).isFile())
      .sort();
  } catch {
    throw new WordingFolderError(`The wording folder ${folder} cannot be read.`, [`${folder}: no such folder`]);
  }
  if (!names.length)
    throw new WordingFolderError(`The wording folder ${folder} has no locale files (*.json).`, [
      `${folder}: no locale files`,
    ]);
  const own: ContentFile[] = names.map((n) => ({ path: join(dir, n), text: readFileSync(join(folder, n), 'utf8') }));
  // Parse what parses; a file that does not is reported by the check itself, with its line and column.
  const parsed: LocaleFile[] = [];
  for (const f of own) {
    try {
      parsed.push(JSON.parse(f.text) as LocaleFile);
    } catch {
      // reported below
    }
  }
  const replaced = new Set(parsed.filter((f) => f?.meta).map(key));
  const shipped = shippedLocales()
    .filter((f) => !replaced.has(key(f)))
    .map((f) => ({
      path: `(shipped) ${f.meta.locale}${f.meta.variant === 'standard' ? '' : `-${f.meta.variant}`}.json`,
      text: JSON.stringify(f, null, 2),
    }));
  const report = checkContent({
    questionSets: [
      { path: '(shipped) outcomes.v1.schema.json', text: JSON.stringify(schemas.outcomesV1Schema, null, 2) },
      { path: '(shipped) outcomes.v2.schema.json', text: JSON.stringify(schemas.outcomesV2Schema, null, 2) },
    ],
    locales: [...own, ...shipped],
  });
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new WordingFolderError(
      `The wording in ${dir} has ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}; Onward did not start.`,
      errors.map(formatProblem),
    );
  return {
    wording: allShippedWording(parsed),
    files: parsed,
    warnings: report.problems.filter((p) => p.severity === 'warning').map(formatProblem),
    summary: parsed
      .map((f) => `${f.meta.locale}${f.meta.variant === 'standard' ? '' : ` (${f.meta.variant})`}`)
      .join(', '),
  };
}
