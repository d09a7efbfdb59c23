// Every plan step says what happened and what is next, in Chromium: the PA goes ahead without the young person after
// three attempts (the button goes once used) and submits; the team manager's queue shows the PA and the days the plan
// has waited, oldest first; returning and authorising each end on the queue with a banner naming the young person,
// what was done and what happens next. axe on each page. The server's clock moves, and the pages use it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { postgresUrl } from '#test-support/postgres.js';
import { isBuilt, makeWorld, PASSWORD, type World } from './support/world.js';

const DAY = 86_400_000;

describe.skipIf(!hasChromium || !isBuilt)('plan confirmations and the authorisation queue', () => {
  let now = new Date('2026-03-02T10:00:00.000Z');
  let w: World;
  let browser: Browser;
  let planId = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    w = await makeWorld(() => now, postgresUrl ? { databaseUrl: postgresUrl } : {});
    browser = await launchChromium();
    // A draft plan and three unanswered calls, a day apart.
    const pa = await w.as('pa');
    const r = await pa.call('POST', '/api/young-people/nb.yp1/plans', {});
    expect(r.status, r.text).toBe(201);
    planId = r.json().plan.id;
    for (let i = 0; i < 3; i++) {
      const a = await (await w.as('pa')).call('POST', `/api/plans/${planId}/engagement-attempts`, {
        at: now.toISOString(),
        method: 'phone',
        outcome: 'no-reply',
      });
      expect(a.status, a.text).toBe(200);
      now = new Date(now.getTime() + DAY);
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
  const banner = (page: Page) => page.locator('.panel-success[role=status]');

  it('the PA goes ahead without the young person once, then submits, and each step is confirmed', async () => {
    const pa = await signIn('pa@northbridge.example');
    await pa.goto(`${w.url}/plans/${planId}`);
    await check(pa, 'PA: the draft plan');
    expect(await banner(pa).count()).toBe(0);
    const without = 'button:has-text("Complete the plan without the young person")';
    await Promise.all([pa.waitForURL(/done=plan.completeWithoutYoungPerson/), pa.click(without)]);
    await expect(banner(pa).textContent()).resolves.toContain('Going ahead without the young person');
    await expect(banner(pa).textContent()).resolves.toContain('written without Robin Example');
    await expect(banner(pa).textContent()).resolves.toContain('Next: finish the plan and submit it');
    // Done once: the button that did it is gone.
    expect(await pa.locator(without).count()).toBe(0);
    await check(pa, 'PA: after going ahead without the young person');
    await Promise.all([pa.waitForURL(/done=plan.submit/), pa.click('button:has-text("Submit for authorisation")')]);
    await expect(banner(pa).textContent()).resolves.toContain('The plan is with the team manager to authorise');
    await check(pa, 'PA: after submitting');
    // The banner belongs to the moment: the same page opened again has none.
    await pa.goto(`${w.url}/plans/${planId}`);
    expect(await banner(pa).count()).toBe(0);
  });

  it('the queue shows the PA and the days waiting; returning says where the plan went and what is next', async () => {
    now = new Date(now.getTime() + 3 * DAY);
    const tm = await signIn('tm@northbridge.example');
    await tm.goto(`${w.url}/authorisations`);
    await check(tm, 'manager: the queue');
    const row = tm.locator('tbody tr', { hasText: 'Robin Example' });
    await expect(row.getAttribute('data-days-waiting')).resolves.toBe('3');
    await expect(row.locator('td').allTextContents()).resolves.toEqual(['pa name', '5 March 2026', '3 days']);
    await expect(tm.locator('main').textContent()).resolves.toContain('1 plan is waiting. It has waited 3 days.');
    await tm.click('a:has-text("Robin Example")');
    await tm.fill('#comment', 'Add the housing goal we talked about.');
    await Promise.all([tm.waitForURL(/done=plan.return/), tm.click('button:has-text("Return with comments")')]);
    await expect(banner(tm).locator('h2').textContent()).resolves.toBe('Robin Example’s plan has gone back to pa name');
    await expect(banner(tm).textContent()).resolves.toContain('come back to this list when it is submitted again');
    expect(await tm.locator('tbody tr', { hasText: 'Robin Example' }).count()).toBe(0);
    await check(tm, 'manager: the queue after returning');
  });

  it('authorising ends on the queue naming the plan, where it can be read and when it is reviewed', async () => {
    const pa = await w.as('pa');
    const s = await pa.call('POST', `/api/plans/${planId}/events`, { type: 'plan.submit' });
    expect(s.status, s.text).toBe(200);
    now = new Date(now.getTime() + DAY);
    const tm = await signIn('tm@northbridge.example');
    await tm.goto(`${w.url}/authorisations`);
    await expect(tm.locator('tbody tr', { hasText: 'Robin Example' }).getAttribute('data-days-waiting')).resolves.toBe(
      '1',
    );
    await tm.click('a:has-text("Robin Example")');
    await Promise.all([tm.waitForURL(/done=plan.authorise/), tm.click('button:has-text("Authorise plan")')]);
    await expect(banner(tm).locator('h2').textContent()).resolves.toBe('Robin Example’s plan is authorised');
    // Authorised on 9 March 2026: the six-month review is due by 9 September 2026.
    await expect(banner(tm).textContent()).resolves.toContain('The next review is due by 9 September 2026.');
    await check(tm, 'manager: the queue after authorising');
    await Promise.all([
      tm.waitForURL(new RegExp(`/plans/${planId}$`)),
      tm.click('a:has-text("Open Robin Example’s plan")'),
    ]);
    await expect(tm.locator('h1').textContent()).resolves.toContain('Authorised');
    // A banner naming a plan that was not just authorised (a stale or copied link) is not shown.
    await tm.goto(`${w.url}/authorisations?done=plan.return&plan=${planId}`);
    expect(await banner(tm).count()).toBe(0);
  });
});
