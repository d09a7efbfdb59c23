#!/usr/bin/env node
// `pnpm test`: every check and every test, as CI runs them.
//  1. System parts: Chromium (browser tests), PostgreSQL (storage tests), poppler-utils (PDF parsing). Installed
//     with apt-get when missing and we are root; otherwise the tests that need them are skipped, LOUDLY, with the
//     exact package to install.
//  2. A throwaway PostgreSQL server on 127.0.0.1 for the run (ONWARD_TEST_DATABASE_URL).
//  3. Checks (generated files, dependency rule, docs freshness, lint, types), build, size budgets, the published
//     packages (publint, arethetypeswrong, our packaging rules: scripts/check-packages.mjs), Storybook build,
//     then vitest: unit, DOM and browser projects.
// Options: --quick (unit and dom tests only, no build/browser), --no-install (never apt-get).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
process.chdir(root);
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const env = { ...process.env };
const skipped = [];
const timings = [];

function log(s) {
  process.stdout.write(`\n\x1b[1m== ${s}\x1b[0m\n`);
}
function loud(s) {
  process.stdout.write(`\n\x1b[41;97m SKIPPED \x1b[0m \x1b[1m${s}\x1b[0m\n`);
}
function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
const isRoot = process.getuid?.() === 0;
const canApt = isRoot && has('apt-get') && !args.has('--no-install');

function pgBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  return undefined;
}

const parts = [
  {
    name: 'Chromium',
    pkg: 'chromium',
    present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
    need: !quick,
  },
  { name: 'PostgreSQL', pkg: 'postgresql', present: () => !!pgBin(), need: true },
  { name: 'poppler-utils', pkg: 'poppler-utils', present: () => has('pdftotext'), need: true },
];
const missing = parts.filter((p) => p.need && !p.present());
if (missing.length && canApt) {
  log(`Installing system parts: ${missing.map((p) => p.pkg).join(' ')}`);
  const r = spawnSync(
    'sh',
    [
      '-c',
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.map((p) => p.pkg).join(' ')} >/dev/null`,
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) console.log('apt-get failed; the tests that need these parts will be skipped.');
}
for (const p of parts) {
  if (p.need && !p.present()) {
    const fix = `apt-get install -y ${p.pkg}`;
    skipped.push(`${p.name} is not installed: the tests that need it are skipped. To run them: ${fix}`);
    if (p.pkg === 'chromium') env.ONWARD_SKIP_BROWSER = 'no chromium';
  }
}

// A throwaway PostgreSQL for this run.
let pg;
async function startPostgres() {
  const bin = pgBin();
  if (!bin) return;
  const dir = mkdtempSync(join(tmpdir(), 'onward-pg-'));
  const data = join(dir, 'data');
  const port = 54329 + Math.floor(Math.random() * 500);
  const asPg = (cmd, a) => {
    if (isRoot) {
      chownSync(dir, uid('postgres'), gid('postgres'));
      return execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...a], { stdio: 'pipe' });
    }
    return execFileSync(join(bin, cmd), a, { stdio: 'pipe' });
  };
  try {
    asPg('initdb', ['-D', data, '-A', 'trust', '-U', 'onward', '-E', 'UTF8', '--locale=C.UTF-8']);
    asPg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
    env.ONWARD_TEST_DATABASE_URL = `postgres://onward@127.0.0.1:${port}/postgres`;
    pg = {
      stop: () => {
        try {
          asPg('pg_ctl', ['-D', data, '-m', 'fast', 'stop']);
        } catch {}
        rmSync(dir, { recursive: true, force: true });
      },
    };
    console.log(`PostgreSQL ${bin.split('/').at(-2)} started on 127.0.0.1:${port}`);
  } catch (e) {
    skipped.push(
      `PostgreSQL could not start (${
        String(e.stderr ?? e.message)
          .trim()
          .split('\n')[0]
      }): the PostgreSQL storage tests are skipped.`,
    );
  }
}
function uid(user) {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gid(user) {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}

function scripts() {
  return JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
}

function step(name, cmd, argv) {
  log(name);
  const t0 = Date.now();
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env });
  timings.push([name, Date.now() - t0, r.status === 0]);
  if (r.status !== 0) {
    finish(1, `${name} failed`);
  }
}

function finish(code, why) {
  pg?.stop();
  log('Summary');
  for (const [n, ms, ok] of timings) console.log(`${ok ? 'ok  ' : 'FAIL'} ${n.padEnd(28)} ${(ms / 1000).toFixed(1)} s`);
  for (const s of skipped) loud(s);
  if (why) console.log(`\n${why}`);
  process.exit(code);
}

process.on('SIGINT', () => finish(130, 'interrupted'));

const pnpm = 'pnpm';
const s = scripts();
if (!quick) {
  for (const name of [
    'check:generated',
    'check:deps',
    'lint',
    'typecheck',
    'build',
    'check:docs',
    'size',
    'check:packages',
    'storybook:build',
  ]) {
    if (!s[name]) continue;
    if (name === 'storybook:build' && !existsSync('stories/.storybook')) continue;
    step(name, pnpm, ['run', name]);
  }
}
await startPostgres();
// Tests that stop or restart PostgreSQL make a server of their own with these binaries (never this shared one).
{
  const bin = pgBin();
  if (bin) env.ONWARD_TEST_PG_BIN = bin;
}
if (!env.ONWARD_TEST_DATABASE_URL && !skipped.some((x) => x.startsWith('PostgreSQL')))
  skipped.push(
    'PostgreSQL is not available: the PostgreSQL storage tests are skipped. To run them: apt-get install -y postgresql',
  );

const vitestArgs = [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=.test-results.json',
  '--reporter=./scripts/vitest-outcomes.mjs',
  // One retry: a test that passes only on its second try is named FLAKY in the summary (to be fixed, never hidden);
  // a test that fails twice fails the run.
  '--retry=1',
];
if (quick) vitestArgs.push('--project', 'unit', '--project', 'dom');
// The full run has just built everything: a test that needs the build must then fail, never skip.
else env.ONWARD_REQUIRE_BUILD = '1';
log(`vitest ${quick ? '(unit, dom)' : '(unit, dom, browser)'}`);
const t0 = Date.now();
const child = spawn(pnpm, vitestArgs, { stdio: 'inherit', env });
const code = await new Promise((ok) => child.on('exit', (c) => ok(c ?? 1)));
timings.push(['vitest', Date.now() - t0, code === 0]);
let counts = '';
try {
  const j = JSON.parse(readFileSync('.test-results.json', 'utf8'));
  const skippedTests = j.numPendingTests + (j.numTodoTests ?? 0);
  counts = `${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skippedTests} skipped`;
  rmSync('.test-results.json', { force: true });
} catch {}
pg?.stop();
pg = undefined;
log('Summary');
for (const [n, ms, ok] of timings) console.log(`${ok ? 'ok  ' : 'FAIL'} ${n.padEnd(28)} ${(ms / 1000).toFixed(1)} s`);
for (const x of skipped) loud(x);
if (counts) console.log(`\nTests: ${counts}`);
try {
  const o = JSON.parse(readFileSync('.test-outcomes.json', 'utf8'));
  rmSync('.test-outcomes.json', { force: true });
  for (const f of o.files) console.log(`\n\x1b[41;97m FAILED FILE \x1b[0m ${f.name}\n${f.message}`);
  for (const t of o.failed) console.log(`\n\x1b[41;97m FAILED \x1b[0m ${t.name}\n${t.message}`);
  for (const e of o.unhandled) console.log(`\n\x1b[41;97m UNHANDLED ERROR \x1b[0m\n${e}`);
  for (const t of o.flaky)
    console.log(
      `\n\x1b[43;30m FLAKY \x1b[0m ${t.name}: passed only after ${t.retries} retr${t.retries === 1 ? 'y' : 'ies'}${t.message ? `; the failed try said:\n${t.message}` : ''}`,
    );
} catch {
  console.log('\n(no list of failed tests: vitest did not finish its run)');
}
process.exit(code);
