#!/usr/bin/env node
// Benchmarks for the widgets in Debian's Chromium, against the BUILT script (run `pnpm build` first):
//  - how long the checklist takes to become usable on a phone on a poor connection (cold load of the
//    embed-portal example, 4x CPU slowdown, 400 ms round trip, 400 kbit/s down), and on a fast one;
//  - how many taps a check-in takes, and how long the page takes to accept them.
// Figures go in docs/size.md. Nothing here asserts a time: speed is measured, not tested.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(here, '../dist');
const example = resolve(here, '../../../examples/embed-portal');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (!existsSync(join(dist, 'onward-elements.js')))
  throw new Error('Run `pnpm build` first: dist/onward-elements.js is missing.');
if (!existsSync(CHROMIUM)) {
  console.log(`No Chromium at ${CHROMIUM}: widget benchmarks skipped.`);
  process.exit(0);
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
// A page with the checklist alone, so its figure is not shared with other widgets' downloads.
const CHECKLIST_ONLY = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Checklist</title><script type="module" src="/onward/onward-elements.js"></script></head><body><onward-checklist storage-key="bench"></onward-checklist></body></html>`;
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/checklist-only.html') {
    res.writeHead(200, {
      'content-type': 'text/html',
      'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
    });
    res.end(CHECKLIST_ONLY);
    return;
  }
  const [prefix, dir] = path.startsWith('/onward/') ? ['/onward/', dist] : ['/', example];
  let file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
  if (file.startsWith(dir) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dir) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  // Compressed, as any real web server would send it.
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(gzip ? gzipSync(readFileSync(file)) : readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
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
{
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
console.log('| What | Figure |\n| --- | --- |');
for (const [a, b] of rows) console.log(`| ${a} | ${b} |`);
