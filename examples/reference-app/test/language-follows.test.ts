// Language follows the person (issue 18), in Chromium: a young person whose record says Welsh (`language: "cy"`)
// lands on Welsh pages when they sign in, even on a device where the last visitor chose English; the switch still
// changes it. Welsh easy read is not shipped, so with easy read on a Welsh page says so and what it shows instead
// (standard Welsh), and offers English easy read. A young person with no language recorded keeps the device's choice.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { isBuilt, makeWorld, PASSWORD, type World } from './support/world.js';

const DOC_SHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

describe.skipIf(!hasChromium || !isBuilt)('the young person’s language', () => {
  let w: World;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    w = await makeWorld();
    browser = await launchChromium();
    await w.store.createYoungPeople([
      {
        id: 'nb.yp2',
        councilId: 'nb',
        name: 'Elin Jones',
        dateOfBirth: '2008-05-05',
        category: 'relevant',
        teamId: 'nb.t1',
        paId: 'nb.pa',
        language: 'cy',
        at: '2026-01-05T09:00:00.000Z',
      },
    ]);
    await w.store.createYoungPersonUser({
      id: 'nb.u-yp2',
      councilId: 'nb',
      youngPersonId: 'nb.yp2',
      email: 'elin@example.org',
      password: PASSWORD,
    });
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await w?.close();
  });

  /** A device where the last visitor chose English, standard wording. */
  async function signIn(email: string, lang = 'en'): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', bypassCSP: true });
    contexts.push(ctx);
    await ctx.addCookies([
      { name: 'onward_lang', value: lang, url: w.url },
      { name: 'onward_easy', value: '0', url: w.url },
    ]);
    const page = await ctx.newPage();
    await page.goto(`${w.url}/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.click('button[type=submit]')]);
    return page;
  }
  async function check(page: Page, label: string) {
    const v = await axe(page);
    expect(v, `axe on ${label} (${page.url()}):\n${describeViolations(v)}`).toEqual([]);
  }
  const lang = (page: Page) => page.locator('html').getAttribute('lang');

  it('a young person recorded as Welsh lands in Welsh, and the switch still works', async () => {
    const page = await signIn('elin@example.org');
    expect(new URL(page.url()).pathname).toBe('/me');
    await expect(lang(page)).resolves.toBe('cy');
    await expect(page.locator('.service-name').textContent()).resolves.toBe('Onward: eich cynllun llwybr');
    await check(page, 'Welsh home');
    await Promise.all([page.waitForURL(/\/me/), page.click('.prefs a:has-text("English")')]);
    await expect(lang(page)).resolves.toBe('en-GB');
    // Their choice holds on the next page.
    await page.goto(`${w.url}/me/checklist`);
    await expect(lang(page)).resolves.toBe('en-GB');
  });

  it('Welsh easy read says it is not there yet, shows standard Welsh and offers English easy read', async () => {
    const page = await signIn('elin@example.org');
    const note = page.locator('[data-unavailable-variant=cy-easy]');
    expect(await note.count()).toBe(0);
    await Promise.all([page.waitForURL(/\/me/), page.click('.prefs a:has-text("Hawdd ei ddeall")')]);
    await expect(lang(page)).resolves.toBe('cy');
    await expect(note.textContent()).resolves.toContain('Mae’r dudalen hon yn Gymraeg safonol.');
    await expect(page.locator('.service-name').textContent()).resolves.toBe('Onward: eich cynllun llwybr');
    await check(page, 'Welsh with easy read asked for');
    if (process.env.ONWARD_SCREENSHOTS === 'docs') {
      mkdirSync(DOC_SHOTS, { recursive: true });
      await page.screenshot({ path: `${DOC_SHOTS}young-person-welsh-easy-read.png`, scale: 'css' });
    }
    await Promise.all([page.waitForURL(/\/me/), note.locator('a').click()]);
    await expect(lang(page)).resolves.toBe('en-GB');
    // English easy read is shipped: its own words, and no note.
    await expect(page.locator('.service-name').textContent()).resolves.toBe('Onward: your plan');
    expect(await note.count()).toBe(0);
  });

  it('a young person with no language recorded keeps what the device chose', async () => {
    const page = await signIn('robin@example.org', 'cy');
    await expect(lang(page)).resolves.toBe('cy');
  });
});
