// The team manager's records due for destruction, in Chromium (issue 14): reached from the manager's menu, the list
// shows the records past their 75th birthday oldest first (29 February by the engine's birthday); a legal hold is set
// with a reason (a blank reason is refused, naming the field) and the held record loses its destroy button; the
// destruction's confirmation step shows what will be removed and refuses a reference typed wrong, then destroys the
// record once it is typed right, ending on the list with a success banner and the destruction recorded. axe on each
// page. A PA has no such menu entry and is refused the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { postgresUrl } from '#test-support/postgres.js';
import { isBuilt, makeWorld, PASSWORD, type World } from './support/world.js';

describe.skipIf(!hasChromium || !isBuilt)('records due for destruction', () => {
  let w: World;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    w = await makeWorld(undefined, postgresUrl ? { databaseUrl: postgresUrl } : {});
    // The clock is 2 March 2026: Olive turned 75 on 10 February 2025; Pat, born on 29 February 1948, on 1 March 2023.
    await w.store.createYoungPeople([
      {
        id: 'nb.olive',
        councilId: 'nb',
        name: 'Olive Marsh',
        dateOfBirth: '1950-02-10',
        category: 'former-relevant',
        teamId: 'nb.t1',
        paId: 'nb.pa',
        at: '1970-01-05T09:00:00.000Z',
      },
      {
        id: 'nb.pat',
        councilId: 'nb',
        name: 'Pat Leap',
        dateOfBirth: '1948-02-29',
        category: 'former-relevant',
        teamId: 'nb.t1',
        paId: 'nb.pa',
        at: '1970-01-05T09:00:00.000Z',
      },
    ]);
    await w.store.createYoungPersonUser({
      id: 'nb.u-olive',
      councilId: 'nb',
      youngPersonId: 'nb.olive',
      email: 'olive@example.org',
      password: PASSWORD,
    });
    browser = await launchChromium();
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
  const banner = (page: Page) => page.locator('.panel-success[role=status]');
  const rows = (page: Page) => page.locator('tr[data-retention]');

  it('a manager lists the records, holds one, and destroys another after confirming its reference', async () => {
    const tm = await signIn('tm@northbridge.example');
    await Promise.all([tm.waitForURL(/\/retention$/), tm.click('nav a:has-text("Records due for destruction")')]);
    await check(tm, 'the list');
    await expect(rows(tm).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-retention')))).resolves.toEqual([
      'nb.pat',
      'nb.olive',
    ]);
    await expect(rows(tm).first().locator('td').nth(2).textContent()).resolves.toBe('1 March 2023');
    expect(await tm.locator('main').textContent()).not.toContain('Robin Example');

    // A legal hold on Pat's record: a blank reason is refused, naming the field; then held.
    await Promise.all([
      tm.waitForURL(/\/retention\/nb\.pat\/hold$/),
      tm.click('a:has-text("Put under legal hold: Pat Leap")'),
    ]);
    await check(tm, 'the legal hold form');
    await tm.fill('#reason', '   ');
    await tm.click('button[type=submit]:has-text("Put under legal hold")');
    await expect(tm.locator('.error-summary a[href="#reason"]').count()).resolves.toBe(1);
    await expect(tm.locator('#reason').getAttribute('aria-invalid')).resolves.toBe('true');
    await check(tm, 'the legal hold form with an error');
    await tm.fill('#reason', 'A claim about her care in the 1960s is being looked into');
    await Promise.all([tm.waitForURL(/done=held/), tm.click('button[type=submit]:has-text("Put under legal hold")')]);
    await expect(banner(tm).textContent()).resolves.toContain('Legal hold in place');
    await expect(banner(tm).textContent()).resolves.toContain('The record of Pat Leap cannot be destroyed');
    const pat = tm.locator('tr[data-retention="nb.pat"]');
    await expect(pat.getAttribute('data-status')).resolves.toBe('held');
    await expect(pat.textContent()).resolves.toContain('A claim about her care in the 1960s');
    expect(await pat.locator('a:has-text("Destroy record")').count()).toBe(0);
    await check(tm, 'the list after a hold');

    // Olive's record: the confirmation step says what goes, and refuses a reference typed wrong.
    await Promise.all([
      tm.waitForURL(/\/retention\/nb\.olive\/destroy$/),
      tm.click('a:has-text("Destroy record: Olive Marsh")'),
    ]);
    await check(tm, 'the confirmation step');
    await expect(tm.locator('h1').textContent()).resolves.toBe('Destroy the record of Olive Marsh');
    await expect(tm.locator('tr[data-kind="accounts"] td').textContent()).resolves.toBe('1');
    await expect(tm.locator('tr[data-kind="youngPeople"] td').textContent()).resolves.toBe('1');
    await tm.fill('#confirmReference', 'nb.pat');
    await tm.click('button[type=submit]:has-text("Destroy this record")');
    await expect(tm.locator('.error-summary a[href="#confirmReference"]').textContent()).resolves.toContain(
      'Type nb.olive exactly',
    );
    await check(tm, 'the confirmation step with an error');
    expect(await w.store.getYoungPerson('nb.olive')).toBeDefined();
    await tm.fill('#confirmReference', 'nb.olive');
    await Promise.all([
      tm.waitForURL(/done=destroyed/),
      tm.click('button[type=submit]:has-text("Destroy this record")'),
    ]);
    await expect(banner(tm).locator('h2').textContent()).resolves.toBe('Record destroyed');
    await expect(banner(tm).textContent()).resolves.toMatch(
      /The record nb\.olive has been destroyed: \d+ entries removed/,
    );
    await expect(rows(tm).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-retention')))).resolves.toEqual([
      'nb.pat',
    ]);
    await expect(tm.locator('tr[data-destruction="nb.olive"]').textContent()).resolves.toContain('tm name');
    expect(await tm.locator('main').textContent()).not.toContain('Olive Marsh');
    await check(tm, 'the list after a destruction');
    expect(await w.store.getYoungPerson('nb.olive')).toBeUndefined();
    expect(await w.store.getUser('nb.u-olive')).toBeUndefined();
  });

  it('fits a 320 px window in English and Welsh: the wide table scrolls inside its own region', async () => {
    for (const lang of ['en', 'cy']) {
      const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
      contexts.push(ctx);
      const page = await ctx.newPage();
      await page.goto(`${w.url}/prefs?lang=${lang}&back=/sign-in`);
      await page.goto(`${w.url}/sign-in`);
      await page.fill('#email', 'tm@northbridge.example');
      await page.fill('#password', PASSWORD);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
        page.click('button[type=submit]'),
      ]);
      for (const path of ['/retention', '/retention/nb.pat/lift']) {
        await page.goto(`${w.url}${path}`);
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(wide, `${lang} ${path} scrolls sideways`).toBe(false);
        await check(page, `${lang} ${path} at 320 px`);
      }
    }
  });

  it('is not in a PA’s menu, and the page refuses them', async () => {
    const pa = await signIn('pa@northbridge.example');
    expect(await pa.locator('nav a:has-text("Records due for destruction")').count()).toBe(0);
    const r = await pa.goto(`${w.url}/retention`);
    expect(r?.status()).toBe(403);
  });
});
