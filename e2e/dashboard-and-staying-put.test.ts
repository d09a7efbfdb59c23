// The built reference app in Chromium: the team manager's dashboard draws its charts (chart.js, loaded on demand)
// with tables under the strict CSP, has no axe violations and downloads a spreadsheet that exceljs opens; an
// analyst gets the same dashboard with small numbers hidden; a PA moves a Staying Put arrangement on a step with
// the buttons the engine allows; a carer sees the arrangements they are part of on /welcome.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { isBuilt, type RunningApp, startApp } from './support/app.js';

// exceljs is a dependency of @onward/dashboard, not of the workspace root.
const requireFromDashboard = createRequire(new URL('../packages/dashboard/package.json', import.meta.url));
const ExcelJS = requireFromDashboard('exceljs') as typeof import('exceljs');

const PASSWORD = 'leaving-care-demo';
const SHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const DOC_SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

interface Figure {
  value: number | null;
  suppressed: boolean;
}

describe.skipIf(!hasChromium || !isBuilt)('reference app: the chart dashboard and the Staying Put steps', () => {
  let app: RunningApp;
  let browser: Browser;

  /** A signed-in page. `strict` keeps the page's CSP in force (no axe then: axe is injected as a script). */
  async function signIn(email: string, strict = false): Promise<Page> {
    const ctx = await browser.newContext({
      ...(strict ? {} : { bypassCSP: true }),
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${app.url}/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
      page.click('button[type=submit]:has-text("Sign in")'),
    ]);
    return page;
  }

  async function check(page: Page, label: string) {
    const v = await axe(page);
    expect(v, `axe on ${label} (${page.url()}):\n${describeViolations(v)}`).toEqual([]);
    expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  }

  async function shot(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
    if (process.env.ONWARD_SCREENSHOTS === 'docs') {
      mkdirSync(DOC_SHOTS, { recursive: true });
      await page.screenshot({ path: join(DOC_SHOTS, `${name}.png`), fullPage: false, scale: 'css' });
    }
  }

  beforeAll(async () => {
    app = await startApp({ ONWARD_SEED_SIZE: '60', ONWARD_SEED_ACCOUNTS: '1' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('draws the manager’s dashboard under the strict CSP: charts, tables, Staying Put comparison', async () => {
    const page = await signIn('manager@northbridge.example', true);
    await page.goto(`${app.url}/dashboard`);
    const host = page.locator('onward-dashboard');
    // chart.js loads on demand; each chart is a canvas with its table and summary beside it.
    await host.locator('canvas').first().waitFor({ timeout: 30_000 });
    expect(await host.locator('canvas').count()).toBeGreaterThanOrEqual(3);
    expect(await host.locator('table').count()).toBeGreaterThanOrEqual(3);
    expect(await host.getByRole('heading', { name: 'Staying Put and other care leavers' }).count()).toBe(1);
    // The cost estimate is shown with its unit costs and their sources.
    expect(await host.locator('caption', { hasText: 'Estimated public costs avoided' }).count()).toBe(1);
    // The server's own tables (for pages without scripts) give way to the charts.
    expect(await page.locator('[data-dashboard-fallback]').isHidden()).toBe(true);
    // The scripts are same-origin files; nothing was refused by the CSP.
    const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(csp).toEqual([]);
    const headers = (await page.request.get(`${app.url}/dashboard`)).headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("style-src 'self'");
    // A team manager sees their own team, with exact figures.
    const data = await page.evaluate(async () => (await fetch('/api/insights/dashboard')).json());
    expect(data.exact).toBe(true);
    expect(data.teams).toHaveLength(1);
    expect(data.filters.team).toEqual(data.teams);
    await page.context().close();
  }, 120_000);

  it('has no axe violations on the dashboard, and its spreadsheet opens in exceljs', async () => {
    const page = await signIn('manager@northbridge.example');
    await page.goto(`${app.url}/dashboard`);
    const host = page.locator('onward-dashboard');
    await host.locator('canvas').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500); // chart animations off or not, let the last chart settle
    await check(page, 'dashboard');
    await shot(page, 'manager-dashboard');
    await host.getByRole('heading', { name: 'Staying Put and other care leavers' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -20));
    await shot(page, 'manager-dashboard-staying-put');
    const population = (await page.evaluate(async () => (await fetch('/api/insights/dashboard')).json())).aggregates
      .population as Figure;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      host.getByRole('button', { name: 'Spreadsheet (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^onward-insights-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path()) as string) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('domains');
    const domains = wb.getWorksheet('domains');
    expect(domains?.rowCount).toBe(9); // a header and the 8 areas of life
    // The young people counted in the sheet are the ones the server counted.
    const text = wb.worksheets.map((w) => JSON.stringify(w.getSheetValues())).join('\n');
    expect(text).toContain(String(population.value));
    await page.context().close();
  }, 120_000);

  it('shows an analyst the council’s figures with small numbers hidden, and only those', async () => {
    const page = await signIn('analyst@northbridge.example');
    await page.goto(`${app.url}/dashboard`);
    const host = page.locator('onward-dashboard');
    await host.locator('canvas').first().waitFor({ timeout: 30_000 });
    const data = await page.evaluate(async () => (await fetch('/api/insights/dashboard')).json());
    expect(data.exact).toBe(false);
    expect(data.filters).toEqual({});
    // No count from 1 to 4 is sent to an analyst, anywhere in the figures.
    const small: string[] = [];
    const walk = (x: unknown, path: string) => {
      if (Array.isArray(x)) {
        for (const [i, v] of x.entries()) walk(v, `${path}.${i}`);
      } else if (x && typeof x === 'object') {
        const f = x as Partial<Figure>;
        if ('suppressed' in f && !/percent|rate|amount|extra/i.test(path) && f.suppressed === false) {
          if (typeof f.value === 'number' && f.value >= 1 && f.value <= 4) small.push(`${path} = ${f.value}`);
        }
        for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
      }
    };
    walk(data.aggregates, 'aggregates');
    walk(data.cohorts, 'cohorts');
    expect(small).toEqual([]);
    // The page says so, and shows "fewer than 5" where numbers are hidden.
    expect(await page.locator('main').textContent()).toContain('Numbers under 5 are hidden');
    expect(await host.locator(':text("fewer than 5")').count()).toBeGreaterThan(0);
    await check(page, 'analyst dashboard');
    // No person-level lists for an analyst: the drill-down is not offered.
    expect(
      await page.evaluate(() => document.querySelector('onward-dashboard')?.shadowRoot?.innerHTML ?? ''),
    ).not.toMatch(/youngPersonId/);
    // Records are refused.
    expect((await page.request.get(`${app.url}/api/young-people`)).status()).toBe(403);
    await page.context().close();
  }, 120_000);

  it('lets a PA move a Staying Put arrangement on a step, with only the allowed buttons', async () => {
    const page = await signIn('pa@northbridge.example');
    await page.goto(`${app.url}/staying-put`);
    await check(page, 'Staying Put tracker');
    await shot(page, 'pa-staying-put');
    const links = await page
      .locator('a[href^="/staying-put/"]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') as string));
    expect(links.length, 'the demo PA has Staying Put arrangements').toBeGreaterThan(0);
    // Steps that move the arrangement to its next state, in the order they happen.
    const moving = [
      'stayingPut.discuss',
      'stayingPut.plans.include',
      'stayingPut.meeting.record',
      'stayingPut.start',
      'stayingPut.end',
    ];
    let done = false;
    for (const href of links) {
      await page.goto(`${app.url}${href}`);
      const view = await page.evaluate(
        async (id) => (await fetch(`/api/staying-put/${id}`)).json(),
        href.split('/').pop() as string,
      );
      // Exactly the engine's allowed steps are offered (drafting is saving the agreement and signing is on the
      // agreement page, not buttons here).
      const offered = await page
        .locator('button[data-event]')
        .evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.event as string));
      expect(offered).toEqual(
        view.allowedEvents.filter(
          (e: string) =>
            ![
              'stayingPut.agreement.draft',
              'stayingPut.agreement.sign',
              'stayingPut.workers.allocate',
              'stayingPut.rules.adopt',
            ].includes(e),
        ),
      );
      const type = moving.find((m) => offered.includes(m));
      if (!type) continue;
      await check(page, `arrangement ${view.state}`);
      await shot(page, 'pa-staying-put-steps');
      const form = page.locator('form.step-form').filter({ has: page.locator(`button[data-event="${type}"]`) });
      if (type === 'stayingPut.end') {
        await form.locator('select[name=activity]').selectOption('F2');
        await form.locator('select[name=accommodation]').selectOption('U1');
      }
      // Everyone the council needs came to the meeting (issue 12: the default is Leeds's list).
      if (type === 'stayingPut.meeting.record')
        for (const box of await form.locator('input[name=attendees]').all()) await box.check();
      // Ending is checked and confirmed on a page of its own first.
      if (type === 'stayingPut.end') {
        await Promise.all([page.waitForURL(/\/confirm$/), form.locator('button[type=submit]').click()]);
        await check(page, 'confirm the ending');
      }
      await Promise.all([
        page.waitForURL((u) => u.searchParams.get('done') === type),
        (type === 'stayingPut.end' ? page.locator('button.warning') : form.locator('button[type=submit]')).click(),
      ]);
      expect(await page.locator('.panel-success').textContent()).toContain(
        type === 'stayingPut.end' ? 'has ended' : 'Saved',
      );
      const after = await page.evaluate(
        async (id) => (await fetch(`/api/staying-put/${id}`)).json(),
        href.split('/').pop() as string,
      );
      expect(after.state).not.toBe(view.state);
      expect(after.version).toBeGreaterThan(view.version);
      await check(page, 'arrangement after a step');
      done = true;
      break;
    }
    expect(done, 'an arrangement of the demo PA could move on a step').toBe(true);
    await page.context().close();
  }, 180_000);

  it('lists a carer’s arrangements on their welcome page', async () => {
    const page = await signIn('carer@northbridge.example');
    await page.goto(`${app.url}/welcome`);
    await check(page, 'carer welcome');
    const rows = page.locator('section[aria-labelledby="my-arrangements"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const href = await rows.first().locator('a').first().getAttribute('href');
    await page.goto(`${app.url}${href}`);
    await check(page, 'carer arrangement');
    await page.context().close();
  }, 120_000);
});
