#!/usr/bin/env node
// The widget benchmark, in Debian's Chromium, against the BUILT script (run `pnpm build` first; `pnpm bench` does).
// One run measures, side by side on the same 66 questions and the same phone-sized page:
//   floor     a hand-written plain-DOM page with the widget's markup and stylesheet (bench/floor.js)
//   onward    <onward-checklist> from dist/onward-elements.js
//   peers     JSON Forms, RJSF and SurveyJS (bench/widget-peers, devDependencies of a bench-only workspace folder)
// and prints each figure as measured, as a ratio to the floor and as a ratio to the best peer:
//   first section on screen, all sections rendered, answering every question, revealing / hiding a control,
//   and the longest task on a 4x slower CPU (CDP Emulation.setCPUThrottlingRate).
// Then the cold-load figures on a phone (slow network) and the check-in by touch. Nothing here asserts a time:
// speed is measured, not tested. BENCH_RUNS (default 5) page loads per contender; medians are printed.
// BENCH_ONLY=onward,floor limits the contenders; BENCH_JSON=file writes every figure as JSON.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
const root = resolve(pkg, '../..');
const dist = join(pkg, 'dist');
const benchDir = join(pkg, 'bench');
const peersDir = join(root, 'bench/widget-peers');
const example = join(root, 'examples/embed-portal');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (!existsSync(join(dist, 'onward-elements.js')))
  throw new Error('Run `pnpm build` first: dist/onward-elements.js is missing.');
if (!existsSync(CHROMIUM)) {
  console.log(`No Chromium at ${CHROMIUM}: widget benchmarks skipped.`);
  process.exit(0);
}

// ---- The question set and its words, from the built engine: the same for every contender ----------------------
const engine = await import(join(root, 'packages/engine/dist/index.js'));
const set = engine.questionSet();
const wording = engine.allShippedWording();
const req = { locale: 'en-GB', variant: 'standard' };
const DATA = {
  ui: {
    // The widget's own en-GB words (src/i18n), so the floor's page reads the same.
    title: 'Your outcomes checklist',
    intro:
      'Answer each question yes, no or not relevant to you. You can stop at any time: your answers are saved as you go.',
    sections: 'Sections',
    yes: 'Yes',
    no: 'No',
    notRelevant: 'Not relevant to me',
    clear: 'Clear answer',
    note: 'Add a note',
    optional: '(optional)',
    noteHint: 'In your own words. Your worker will read it.',
    help: 'I’d like help with this',
    previous: 'Previous section',
    next: 'Next section',
    submit: 'Send my answers',
    easyRead: 'Easy read',
    status: { 'not-started': 'Not started', 'in-progress': 'In progress', done: 'Done' },
    whatWouldHelp: 'What would help?',
  },
  domains: set.domains.map((d) => ({
    id: d.id,
    title: wording.domain(d.id, req).title,
    description: wording.domain(d.id, req).description,
    questions: d.questions.map((q) => ({
      id: q.id,
      key: q.key,
      text: wording.question(q, req).text,
      ...(wording.hint(q, req) ? { hint: wording.hint(q, req).text } : {}),
    })),
  })),
};
const QUESTIONS = DATA.domains.reduce((n, d) => n + d.questions.length, 0);

// ---- Peer pages, built from bench/widget-peers with esbuild (production React) -----------------------------------
const PEERS = ['jsonforms', 'rjsf', 'surveyjs'];
const peerOut = join(root, 'node_modules/.cache/onward-bench');
mkdirSync(peerOut, { recursive: true });
const only = process.env.BENCH_ONLY?.split(',');
const peersInstalled = existsSync(join(peersDir, 'node_modules/react'));
if (!peersInstalled) console.log('bench/widget-peers is not installed (pnpm install): peers left out.');
const peersWanted = peersInstalled ? PEERS.filter((p) => !only || only.includes(p)) : [];
if (peersWanted.length)
  await esbuild.build({
    absWorkingDir: peersDir,
    entryPoints: Object.fromEntries(peersWanted.map((p) => [p, join(peersDir, `src/${p}.tsx`)])),
    outdir: peerOut,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'css' },
    logLevel: 'error',
  });
const CONTENDERS = ['floor', 'onward', ...peersWanted].filter((c) => !only || only.includes(c));

// ---- A small server: pages, the built widget, the peers' bundles; gzip like any real server -------------------
const head = (name, extra = '') =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${name}</title><script>window.BENCH_CONTENDER=${JSON.stringify(name)}</script><script src="/bench/data.js"></script><script src="/bench/driver.js"></script>${extra}</head>`;
const PAGES = {
  floor: `${head('floor', '<link rel="stylesheet" href="/onward/onward.css"><script type="module" src="/bench/floor.js"></script>')}<body><div id="app"></div></body></html>`,
  onward: `${head('onward', '<script type="module" src="/onward/onward-elements.js"></script>')}<body><onward-checklist storage-key="bench"></onward-checklist></body></html>`,
  ...Object.fromEntries(
    PEERS.map((p) => [
      p,
      `${head(p, `${existsSync(join(peerOut, `${p}.css`)) ? `<link rel="stylesheet" href="/peers/${p}.css">` : ''}<script type="module" src="/peers/${p}.js"></script>`)}<body><div id="app"></div></body></html>`,
    ]),
  ),
};
const CHECKLIST_ONLY = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Checklist</title><script type="module" src="/onward/onward-elements.js"></script></head><body><onward-checklist storage-key="bench"></onward-checklist></body></html>`;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'";
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const send = (status, type, body, csp) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, {
      'content-type': type,
      ...(csp ? { 'content-security-policy': STRICT } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(gzip ? gzipSync(body) : body);
  };
  const page = /^\/page\/(\w+)\.html$/.exec(path);
  if (page && PAGES[page[1]]) return send(200, 'text/html', Buffer.from(PAGES[page[1]]));
  if (path === '/bench/data.js')
    return send(200, 'text/javascript', Buffer.from(`window.BENCH_DATA=${JSON.stringify(DATA)};`));
  if (path === '/checklist-only.html') return send(200, 'text/html', Buffer.from(CHECKLIST_ONLY), true);
  const [prefix, dir, csp] = path.startsWith('/onward/')
    ? ['/onward/', dist, true]
    : path.startsWith('/bench/')
      ? ['/bench/', benchDir]
      : path.startsWith('/peers/')
        ? ['/peers/', peerOut]
        : ['/', example, true];
  let file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
  if (file.startsWith(dir) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dir) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  send(200, types[extname(file)] ?? 'application/octet-stream', readFileSync(file), csp);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
if (process.env.BENCH_SERVE) {
  // For looking at the pages by hand, or profiling them: serve and wait.
  console.log(`Serving the bench pages at ${url}page/<contender>.html`);
  await new Promise(() => {});
}
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

// ---- One run of one contender ----------------------------------------------------------------------------------
// Two clocks. Wall time, measured in the page, is what a person waits for, but on a busy machine (this one is
// shared) it also counts the moments the browser was not given a core. CPU time of the page's main thread
// (CDP Performance.getMetrics TaskDuration in thread ticks) counts only the work done, so its ratios hold still
// under load: it is the primary figure, taken after each phase once the page is quiet.
const quiet = () => new Promise((ok) => setTimeout(ok, 150));
async function run(contender, { throttle = 1 } = {}) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpu = async () => {
    await quiet();
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  };
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${url}page/${contender}.html`, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => window.bench, null, { polling: 5 });
    const first = await page.evaluate(() => window.bench.firstSection());
    const c1 = await cpu();
    const all = await page.evaluate(() => window.bench.allSections());
    const c2 = await cpu();
    await page.evaluate(() => window.bench.back());
    const c3 = await cpu();
    const answers = await page.evaluate(() => window.bench.answerAll());
    const c4 = await cpu();
    const rh = await page.evaluate(() => window.bench.revealHide());
    const c5 = await cpu();
    const longTasks = await page.evaluate(() => window.bench.longTasks);
    return {
      first,
      all,
      answers,
      rh,
      longTasks,
      cpu: { first: c1, all: c2, answers: c4 - c3, revealHide: (c5 - c4) / (rh.reveal.length + rh.hide.length) },
    };
  } catch (e) {
    throw new Error(`${contender}: ${e.message}${errors.length ? `\n  page errors: ${errors.join('; ')}` : ''}`);
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const results = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
// A contender whose page cannot be driven through the whole session is reported and left out, not guessed.
const failed = new Map();
async function attempt(c, opts) {
  if (failed.has(c)) return undefined;
  try {
    return await run(c, opts);
  } catch (e) {
    failed.set(c, e.message.split('\n')[0]);
    return undefined;
  }
}
// Interleaved, so that a slow moment of the machine is shared by every contender.
for (let i = 0; i < RUNS; i++)
  for (const c of CONTENDERS) {
    const r = await attempt(c);
    if (r) results[c].push(r);
  }
const throttled = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
for (let i = 0; i < Math.max(1, Math.ceil(RUNS / 2)); i++)
  for (const c of CONTENDERS) {
    const r = await attempt(c, { throttle: 4 });
    if (r) throttled[c].push(r);
  }
for (const c of failed.keys()) CONTENDERS.splice(CONTENDERS.indexOf(c), 1);

const MEASURES = [
  ['First section on screen: main-thread CPU ms', (r) => r.cpu.first],
  ['All sections rendered: main-thread CPU ms', (r) => r.cpu.all],
  [`Answering all ${QUESTIONS} questions: main-thread CPU ms`, (r) => r.cpu.answers],
  ['Reveal or hide a control: main-thread CPU ms each', (r) => r.cpu.revealHide],
  ['First section on screen: wall ms from navigation', (r) => r.first],
  ['All sections rendered: wall ms from navigation', (r) => r.all],
  [`Answering all ${QUESTIONS} questions: wall ms`, (r) => r.answers.total],
  ['Answering: slowest single answer, wall ms', (r) => r.answers.worst],
  ['Reveal or hide: median, wall ms', (r) => median([...r.rh.reveal, ...r.rh.hide])],
  ['Reveal or hide: slowest, wall ms', (r) => Math.max(...r.rh.reveal, ...r.rh.hide)],
];
const fig = {};
for (const [name, f] of MEASURES) fig[name] = Object.fromEntries(CONTENDERS.map((c) => [c, median(results[c].map(f))]));
const LONG = 'Longest task, 4x slower CPU, whole session: wall ms';
fig[LONG] = Object.fromEntries(
  CONTENDERS.map((c) => [c, median(throttled[c].map((r) => Math.max(0, ...r.longTasks)))]),
);
const OVER50 = 'Tasks over 50 ms, 4x slower CPU (count)';
fig[OVER50] = Object.fromEntries(
  CONTENDERS.map((c) => [c, median(throttled[c].map((r) => r.longTasks.filter((d) => d > 50).length))]),
);
for (const [c, why] of failed) console.log(`${c}: left out, its page could not be driven to the end (${why})`);
const f1 = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const peersIn = CONTENDERS.filter((c) => PEERS.includes(c));
console.log(
  `\nWidget benchmark: ${QUESTIONS} questions, ${RUNS} runs per contender (medians; ${Math.max(1, Math.ceil(RUNS / 2))} on the 4x profile), Chromium ${browser.version()}, phone viewport 390×844.\n`,
);
console.log(
  `| Measure | ${CONTENDERS.join(' | ')} | Onward ÷ floor | Onward ÷ best peer |\n| --- | ${CONTENDERS.map(() => '---:').join(' | ')} | ---: | ---: |`,
);
for (const [name, byC] of Object.entries(fig)) {
  const best = peersIn.length ? Math.min(...peersIn.map((p) => byC[p])) : undefined;
  const bestPeer = peersIn.find((p) => byC[p] === best);
  console.log(
    `| ${name} | ${CONTENDERS.map((c) => f1(byC[c])).join(' | ')} | ${byC.floor !== undefined && byC.onward !== undefined ? ratio(byC.onward, byC.floor) : '–'} | ${best !== undefined && byC.onward !== undefined ? `${ratio(byC.onward, best)} (${bestPeer})` : '–'} |`,
  );
}
const json = { questions: QUESTIONS, runs: RUNS, chromium: browser.version(), figures: fig, raw: results, throttled };

// ---- Cold loads on a phone, and the check-in by touch (the embed-portal example) ----------------------------------
async function usableAfter(slow, path) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 50_000,
      uploadThroughput: 50_000,
    });
  }
  const start = Date.now();
  await page.goto(url + path);
  await page.locator('onward-checklist .o-choice').first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - start;
  await context.close();
  return ms;
}
const rows = [];
if (!only)
  for (const [label, slow, path] of [
    ['Checklist alone usable, phone, fast network (cold load)', false, 'checklist-only.html'],
    ['Checklist alone usable, phone, 4x slower CPU, 400 ms RTT, 400 kbit/s (cold load)', true, 'checklist-only.html'],
    ['Checklist usable in the whole example portal (4 widgets), same slow phone and network', true, ''],
  ]) {
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await usableAfter(slow, path));
    rows.push([label, `median ${median(times)} ms (${RUNS} runs: ${times.join(', ')})`]);
  }

// Check-in by touch: one tap per area of life and one to send.
if (!only) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(url);
  const cards = page.locator('onward-check-in fieldset.o-card');
  await cards.first().waitFor();
  let taps = 0;
  const start = Date.now();
  const n = await cards.count();
  for (let i = 0; i < n; i++) {
    await cards.nth(i).locator('label.o-choice').first().tap();
    taps++;
  }
  await page.locator('onward-check-in button.o-btn', { hasText: 'Send my check-in' }).tap();
  taps++;
  await page.locator('onward-check-in [role="status"]', { hasText: 'Thanks' }).waitFor();
  rows.push([
    'Check-in, every area of life, by touch',
    `${taps} taps; the page handled them in ${Date.now() - start} ms`,
  ]);
  await context.close();
}

await browser.close();
server.close();
if (rows.length) {
  console.log('\n| Cold load and touch | Figure |\n| --- | --- |');
  for (const [a, b] of rows) console.log(`| ${a} | ${b} |`);
}
json.coldLoads = rows;
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(json, null, 2));
