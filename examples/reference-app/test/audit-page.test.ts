// The audit page a manager can use (issue 18), in Chromium: people by name and role in plain words, UK times, the
// filters find one staff member's actions on one young person, pages go past 200 entries (the server's keyset
// cursor, every entry once), and the CSV download holds exactly the filtered rows. axe on each page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '@onward/engine';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { isBuilt, makeWorld, PASSWORD, type World } from './support/world.js';

const DOC_SHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

describe.skipIf(!hasChromium || !isBuilt)('the audit page', () => {
  // 18:31 on 1 July 2026 in the UK is 17:31 UTC (summer time).
  let now = new Date('2026-07-01T17:31:00.000Z');
  let w: World;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const tick = () => {
    now = new Date(now.getTime() + 60_000);
  };

  beforeAll(async () => {
    w = await makeWorld(() => now);
    browser = await launchChromium();
    const tm = await w.as('tm');
    const reg = await tm.call('POST', '/api/young-people', {
      name: 'Sam Second',
      dateOfBirth: '2008-03-03',
      category: 'relevant',
      teamId: 'nb.t1',
      paId: 'nb.pa',
      socialWorkerId: 'nb.sw',
    });
    expect(reg.status, reg.text).toBe(201);
    const second = reg.json().id as string;
    const pa = await w.as('pa');
    const sw = await w.as('sw');
    // The social worker reads Robin's record 3 times and Sam's twice; the PA reads both 110 times.
    for (let i = 0; i < 3; i++) {
      expect((await sw.call('GET', '/api/young-people/nb.yp1')).status).toBe(200);
      tick();
    }
    for (let i = 0; i < 2; i++) expect((await sw.call('GET', `/api/young-people/${second}`)).status).toBe(200);
    for (let i = 0; i < 110; i++) {
      await pa.call('GET', '/api/young-people/nb.yp1');
      await pa.call('GET', `/api/young-people/${second}`);
      if (i % 20 === 0) tick();
    }
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await w?.close();
  });

  async function signIn(email: string): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto(`${w.url}/sign-in`);
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
    if (process.env.ONWARD_SCREENSHOTS !== 'docs') return;
    mkdirSync(DOC_SHOTS, { recursive: true });
    await page.screenshot({ path: join(DOC_SHOTS, `${name}.png`), fullPage: false, scale: 'css' });
  }
  const rows = (page: Page) => page.locator('table tbody tr');
  const cells = async (page: Page) =>
    (await rows(page).evaluateAll((trs) =>
      trs.map((tr) =>
        // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it (a line break is a space).
        [...tr.querySelectorAll('td')].map((td) => ((td as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim()),
      ),
    )) as string[][];

  it("finds one staff member's actions on one young person, by name, in UK time", async () => {
    const tm = await signIn('tm@northbridge.example');
    await tm.goto(`${w.url}/audit`);
    await check(tm, 'the whole trail');
    const text = (await tm.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/nb\.(sw|pa|tm|yp1)\b|social-worker|team-manager/);
    await tm.selectOption('#youngPersonId', { label: 'Robin Example' });
    await tm.selectOption('#actorId', { label: 'sw name, Social worker' });
    await tm.selectOption('#action', 'read');
    await Promise.all([tm.waitForURL(/actorId=nb.sw/), tm.click('button:has-text("Show entries")')]);
    await check(tm, 'one social worker on Robin');
    const found = await cells(tm);
    expect(found).toEqual([
      ['1 Jul 2026, 18:33', 'sw name Social worker', 'Read', 'Young person’s details', 'Robin Example'],
      ['1 Jul 2026, 18:32', 'sw name Social worker', 'Read', 'Young person’s details', 'Robin Example'],
      ['1 Jul 2026, 18:31', 'sw name Social worker', 'Read', 'Young person’s details', 'Robin Example'],
    ]);
    await expect(tm.locator('#audit-count').textContent()).resolves.toBe('Showing 3 entries, newest first.');
    // The filters stay chosen on the page they made.
    await expect(tm.locator('#youngPersonId').inputValue()).resolves.toBe('nb.yp1');
    await shot(tm, 'manager-audit-filtered');

    // The download holds those rows exactly, and names the people.
    const href = await tm.locator('a[data-audit-download]').getAttribute('href');
    const res = await tm.context().request.get(`${w.url}${href}`);
    expect(res.status()).toBe(200);
    const [head, ...csv] = parseCsv(await res.text());
    expect(head?.slice(0, 3)).toEqual(['When (UK time)', 'When (UTC)', 'Who']);
    const times = await tm.locator('table tbody time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(csv.map((r) => r[1])).toEqual(times);
    expect(csv.map((r) => [r[0], r[2], r[3], r[7]])).toEqual([
      ['2026-07-01 18:33:00', 'sw name', 'Social worker', 'Robin Example'],
      ['2026-07-01 18:32:00', 'sw name', 'Social worker', 'Robin Example'],
      ['2026-07-01 18:31:00', 'sw name', 'Social worker', 'Robin Example'],
    ]);
    // Nothing else came with them.
    expect(csv.length).toBe(3);

    // The same young person from a row's link: every entry about them, whoever did it.
    await tm.goto(`${w.url}/audit?actorId=nb.sw`);
    const sw = await cells(tm);
    expect(new Set(sw.map((r) => r[4]))).toEqual(new Set(['Robin Example', 'Sam Second']));
    expect(sw.length).toBe(5);
  });

  it('pages through more than 200 entries, each once, newest first', async () => {
    const tm = await signIn('tm@northbridge.example');
    await tm.goto(`${w.url}/audit?actorId=nb.pa`);
    const seen: string[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      seen.push(...(await rows(tm).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-audit-id') ?? ''))));
      const older = tm.locator('a[rel=next]');
      if (!(await older.count())) break;
      if (pages === 2) {
        await check(tm, 'the second page');
        await shot(tm, 'manager-audit-page-2');
      }
      await Promise.all([tm.waitForURL(/after=/), older.click()]);
    }
    expect(pages).toBe(3);
    expect(seen.length).toBe(220);
    expect(new Set(seen).size).toBe(220);
    const ids = seen.map(Number);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    await expect(tm.locator('a:has-text("Back to the newest entries")').count()).resolves.toBe(1);
  });

  it('names a wrong date by its field', async () => {
    const tm = await signIn('tm@northbridge.example');
    await tm.goto(`${w.url}/audit?from=2026-12-04&to=2026-12-01`);
    await check(tm, 'dates the wrong way round');
    await expect(tm.locator('.error-summary a').getAttribute('href')).resolves.toBe('#to');
    await expect(tm.locator('#to').getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('is not there for a PA', async () => {
    const pa = await signIn('pa@northbridge.example');
    const r = await pa.goto(`${w.url}/audit`);
    expect(r?.status()).toBe(403);
  });
});
