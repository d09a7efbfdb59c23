// Reflow at 320 CSS pixels (WCAG 2.2 success criterion 1.4.10), in English and in Welsh. Each role signs in to the
// built reference app in a 320 px wide Chromium window and walks its pages: the menu, then every link in the page
// content that leads to a kind of page not yet seen (a young person, a plan, an arrangement, an agreement, a member
// of staff...). Every widget is on one of these pages (plan, checklist, check-in, agreement, dashboard), and each
// page is checked once it has drawn. On every page:
//  - the page itself does not scroll sideways (scrollWidth <= clientWidth);
//  - nothing sticks out of the window (or is cut off by it), looking inside the widgets' shadow roots too, except
//    inside a scroll region; a scroll region that does scroll must be named and reachable by keyboard
//    (a region: a <section> or role="region" with an aria-label, and tabindex="0"), so a keyboard user can scroll
//    a wide table;
//  - axe finds no WCAG 2.2 AA violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { isBuilt, type RunningApp, START_MS, startApp } from './support/app.js';

const PASSWORD = 'leaving-care-demo';
const WIDTH = 320;

/** Route shapes: a link to a page of a shape already checked is not followed again. */
const SHAPES: [RegExp, string][] = [
  [/^\/me\/checklist\/[^/]+$/, '/me/checklist/:area'],
  [/^\/plans\/[^/]+\/checklist\/[^/]+$/, '/plans/:id/checklist/:area'],
  [/^\/plans\/[^/]+\/checklist$/, '/plans/:id/checklist'],
  [/^\/plans\/[^/]+$/, '/plans/:id'],
  [/^\/young-people\/[^/]+\/staying-put$/, '/young-people/:id/staying-put'],
  [/^\/young-people\/[^/]+$/, '/young-people/:id'],
  [/^\/staying-put\/[^/]+\/agreement$/, '/staying-put/:id/agreement'],
  [/^\/staying-put\/[^/]+$/, '/staying-put/:id'],
  [/^\/agreements\/[^/]+$/, '/agreements/:id'],
  [/^\/admin\/staff\/[^/]+$/, '/admin/staff/:id'],
  [/^\/admin\/young-people\/[^/]+$/, '/admin/young-people/:id'],
];
function shapeOf(path: string): string {
  return SHAPES.find(([re]) => re.test(path))?.[1] ?? path;
}
/** Not pages to check: downloads, switches, signing out, the API. */
const NOT_A_PAGE = /^\/(api|prefs|sign-out|assets|wording)(\/|$)|\/pdf$/;

interface Reflow {
  scrollWidth: number;
  clientWidth: number;
  /** Elements outside the window and not inside a scroll region (outermost only). */
  outside: string[];
  /** Scroll regions that scroll but are not named or not focusable. */
  unnamedRegions: string[];
  /** Scroll regions that do scroll sideways (allowed). */
  regions: number;
}

/** Measures reflow in the page (runs in Chromium). */
function measure(): Reflow {
  const vw = document.documentElement.clientWidth;
  const describe = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls = el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : '';
    const r = el.getBoundingClientRect();
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const host = (el.getRootNode() as ShadowRoot).host;
    return `${host ? `${host.localName} >>> ` : ''}${el.localName}${id}${cls} [${Math.round(r.left)}–${Math.round(r.right)}px] "${text}"`;
  };
  const parentOf = (el: Element): Element | null =>
    el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  const scrollsX = (el: Element) => {
    const o = getComputedStyle(el).overflowX;
    return (o === 'auto' || o === 'scroll') && el !== document.documentElement && el !== document.body;
  };
  const outside: string[] = [];
  const unnamed = new Set<Element>();
  const regions = new Set<Element>();
  const flagged = new Set<Element>();
  const all: Element[] = [];
  const collect = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  collect(document);
  for (const el of all) {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue; // visually hidden text
    if (r.right <= 0) continue; // moved off to the left until focused (the skip link): never scrolls sideways
    if (getComputedStyle(el).visibility === 'hidden') continue;
    if (r.right <= vw + 0.5 && r.left >= -0.5) continue;
    let region: Element | null = null;
    let inFlagged = false;
    for (let p = parentOf(el); p; p = parentOf(p)) {
      if (flagged.has(p)) inFlagged = true;
      if (!region && scrollsX(p)) region = p;
    }
    if (region) {
      regions.add(region);
      continue;
    }
    flagged.add(el);
    if (!inFlagged && outside.length < 12) outside.push(describe(el));
  }
  for (const el of all) if (scrollsX(el) && el.scrollWidth > el.clientWidth) regions.add(el);
  for (const region of regions) {
    if (region.scrollWidth <= region.clientWidth) continue;
    const isRegion =
      region.getAttribute('role') === 'region' || (region.localName === 'section' && !region.hasAttribute('role'));
    const named = isRegion && !!region.getAttribute('aria-label')?.trim();
    const focusable = region.getAttribute('tabindex') === '0';
    if (!named || !focusable) unnamed.add(region);
  }
  const se = document.scrollingElement ?? document.documentElement;
  return {
    scrollWidth: se.scrollWidth,
    clientWidth: se.clientWidth,
    outside,
    unnamedRegions: [...unnamed].map(describe),
    regions: [...regions].filter((r) => r.scrollWidth > r.clientWidth).length,
  };
}

describe.skipIf(!hasChromium || !isBuilt)('reflow at 320 CSS px, with axe, in English and Welsh (WCAG 1.4.10)', () => {
  let app: RunningApp;
  let browser: Browser;
  const checked: string[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    // ONWARD_E2E_URL: check an app that is already running with the demo accounts (quicker when fixing a page).
    const running = process.env.ONWARD_E2E_URL;
    app = running
      ? { url: running, output: () => '', stop: async () => {}, kill: async () => {} }
      : await startApp({ ONWARD_SEED_ACCOUNTS: '1' });
    browser = await launchChromium();
  }, START_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    console.log(`reflow: ${checked.length} pages checked at ${WIDTH} px`);
  });

  async function narrow(): Promise<BrowserContext> {
    // bypassCSP only so that axe-core can be injected.
    return browser.newContext({ viewport: { width: WIDTH, height: 640 }, deviceScaleFactor: 1, bypassCSP: true });
  }

  /** Waits for every widget on the page to draw (and the dashboard's charts, which load on demand). */
  async function settled(page: Page) {
    await page.waitForLoadState('load');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('*')]
          .filter((e) => e.localName.startsWith('onward-'))
          .every(
            (e) =>
              e.shadowRoot && e.shadowRoot.childElementCount > 0 && !e.shadowRoot.querySelector('[aria-busy="true"]'),
          ),
      undefined,
      { timeout: 30_000 },
    );
    if ((await page.locator('onward-dashboard').count()) > 0)
      await page.locator('onward-dashboard canvas').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
  }

  async function checkPage(page: Page, label: string) {
    await settled(page);
    const r = await page.evaluate(measure);
    const where = `${label} ${new URL(page.url()).pathname}`;
    checked.push(where);
    const problems: string[] = [];
    if (r.scrollWidth > r.clientWidth)
      problems.push(`the page scrolls sideways: scrollWidth ${r.scrollWidth} > clientWidth ${r.clientWidth}`);
    if (r.outside.length) problems.push(`outside the ${WIDTH} px window:\n    ${r.outside.join('\n    ')}`);
    if (r.unnamedRegions.length)
      problems.push(
        `scroll regions that are not a named region with tabindex="0":\n    ${r.unnamedRegions.join('\n    ')}`,
      );
    const v = await axe(page);
    if (v.length) problems.push(`axe:\n${describeViolations(v)}`);
    if (problems.length) failures.push(`${where}\n  ${problems.join('\n  ')}`);
  }

  /** Signs in, then checks the menu's pages and every new kind of page linked from their content. */
  async function walk(email: string | null, start: string[], lang: 'en' | 'cy') {
    const ctx = await narrow();
    const page = await ctx.newPage();
    await page.goto(`${app.url}/prefs?lang=${lang}&back=/sign-in`);
    if (email) {
      await page.goto(`${app.url}/sign-in`);
      await page.fill('#email', email);
      await page.fill('#password', PASSWORD);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
        page.click('button[type=submit]'),
      ]);
      const nav = await page
        .locator('nav.site-nav a')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      start = [...nav, ...start];
    }
    const seen = new Set<string>();
    const queue = [...start];
    const label = `${email ?? 'signed out'} (${lang})`;
    while (queue.length) {
      const path = queue.shift() as string;
      const shape = shapeOf(path);
      if (seen.has(shape)) continue;
      seen.add(shape);
      await page.goto(`${app.url}${path}`);
      await checkPage(page, label);
      const links = await page
        .locator('main a[href^="/"]:not([download])')
        .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const l of links) if (!NOT_A_PAGE.test(l) && !seen.has(shapeOf(l))) queue.push(l);
    }
    await ctx.close();
  }

  const ROLES: [string | null, string[]][] = [
    [null, ['/sign-in', '/invitation/not-a-real-link', '/staff-invitation/not-a-real-link']],
    ['young.person@northbridge.example', []],
    ['pa@northbridge.example', []],
    ['manager@northbridge.example', []],
    ['analyst@northbridge.example', []],
    ['carer@northbridge.example', []],
    ['fostering@northbridge.example', []],
    ['social.worker@northbridge.example', []],
    ['admin@northbridge.example', []],
  ];

  for (const lang of ['en', 'cy'] as const) {
    it(`has no sideways scroll, nothing cut off and no axe violations at ${WIDTH} px (${lang})`, async () => {
      failures.length = 0;
      for (const [email, start] of ROLES) await walk(email, start, lang);
      expect(checked.length).toBeGreaterThan(20);
      expect(failures, failures.join('\n\n')).toEqual([]);
    }, 900_000);
  }
});
