// Staying Put from start to a planned end, entirely through the pages, in Chromium, each party signed in as
// themselves: the PA starts the arrangement before the 18th birthday, records the discussion, the plans and the
// meeting, and writes the Living Together Agreement (the carers' allowance hidden from the young person); the young
// person signs on a phone (the agreement widget), the carer and each worker on their own pages; the team manager
// and the supervising social worker approve; the PA starts it after the birthday, records a review and ends it
// after a check-and-confirm page. Each page is checked with axe; each role sees only the steps the engine allows.
// The server's clock moves (the pages use the same clock), so the 18th birthday arrives during the test.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium, PHONE } from '#test-support/browser.js';
import { postgresUrl } from '#test-support/postgres.js';
import { formFields, isBuilt, makeWorld, PASSWORD, type World } from './support/world.js';

const ALLOWANCE = '313.37';

describe.skipIf(!hasChromium || !isBuilt)('Staying Put through the pages, as each party', () => {
  let now = new Date('2026-03-02T10:00:00.000Z');
  let w: World;
  let browser: Browser;
  let arrangement = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    w = await makeWorld(() => now, postgresUrl ? { databaseUrl: postgresUrl } : {});
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await w?.close();
  });

  async function signIn(email: string, phone = false): Promise<Page> {
    const ctx = await browser.newContext({
      ...(phone ? PHONE : { viewport: { width: 1280, height: 900 } }),
      bypassCSP: true,
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
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

  /** The steps offered on the arrangement page (the server's allowedEvents for this person, less drafting). */
  async function steps(page: Page): Promise<string[]> {
    return page
      .locator('form.step-form button[data-event]')
      .evaluateAll((b) => b.map((x) => x.getAttribute('data-event') ?? ''));
  }
  async function state(page: Page): Promise<string> {
    return (await page.locator('[data-state]').getAttribute('data-state')) ?? '';
  }
  async function step(page: Page, type: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>) {
    const form = page.locator('form.step-form', { has: page.locator(`button[data-event="${type}"]`) });
    if (fill) await fill(form);
    await Promise.all([page.waitForURL(/done=/), form.locator(`button[data-event="${type}"]`).click()]);
    await expect(page.locator('.panel-success').textContent()).resolves.toContain('Saved');
  }
  async function textEverywhere(page: Page): Promise<string> {
    return page.evaluate(() => {
      const all: string[] = [document.body.textContent ?? ''];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) all.push(el.shadowRoot.textContent ?? '');
      return all.join('\n');
    });
  }
  async function signOnAgreementPage(page: Page, who: string) {
    await page.goto(`${w.url}/agreements/${arrangement}`);
    await check(page, `${who}: the agreement`);
    await page.check('#sign-confirm');
    await Promise.all([page.waitForURL(/signed=1/), page.click('button[data-event="stayingPut.agreement.sign"]')]);
    await expect(page.locator('.panel-success').textContent()).resolves.toContain('You signed the agreement');
    await expect(page.locator('ul.signing li[data-signed="yes"]', { hasText: '(' }).count()).resolves.toBeGreaterThan(
      0,
    );
  }

  it('the PA starts the arrangement before the 18th birthday and writes the agreement', async () => {
    const pa = await signIn('pa@northbridge.example');
    await pa.goto(`${w.url}/young-people/nb.yp1`);
    await check(pa, 'PA: the young person');
    await Promise.all([pa.waitForURL(/\/staying-put$/), pa.click('a:has-text("Start Staying Put")')]);
    await expect(pa.locator('main').textContent()).resolves.toContain('turns 18 on 1 September 2026');
    // Nothing chosen: the page says so, next to the carers.
    await pa.click('button:has-text("Start Staying Put")');
    await expect(pa.locator('.error-summary').textContent()).resolves.toContain('Choose at least one carer');
    await check(pa, 'PA: start, with a problem');
    await pa.check('label:has-text("carer name")');
    await pa.selectOption('#ssw', { label: 'ssw name' });
    await Promise.all([pa.waitForURL(/done=started/), pa.click('button:has-text("Start Staying Put")')]);
    arrangement = new URL(pa.url()).pathname.split('/')[2] ?? '';
    expect(arrangement).toMatch(/^sp/);
    await expect(pa.locator('.panel-success').textContent()).resolves.toContain('arrangement started');
    await check(pa, 'PA: the new arrangement');
    expect(await state(pa)).toBe('identified');

    await step(pa, 'stayingPut.discuss', async (f) => {
      await f.locator('select[name=youngPersonWants]').selectOption('yes');
      await f.locator('select[name=carerWilling]').selectOption('yes');
    });
    await step(pa, 'stayingPut.plans.include');
    // The meeting names who came in plain words; the council's rule needs all of them.
    const labels = await pa
      .locator('form.step-form', { has: pa.locator('button[data-event="stayingPut.meeting.record"]') })
      .locator('.checkbox label')
      .allTextContents();
    expect(labels).toEqual([
      'Young person',
      'Carers',
      'Social worker',
      'Supervising social worker',
      'PA',
      'Benefits and finance team',
    ]);
    await step(pa, 'stayingPut.meeting.record', async (f) => {
      for (const box of await f.locator('input[name=attendees]').all()) await box.check();
    });
    expect(await state(pa)).toBe('meetingHeld');

    await Promise.all([pa.waitForURL(/\/agreement$/), pa.click('a:has-text("Write the Living Together Agreement")')]);
    await check(pa, 'PA: the agreement form');
    await pa.fill('#f-address', '1 Example Road, Northbridge');
    await pa.fill('#f-houseRules-visitors', 'Friends welcome until 10pm');
    await pa.fill('#f-skills-0-skill', 'Cook a meal for everyone');
    await pa.fill('#f-money-contribution-amount', 'twenty');
    await pa.fill('#f-money-carerAllowance-amount', ALLOWANCE);
    await pa.fill('#f-support-0-what', 'Cooking together on Sundays');
    await pa.fill('#f-support-0-howOften', 'Weekly');
    await pa.fill('#f-ending-noticeByYoungPerson', 'Four weeks');
    await pa.click('button:has-text("Save the agreement")');
    // A problem names the field, links to it, and keeps everything written.
    await expect(pa.locator('.error-summary a[href="#f-money-contribution-amount"]').count()).resolves.toBe(1);
    await expect(pa.inputValue('#f-address')).resolves.toBe('1 Example Road, Northbridge');
    await check(pa, 'PA: the agreement form, with a problem');
    await pa.fill('#f-money-contribution-amount', '25');
    // The allowance stays hidden from the young person unless the PA chooses otherwise (the default is No).
    await expect(pa.isChecked('#f-money-carerAllowance-visibleToYoungPerson-no')).resolves.toBe(true);
    await Promise.all([pa.waitForURL(/done=agreement/), pa.click('button:has-text("Save the agreement")')]);
    expect(await state(pa)).toBe('agreementDrafted');
    // Everyone the agreement names signs: the young person, the carer and the three allocated workers.
    await expect(pa.locator('ul.signing li').count()).resolves.toBe(5);
    await expect(pa.locator('ul.signing li[data-signed="no"]').count()).resolves.toBe(5);
    await check(pa, 'PA: the drafted arrangement');
    // The PA sees the allowance and who may see it.
    await pa.goto(`${w.url}/agreements/${arrangement}`);
    const text = await textEverywhere(pa);
    expect(text).toContain(`£${ALLOWANCE}`);
    expect(text).toContain('The young person cannot see the allowance.');
  }, 180_000);

  it('the young person reads and signs on a phone, and never sees the carers’ allowance', async () => {
    const yp = await signIn('robin@example.org', true);
    await yp.goto(`${w.url}/me/agreement`);
    const sign = yp.locator('onward-agreement button[data-action="sign"]');
    await sign.waitFor({ timeout: 20_000 });
    const before = await textEverywhere(yp);
    expect(before).toContain('£25');
    expect(before).toContain('Cooking together on Sundays');
    expect(before).not.toContain(ALLOWANCE);
    await check(yp, 'young person: the agreement');
    await sign.click();
    await yp.getByText('Thank you. You have signed your Living Together Agreement.').waitFor({ timeout: 20_000 });
    await yp.goto(`${w.url}/agreements/${arrangement}`);
    const after = await textEverywhere(yp);
    expect(after).not.toContain(ALLOWANCE);
    expect(after).not.toContain('allowance');
    await expect(yp.locator('ul.signing li[data-party="young-person"]').getAttribute('data-signed')).resolves.toBe(
      'yes',
    );
    await expect(yp.locator('#sign-confirm').count()).resolves.toBe(0);
    await check(yp, 'young person: the agreement, signed');
  }, 120_000);

  it('the carer finds the arrangement on their welcome page, sees the allowance and signs; each worker signs', async () => {
    const carer = await signIn('carer@northbridge.example');
    expect(new URL(carer.url()).pathname).toBe('/welcome');
    await check(carer, 'carer: welcome');
    await expect(carer.locator('main').textContent()).resolves.toContain('Staying Put arrangements you are part of');
    await carer.goto(`${w.url}/agreements/${arrangement}`);
    expect(await textEverywhere(carer)).toContain(`£${ALLOWANCE}`);
    // Signing needs the box ticked: without it nothing is recorded and the page says why.
    await carer.locator('#sign-confirm').evaluate((el) => el.removeAttribute('required'));
    await Promise.all([carer.waitForURL(/sign=tick/), carer.click('button[data-event="stayingPut.agreement.sign"]')]);
    await expect(carer.locator('.field-error').textContent()).resolves.toContain('Tick the box');
    await check(carer, 'carer: sign, with a problem');
    await signOnAgreementPage(carer, 'carer');
    // The carer's arrangement page offers no worker's step.
    await carer.goto(`${w.url}/staying-put/${arrangement}`);
    expect(await steps(carer)).toEqual([]);
    await check(carer, 'carer: the arrangement');

    await signOnAgreementPage(await signIn('sw@northbridge.example'), 'social worker');
    await signOnAgreementPage(await signIn('ssw@northbridge.example'), 'supervising social worker');
    const pa = await signIn('pa@northbridge.example');
    await signOnAgreementPage(pa, 'PA');
    await pa.goto(`${w.url}/staying-put/${arrangement}`);
    expect(await state(pa)).toBe('signed');
    // Approval is not the PA's.
    expect(await steps(pa)).not.toContain('stayingPut.approve');
  }, 180_000);

  it('the team manager and the supervising social worker approve; the checks are recorded', async () => {
    const tm = await signIn('tm@northbridge.example');
    await tm.goto(`${w.url}/staying-put/${arrangement}`);
    expect(await steps(tm)).toContain('stayingPut.approve');
    expect(await steps(tm)).not.toContain('stayingPut.panel.approve');
    await check(tm, 'team manager: the signed arrangement');
    await step(tm, 'stayingPut.approve');

    const ssw = await signIn('ssw@northbridge.example');
    await ssw.goto(`${w.url}/staying-put/${arrangement}`);
    expect(await steps(ssw)).not.toContain('stayingPut.approve');
    await step(ssw, 'stayingPut.checks.record', async (f) => {
      await f.locator('input[name=carerApproved]').check();
    });
    await step(ssw, 'stayingPut.panel.approve');
    expect(await state(ssw)).toBe('approved');
    // Starting is the allocated PA's, not the supervising social worker's.
    expect(await steps(ssw)).not.toContain('stayingPut.start');
  }, 120_000);

  it('after the 18th birthday the PA starts it, records a review, and ends it after confirming', async () => {
    now = new Date('2026-09-02T09:00:00.000Z');
    const pa = await signIn('pa@northbridge.example');
    await pa.goto(`${w.url}/staying-put/${arrangement}`);
    // The form's date is the server's today, so the start date is the birthday's morrow, not the machine's date.
    const start = pa.locator('form.step-form', { has: pa.locator('button[data-event="stayingPut.start"]') });
    await expect(start.locator('input[name=on]').inputValue()).resolves.toBe('2026-09-02');
    await step(pa, 'stayingPut.start');
    expect(await state(pa)).toBe('active');
    await step(pa, 'stayingPut.review.record');

    // Posting an ending without its confirmation only shows the confirmation page.
    const client = await w.as('pa');
    const page = await client.call('GET', `/staying-put/${arrangement}`);
    const sneak = await client.call(
      'POST',
      `/staying-put/${arrangement}/step`,
      new URLSearchParams({
        _csrf: formFields(page.text).get('_csrf') ?? '',
        type: 'stayingPut.end',
        kind: 'planned',
        activity: 'F2',
        accommodation: 'Z1',
        on: '2026-09-02',
      }),
      { accept: 'text/html' },
    );
    expect(sneak.status).toBe(200);
    expect(sneak.text).toContain('You cannot undo it');
    expect((await client.call('GET', `/api/staying-put/${arrangement}`)).json().state).toBe('active');

    const end = pa.locator('form.step-form', { has: pa.locator('button[data-event="stayingPut.end"]') });
    // Nothing is chosen for the young person's situation: the PA chooses it.
    await expect(end.locator('select[name=activity]').inputValue()).resolves.toBe('');
    await end.locator('select[name=kind]').selectOption('planned');
    await end.locator('select[name=activity]').selectOption('F2');
    await end.locator('select[name=accommodation]').selectOption('Z1');
    await Promise.all([pa.waitForURL(/\/confirm$/), end.locator('button[data-event="stayingPut.end"]').click()]);
    await expect(pa.locator('h1').textContent()).resolves.toBe('End the Staying Put arrangement');
    const summary = await pa.locator('dl.summary').textContent();
    expect(summary).toContain('Other education, full time');
    expect(summary).toContain('With their former foster carers, suitable');
    await check(pa, 'PA: confirm the ending');
    await Promise.all([pa.waitForURL(/done=stayingPut.end/), pa.click('button:has-text("Yes, end the arrangement")')]);
    await expect(pa.locator('.panel-success').textContent()).resolves.toContain('The arrangement has ended');
    expect(await state(pa)).toBe('ended');
    expect(await steps(pa)).toEqual([]);
    await check(pa, 'PA: the ended arrangement');
    const ended = (await client.call('GET', `/api/young-people/nb.yp1/events`)).json();
    const last = (ended.items ?? ended).at(-1);
    expect(JSON.stringify(last)).toContain('"accommodation":"Z1"');
  }, 180_000);
});
