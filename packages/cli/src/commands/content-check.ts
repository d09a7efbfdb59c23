// `onward content check`: read a content folder laid out like Onward's schemas/ (outcomes/*.schema.json,
// locales/*.json) and report every problem, one line each. The checking itself is @onward/engine's checkContent;
// this file only reads files and prints.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  type ContentReport,
  type ContentSources,
  checkContent,
  DEFAULT_EASY_MAX_WORDS,
  DEFAULT_MAX_LENGTH,
  DEFAULT_MIN_EASE,
  formatProblem,
} from '@onward/engine';
import { intOption, numberOption, parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Io, UsageError } from '../io.js';

const usage = `Usage: onward content check [--dir <folder>] [--max-length N] [--min-ease N] [--strict] [--scores] [--json]

Checks question sets and wording: duplicate or missing ids, questions without wording in a locale, wording that
is too long, locale files that break the locale schema, wording for ids that do not exist, easy read that is
harder than the standard wording (or the same with no reason given), and a reading-ease score for every English
question (a warning where it may be hard to read).

Options:
  --dir <folder>      The content folder, laid out like Onward's schemas/: outcomes/*.schema.json and
                      locales/*.json. Default: the current folder if it has outcomes/ or locales/, else ./schemas.
  --max-length N      Longest question wording, in characters (default ${DEFAULT_MAX_LENGTH}).
  --min-ease N        Warn when an English question's reading ease is under N (default ${DEFAULT_MIN_EASE}; 60-70 is plain English).
  --easy-max-words N  Longest easy-read sentence, in words (default ${DEFAULT_EASY_MAX_WORDS}).
  --strict            Warnings fail the check too.
  --scores            Also print the reading-ease score of every English question.
  --json              Print the whole report as JSON instead of lines.

Exit code: 0 when there are no errors, 1 when there are (one line per problem), 2 for a usage mistake.

Example:
  onward content check --dir my-council-content --max-length 120`;

/** Which folder to check: --dir, else the working folder when it looks like content, else ./schemas. */
export function resolveContentDir(dir: string | undefined, cwd: string): string {
  if (dir !== undefined) return resolve(cwd, dir);
  if (existsSync(join(cwd, 'outcomes')) || existsSync(join(cwd, 'locales'))) return cwd;
  return join(cwd, 'schemas');
}

/**
 * Read a content folder's question sets and locale files, in name order. `shownAs` is the folder as paths
 * should appear in messages (e.g. `schemas`), so that editors can jump to `schemas/locales/cy.json:12:5`.
 */
export function readContentDir(dir: string, shownAs = dir): ContentSources {
  const read = (sub: string, suffix: string) => {
    const folder = join(dir, sub);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
    return readdirSync(folder)
      .filter((n) => n.endsWith(suffix) && statSync(join(folder, n)).isFile())
      .sort()
      .map((n) => ({ path: join(shownAs, sub, n), text: readFileSync(join(folder, n), 'utf8') }));
  };
  return { questionSets: read('outcomes', '.schema.json'), locales: read('locales', '.json') };
}

export const contentCheck: Command = {
  name: 'content check',
  summary: 'Check question sets and wording (ids, missing wording, length, reading ease).',
  usage,
  run(args: readonly string[], io: Io): number {
    const parsed = parseArgs(args, {
      values: ['dir', 'max-length', 'min-ease', 'easy-max-words'],
      flags: ['strict', 'scores', 'json'],
    });
    if (parsed.flags.has('help')) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positional.length)
      throw new UsageError(`Unexpected argument "${parsed.positional[0]}". Give the folder with --dir.`);
    const maxLength = intOption(parsed, 'max-length', 1, 400);
    const minEase = numberOption(parsed, 'min-ease', -100, 121);
    const easyMaxWords = intOption(parsed, 'easy-max-words', 1, 100);
    const dir = resolveContentDir(parsed.values.dir, io.cwd);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`There is no folder ${dir}.`);
    const rel = relative(io.cwd, dir);
    const shownAs = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
    const sources = readContentDir(dir, shownAs === '.' ? '' : shownAs);
    const report = checkContent(sources, {
      ...(maxLength !== undefined ? { maxLength } : {}),
      ...(minEase !== undefined ? { minEase } : {}),
      ...(easyMaxWords !== undefined ? { easyMaxWords } : {}),
    });
    const strict = parsed.flags.has('strict');
    const failed = report.errors > 0 || (strict && report.warnings > 0);
    if (parsed.flags.has('json')) {
      io.out(JSON.stringify(report, null, 2));
      return failed ? EXIT.problems : EXIT.ok;
    }
    if (parsed.flags.has('scores')) for (const line of scoreLines(report)) io.out(line);
    for (const p of report.problems) io.out(formatProblem(p));
    io.err(summary(report, shownAs, strict));
    return failed ? EXIT.problems : EXIT.ok;
  },
};

function scoreLines(report: ContentReport): string[] {
  return report.scores.map(
    (s) =>
      `${s.file}: score ${s.score.toFixed(1).padStart(5)} ${s.locale}${s.variant === 'easy' ? ' easy' : ''} ${s.id}: ${s.text}`,
  );
}

function summary(report: ContentReport, dir: string, strict: boolean): string {
  const latest = report.questionSets.reduce<{ version: number; questions: number } | undefined>(
    (a, s) => (!a || s.version > a.version ? s : a),
    undefined,
  );
  const sets = `${report.questionSets.length} question set${report.questionSets.length === 1 ? '' : 's'}`;
  const current = latest ? ` (version ${latest.version}: ${latest.questions} questions)` : '';
  const locales = `${report.locales.length} locale file${report.locales.length === 1 ? '' : 's'}`;
  const counts = `${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`;
  const verdict =
    report.errors > 0 || (strict && report.warnings > 0) ? 'Content check failed' : 'Content check passed';
  return `${verdict} for ${dir}: ${sets}${current}, ${locales}; ${counts}.`;
}
