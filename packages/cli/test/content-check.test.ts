import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS, type Command, type Io, run } from '../src/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');

interface Captured extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
}
function capture(cwd: string): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd, out: (l) => stdout.push(...l.split('\n')), err: (l) => stderr.push(...l.split('\n')) };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onward-content-'));
  cpSync(join(root, 'schemas', 'outcomes'), join(dir, 'outcomes'), { recursive: true });
  cpSync(join(root, 'schemas', 'locales'), join(dir, 'locales'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function change(file: string, from: string, to: string): string {
  const p = join(dir, file);
  const text = readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  const next = text.replace(from, to);
  writeFileSync(p, next);
  return next;
}
function lineOf(text: string, piece: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(piece, i + 1);
  return text.slice(0, i).split('\n').length;
}
const errors = (lines: string[]) => lines.filter((l) => / error \[/.test(l));

describe('onward content check', () => {
  it('passes a clean copy of the shipped content: exit 0, warnings only, and a summary', async () => {
    const io = capture(dir);
    expect(await run(['content', 'check'], io)).toBe(0);
    expect(errors(io.stdout)).toEqual([]);
    expect(io.stdout.length).toBeGreaterThan(0);
    for (const l of io.stdout)
      expect(l).toMatch(
        /^locales\/en-GB(-easy)?\.json:\d+:\d+: warning \[reading-ease\] "[a-z]+\.[a-z0-9-]+" may be hard to read: reading ease \d+\.\d, aim for 60 or more\./,
      );
    expect(io.stderr).toEqual([
      `Content check passed for .: 2 question sets (version 2: 66 questions), 4 locale files; 0 errors, ${io.stdout.length} warnings.`,
    ]);
  });

  it('the shipped schemas/ folder passes, found from the repository root by default', async () => {
    const io = capture(root);
    expect(await run(['content', 'check'], io)).toBe(0);
    expect(io.stderr[0]).toMatch(
      /^Content check passed for schemas: 2 question sets \(version 2: 66 questions\), 4 locale files; 0 errors, \d+ warnings\.$/,
    );
  });

  it('fails on two questions sharing an id, naming the id and both questions', async () => {
    const text = change('outcomes/outcomes.v2.schema.json', '"repair": {', '"heating": {');
    const first = lineOf(text, '"heating": {', 0);
    const second = lineOf(text, '"heating": {', 1);
    const io = capture(join(dir, '..'));
    const base = dir.slice(dir.lastIndexOf('/') + 1);
    expect(await run(['content', 'check', '--dir', base, '--min-ease', '0'], io)).toBe(1);
    expect(io.stdout).toEqual([
      `${base}/outcomes/outcomes.v2.schema.json:${first}:13: error [duplicate-id] The id "housing.heating" is used by two questions: question 2 in housing (line ${first}, column 13) and question 9 in housing (line ${second}, column 13). Only the last would be kept. Give each question its own id, and never reuse an old one.`,
      // The question whose key was overwritten is now missing from version 2.
      `${base}/outcomes/outcomes.v2.schema.json: error [missing-id] "housing.repair" is in version 1 but missing from version 2, and no migration says what happens to it. Put it back, or retire it with a migration.`,
    ]);
    expect(io.stderr).toEqual([
      `Content check failed for ${base}: 2 question sets (version 2: 65 questions), 4 locale files; 2 errors, 0 warnings.`,
    ]);
  });

  it('fails on a question with no wording in a declared locale', async () => {
    change('locales/cy.json', '    "money.bank-account": "Oes gennych chi gyfrif banc?",\n', '');
    const io = capture(dir);
    expect(await run(['content', 'check', '--min-ease', '0'], io)).toBe(1);
    expect(io.stdout).toEqual(['locales/cy.json: error [missing-wording] No wording for "money.bank-account" in cy.']);
  });

  it('fails on wording longer than the limit, with the length and the limit', async () => {
    const long =
      'Do you have a safe, warm and dry place to keep your own things, where nobody else can go, and can you lock it when you go out?';
    const text = change(
      'locales/en-GB.json',
      '"Do you have a space of your own where you live?"',
      JSON.stringify(long),
    );
    const line = lineOf(text, '"housing.own-space"');
    const io = capture(dir);
    expect(await run(['content', 'check', '--max-length', '110', '--min-ease', '0'], io)).toBe(1);
    expect(io.stdout).toEqual([
      `locales/en-GB.json:${line}:5: error [too-long] The wording for "housing.own-space" is ${long.length} characters; the limit is 110. Shorten it, or move the explanation into a hint.`,
    ]);
  });

  it('--strict fails on warnings; --scores prints a score per English question; --json prints the report', async () => {
    const strict = capture(dir);
    expect(await run(['content', 'check', '--strict'], strict)).toBe(1);
    expect(strict.stderr[0]).toMatch(/^Content check failed for \.: .*0 errors, \d+ warnings\.$/);
    const scores = capture(dir);
    expect(await run(['content', 'check', '--scores', '--min-ease=0'], scores)).toBe(0);
    expect(scores.stdout).toHaveLength(132);
    expect(scores.stdout[0]).toBe(
      'locales/en-GB-easy.json: score 113.1 en-GB easy housing.own-space: Do you have your own space where you live?',
    );
    const json = capture(dir);
    expect(await run(['content', 'check', '--json'], json)).toBe(0);
    const report = JSON.parse(json.stdout.join('\n'));
    expect(report).toMatchObject({ ok: true, errors: 0 });
    expect(report.scores).toHaveLength(132);
  });

  it('a locale file that is not JSON fails with its line and column', async () => {
    change('locales/cy.json', '"status": "draft",', '"status": "draft"');
    const io = capture(dir);
    expect(await run(['content', 'check', '--min-ease', '0'], io)).toBe(1);
    expect(io.stdout).toEqual([
      expect.stringMatching(
        /^locales\/cy\.json:\d+:5: error \[json\] Not valid JSON: Expected "," or "}" in an object \(line \d+, column 5\)$/,
      ),
    ]);
  });

  it('usage mistakes exit 2 and name the problem', async () => {
    for (const [args, message] of [
      [['content', 'check', '--max-length', 'ten'], '--max-length must be a whole number from 1 to 400, not "ten".'],
      [['content', 'check', '--colour'], 'Unknown option --colour.'],
      [['content', 'check', '--dir'], '--dir needs a value.'],
      [['content', 'check', 'schemas'], 'Unexpected argument "schemas". Give the folder with --dir.'],
      [['content', 'check', '--dir', 'nowhere'], `There is no folder ${join(dir, 'nowhere')}.`],
    ] as const) {
      const io = capture(dir);
      expect(await run(args, io), args.join(' ')).toBe(2);
      expect(io.stderr[0]).toBe(message);
      expect(io.stderr[1]).toMatch(/^Usage: onward content check/);
    }
  });
});

describe('the onward dispatcher', () => {
  it('lists the commands, shows a command’s help and refuses unknown commands', async () => {
    const help = capture(dir);
    expect(await run(['help'], help)).toBe(0);
    // Names padded to the longest command's, then its summary.
    expect(help.stdout).toContainEqual(
      expect.stringMatching(
        /^ {2}content check +Check question sets and wording \(ids, missing wording, length, reading ease\)\.$/,
      ),
    );
    expect(help.stdout).toContainEqual(expect.stringMatching(/^ {2}import young-people +Import young people from/));
    const one = capture(dir);
    expect(await run(['help', 'content', 'check'], one)).toBe(0);
    expect(one.stdout[0]).toMatch(/^Usage: onward content check/);
    const none = capture(dir);
    expect(await run([], none)).toBe(2);
    const bad = capture(dir);
    expect(await run(['content', 'chek'], bad)).toBe(2);
    expect(bad.stderr[0]).toBe('"onward content chek" is not a command.');
    const worse = capture(dir);
    expect(await run(['serve'], worse)).toBe(2);
    expect(worse.stderr[0]).toBe('"onward serve" is not a command.');
  });

  it('a new command is one entry in the list (as `onward report` is)', async () => {
    const echo: Command = {
      name: 'test echo',
      summary: 'Echo the arguments (test only).',
      usage: 'Usage: onward test echo [words]',
      run: (args, io) => {
        io.out(`echo ${args.join(' ')}`);
        return 0;
      },
    };
    const io = capture(dir);
    expect(await run(['test', 'echo', '--month', '2026-01'], io, [...COMMANDS, echo])).toBe(0);
    expect(io.stdout).toEqual(['echo --month 2026-01']);
    const help = capture(dir);
    await run(['help'], help, [...COMMANDS, echo]);
    expect(help.stdout.some((l) => /^ {2}test echo +Echo the arguments \(test only\)\.$/.test(l))).toBe(true);
  });
});

describe.skipIf(!existsSync(bin))('the built `onward` executable (dist/bin.js)', () => {
  it('exits 1 with one line per problem, 0 when clean', () => {
    const clean = spawnSync(process.execPath, [bin, 'content', 'check', '--dir', dir], { encoding: 'utf8' });
    expect(clean.status).toBe(0);
    expect(clean.stderr).toMatch(/^Content check passed for /);
    change('outcomes/outcomes.v2.schema.json', '"repair": {', '"heating": {');
    change('locales/en-GB.json', '    "housing.safe": "Do you feel safe at home?",\n', '');
    const bad = spawnSync(process.execPath, [bin, 'content', 'check', '--dir', dir, '--min-ease', '0'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    const lines = bad.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      'error [duplicate-id] The id "housing.heating" is used by two questions: question 2 in housing',
    );
    expect(lines).toContain(
      `${dir}/locales/en-GB.json: error [missing-wording] No wording for "housing.safe" in en-GB.`,
    );
  });
});
