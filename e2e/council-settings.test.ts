// The built reference app in Chromium: the council admin opens Council settings from the admin menu, makes two
// mistakes with the keyboard (plan reviews every 0 months, the young person left off the meeting) and is told about
// each by the field's own name, linked to the field and kept as typed; puts them right and moves one Staying Put
// step a year earlier; the PA's arrangement page then shows that step due a year earlier. Only an admin may open the
// page. Every page is checked with axe-core.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { isBuilt, type RunningApp, START_MS, startApp } from './support/app.js';

const PASSWORD = 'leaving-care-demo';
const TIMELINE = [
  'identify',
  'discuss',
  'include-in-plans',
  'tell-managers',
  'list-conversion-tasks',
  'review-progress',
  'start-dbs',
  'hold-meeting',
  'sign-agreement',
  'approve',
  'complete-checks',
  'complete-dbs',
];

// The steps whose due dates come from a setting: the demo arrangement may be running already (its next review).
const STEPS = ['review', 'first-review', ...TIMELINE];
const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;
const months = (a: string, b: string) =>
  Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7)) - (Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)));

interface Deadline {
  step: string;
  due: string;
}

describe.skipIf(!hasChromium || !isBuilt)('reference app: the council settings page', () => {
  let app: RunningApp;
  let browser: Browser;

  async function signIn(email: string): Promise<Page> {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
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

  /** The PA's first arrangement that shows a timeline step, that step, and its deadlines from the API. */
  async function arrangementStep(page: Page, step?: string) {
    await page.goto(`${app.url}/staying-put`);
    const links = await page
      .locator('a[href^="/staying-put/"]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') as string));
    for (const href of links) {
      await page.goto(`${app.url}${href}`);
      const shown = await page
        .locator('li.deadline[data-step]')
        .evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.step as string));
      const s = step ?? shown.find((x) => STEPS.includes(x));
      if (!s || !shown.includes(s)) continue;
      const view = await page.evaluate(async (u) => (await fetch(u)).json(), `/api${href}`);
      return {
        href,
        step: s,
        text: ((await page.locator(`li.deadline[data-step="${s}"]`).textContent()) ?? '').trim(),
        due: (view.deadlines as Deadline[]).find((d) => d.step === s)?.due as string,
      };
    }
    throw new Error('The demo PA has no arrangement showing a Staying Put deadline');
  }

  beforeAll(async () => {
    app = await startApp({ ONWARD_SEED_SIZE: '60', ONWARD_SEED_ACCOUNTS: '1' });
    browser = await launchChromium();
  }, START_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('names each wrong field, keeps what was typed, and the deadlines the PA sees follow the saved settings', async () => {
    const pa = await signIn('pa@northbridge.example');
    const before = await arrangementStep(pa);
    expect(before.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const admin = await signIn('admin@northbridge.example');
    await admin.getByRole('navigation').getByRole('link', { name: 'Council settings' }).click();
    await admin.waitForURL(/\/admin\/council-settings$/);
    await check(admin, 'council settings');
    expect(await admin.textContent('main')).toContain('uses the standard settings');

    // Two mistakes, made with the keyboard only.
    await admin.focus('#pathwayPlan-reviewMonths');
    await admin.keyboard.press('Control+A');
    await admin.keyboard.type('0');
    await admin.focus('#stayingPut-meetingAttendees-young-person');
    await admin.keyboard.press('Space');
    expect(await admin.isChecked('#stayingPut-meetingAttendees-young-person')).toBe(false);
    await admin.focus('#stayingPut-firstReviewDays');
    const [refused] = await Promise.all([admin.waitForNavigation(), admin.keyboard.press('Enter')]);
    expect(refused?.status()).toBe(400);
    await check(admin, 'council settings with errors');
    const summary = admin.locator('.error-summary');
    const items = await summary
      .locator('a')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent ?? '' })));
    expect(items).toHaveLength(2);
    const review = items.find((i) => i.href === '#pathwayPlan-reviewMonths');
    expect(review?.text).toContain('Months between plan reviews');
    const attendees = items.find((i) => i.href === '#stayingPut-meetingAttendees-young-person');
    expect(attendees?.text).toContain('The young person must always be one of the people at the meeting');
    // Each problem is next to its field too, read out with it, and what was typed is kept.
    expect(await admin.getAttribute('#pathwayPlan-reviewMonths', 'aria-invalid')).toBe('true');
    const describedBy = (await admin.getAttribute('#pathwayPlan-reviewMonths', 'aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('pathwayPlan-reviewMonths-error');
    expect(await admin.textContent('#pathwayPlan-reviewMonths-error')).toContain('1 or more');
    expect(await admin.inputValue('#pathwayPlan-reviewMonths')).toBe('0');
    expect(await admin.isChecked('#stayingPut-meetingAttendees-young-person')).toBe(false);
    // Nothing was saved.
    const stored = await admin.evaluate(async () => (await fetch('/api/council/settings')).json());
    expect(stored.defaults).toBe(true);

    // Put right, and the setting behind the PA's deadline changed: the step the PA sees moves by just that much.
    await admin.fill('#pathwayPlan-reviewMonths', '6');
    await admin.check('#stayingPut-meetingAttendees-young-person');
    const change =
      before.step === 'review'
        ? {
            id: '#stayingPut-reviewMonths',
            to: (n: number) => n - 3,
            moved: (a: string, b: string) => months(b, a) === 3,
          }
        : before.step === 'first-review'
          ? {
              id: '#stayingPut-firstReviewDays',
              to: (n: number) => n - 14,
              moved: (a: string, b: string) => days(b, a) === 14,
            }
          : {
              id: `#stayingPut-timeline-${before.step}-age`,
              to: (n: number) => n - 1,
              moved: (a: string, b: string) => months(b, a) === 12,
            };
    const old = Number(await admin.inputValue(change.id));
    await admin.fill(change.id, String(change.to(old)));
    await Promise.all([admin.waitForURL(/saved=1/), admin.click('button:has-text("Save council settings")')]);
    await check(admin, 'council settings saved');
    expect(await admin.textContent('[role=status]')).toContain('Council settings saved');
    expect(await admin.inputValue(change.id)).toBe(String(change.to(old)));
    expect(await admin.textContent('main')).toContain('Last changed by');

    const after = await arrangementStep(pa, before.step);
    expect(after.href).toBe(before.href);
    expect(change.moved(before.due, after.due), `${before.step}: ${before.due} → ${after.due}`).toBe(true);
    expect(after.text).not.toBe(before.text);
    await check(pa, 'arrangement after the settings changed');

    // Only an admin may open the page.
    const r = await pa.goto(`${app.url}/admin/council-settings`);
    expect(r?.status()).toBe(403);
  });
});
