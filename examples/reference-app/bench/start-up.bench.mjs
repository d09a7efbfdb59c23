#!/usr/bin/env node
// Start-up of the reference app (the BUILT app: `pnpm build` first), issue 13's goals: the 400-person demo seeded
// (goal 5 s) and a restart with data serving (goal 2 s). Each is given beside a floor measured in the same run:
//
// - seed floor: the same rows the seed wrote (every table, read back from the seeded database) written into a fresh,
//   migrated database with plain multi-row INSERTs, one transaction per table: what the database alone costs for
//   these bytes, without the engine's lifecycles, checks and projections.
// - restart floor: a bare Node process that opens the same PGlite folder and answers `SELECT 1`: what opening the
//   database alone costs, without the server.
//
// Measured, not asserted. ONWARD_SEED_SIZE (default 400), BENCH_RUNS (default 1; the seed takes a while).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, '..');
const MAIN = join(appDir, 'dist/main.js');
if (!existsSync(MAIN)) throw new Error('Run `pnpm build` first: examples/reference-app/dist/main.js is missing.');
const SIZE = Number(process.env.ONWARD_SEED_SIZE ?? 400);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);

const { openStore } = await import('@onward/server');
const { loadSeed } = await import(pathToFileURL(join(appDir, 'dist/load-seed.js')).href);
const { buildSeed } = await import(pathToFileURL(join(appDir, 'dist/seed.js')).href);
const serverRequire = createRequire(join(appDir, '../../packages/server/package.json'));
const pglitePath = pathToFileURL(serverRequire.resolve('@electric-sql/pglite')).href;

const ms = (t) => `${(t / 1000).toFixed(2)} s`;
const ratio = (a, b) => `${(a / b).toFixed(1)}×`;

/** Seeds a store; returns the time the seed took (the data built first, as the app does, and counted). */
async function seed(store) {
  const start = performance.now();
  const data = buildSeed({ seed: 2026, size: SIZE });
  const report = await loadSeed(store, data, { youngPersonAccounts: 12, queuePlanPdfs: true });
  return { ms: performance.now() - start, events: report.events, frozen: report.frozen };
}

/** Every row of every table the seed wrote (not the migrations' own bookkeeping), in insertion-safe order. */
async function tablesOf(store) {
  const tables = await store.db.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE '%migrations%' ORDER BY c.oid`,
  );
  const out = [];
  for (const { name } of tables) {
    const rows = await store.db.query(`SELECT * FROM "${name}"`);
    if (rows.length) out.push({ name: String(name), rows });
  }
  return out;
}

/** The floor: the same rows into a fresh database with plain INSERTs, one transaction per table. */
async function plainInsert(tables) {
  const store = await openStore({});
  // Rows already there after the migrations (none in the tables the seed fills) are cleared so keys do not clash;
  // triggers that refuse changes to append-only tables are left on: plain inserts do not trip them.
  const start = performance.now();
  for (const { name, rows } of tables) {
    const cols = Object.keys(rows[0]);
    const per = Math.max(1, Math.floor(30000 / cols.length));
    await store.db.transaction(async (q) => {
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const values = chunk.map((_, r) => `(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(', ')})`);
        const params = chunk.flatMap((row) =>
          cols.map((c) => {
            const v = row[c];
            return v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)
              ? JSON.stringify(v)
              : v;
          }),
        );
        await q.query(
          `INSERT INTO "${name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
          params,
        );
      }
    });
  }
  const t = performance.now() - start;
  await store.close();
  return t;
}

/** Starts the built app on `dataDir` and times it from spawn to /api/health/ready answering 200. */
async function restart(dataDir) {
  const start = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    cwd: appDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ONWARD_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  try {
    const url = await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`The app did not start. Output:\n${out}`)), 120_000);
      const onData = (b) => {
        out += b;
        const m = /running at http:\/\/[^:]+:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(`http://127.0.0.1:${m[1]}`);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => fail(new Error(`The app exited with code ${code}. Output:\n${out}`)));
    });
    for (;;) {
      const r = await fetch(`${url}/api/health/ready`).catch(() => undefined);
      if (r?.status === 200) break;
      await new Promise((ok) => setTimeout(ok, 20));
    }
    return performance.now() - start;
  } finally {
    child.kill('SIGTERM');
    await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
  }
}

/** The restart floor: a bare Node process opening the same PGlite folder and answering SELECT 1. */
function openOnly(dataDir) {
  const code = `const { PGlite } = await import(${JSON.stringify(pglitePath)}); const pg = new PGlite(${JSON.stringify(dataDir)}); await pg.waitReady; await pg.query('SELECT 1'); await pg.close();`;
  const start = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: 'inherit' });
    child.once('exit', (c) => (c === 0 ? ok(performance.now() - start) : fail(new Error(`exit ${c}`))));
  });
}

console.log(
  `Start-up (demo of ${SIZE} young people in Northbridge, plus Afon), load average ${loadavg()[0].toFixed(1)}`,
);
for (let run = 1; run <= RUNS; run++) {
  // The seed, in memory as `--seed-only` with ONWARD_MEMORY=1, and its floor.
  const mem = await openStore({});
  const s = await seed(mem);
  const tables = await tablesOf(mem);
  await mem.close();
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  const floor = await plainInsert(tables);
  console.log(
    `  run ${run}: seed ${ms(s.ms)} (${s.events} events, ${s.frozen} plans frozen, ${rows} rows in ${tables.length} tables); floor (the same rows, plain INSERTs) ${ms(floor)}; seed/floor ${ratio(s.ms, floor)}; goal 5 s: ${s.ms <= 5000 ? 'met' : `not met (${ratio(s.ms, 5000)} the goal)`}`,
  );

  // A restart with data: the demo seeded into a PGlite folder, then the app started on it.
  const dataDir = mkdtempSync(join(tmpdir(), 'onward-bench-start-'));
  try {
    const disk = await openStore({ dataDir });
    await seed(disk);
    await disk.close();
    const open = await openOnly(dataDir);
    const up = await restart(dataDir);
    const open2 = await openOnly(dataDir);
    const dbFloor = Math.min(open, open2);
    console.log(
      `  run ${run}: restart with data, spawn to /api/health/ready ${ms(up)}; floor (node opening the same PGlite folder, SELECT 1) ${ms(dbFloor)}; restart/floor ${ratio(up, dbFloor)}; goal 2 s: ${up <= 2000 ? 'met' : `not met (${ratio(up, 2000)} the goal)`}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
