// A council sets Onward up itself, from an empty database with no demo data, in Chromium: `onward setup` makes the
// council and its first admin and prints the admin's one-time link; the admin chooses a password, adds a team,
// invites a team manager and a PA (each chooses their own password from their link), adds a young person and
// allocates the PA; the PA invites the young person, who makes their account and answers; the PA submits and the
// manager authorises: a first authorised plan, with its PDF. Every page is checked with axe-core; the audit trail
// holds the set-up and the admin's changes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { hasPoppler, pdfText } from '#test-support/pdf.js';
import { isBuilt, type RunningApp, startApp } from './support/app.js';

const CLI = fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url));
const cliBuilt = existsSync(CLI);
const SHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));
const DOC_SHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  if (process.env.ONWARD_SCREENSHOTS === 'docs') {
    mkdirSync(DOC_SHOTS, { recursive: true });
    await page.screenshot({ path: join(DOC_SHOTS, `${name}.png`), fullPage: false, scale: 'css' });
  }
}

describe.skipIf(!hasChromium || !isBuilt || !cliBuilt)('set-up from nothing to a first authorised plan', () => {
  let app: RunningApp;
  let browser: Browser;
  let setupLink = '';
  let setupOutput = '';
  const contexts: BrowserContext[] = [];

  async function check(page: Page, label: string) {
    const v = await axe(page);
    expect(v, `axe on ${label} (${page.url()}):\n${describeViolations(v)}`).toEqual([]);
    expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  }
  async function context(): Promise<Page> {
    const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    contexts.push(ctx);
    return ctx.newPage();
  }
  /** Opens an invitation link (printed or shown with another origin) on the app under test. */
  const local = (link: string) => link.replace(/^https?:\/\/[^/]+/, app.url);

  async function choosePassword(page: Page, link: string, password: string, label: string) {
    await page.goto(local(link));
    await check(page, label);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL(/\/sign-in\?/), page.click('button:has-text("Save my password")')]);
    expect(await page.textContent('main')).toContain('Your password is saved');
    // The email is filled in; only the password is typed.
    expect(await page.inputValue('#email')).not.toBe('');
    await page.fill('#password', password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.click('button[type=submit]')]);
  }

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onward-setup-e2e-'));
    const r = spawnSync(
      process.execPath,
      [
        CLI,
        'setup',
        '--council',
        'Northshire County Council',
        '--admin-name',
        'Ada Jones',
        '--admin-email',
        'ada.jones@northshire.example',
      ],
      {
        env: { ...process.env, ONWARD_DATA_DIR: dataDir, DATABASE_URL: '', ONWARD_PUBLIC_ORIGIN: '' },
        encoding: 'utf8',
      },
    );
    setupOutput = `${r.stdout}\n${r.stderr}`;
    expect(r.status, setupOutput).toBe(0);
    setupLink = /(https?:\/\/\S+\/staff-invitation\/\S+)/.exec(r.stdout)?.[1] ?? '';
    // No demo data: the app starts on the database the command made.
    app = await startApp({ ONWARD_NO_SEED: '1', ONWARD_DEBUG: '1' }, dataDir);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.stop();
  });

  it('the command prints a one-time link; the app has no demo data and no first-run page any more', async () => {
    expect(setupLink, setupOutput).toMatch(/^http:\/\/localhost:3000\/staff-invitation\/[A-Za-z0-9_-]{40,}$/);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.output()).not.toContain('Demo sign-ins');
    expect(app.output()).not.toContain('/setup?token=');
    const page = await context();
    await page.goto(`${app.url}/setup`);
    await check(page, 'set-up closed');
    expect(await page.textContent('h1')).toBe('Onward is already set up.');
  });

  it('goes from the first admin to an authorised plan', async () => {
    // --- The admin chooses their password from the printed link and lands on the staff page.
    const admin = await context();
    await choosePassword(admin, setupLink, 'admin kettle on the hill', 'admin chooses a password');
    expect(new URL(admin.url()).pathname).toBe('/admin/staff');
    await check(admin, 'admin: staff (only the admin)');
    expect(await admin.locator('tbody tr').count()).toBe(1);

    // --- A team.
    await admin.click('a:has-text("Teams")');
    await check(admin, 'admin: teams (none)');
    await Promise.all([admin.waitForLoadState('load'), admin.click('button:has-text("Add team")')]);
    // An empty name is refused with the field named, above the field and in the summary.
    await check(admin, 'admin: team name missing');
    expect(await admin.locator('.error-summary a[href="#name"]').count()).toBe(1);
    expect(await admin.locator('#name-error').count()).toBe(1);
    expect(await admin.getAttribute('#name', 'aria-invalid')).toBe('true');
    await admin.fill('#name', 'Leaving Care East');
    await Promise.all([admin.waitForURL(/\/admin\/teams$/), admin.click('button:has-text("Add team")')]);
    expect(await admin.textContent('tbody')).toContain('Leaving Care East');

    // --- Staff: a team manager and a PA, each with their own link.
    const invite = async (name: string, email: string, role: string) => {
      await admin.goto(`${app.url}/admin/staff`);
      await admin.fill('#name', name);
      await admin.fill('#email', email);
      await admin.selectOption('#role', role);
      await admin.selectOption('#teamId', { label: 'Leaving Care East' });
      await Promise.all([admin.waitForLoadState('load'), admin.click('button:has-text("Add and make their link")')]);
      await check(admin, `admin: ${role} invited`);
      const link = await admin.inputValue('#invite-url');
      expect(link).toMatch(/\/staff-invitation\/[A-Za-z0-9_-]{40,}$/);
      if (role === 'pa') await shot(admin, 'admin-staff-invited');
      return link;
    };
    const tmLink = await invite('Tia Manager', 'tia.manager@northshire.example', 'team-manager');
    const paLink = await invite('Pat Adviser', 'pat.adviser@northshire.example', 'pa');
    // The same email twice is refused, naming the field.
    await admin.fill('#name', 'Pat Again');
    await admin.fill('#email', 'pat.adviser@northshire.example');
    await Promise.all([admin.waitForLoadState('load'), admin.click('button:has-text("Add and make their link")')]);
    expect(await admin.locator('.error-summary a[href="#email"]').textContent()).toContain('already signs in');

    // --- A young person, allocated to Pat.
    await admin.goto(`${app.url}/admin/young-people`);
    await check(admin, 'admin: young people (none)');
    await admin.fill('#name', 'Robin Example');
    await admin.fill('#dateOfBirth', '2008-06-01');
    await admin.selectOption('#category', 'relevant');
    await admin.selectOption('#teamId', { label: 'Leaving Care East' });
    await admin.selectOption('#paId', { label: 'Pat Adviser (Leaving Care East)' });
    await Promise.all([admin.waitForLoadState('load'), admin.click('button:has-text("Add young person")')]);
    await check(admin, 'admin: young person added');
    expect(await admin.textContent('main')).toContain('Robin Example has been added.');
    expect(await admin.textContent('tbody')).toContain('Pat Adviser');
    await shot(admin, 'admin-young-people');
    // Pat's caseload shows on the staff page.
    await admin.goto(`${app.url}/admin/staff`);
    const patRow = admin.locator('tr', { hasText: 'Pat Adviser' });
    expect(await patRow.locator('td').nth(2).textContent()).toBe('1');

    // --- The manager and the PA choose their passwords.
    const manager = await context();
    await choosePassword(manager, tmLink, 'manager tea at eleven', 'manager chooses a password');
    const pa = await context();
    await choosePassword(pa, paLink, 'adviser bikes to work', 'pa chooses a password');
    expect(new URL(pa.url()).pathname).toBe('/caseload');
    await check(pa, 'pa caseload');

    // --- Pat starts a plan and invites Robin.
    await pa.click('a:has-text("Robin Example")');
    await Promise.all([pa.waitForURL(/\/plans\//), pa.click('button:has-text("Start a new plan")')]);
    const planUrl = pa.url();
    await pa.goBack();
    await pa.click('button:has-text("Invite to Onward")');
    const ypLink = await pa.inputValue('#invite-url');

    // --- Robin makes their account and answers the housing questions (the form works without scripts too).
    const ypCtx = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
    contexts.push(ypCtx);
    const yp = await ypCtx.newPage();
    await yp.goto(local(ypLink));
    await yp.fill('#email', 'robin@example.org');
    await yp.fill('#password', 'robin likes the sea');
    await Promise.all([yp.waitForURL(/\/me$/), yp.click('button[type=submit]')]);
    await yp.goto(`${app.url}/me/checklist/housing`);
    const radios = yp.locator('input[type=radio][value="yes"]');
    for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check();
    await Promise.all([yp.waitForLoadState('load'), yp.click('button[type=submit]:has-text("Save")')]);

    // --- Pat submits; Tia authorises.
    await pa.goto(planUrl);
    await Promise.all([pa.waitForLoadState('load'), pa.click('button:has-text("Submit for authorisation")')]);
    await check(pa, 'plan submitted');
    await manager.goto(`${app.url}/authorisations`);
    await check(manager, 'authorisation queue');
    await manager.click('a:has-text("Robin Example")');
    await Promise.all([
      manager.waitForURL(/\/authorisations\?done=/),
      manager.click('button:has-text("Authorise plan")'),
    ]);

    // --- Robin's plan is authorised and downloads as a PDF.
    const page = await ypCtx.newPage();
    await page.goto(`${app.url}/me`);
    const href = await page.getAttribute('a:has-text("Download my plan")', 'href');
    expect(href).toMatch(/^\/plans\/.+\/pdf$/);
    const pdf = await page.request.get(`${app.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    if (hasPoppler) {
      const text = pdfText(new Uint8Array(await pdf.body())).replace(/\s+/g, ' ');
      expect(text).toContain('Robin');
      expect(text).toContain('Northshire County Council');
    }

    // --- The audit trail shows the set-up and the admin's changes.
    await admin.goto(`${app.url}/audit`);
    await check(admin, 'audit');
    const trail = (await admin.textContent('main')) ?? '';
    // In plain words: the set-up by what it was, the invitation by what it is (no ids, no codes).
    expect(trail).toContain('First set-up');
    expect(trail).toContain('Staff invitation');
    expect(trail).not.toContain('system/setup');
  });
  it('the first-run page: an empty database, the code printed at start, once', async () => {
    const fresh = await startApp({ ONWARD_NO_SEED: '1' });
    try {
      // The set-up lines come just after "running at", which is when startApp returns.
      for (let i = 0; i < 50 && !fresh.output().includes('/setup?token='); i++)
        await new Promise((r) => setTimeout(r, 100));
      const link = /(http:\/\/\S+\/setup\?token=\S+)/.exec(fresh.output())?.[1] ?? '';
      expect(link, fresh.output()).toMatch(/\/setup\?token=[A-Za-z0-9_-]{20,}$/);
      const page = await context();
      // Without the code (or with a wrong one) nothing is made, and the field says why.
      await page.goto(`${fresh.url}/setup`);
      await check(page, 'first run');
      await shot(page, 'first-run');
      await page.fill('#token', 'not-the-code-that-was-printed');
      await page.fill('#councilName', 'Eastmoor Borough Council');
      await page.fill('#adminName', 'Sam Okoro');
      await page.fill('#adminEmail', 'sam.okoro@eastmoor.example');
      await page.fill('#adminPassword', 'eastmoor lighthouse');
      await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Set up Onward")')]);
      await check(page, 'first run: wrong code');
      expect(await page.locator('#token-error').textContent()).toContain('not right');
      expect(await page.inputValue('#councilName')).toBe('Eastmoor Borough Council');
      await page.goto(link.replace(/^https?:\/\/[^/]+/, fresh.url));
      expect(await page.inputValue('#token')).not.toBe('');
      await page.fill('#councilName', 'Eastmoor Borough Council');
      await page.fill('#adminName', 'Sam Okoro');
      await page.fill('#adminEmail', 'sam.okoro@eastmoor.example');
      await page.fill('#adminPassword', 'eastmoor lighthouse');
      await Promise.all([page.waitForURL(/\/sign-in\?set-up=1/), page.click('button:has-text("Set up Onward")')]);
      expect(await page.textContent('main')).toContain('Onward is set up');
      await page.fill('#email', 'sam.okoro@eastmoor.example');
      await page.fill('#password', 'eastmoor lighthouse');
      await Promise.all([page.waitForURL(/\/admin\/staff$/), page.click('button[type=submit]')]);
      expect(await page.textContent('tbody')).toContain('Sam Okoro');
      // Once set up, the page (and the code) no longer work.
      await page.goto(link.replace(/^https?:\/\/[^/]+/, fresh.url));
      expect(await page.textContent('h1')).toBe('Onward is already set up.');
    } finally {
      await fresh.stop();
    }
  });
});
