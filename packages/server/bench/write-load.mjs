// The write path under load (issue 13): saving one checklist answer at a time (PATCH /api/plans/:id/checklist) from
// 50 connections at once, over 200 young people, for a bounded time. One server process on PGlite; one and two
// server processes on one PostgreSQL (when ONWARD_TEST_DATABASE_URL or ONWARD_LOAD_DATABASE_URL is set). Beside
// it, as the peer, the whole-checklist save (PUT) the widget made before, on the same set-up.
// Prints successful saves a second, p50 and p99 latency and errors (any status but 200, and timeouts over 10 s);
// asserts nothing (speed is measured here, not in tests). Run after a build:
//   node packages/server/bench/write-load.mjs [--seconds 10] [--connections 50] [--only pglite|postgres]
// (--from-sources runs the server bundled from src/ with esbuild instead of dist/, for a check without a build.)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SECONDS = Math.min(60, Number(arg('seconds', '10')));
const CONNECTIONS = Number(arg('connections', '50'));
const ONLY = arg('only', '');
const PAS = 5;
const YOUNG_PEOPLE = 200;
const PASSWORD = 'a long enough password for the bench';
const TIMEOUT_MS = 10_000;
const pgUrl = process.env.ONWARD_LOAD_DATABASE_URL ?? process.env.ONWARD_TEST_DATABASE_URL;
let serverScript = fileURLToPath(new URL('./write-load-server.mjs', import.meta.url));
if (args.includes('--from-sources')) {
  const { build } = await import('esbuild');
  const pkg = fileURLToPath(new URL('../', import.meta.url));
  const out = `${pkg}node_modules/.cache/onward-bench/write-load-server.mjs`;
  await build({
    entryPoints: [serverScript],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    external: ['@electric-sql/pglite', 'pg', 'pg-native', 'nodemailer'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [
      {
        name: 'sources',
        setup(b) {
          b.onResolve({ filter: /\.\.\/dist\/index\.js$/ }, () => ({ path: `${pkg}src/index.ts` }));
        },
      },
    ],
    logLevel: 'silent',
  });
  serverScript = out;
}

// Node's fetch keeps connections alive and opens as many as there are requests in flight: one per worker.
function startServer(env) {
  const child = spawn(process.execPath, [serverScript], {
    env: { ...process.env, ONWARD_LOAD_PAS: String(PAS), ONWARD_LOAD_YOUNG_PEOPLE: String(YOUNG_PEOPLE), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}
async function stopServer(s) {
  s.child.kill('SIGTERM');
  await once(s.child, 'exit');
}

class Session {
  cookies = new Map();
  csrf = '';
  constructor(url) {
    this.url = url;
  }
  async req(method, path, body, headers = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf) h['x-csrf-token'] = this.csrf;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(this.url + path, {
      method,
      headers: h,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, ...v] = pair.split('=');
      this.cookies.set(k, v.join('='));
    }
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }
  async signIn(email) {
    this.csrf = (await this.req('GET', '/api/auth/csrf')).json.csrfToken;
    const r = await this.req('POST', '/api/auth/sign-in', { email, password: PASSWORD });
    if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status}`);
    this.csrf = r.json.csrfToken;
  }
  /** The same session, talking to another server process. */
  on(url) {
    const s = new Session(url);
    s.cookies = this.cookies;
    s.csrf = this.csrf;
    return s;
  }
}

/** Signs the PAs in on the first server, starts a plan for every young person, and returns the work list. */
async function prepare(url) {
  const pas = [];
  for (let i = 0; i < PAS; i++) {
    const s = new Session(url);
    await s.signIn(`pa${i}@bench.example`);
    pas.push(s);
  }
  const plans = [];
  for (let i = 0; i < YOUNG_PEOPLE; i++) {
    const pa = i % PAS;
    const r = await pas[pa].req('POST', `/api/young-people/yp${i}/plans`, {});
    if (r.status !== 201) throw new Error(`plan for yp${i}: ${r.status} ${JSON.stringify(r.json)}`);
    plans.push({ pa, planId: r.json.plan.id, checklist: r.json.plan.checklist });
  }
  return { pas, plans };
}

const QUESTIONS = [
  'housing.heating',
  'housing.safe',
  'health.gp',
  'health.emotions',
  'money.bank-account',
  'money.debt',
  'careers.goals',
  'identity.rights',
];
const VALUES = ['yes', 'no', 'not-relevant'];

/** `connections` workers, each saving one answer after another until the time is up. */
async function run(label, servers, work, mode, seconds = SECONDS) {
  const sessions = servers.map((s) => work.pas.map((pa) => pa.on(s.url)));
  const times = [];
  const statuses = new Map();
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async (w) => {
    while (performance.now() < end) {
      const i = n++;
      const plan = work.plans[(i * 7919 + w) % work.plans.length];
      const session = sessions[i % sessions.length][plan.pa];
      const q = QUESTIONS[i % QUESTIONS.length];
      const answer = { value: VALUES[i % 3], note: `Saved by worker ${w}`, locale: 'en-GB', variant: 'standard' };
      const path = `/api/plans/${plan.planId}/checklist?how=together`;
      const t0 = performance.now();
      let status;
      try {
        if (mode === 'patch') {
          status = (await session.req('PATCH', path, { version: 2, answers: { [q]: answer } })).status;
        } else {
          // The whole checklist, as the widget sent it before: the plan's checklist with this answer in it.
          const [d, k] = q.split('.');
          const doc = structuredClone(plan.checklist);
          doc.answers[d] = { ...doc.answers[d], [k]: { ...answer, by: 'together', at: new Date().toISOString() } };
          status = (await session.req('PUT', path, doc)).status;
        }
      } catch (e) {
        status = e?.name === 'TimeoutError' ? 'timeout' : 'network';
      }
      times.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  const wall = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((times.length * p) / 100))] ?? 0;
  const ok = statuses.get(200) ?? 0;
  const errors = times.length - ok;
  if (label === 'warm-up') return undefined;
  const row = {
    label,
    mode,
    savesPerSecond: ok / wall,
    p50: pct(50),
    p99: pct(99),
    requests: times.length,
    errors,
    statuses: Object.fromEntries(statuses),
  };
  console.log(
    `${label.padEnd(44)} ${mode.padEnd(5)} ${row.savesPerSecond.toFixed(0).padStart(6)} saves/s  p50 ${row.p50
      .toFixed(0)
      .padStart(
        5,
      )} ms  p99 ${row.p99.toFixed(0).padStart(5)} ms  errors ${errors} of ${times.length} ${JSON.stringify(row.statuses)}`,
  );
  return row;
}

const results = [];
console.log(`Write path: ${CONNECTIONS} connections, ${SECONDS} s each, ${YOUNG_PEOPLE} young people, ${PAS} PAs`);
if (ONLY !== 'postgres') {
  const one = await startServer({ ONWARD_LOAD_SEED: '1' });
  try {
    const work = await prepare(one.url);
    // A short run first, not counted: the server's code is compiled and its caches filled before anything is timed.
    await run('warm-up', [one], work, 'patch', 3);
    results.push(await run('PGlite, 1 process', [one], work, 'patch'));
    results.push(await run('PGlite, 1 process', [one], work, 'put'));
  } finally {
    await stopServer(one);
  }
}
if (ONLY !== 'pglite') {
  if (!pgUrl) console.log('PostgreSQL: skipped (set ONWARD_LOAD_DATABASE_URL or ONWARD_TEST_DATABASE_URL)');
  else {
    const schema = `bench_write_${process.pid}_${Date.now()}`;
    const pg = { ONWARD_LOAD_DATABASE_URL: pgUrl, ONWARD_LOAD_SCHEMA: schema };
    const first = await startServer({ ...pg, ONWARD_LOAD_SEED: '1' });
    const second = await startServer(pg);
    try {
      const work = await prepare(first.url);
      await run('warm-up', [first, second], work, 'patch', 3);
      results.push(await run('PostgreSQL, 1 process', [first], work, 'patch'));
      results.push(await run('PostgreSQL, 2 processes', [first, second], work, 'patch'));
      results.push(await run('PostgreSQL, 1 process', [first], work, 'put'));
    } finally {
      await stopServer(second);
      await stopServer(first);
    }
  }
}
const patch = results.filter((r) => r.mode === 'patch');
for (const r of patch) {
  const peer = results.find((x) => x.mode === 'put' && x.label.split(',')[0] === r.label.split(',')[0]);
  if (peer)
    console.log(
      `${r.label.padEnd(44)} one answer (PATCH) against the whole checklist (PUT): ${(r.savesPerSecond / peer.savesPerSecond).toFixed(2)}× the saves a second, p99 ${(r.p99 / peer.p99).toFixed(2)}×`,
    );
}
