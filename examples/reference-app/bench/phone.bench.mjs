#!/usr/bin/env node
// The reference app on a slow phone, measured in the app itself (the BUILT app: `pnpm build` first): the young
// person, signed in, opens their checklist cold (empty cache) on a 4x slower CPU with a 400 ms round trip and
// 400 kbit/s down, and we time until the <onward-checklist> widget shows its first question's answers, and count
// the bytes on the wire. The same run repeats with the browser asking for no compression (Accept-Encoding:
// identity), which is what every file cost before the build compressed them; and once warm (the hashed files
// from the cache, immutable: no request at all). Measured, not asserted. BENCH_RUNS (default 3).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, '..');
const MAIN = join(appDir, 'dist/main.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
if (!existsSync(MAIN)) throw new Error('Run `pnpm build` first: examples/reference-app/dist/main.js is missing.');
if (!existsSync(CHROMIUM)) {
  console.log(`No Chromium at ${CHROMIUM}: app benchmark skipped.`);
  process.exit(0);
}

// The app, on a throwaway PGlite folder with a small demo seed.
const dataDir = mkdtempSync(join(tmpdir(), 'onward-bench-app-'));
const child = spawn(process.execPath, [MAIN], {
  cwd: appDir,
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    ONWARD_DATA_DIR: dataDir,
    ONWARD_SEED_SIZE: '24',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
const url = await new Promise((ok, fail) => {
  const timer = setTimeout(() => fail(new Error(`The app did not start. Output:\n${out}`)), 170_000);
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

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const SLOW = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

/** A signed-in young person's context (the sign-in itself is not timed). */
async function signedIn() {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.fill('#email', 'young.person@northbridge.example');
  await page.fill('#password', 'leaving-care-demo');
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.click('button[type=submit]')]);
  return { context, page };
}

/** Open the checklist page; ms until the widget's first answer is on screen, and bytes on the wire. */
async function openChecklist({ compressed, warm }) {
  const { context, page } = await signedIn();
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (!compressed) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'accept-encoding': 'identity' } });
  if (warm) {
    // Once, to fill the cache; then the timed visit.
    await page.goto(`${url}/me/checklist`);
    await page.locator('onward-checklist .o-choice').first().waitFor({ timeout: 120_000 });
    await page.goto('about:blank');
  } else await cdp.send('Network.clearBrowserCache');
  let bytes = 0;
  let requests = 0;
  let start = Date.now();
  const widgetBytes = { n: 0 };
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
    if (process.env.BENCH_VERBOSE)
      console.log(`  ${e.encodedDataLength} B at ${Date.now() - start} ms ${urls.get(e.requestId)}`);
    if (/\/assets\/widgets-[0-9a-f]+\//.test(urls.get(e.requestId) ?? '')) widgetBytes.n += e.encodedDataLength;
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.emulateNetworkConditions', SLOW);
  start = Date.now();
  await page.goto(`${url}/me/checklist`);
  await page.locator('onward-checklist .o-choice').first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - start;
  await context.close();
  return { ms, bytes, requests, widgetBytes: widgetBytes.n };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const [label, opts] of [
    ['Cold, compressed (brotli from the build, JSON compressed)', { compressed: true, warm: false }],
    [
      'Cold, uncompressed (Accept-Encoding: identity, as every file was sent before)',
      { compressed: false, warm: false },
    ],
    ['Warm (hashed files from the cache, immutable: not asked for again)', { compressed: true, warm: true }],
  ]) {
    const rs = [];
    for (let i = 0; i < RUNS; i++) rs.push(await openChecklist(opts));
    rows.push([
      label,
      median(rs.map((r) => r.ms)),
      rs.map((r) => r.ms).join(', '),
      median(rs.map((r) => r.bytes)),
      median(rs.map((r) => r.widgetBytes)),
      median(rs.map((r) => r.requests)),
    ]);
  }
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `\nReference app, the young person's checklist page on a slow phone (4x slower CPU, 400 ms round trip, 400 kbit/s), ${RUNS} runs, medians:\n`,
);
console.log('| Visit | Checklist usable after | Runs | On the wire, whole page | of which the widget | Requests |');
console.log('| --- | ---: | --- | ---: | ---: | ---: |');
for (const [label, ms, all, bytes, widget, requests] of rows)
  console.log(`| ${label} | ${ms} ms | ${all} | ${kb(bytes)} | ${kb(widget)} | ${requests} |`);
