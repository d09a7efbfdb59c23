// Shared support for browser tests: Debian's Chromium driven by playwright-core, axe-core, a static server.
// Browser tests must use describe.skipIf(!hasChromium) so a machine without Chromium skips them loudly
// (scripts/test.mjs prints why and how to install it) rather than failing or passing silently.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH) && process.env.ONWARD_SKIP_BROWSER === undefined;
if (!hasChromium)
  console.warn(
    process.env.ONWARD_SKIP_BROWSER !== undefined
      ? `\n*** SKIPPING browser tests: ONWARD_SKIP_BROWSER is set (${process.env.ONWARD_SKIP_BROWSER}). ***\n`
      : `\n*** SKIPPING browser tests: no Chromium at ${CHROMIUM_PATH}. Install it: apt-get install -y chromium ***\n`,
  );

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Chromium 150 makes a new renderer document on each navigation (RenderDocument), and the offline emulation
  // playwright-core 1.65 sets (context.setOffline) no longer reaches it: a page opened offline from the service
  // worker said navigator.onLine === true, so the offline tests saw no "You are offline". Real phones are not
  // affected (their navigator.onLine is the real one); only the emulation in tests needs this.
  '--disable-features=RenderDocument',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A phone-sized context: 390×844, touch, mobile user agent behaviour. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Run axe-core in the page at WCAG 2.2 AA (and the A/AA rules of 2.0 and 2.1) and return the violations.
 * Injected with addScriptTag's content so that it works on pages with a strict CSP only when the test context
 * sets bypassCSP; the pages themselves never need it.
 */
export async function axe(page: Page, selector?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (sel) => {
    const w = window as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(sel ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, selector);
}

/** Format violations for an assertion message. */
export function describeViolations(v: AxeViolation[]): string {
  return v
    .map((x) => `${x.id} (${x.impact}): ${x.help}\n  ${x.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve folders on 127.0.0.1 (a free port). `mounts` maps a URL prefix to a folder. Every response carries the
 * given headers (e.g. a strict Content-Security-Policy).
 */
export async function serveStatic(
  mounts: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    for (const [prefix, dir] of Object.entries(mounts).sort((a, b) => b[0].length - a[0].length)) {
      if (!url.pathname.startsWith(prefix)) continue;
      const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      const file = normalize(join(resolve(dir), rel));
      if (!file.startsWith(resolve(dir))) break;
      let target = file;
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(target)) break;
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', ...headers });
      res.end(readFileSync(target));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
