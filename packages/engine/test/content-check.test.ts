import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ContentFile,
  type ContentSources,
  checkContent,
  countSyllables,
  EASY_READ_HARD_WORDS,
  formatProblem,
  harderBecause,
  JsonSyntaxError,
  keyPosition,
  questionSet,
  readingEase,
  scanJson,
} from '../src/index.js';

const schemasDir = join(import.meta.dirname, '..', '..', '..', 'schemas');
function shipped(): { questionSets: ContentFile[]; locales: ContentFile[] } {
  const read = (sub: string, suffix: string) =>
    readdirSync(join(schemasDir, sub))
      .filter((n) => n.endsWith(suffix))
      .sort()
      .map((n) => ({ path: `${sub}/${n}`, text: readFileSync(join(schemasDir, sub, n), 'utf8') }));
  return { questionSets: read('outcomes', '.schema.json'), locales: read('locales', '.json') };
}

/** Replace one exact piece of a file's text (fails loudly if the piece is not there). */
function edit(sources: ContentSources, path: string, from: string, to: string): ContentSources {
  const change = (f: ContentFile) => {
    if (f.path !== path) return f;
    if (!f.text.includes(from)) throw new Error(`${path} has no ${from}`);
    return { ...f, text: f.text.replace(from, to) };
  };
  return { questionSets: sources.questionSets.map(change), locales: sources.locales.map(change) };
}

/** 1-based line and column of the n-th (0-based) occurrence of a piece of text. */
function at(text: string, piece: string, n = 0): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(piece, i + 1);
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

const errorsOf = (s: ContentSources, o = {}) => checkContent(s, o).problems.filter((p) => p.severity === 'error');

describe('the shipped content', () => {
  it('passes the content check with no errors', () => {
    const r = checkContent(shipped());
    expect(r.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.questionSets).toEqual([
      { file: 'outcomes/outcomes.v1.schema.json', version: 1, questions: 65 },
      { file: 'outcomes/outcomes.v2.schema.json', version: 2, questions: 66 },
    ]);
    expect(r.locales.map((l) => [l.locale, l.variant, l.status])).toEqual([
      ['ar', 'standard', 'draft'],
      ['cy', 'standard', 'draft'],
      ['en-GB', 'easy', 'draft'],
      ['en-GB', 'standard', 'reviewed'],
    ]);
  });

  it('scores every English question; most are easy to read', () => {
    const r = checkContent(shipped());
    expect(r.scores).toHaveLength(132);
    expect(r.scores.every((s) => s.locale === 'en-GB')).toBe(true);
    const hard = r.scores.filter((s) => s.score < 60);
    expect(hard.length).toBeLessThan(10);
    // Only reading-ease warnings: easy-read sentences are all within 15 words.
    expect(new Set(r.problems.map((p) => p.rule))).toEqual(new Set(['reading-ease']));
    const easy = r.scores.filter((s) => s.variant === 'easy');
    const standard = r.scores.filter((s) => s.variant === 'standard');
    const mean = (xs: typeof easy) => xs.reduce((n, s) => n + s.score, 0) / xs.length;
    expect(mean(easy)).toBeGreaterThan(mean(standard));
  });
});

describe('duplicate ids', () => {
  it('two questions sharing an id fail, naming the id and both questions (JSON.parse alone would hide it)', () => {
    const src = shipped();
    const v2 = src.questionSets[1]!.text;
    const bad = edit(src, 'outcomes/outcomes.v2.schema.json', '"stable": {', '"heating": {');
    const text = bad.questionSets[1]!.text;
    const first = at(text, '"heating": {', 0);
    const second = at(text, '"heating": {', 1);
    expect(first.line).toBe(at(v2, '"heating": {').line);
    const errs = errorsOf(bad);
    expect(errs[0]).toEqual({
      severity: 'error',
      rule: 'duplicate-id',
      file: 'outcomes/outcomes.v2.schema.json',
      ...first,
      id: 'housing.heating',
      message: `The id "housing.heating" is used by two questions: question 2 in housing (line ${first.line}, column ${first.column}) and question 5 in housing (line ${second.line}, column ${second.column}). Only the last would be kept. Give each question its own id, and never reuse an old one.`,
    });
    // housing.stable went missing from version 2 with no migration to say so. Its wording is not reported:
    // version 1 still has the question, so the wording is kept for old plans.
    expect(errs.slice(1).map(formatProblem)).toEqual([
      'outcomes/outcomes.v2.schema.json: error [missing-id] "housing.stable" is in version 1 but missing from version 2, and no migration says what happens to it. Put it back, or retire it with a migration.',
    ]);
  });

  it('a question that has a title shows it, so the two can be told apart', () => {
    const bad = edit(
      shipped(),
      'outcomes/outcomes.v2.schema.json',
      '"stable": {',
      '"heating": { "title": "Settled home",',
    );
    expect(errorsOf(bad)[0]?.message).toMatch(
      /question 2 in housing \(line \d+, column \d+\) and question 5 in housing "Settled home" \(line/,
    );
  });

  it('a question dropped from the newest version is missing unless a migration retires it', () => {
    const src = shipped();
    const dropped = edit(
      src,
      'outcomes/outcomes.v2.schema.json',
      '"internet": {\n              "$ref": "#/$defs/answer"\n            },',
      '',
    );
    expect(errorsOf(dropped).map((p) => [p.rule, p.id])).toEqual([['missing-id', 'housing.internet']]);
    const retired = checkContent(dropped, {
      migrations: [
        {
          from: 1,
          to: 2,
          description: 'test',
          steps: [
            { op: 'split', from: 'independence.id-documents', into: [], rule: 'copy' },
            { op: 'retire', id: 'housing.internet' },
          ],
        },
      ],
    });
    expect(retired.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a domain written twice, and a duplicate key elsewhere, are errors', () => {
    const withDomain = edit(
      shipped(),
      'outcomes/outcomes.v2.schema.json',
      '"identity": {',
      '"money": { "type": "object", "properties": { "x": {} } },\n"identity": {',
    );
    expect(errorsOf(withDomain).map((p) => p.rule)).toContain('duplicate-domain');
    expect(errorsOf(withDomain).find((p) => p.rule === 'duplicate-domain')?.message).toMatch(
      /^The domain "money" is written 2 times \(line \d+, column \d+; line \d+, column \d+\)\. Only the last would be kept, with its questions\.$/,
    );
    const withKey = edit(
      shipped(),
      'outcomes/outcomes.v2.schema.json',
      '"type": "object",',
      '"type": "object", "type": "object",',
    );
    const t = at(withKey.questionSets[1]!.text, '"type": "object", "type"');
    expect(errorsOf(withKey)[0]?.message).toBe(
      `"type" is written 2 times in the top level (line ${t.line}, column ${t.column}; line ${t.line}, column ${t.column + 18}). Only the last would be kept.`,
    );
  });

  it('two wordings for one id in a locale file name both texts', () => {
    const src = shipped();
    const bad = edit(
      src,
      'locales/en-GB.json',
      '"housing.safe": "Do you feel safe at home?",',
      '"housing.safe": "Do you feel safe at home?",\n    "housing.safe": "Is your home a safe place to be?",',
    );
    const text = bad.locales.find((f) => f.path === 'locales/en-GB.json')!.text;
    const a = at(text, '"housing.safe"', 0);
    const b = at(text, '"housing.safe"', 1);
    expect(errorsOf(bad)).toEqual([
      {
        severity: 'error',
        rule: 'duplicate-entry',
        file: 'locales/en-GB.json',
        ...a,
        id: 'housing.safe',
        message: `"housing.safe" has 2 wordings in this file: "Do you feel safe at home?" (line ${a.line}, column ${a.column}) and "Is your home a safe place to be?" (line ${b.line}, column ${b.column}). Only the last would be shown. Keep one.`,
      },
    ]);
  });

  it('the same version twice, and the same locale and variant twice, are errors', () => {
    const src = shipped();
    const twice: ContentSources = {
      ...src,
      questionSets: [...src.questionSets, { path: 'outcomes/copy.schema.json', text: src.questionSets[1]!.text }],
    };
    expect(errorsOf(twice).map(formatProblem)).toEqual([
      'outcomes/copy.schema.json: error [duplicate-version] Version 2 is also defined in outcomes/outcomes.v2.schema.json. Each version needs its own number.',
    ]);
    const twoWelsh: ContentSources = {
      ...src,
      locales: [
        ...src.locales,
        { path: 'locales/welsh.json', text: src.locales.find((f) => f.path === 'locales/cy.json')!.text },
      ],
    };
    expect(errorsOf(twoWelsh).map(formatProblem)).toEqual([
      'locales/welsh.json: error [duplicate-locale] locales/cy.json is also cy. Keep one file per locale and variant.',
    ]);
  });
});

describe('ids', () => {
  it('a question with no id, or an id that is not a slug', () => {
    const src = shipped();
    const empty = edit(src, 'outcomes/outcomes.v2.schema.json', '"gp": {', '"": {');
    const e = at(empty.questionSets[1]!.text, '"": {');
    expect(errorsOf(empty).find((p) => p.rule === 'missing-id')).toEqual({
      severity: 'error',
      rule: 'missing-id',
      file: 'outcomes/outcomes.v2.schema.json',
      ...e,
      message: 'Question 1 in health has no id. Give it a short slug, e.g. health.heating.',
    });
    const upper = edit(src, 'outcomes/outcomes.v2.schema.json', '"gp": {', '"Family Doctor": {');
    expect(errorsOf(upper).find((p) => p.rule === 'bad-id')?.message).toBe(
      '"health.Family Doctor" is not a valid id: after the domain use lower-case letters, digits and hyphens, e.g. health.bank-account.',
    );
  });

  it('wording and hints for ids of no version are errors; a retired id (independence.id-documents) is fine', () => {
    const src = shipped();
    expect(src.locales.every((l) => l.text.includes('"independence.id-documents"'))).toBe(true);
    const bad = edit(src, 'locales/cy.json', '"hints": {', '"hints": {\n    "housing.heatng": "Typo",');
    const p = at(bad.locales.find((f) => f.path === 'locales/cy.json')!.text, '"housing.heatng"');
    expect(errorsOf(bad).map(formatProblem)).toEqual([
      `locales/cy.json:${p.line}:${p.column}: error [unknown-id] "housing.heatng" in hints is not a question in any version of the question set. Check the spelling, or remove it.`,
    ]);
    const dom = edit(
      src,
      'locales/cy.json',
      '"domains": {',
      '"domains": {\n    "pets": { "title": "Anifeiliaid", "description": "Anifeiliaid anwes." },',
    );
    expect(errorsOf(dom).map((x) => [x.rule, x.message])).toEqual([
      ['unknown-domain', '"pets" in domains is not a domain of the question set.'],
    ]);
  });
});

describe('wording', () => {
  it('a question without wording in a declared locale is an error, one per locale', () => {
    const src = shipped();
    let bad = edit(src, 'locales/cy.json', '    "housing.safe": "Ydych chi’n teimlo’n ddiogel gartref?",\n', '');
    bad = edit(
      bad,
      'locales/en-GB-easy.json',
      '"careers.happy": "Are you happy with what you do?"',
      '"careers.happy": "   "',
    );
    expect(errorsOf(bad).map(formatProblem)).toEqual([
      'locales/cy.json: error [missing-wording] No wording for "housing.safe" in cy.',
      expect.stringMatching(
        /^locales\/en-GB-easy\.json:\d+:5: error \[missing-wording\] No wording for "careers\.happy" in en-GB \(easy\)\.$/,
      ),
    ]);
  });

  it('a partial variant falls back per question with one warning, not an error per missing question', () => {
    const src = shipped();
    const cyEasy = {
      meta: { locale: 'cy', variant: 'easy', name: 'Cymraeg (hawdd ei ddeall)', dir: 'ltr', status: 'draft' },
      domains: { housing: { title: 'Fy nghartref', description: 'Ble dw i’n byw.' } },
      questions: {
        'housing.safe': 'Wyt ti’n teimlo’n saff gartref?',
        'housing.heating': 'Wyt ti’n gallu cadw’n gynnes?',
        'housing.internet': 'Oes gen ti wifi gartref?',
        'health.gp': 'Oes gen ti feddyg?',
        'money.bank-account': 'Oes gen ti gyfrif banc?',
      },
    };
    const r = checkContent({
      ...src,
      locales: [...src.locales, { path: 'locales/cy-easy.json', text: JSON.stringify(cyEasy, null, 2) }],
    });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const partial = r.problems.filter((p) => p.rule === 'partial-variant');
    const total = questionSet().questions.length;
    expect(partial.map((p) => [p.file, p.severity, p.message])).toEqual([
      [
        'locales/cy-easy.json',
        'warning',
        `cy (easy) has its own wording for 5 of ${total} questions; the other ${total - 5} fall back, one by one, to cy standard wording (first: housing.own-space, housing.essentials, housing.tenant-rights, …).`,
      ],
    ]);
    // A standard locale must still be complete, and a blank entry in a variant is still an error.
    const blank = { ...cyEasy, questions: { ...cyEasy.questions, 'health.gp': ' ' } };
    const bad = checkContent({
      ...src,
      locales: [...src.locales, { path: 'locales/cy-easy.json', text: JSON.stringify(blank, null, 2) }],
    });
    expect(bad.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'No wording for "health.gp" in cy (easy).',
    ]);
  });

  it('a missing domain title is an error', () => {
    const bad = edit(
      shipped(),
      'locales/cy.json',
      '"money": {\n      "title": "Arian",',
      '"money-x": {\n      "title": "Arian",',
    );
    expect(errorsOf(bad).map((p) => p.message)).toEqual([
      '"money-x" in domains is not a domain of the question set.',
      // A problem with no line of its own (something missing) comes last in its file.
      'No title or description for the domain "money" in cy.',
    ]);
  });

  it('wording longer than the limit, counted in characters', () => {
    const src = shipped();
    const r = errorsOf(src, { maxLength: 60 });
    expect(r.every((p) => p.rule === 'too-long')).toBe(true);
    expect(r.length).toBeGreaterThan(5);
    const longest = Math.max(
      ...src.locales.flatMap((l) =>
        Object.values(JSON.parse(l.text).questions as Record<string, string>).map((t) => [...t].length),
      ),
    );
    expect(errorsOf(src, { maxLength: longest })).toEqual([]);
    expect(errorsOf(src, { maxLength: longest - 1 }).length).toBeGreaterThan(0);
    // Only the length rule here: an easy-read question is of course harder than a row of emoji.
    const lengthErrors = (s: ContentSources) => errorsOf(s).filter((p) => !p.rule.startsWith('easy-read'));
    const emoji = edit(src, 'locales/en-GB.json', '"Do you feel safe at home?"', `"${'🙂'.repeat(150)}"`);
    expect(lengthErrors(emoji)).toEqual([]);
    const over = edit(src, 'locales/en-GB.json', '"Do you feel safe at home?"', `"${'🙂'.repeat(151)}"`);
    expect(lengthErrors(over).map((p) => p.message)).toEqual([
      'The wording for "housing.safe" is 151 characters; the limit is 150. Shorten it, or move the explanation into a hint.',
    ]);
  });

  it('a locale file that breaks the locale schema gives one line per problem, with the place', () => {
    const src = shipped();
    const bad = edit(
      edit(src, 'locales/cy.json', '"status": "draft"', '"status": "maybe"'),
      'locales/cy.json',
      '"dir": "ltr",',
      '',
    );
    const text = bad.locales.find((f) => f.path === 'locales/cy.json')!.text;
    expect(errorsOf(bad).map(formatProblem)).toEqual([
      `locales/cy.json:${at(text, '"meta"').line}:3: error [locale-schema] meta.dir: "dir" is missing.`,
      `locales/cy.json:${at(text, '"status"').line}:5: error [locale-schema] meta.status: "status" must be one of: reviewed, draft.`,
    ]);
  });

  it('text that is not JSON is reported with its line and column', () => {
    const bad = edit(
      shipped(),
      'locales/en-GB.json',
      '"housing.safe": "Do you feel safe at home?",',
      '"housing.safe": "Do you feel safe at home?"',
    );
    const r = errorsOf(bad);
    expect(r).toHaveLength(1);
    expect(formatProblem(r[0]!)).toMatch(
      /^locales\/en-GB\.json:\d+:5: error \[json\] Not valid JSON: Expected "," or "}" in an object \(line \d+, column 5\)$/,
    );
  });

  it('no question set or no locale at all are errors; no en-GB locale is a warning', () => {
    expect(checkContent({ questionSets: [], locales: [] }).problems.map(formatProblem)).toEqual([
      'error [no-question-set] No question set found (outcomes/*.schema.json).',
      'error [no-locale] No locale files found (locales/*.json).',
    ]);
    const src = shipped();
    const noEnglish = { ...src, locales: src.locales.filter((l) => l.path === 'locales/cy.json') };
    expect(checkContent(noEnglish).problems.map(formatProblem)).toEqual([
      'warning [no-default-locale] There is no en-GB standard locale. Wording falls back to en-GB last, so keep a complete en-GB file.',
    ]);
  });
});

describe('reading ease', () => {
  it('warns for a hard English question, and never for Welsh', () => {
    const src = shipped();
    const hard = edit(
      src,
      'locales/en-GB.json',
      '"Do you feel safe at home?"',
      '"Do you experience a subjective perception of physical security within your accommodation?"',
    );
    const r = checkContent(hard, { maxLength: 400 });
    const w = r.problems.find((p) => p.id === 'housing.safe' && p.rule === 'reading-ease');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toMatch(
      /^"housing\.safe" may be hard to read: reading ease -?\d+\.\d, aim for 60 or more\. Try shorter words, or explain the hard word in a hint\.$/,
    );
    expect(r.ok).toBe(true);
    expect(r.problems.some((p) => p.file === 'locales/cy.json')).toBe(false);
    // A lower bar removes the warnings.
    expect(checkContent(src, { minEase: 0 }).problems).toEqual([]);
  });

  it('easy read: a sentence over 15 words is a warning', () => {
    const long = 'This is a very long sentence that goes on and on with far too many words in it.';
    const bad = edit(
      shipped(),
      'locales/en-GB-easy.json',
      '"For example a bed, a cooker and a fridge."',
      JSON.stringify(long),
    );
    const r = checkContent(bad, { minEase: 0 });
    expect(r.problems.map((p) => [p.rule, p.severity, p.message])).toEqual([
      [
        'easy-read-sentence',
        'warning',
        'Easy read: a sentence in the hint for "housing.essentials" has 18 words; keep sentences to 15 words or fewer.',
      ],
    ]);
  });

  it('counts syllables of everyday words', () => {
    const expected: Record<string, number> = {
      home: 1,
      homes: 1,
      asked: 1,
      wanted: 2,
      needed: 2,
      table: 2,
      places: 2,
      played: 1,
      saying: 2,
      doing: 2,
      you: 1,
      yes: 1,
      radio: 3,
      video: 3,
      religion: 3,
      national: 3,
      insurance: 3,
      social: 2,
      financial: 3,
      qualifications: 5,
      certificate: 4,
      relationships: 4,
      appointments: 3,
      every: 2,
      sexuality: 5,
      usual: 3,
      people: 2,
      GP: 2,
      GCSEs: 4,
      "don't": 1,
      'e-mail': 2,
      '2008': 4,
    };
    expect(Object.fromEntries(Object.keys(expected).map((w) => [w, countSyllables(w)]))).toEqual(expected);
  });

  it('computes the Flesch score', () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 × 6 - 84.6 × 1 = 116.145
    expect(readingEase('The cat sat on the mat.')).toEqual({
      score: 116.1,
      words: 6,
      sentences: 1,
      syllables: 6,
      longestSentence: 6,
    });
    // 2 sentences, 7 words, 8 syllables: 206.835 - 1.015 × 3.5 - 84.6 × 8/7 = 106.596
    expect(readingEase('Do you cook? Do you have money?').score).toBe(106.6);
    expect(readingEase('').score).toBe(100);
  });
});

describe('easy read is easier than the standard wording', () => {
  const easy = 'locales/en-GB-easy.json';
  const rulesOf = (s: ContentSources) =>
    checkContent(s, { minEase: 0 }).problems.map((p) => [p.rule, p.severity, p.id, p.line]);

  it('an easy-read question harder than its standard question fails, saying why', () => {
    const text = shipped().locales.find((f) => f.path === easy)!.text;
    const bad = edit(
      shipped(),
      easy,
      '"housing.heating": "Can you keep your home warm?"',
      '"housing.heating": "Is it possible for you to keep your home warm enough in the winter?"',
    );
    const r = checkContent(bad, { minEase: 0 });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.rule, p.severity, p.id, p.line, p.message])).toEqual([
      [
        'easy-read-harder',
        'error',
        'housing.heating',
        at(text, '"housing.heating"').line,
        'Easy read: "housing.heating" is harder than the en-GB standard wording: it has 1 long word (possible) where the standard wording has 0; it has 14 words where the standard wording has 7. Standard: "Can you keep your home warm enough?"',
      ],
    ]);
  });

  it('the easy read the issue found ("housing register" for "council housing list") fails twice', () => {
    const bad = edit(
      shipped(),
      easy,
      '"housing.register": "Are you on the council housing list?"',
      '"housing.register": "Are you on the housing register?"',
    );
    const r = checkContent(bad, { minEase: 0 });
    expect(r.problems.map((p) => [p.rule, p.message])).toEqual([
      [
        'easy-read-hard-word',
        'Easy read: "housing.register" uses "housing register"; say "council housing list" instead (or explain the word in a hint and use the plain words in the question).',
      ],
      [
        'easy-read-harder',
        'Easy read: "housing.register" is harder than the en-GB standard wording: it has 1 long word (register) where the standard wording has 0. Standard: "Are you on the council housing list?"',
      ],
      // The reason for keeping the standard words no longer applies.
      ['easy-read-reason', expect.stringContaining('"housing.register"')],
    ]);
  });

  it('an easy-read question word for word the standard one fails unless sameAsStandardBecause says why', () => {
    const same = edit(
      shipped(),
      easy,
      '"housing.heating": "Can you keep your home warm?"',
      '"housing.heating": "Can you keep your home  warm enough?"',
    );
    expect(rulesOf(same).map((r) => r.slice(0, 3))).toEqual([['easy-read-same', 'error', 'housing.heating']]);
    const explained = edit(
      same,
      easy,
      '"sameAsStandardBecause": {',
      '"sameAsStandardBecause": {\n    "housing.heating": "Already short and plain.",',
    );
    expect(rulesOf(explained)).toEqual([]);
    // A blank reason is no reason (and breaks the locale schema).
    const blank = edit(
      same,
      easy,
      '"sameAsStandardBecause": {',
      '"sameAsStandardBecause": {\n    "housing.heating": " ",',
    );
    expect(rulesOf(blank).map((r) => r[0])).toContain('easy-read-same');
  });

  it('a reason for an id of no version is an error', () => {
    const bad = edit(
      shipped(),
      easy,
      '"sameAsStandardBecause": {',
      '"sameAsStandardBecause": {\n    "housing.heatin": "Short.",',
    );
    expect(rulesOf(bad).map((r) => r.slice(0, 3))).toEqual([['unknown-id', 'error', 'housing.heatin']]);
  });

  it('every listed hard word in an easy-read question fails, with its plain alternative', () => {
    for (const h of EASY_READ_HARD_WORDS) {
      const bad = edit(
        shipped(),
        easy,
        '"housing.heating": "Can you keep your home warm?"',
        `"housing.heating": "Can you keep your ${h.words} warm?"`,
      );
      const msgs = checkContent(bad, { minEase: 0 }).problems.filter((p) => p.rule === 'easy-read-hard-word');
      expect(msgs.map((p) => p.message)).toEqual([expect.stringContaining(`say "${h.plain}"`)]);
    }
  });

  it('a longer easy-read question is allowed only when it swaps long words for short ones', () => {
    // 11 words for 7, but "relationships" (5 syllables) is gone.
    expect(
      harderBecause('Do you feel safe with the people you are close to?', 'Do you feel safe in your relationships?'),
    ).toEqual([]);
    // Longer with the same long word: harder.
    expect(
      harderBecause('Are you really happy with all your relationships?', 'Are you happy with your relationships?'),
    ).toEqual(['it has 8 words where the standard wording has 6']);
    // Two shorter sentences are fine; one long sentence in place of two short ones is not.
    expect(harderBecause('Do you have a job? Do you like it?', 'Do you have a job? Do you like it?')).toEqual([]);
    expect(harderBecause('Do you have a job that you like?', 'Do you have a job? Do you like it?')).toEqual([
      "its longest sentence has 8 words where the standard wording's has 5",
    ]);
    // Outside English only words and sentences are compared (the syllable rules are English).
    expect(harderBecause('Ydych chi’n teimlo’n ddiogel gartref?', 'Ydych chi’n ddiogel?', false)).toEqual([
      'it has 5 words where the standard wording has 3',
    ]);
  });
});

describe('checkContent never throws on bad content (property-based)', () => {
  it('any text or JSON as a question set or a locale file gives a report, not an exception', () => {
    const src = shipped();
    const text = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify({ meta: v, domains: v, questions: v, hints: v })),
      fc.jsonValue().map((v) =>
        JSON.stringify({
          'x-onward-question-set': 'onward.outcomes',
          'x-onward-version': 3,
          properties: { answers: { properties: v } },
        }),
      ),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (t, asLocale) => {
        const r = asLocale
          ? checkContent({ questionSets: src.questionSets, locales: [{ path: 'locales/x.json', text: t }] })
          : checkContent({
              questionSets: [...src.questionSets, { path: 'outcomes/x.schema.json', text: t }],
              locales: src.locales,
            });
        expect(r.ok).toBe(r.errors === 0);
        for (const p of r.problems) expect(formatProblem(p).length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('scanJson', () => {
  it('gives the same value as JSON.parse for any JSON (property-based)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        expect(scanJson(text).value).toEqual(JSON.parse(text));
        expect(scanJson(text).duplicates).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws anything but JsonSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        try {
          scanJson(text);
        } catch (e) {
          expect(e).toBeInstanceOf(JsonSyntaxError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds duplicate keys with each value and place, at any depth', () => {
    const s = scanJson('{\n  "a": 1,\n  "b": { "x": 1, "x": 2, "x": 3 },\n  "a": "two"\n}');
    expect(s.value).toEqual({ a: 'two', b: { x: 3 } });
    expect(s.duplicates).toEqual([
      {
        path: ['b'],
        key: 'x',
        occurrences: [
          { position: { line: 3, column: 10, offset: 21 }, ordinal: 1, value: 1 },
          { position: { line: 3, column: 18, offset: 29 }, ordinal: 2, value: 2 },
          { position: { line: 3, column: 26, offset: 37 }, ordinal: 3, value: 3 },
        ],
      },
      {
        path: [],
        key: 'a',
        occurrences: [
          { position: { line: 2, column: 3, offset: 4 }, ordinal: 1, value: 1 },
          { position: { line: 4, column: 3, offset: 49 }, ordinal: 3, value: 'two' },
        ],
      },
    ]);
    expect(keyPosition(s, ['b', 'x'])).toEqual({ line: 3, column: 10, offset: 21 });
  });

  it('treats "__proto__" as an ordinary key, as JSON.parse does', () => {
    const s = scanJson('{"__proto__": {"polluted": true}}');
    expect(Object.hasOwn(s.value as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports where bad JSON goes wrong', () => {
    expect(() => scanJson('{\n  "a": 1,\n}')).toThrow(
      new JsonSyntaxError('Expected a key in double quotes', { line: 3, column: 1, offset: 12 }),
    );
    expect(() => scanJson('{"a": "line\nbreak"}')).toThrow(
      'A string has a raw control character (a line break inside quotes?) (line 1, column 12)',
    );
    expect(() => scanJson('[1, 2')).toThrow('Expected "," or "]" in a list (line 1, column 6)');
    expect(() => scanJson('')).toThrow('The JSON ends too early (line 1, column 1)');
    expect(scanJson('\ufeff{"ok": true}').value).toEqual({ ok: true });
    expect(() => scanJson('['.repeat(100_000))).toThrow(JsonSyntaxError);
    expect(scanJson(`${'['.repeat(500)}${']'.repeat(500)}`).duplicates).toEqual([]);
  });
});
