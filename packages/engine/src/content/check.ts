// The content check: everything that can go wrong when a council adapts wording or a contributor edits a question
// set, found before it reaches a young person. Pure: it is given file texts, never touches a disk, so the same
// check runs in the CLI, in tests and in a browser-based editor.
import { validateLocale } from '../validation/validate.js';
import { harderBecause, hardWordsIn } from './easy-read.js';
import {
  type JsonScan,
  JsonSyntaxError,
  type KeyOccurrence,
  keyPosition,
  scanJson,
  type TextPosition,
} from './json-scan.js';
import { MIGRATIONS, type Migration, type MigrationStep } from './migrations.js';
import { ContentError, loadQuestionSet, type QuestionSet } from './question-set.js';
import { readingEase, sentences, wordsOf } from './readability.js';

/** One file's text and the path to show in messages (relative to the content folder, e.g. `locales/cy.json`). */
export interface ContentFile {
  readonly path: string;
  readonly text: string;
}

/** The content to check: question-set schemas (`outcomes/*.schema.json`) and locale files (`locales/*.json`). */
export interface ContentSources {
  readonly questionSets: readonly ContentFile[];
  readonly locales: readonly ContentFile[];
}

export interface ContentCheckOptions {
  /** Longest question wording allowed, in characters. Default 150. */
  readonly maxLength?: number;
  /** Reading-ease score (Flesch) under which an English question gets a warning. Default 60 ("plain English"). */
  readonly minEase?: number;
  /** Longest sentence in easy-read wording, in words, before a warning. Default 15. */
  readonly easyMaxWords?: number;
  /** The migrations between versions, to tell a retired question from one that went missing. Default: shipped. */
  readonly migrations?: readonly Migration[];
}

export const DEFAULT_MAX_LENGTH = 150;
export const DEFAULT_MIN_EASE = 60;
export const DEFAULT_EASY_MAX_WORDS = 15;

/** What a problem is about. Errors fail the check; warnings do not (unless the caller is strict). */
export type ContentRule =
  | 'json'
  | 'question-set'
  | 'no-question-set'
  | 'duplicate-version'
  | 'duplicate-id'
  | 'duplicate-domain'
  | 'duplicate-key'
  | 'missing-id'
  | 'bad-id'
  | 'no-locale'
  | 'no-default-locale'
  | 'locale-schema'
  | 'duplicate-locale'
  | 'duplicate-entry'
  | 'missing-wording'
  | 'missing-domain'
  | 'partial-variant'
  | 'unknown-id'
  | 'unknown-domain'
  | 'too-long'
  | 'reading-ease'
  | 'easy-read-sentence'
  | 'easy-read-harder'
  | 'easy-read-hard-word'
  | 'easy-read-same'
  | 'easy-read-reason';

export interface ContentProblem {
  readonly severity: 'error' | 'warning';
  readonly rule: ContentRule;
  /** The file the problem is in, as given in ContentFile.path; '' for the content as a whole. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The question id concerned, if any. */
  readonly id?: string;
  readonly message: string;
}

/** The reading-ease score of one English question. */
export interface ReadingScore {
  readonly file: string;
  readonly locale: string;
  readonly variant: string;
  readonly id: string;
  readonly text: string;
  readonly score: number;
}

export interface ContentReport {
  /** True when there are no errors (warnings allowed). */
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  /** Every problem, sorted by file and line. */
  readonly problems: readonly ContentProblem[];
  /** A score for each question of the newest question set in each English locale. */
  readonly scores: readonly ReadingScore[];
  readonly questionSets: readonly { readonly file: string; readonly version: number; readonly questions: number }[];
  readonly locales: readonly {
    readonly file: string;
    readonly locale: string;
    readonly variant: string;
    readonly status: string;
  }[];
}

const ANSWERS_PATH = ['properties', 'answers', 'properties'];
const DOMAIN_ID = /^[a-z]+$/;
const QUESTION_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Check question sets and locales together. Never throws on bad content: every problem is in the report. */
/** The questions of each standard locale file, by locale, to compare easy read with. */
function standardQuestions(sources: ContentSources): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const f of sources.locales) {
    try {
      const doc = asRecord(JSON.parse(f.text));
      const meta = asRecord(doc?.meta);
      if (typeof meta?.locale === 'string' && (meta.variant ?? 'standard') === 'standard')
        out.set(meta.locale, stringRecord(doc?.questions));
    } catch {
      // A file that is not JSON is reported on its own.
    }
  }
  return out;
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** Which standard locale a partial variant of `locale` falls back to first: the locale itself, else its base language. */
function seenStandard(sources: ContentSources, locale: string, base: string): string | undefined {
  const standards = new Set<string>();
  for (const f of sources.locales) {
    try {
      const meta = asRecord(asRecord(JSON.parse(f.text))?.meta);
      if (typeof meta?.locale === 'string' && (meta.variant ?? 'standard') === 'standard') standards.add(meta.locale);
    } catch {
      // A file that is not JSON is reported on its own.
    }
  }
  return standards.has(locale) ? locale : standards.has(base) ? base : undefined;
}

export function checkContent(sources: ContentSources, options: ContentCheckOptions = {}): ContentReport {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const minEase = options.minEase ?? DEFAULT_MIN_EASE;
  const easyMaxWords = options.easyMaxWords ?? DEFAULT_EASY_MAX_WORDS;
  const problems: ContentProblem[] = [];
  const scores: ReadingScore[] = [];
  const add = (p: ContentProblem) => problems.push(p);
  const standards = standardQuestions(sources);

  // 1. Question sets.
  const sets: { file: string; set: QuestionSet }[] = [];
  for (const f of sources.questionSets) {
    const scan = scanFile(f, add);
    if (!scan) continue;
    checkQuestionSetKeys(f.path, scan, add);
    try {
      sets.push({ file: f.path, set: loadQuestionSet(scan.value) });
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      add({
        severity: 'error',
        rule: 'question-set',
        file: f.path,
        message: `This is not a question set: ${e.message}`,
      });
    }
  }
  if (!sources.questionSets.length)
    add({
      severity: 'error',
      rule: 'no-question-set',
      file: '',
      message: 'No question set found (outcomes/*.schema.json).',
    });
  const byVersion = new Map<number, string>();
  for (const { file, set } of sets) {
    const other = byVersion.get(set.version);
    if (other !== undefined)
      add({
        severity: 'error',
        rule: 'duplicate-version',
        file,
        message: `Version ${set.version} is also defined in ${other}. Each version needs its own number.`,
      });
    else byVersion.set(set.version, file);
  }
  checkVersionsKeepIds(sets, options.migrations ?? MIGRATIONS, add);
  const latest = sets.reduce<QuestionSet | undefined>(
    (a, { set }) => (!a || set.version > a.version ? set : a),
    undefined,
  );
  // Ids of any version are known: wording for a retired question is kept so old plans still render.
  const knownIds = new Set(sets.flatMap(({ set }) => set.questions.map((q) => q.id)));
  const knownDomains = new Set(sets.flatMap(({ set }) => set.domains.map((d) => d.id as string)));

  // 2. Locales.
  const localeSummaries: { file: string; locale: string; variant: string; status: string }[] = [];
  const seenLocale = new Map<string, string>();
  if (!sources.locales.length)
    add({ severity: 'error', rule: 'no-locale', file: '', message: 'No locale files found (locales/*.json).' });
  for (const f of sources.locales) {
    const scan = scanFile(f, add);
    if (!scan) continue;
    checkLocaleDuplicates(f.path, scan, add);
    const at = (path: readonly string[]) => lineOf(scan, path);
    const valid = validateLocale(scan.value);
    if (!valid.ok) {
      for (const e of valid.errors) {
        const parts = e.path ? e.path.split('.') : [];
        // Question ids contain a dot: rejoin the part after "questions"/"hints" into one key.
        const keyParts =
          (parts[0] === 'questions' || parts[0] === 'hints') && parts.length > 1
            ? [parts[0], parts.slice(1).join('.')]
            : parts;
        add({
          severity: 'error',
          rule: 'locale-schema',
          file: f.path,
          ...nearest(scan, keyParts),
          message: `${e.path ? `${e.path}: ` : ''}${e.message}`,
        });
      }
    }
    const doc = asRecord(scan.value);
    const meta = asRecord(doc?.meta);
    const locale = typeof meta?.locale === 'string' ? meta.locale : '?';
    const variant = typeof meta?.variant === 'string' ? meta.variant : 'standard';
    const label = `${locale}${variant === 'standard' ? '' : ` (${variant})`}`;
    localeSummaries.push({
      file: f.path,
      locale,
      variant,
      status: typeof meta?.status === 'string' ? meta.status : '?',
    });
    const lv = `${locale}|${variant}`;
    const other = seenLocale.get(lv);
    if (other !== undefined)
      add({
        severity: 'error',
        rule: 'duplicate-locale',
        file: f.path,
        message: `${other} is also ${label}. Keep one file per locale and variant.`,
      });
    else seenLocale.set(lv, f.path);

    const questions = stringRecord(doc?.questions);
    const hints = stringRecord(doc?.hints);
    const domains = asRecord(doc?.domains) ?? {};

    if (latest) {
      // A variant (easy read) may cover only some questions: the others fall back, one by one, to the same locale's
      // standard wording (then en-GB), as Wording does. One warning says so; a blank entry is still an error.
      const partial = variant !== 'standard';
      const fallsBack: string[] = [];
      for (const q of latest.questions) {
        const text = questions[q.id];
        if (partial && text === undefined) {
          fallsBack.push(q.id);
          continue;
        }
        if (text === undefined || !text.trim())
          add({
            severity: 'error',
            rule: 'missing-wording',
            file: f.path,
            id: q.id,
            ...(text === undefined ? {} : at(['questions', q.id])),
            message: `No wording for "${q.id}" in ${label}.`,
          });
      }
      if (fallsBack.length) {
        const base = locale.split('-')[0] ?? locale;
        const standard = seenStandard(sources, locale, base);
        add({
          severity: 'warning',
          rule: 'partial-variant',
          file: f.path,
          message: `${label} has its own wording for ${latest.questions.length - fallsBack.length} of ${latest.questions.length} questions; the other ${fallsBack.length} fall back, one by one, to ${standard ?? 'en-GB'} standard wording (first: ${fallsBack.slice(0, 3).join(', ')}${fallsBack.length > 3 ? ', …' : ''}).`,
        });
      }
      for (const d of latest.domains)
        if (!partial && !asRecord(domains[d.id]))
          add({
            severity: 'error',
            rule: 'missing-domain',
            file: f.path,
            message: `No title or description for the domain "${d.id}" in ${label}.`,
          });
    }
    if (sets.length) {
      for (const [section, record] of [
        ['questions', questions],
        ['hints', hints],
        ['pictures', stringRecord(doc?.pictures)],
      ] as const)
        for (const id of Object.keys(record))
          if (!knownIds.has(id))
            add({
              severity: 'error',
              rule: 'unknown-id',
              file: f.path,
              id,
              ...at([section, id]),
              message: `"${id}" in ${section} is not a question in any version of the question set. Check the spelling, or remove it.`,
            });
      for (const d of Object.keys(domains))
        if (!knownDomains.has(d))
          add({
            severity: 'error',
            rule: 'unknown-domain',
            file: f.path,
            ...at(['domains', d]),
            message: `"${d}" in domains is not a domain of the question set.`,
          });
    }

    for (const [id, text] of Object.entries(questions)) {
      const length = [...text].length;
      if (length > maxLength)
        add({
          severity: 'error',
          rule: 'too-long',
          file: f.path,
          id,
          ...at(['questions', id]),
          message: `The wording for "${id}" is ${length} characters; the limit is ${maxLength}. Shorten it, or move the explanation into a hint.`,
        });
    }

    if (/^en(-|$)/i.test(locale) && latest) {
      for (const q of latest.questions) {
        const text = questions[q.id];
        if (!text?.trim()) continue;
        const { score } = readingEase(text);
        scores.push({ file: f.path, locale, variant, id: q.id, text, score });
        if (score < minEase)
          add({
            severity: 'warning',
            rule: 'reading-ease',
            file: f.path,
            id: q.id,
            ...at(['questions', q.id]),
            message: `"${q.id}" may be hard to read: reading ease ${score.toFixed(1)}, aim for ${minEase} or more. ${
              hints[q.id]
                ? 'It has a hint: check the hint explains the hard words.'
                : 'Try shorter words, or explain the hard word in a hint.'
            }`,
          });
      }
    }

    if (variant === 'easy') {
      // Easy read must be easier than the standard wording it replaces, or say why it is the same.
      const base = locale.split('-')[0] ?? locale;
      const standardLocale = seenStandard(sources, locale, base) ?? 'en-GB';
      const standard = standards.get(standardLocale) ?? {};
      const english = /^en(-|$)/i.test(locale);
      const reasons = stringRecord(doc?.sameAsStandardBecause);
      for (const [id, text] of Object.entries(questions)) {
        const std = standard[id];
        const pos = at(['questions', id]);
        for (const h of english ? hardWordsIn(text) : [])
          add({
            severity: 'error',
            rule: 'easy-read-hard-word',
            file: f.path,
            id,
            ...pos,
            message: `Easy read: "${id}" uses "${h.words}"; say "${h.plain}" instead (or explain the word in a hint and use the plain words in the question).`,
          });
        if (std === undefined) continue;
        if (sameText(text, std)) {
          if (!reasons[id]?.trim())
            add({
              severity: 'error',
              rule: 'easy-read-same',
              file: f.path,
              id,
              ...pos,
              message: `Easy read: "${id}" is word for word the ${standardLocale} standard wording. Make it easier, or say why it stays the same in sameAsStandardBecause.`,
            });
          continue;
        }
        if (reasons[id] !== undefined)
          add({
            severity: 'warning',
            rule: 'easy-read-reason',
            file: f.path,
            id,
            ...at(['sameAsStandardBecause', id]),
            message: `Easy read: sameAsStandardBecause gives a reason for "${id}", but its wording is not the same as the standard wording any more. Remove the reason.`,
          });
        const why = harderBecause(text, std, english);
        if (why.length)
          add({
            severity: 'error',
            rule: 'easy-read-harder',
            file: f.path,
            id,
            ...pos,
            message: `Easy read: "${id}" is harder than the ${standardLocale} standard wording: ${why.join('; ')}. Standard: "${std}"`,
          });
      }
      for (const id of Object.keys(reasons))
        if (sets.length && !knownIds.has(id))
          add({
            severity: 'error',
            rule: 'unknown-id',
            file: f.path,
            id,
            ...at(['sameAsStandardBecause', id]),
            message: `"${id}" in sameAsStandardBecause is not a question in any version of the question set.`,
          });
      for (const [section, record] of [
        ['questions', questions],
        ['hints', hints],
      ] as const)
        for (const [id, text] of Object.entries(record)) {
          const longest = Math.max(0, ...sentences(text).map((s) => wordsOf(s).length));
          if (longest > easyMaxWords)
            add({
              severity: 'warning',
              rule: 'easy-read-sentence',
              file: f.path,
              id,
              ...at([section, id]),
              message: `Easy read: a sentence in ${section === 'hints' ? 'the hint for ' : ''}"${id}" has ${longest} words; keep sentences to ${easyMaxWords} words or fewer.`,
            });
        }
    }
  }
  if (sources.locales.length && localeSummaries.length && !seenLocale.has('en-GB|standard'))
    add({
      severity: 'warning',
      rule: 'no-default-locale',
      file: '',
      message: 'There is no en-GB standard locale. Wording falls back to en-GB last, so keep a complete en-GB file.',
    });

  // By file, then by line; problems about something missing (no line of their own) come last in their file.
  problems.sort((a, b) =>
    a.file === b.file
      ? (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY) || 0
      : a.file < b.file
        ? -1
        : 1,
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    ok: errors === 0,
    errors,
    warnings: problems.length - errors,
    problems,
    scores,
    questionSets: sets.map(({ file, set }) => ({ file, version: set.version, questions: set.questions.length })),
    locales: localeSummaries,
  };
}

/** One line for a problem: `file:line:column: error [rule] message`. */
export function formatProblem(p: ContentProblem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ` : '';
  return `${where}${p.severity} [${p.rule}] ${p.message}`;
}

function scanFile(f: ContentFile, add: (p: ContentProblem) => void): JsonScan | undefined {
  try {
    return scanJson(f.text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    add({
      severity: 'error',
      rule: 'json',
      file: f.path,
      line: e.position.line,
      column: e.position.column,
      message: `Not valid JSON: ${e.message}`,
    });
    return undefined;
  }
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function where(o: KeyOccurrence): string {
  return `line ${o.position.line}, column ${o.position.column}`;
}

function listAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Duplicate question ids and domains (which JSON.parse would hide), and keys that are not valid ids. */
function checkQuestionSetKeys(file: string, scan: JsonScan, add: (p: ContentProblem) => void): void {
  for (const d of scan.duplicates) {
    const first = d.occurrences[0]!.position;
    const pos = { line: first.line, column: first.column };
    if (
      d.path.length === ANSWERS_PATH.length + 2 &&
      samePath(d.path.slice(0, 3), ANSWERS_PATH) &&
      d.path[4] === 'properties'
    ) {
      const domain = d.path[3]!;
      const id = `${domain}.${d.key}`;
      const each = d.occurrences.map((o) => `question ${o.ordinal} in ${domain}${describe(o.value)} (${where(o)})`);
      add({
        severity: 'error',
        rule: 'duplicate-id',
        file,
        ...pos,
        id,
        message: `The id "${id}" is used by ${d.occurrences.length === 2 ? 'two' : d.occurrences.length} questions: ${listAnd(each)}. Only the last would be kept. Give each question its own id, and never reuse an old one.`,
      });
    } else if (samePath(d.path, ANSWERS_PATH)) {
      add({
        severity: 'error',
        rule: 'duplicate-domain',
        file,
        ...pos,
        message: `The domain "${d.key}" is written ${d.occurrences.length} times (${d.occurrences.map(where).join('; ')}). Only the last would be kept, with its questions.`,
      });
    } else {
      add({
        severity: 'error',
        rule: 'duplicate-key',
        file,
        ...pos,
        message: `"${d.key}" is written ${d.occurrences.length} times in ${d.path.join('.') || 'the top level'} (${d.occurrences.map(where).join('; ')}). Only the last would be kept.`,
      });
    }
  }
  const domains = asRecord(asRecord(asRecord(scan.value)?.properties)?.answers);
  const domainProps = asRecord(domains?.properties) ?? {};
  for (const [domain, raw] of Object.entries(domainProps)) {
    const dPos = keyPosition(scan, [...ANSWERS_PATH, domain]);
    if (!DOMAIN_ID.test(domain))
      add({
        severity: 'error',
        rule: domain ? 'bad-id' : 'missing-id',
        file,
        ...(dPos ? { line: dPos.line, column: dPos.column } : {}),
        message: domain
          ? `The domain name "${domain}" is not valid: use lower-case letters only, e.g. housing.`
          : 'A domain has no name.',
      });
    const qs = asRecord(asRecord(raw)?.properties) ?? {};
    Object.keys(qs).forEach((key, i) => {
      const p = keyPosition(scan, [...ANSWERS_PATH, domain, 'properties', key]);
      const loc = p ? { line: p.line, column: p.column } : {};
      if (!key)
        add({
          severity: 'error',
          rule: 'missing-id',
          file,
          ...loc,
          message: `Question ${i + 1} in ${domain} has no id. Give it a short slug, e.g. ${domain}.heating.`,
        });
      else if (!QUESTION_KEY.test(key))
        add({
          severity: 'error',
          rule: 'bad-id',
          file,
          ...loc,
          id: `${domain}.${key}`,
          message: `"${domain}.${key}" is not a valid id: after the domain use lower-case letters, digits and hyphens, e.g. ${domain}.bank-account.`,
        });
    });
  }
}

/**
 * A question in one version must be in the next, or a migration must say what happens to it (rename, split,
 * merge, retire). Otherwise it went missing, usually by accident (a key renamed or deleted while editing).
 */
function checkVersionsKeepIds(
  sets: readonly { file: string; set: QuestionSet }[],
  migrations: readonly Migration[],
  add: (p: ContentProblem) => void,
): void {
  const ordered = [...sets].sort((a, b) => a.set.version - b.set.version);
  for (let i = 1; i < ordered.length; i++) {
    const older = ordered[i - 1]!;
    const newer = ordered[i]!;
    if (older.set.id !== newer.set.id || older.set.version === newer.set.version) continue;
    const m = migrations.find((x) => x.from === older.set.version && x.to === newer.set.version);
    const covered = new Set(
      (m?.steps ?? []).flatMap((s: MigrationStep) =>
        s.op === 'retire' ? [s.id] : s.op === 'merge' ? [...s.from] : [s.from],
      ),
    );
    for (const q of older.set.questions)
      if (!newer.set.byId.has(q.id) && !covered.has(q.id))
        add({
          severity: 'error',
          rule: 'missing-id',
          file: newer.file,
          id: q.id,
          message: `"${q.id}" is in version ${older.set.version} but missing from version ${newer.set.version}, and no migration says what happens to it. Put it back, or retire it with a migration.`,
        });
  }
}

/** A question's own title or description from the schema, if it has one, to tell two questions apart. */
function describe(value: unknown): string {
  const v = asRecord(value);
  const text = typeof v?.title === 'string' ? v.title : typeof v?.description === 'string' ? v.description : undefined;
  return text ? ` "${text}"` : '';
}

/** Two wordings for one id (or two domain entries) in a locale file: name both, since only the last would show. */
function checkLocaleDuplicates(file: string, scan: JsonScan, add: (p: ContentProblem) => void): void {
  for (const d of scan.duplicates) {
    const first = d.occurrences[0]!.position;
    const pos = { line: first.line, column: first.column };
    const section = d.path.length === 1 ? d.path[0] : undefined;
    if (section === 'questions' || section === 'hints') {
      const each = d.occurrences.map((o) => `${JSON.stringify(o.value)} (${where(o)})`);
      add({
        severity: 'error',
        rule: 'duplicate-entry',
        file,
        ...pos,
        id: d.key,
        message: `"${d.key}" has ${d.occurrences.length} ${section === 'hints' ? 'hints' : 'wordings'} in this file: ${listAnd(each)}. Only the last would be shown. Keep one.`,
      });
    } else {
      add({
        severity: 'error',
        rule: 'duplicate-key',
        file,
        ...pos,
        message: `"${d.key}" is written ${d.occurrences.length} times in ${d.path.join('.') || 'the top level'} (${d.occurrences.map(where).join('; ')}). Only the last would be kept.`,
      });
    }
  }
}

function lineOf(scan: JsonScan, path: readonly string[]): { line?: number; column?: number } {
  const p = keyPosition(scan, path);
  return p ? { line: p.line, column: p.column } : {};
}

/** The position of the deepest key on a path that exists in the text. */
function nearest(scan: JsonScan, path: readonly string[]): { line?: number; column?: number } {
  for (let n = path.length; n > 0; n--) {
    const p: TextPosition | undefined = keyPosition(scan, path.slice(0, n));
    if (p) return { line: p.line, column: p.column };
  }
  return {};
}

function asRecord(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

function stringRecord(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(x) ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}
