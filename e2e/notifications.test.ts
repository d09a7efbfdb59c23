// The built reference app with email on (ONWARD_SMTP_URL to a real SMTP server the test starts): a young person
// asks for help in a check-in, in Chromium, and their named PA gets one email with a link to sign in and nothing
// about the young person; the PA follows the link, signs in and sees the request. Then with the mail server down,
// another help request is acknowledged, the app is killed (SIGKILL) before it could send, the mail server comes
// back, the app restarts on the same database, and the PA gets that email too, once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium, PHONE } from '#test-support/browser.js';
import { freePort, startTestSmtp, type TestSmtp } from '#test-support/smtp.js';
import { isBuilt, type RunningApp, START_MS, startApp } from './support/app.js';

const PASSWORD = 'leaving-care-demo';
const YOUNG_PERSON = 'young.person@northbridge.example';
const ADMIN = 'admin@northbridge.example';
const DOMAINS = ['housing', 'health', 'relationships', 'activities', 'money', 'careers', 'independence', 'identity'];
const NOTE = 'My landlord wants me out by Friday';

describe.skipIf(!hasChromium || !isBuilt)('reference app: a help request reaches the PA by email', () => {
  let smtp: TestSmtp;
  let app: RunningApp;
  let browser: Browser;
  let port: number;
  let dataDir: string;
  let paEmail = '';
  const origin = () => `http://127.0.0.1:${port}`;
  const env = () => ({
    PORT: String(port),
    ONWARD_PUBLIC_ORIGIN: origin(),
    ONWARD_SMTP_URL: smtp.url,
    ONWARD_MAIL_FROM: 'Onward <no-reply@northbridge.example>',
    ONWARD_SEED_ACCOUNTS: '1',
    ONWARD_LOG: '1',
    ONWARD_NOTIFY_POLL_MS: '200',
    ONWARD_NOTIFY_RETRY_MS: '300',
    ONWARD_NOTIFY_LEASE_MS: '3000',
  });

  async function signIn(ctx: BrowserContext, email: string, at = `${origin()}/sign-in`): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(at);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
      page.click('button[type=submit]:has-text("Sign in")'),
    ]);
    return page;
  }

  /** The young person checks in through the widget, asking for help with money, with a note. */
  async function askForHelp(): Promise<void> {
    const ctx = await browser.newContext({ ...PHONE, bypassCSP: true });
    const y = await signIn(ctx, YOUNG_PERSON);
    await y.goto(`${origin()}/me/check-in`);
    const ci = y.locator('onward-check-in');
    await ci.locator('fieldset.o-card').first().waitFor();
    const face = (d: string, mood: string) => ci.locator(`label.o-choice:has(input[id$="-${d}-${mood}"])`);
    for (const d of DOMAINS) await face(d, 'good').tap();
    await face('money', 'bad').tap();
    await ci.locator('label.o-check:has(input[id$="-money-help"])').tap();
    const money = ci.locator('fieldset.o-card', { has: y.locator('input[id$="-money-help"]') });
    await money.locator('summary').tap();
    await money.locator('textarea').fill(NOTE);
    await ci.locator('button:has-text("Send my check-in")').tap();
    // Acknowledged: the server has stored the check-in (and, in the same transaction, the message to the PA).
    await expect.poll(() => y.locator('[data-widget-status]').textContent(), { timeout: 20_000 }).toContain('told');
    await ctx.close();
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'onward-e2e-mail-'));
    app = await startApp(env(), dataDir);
    browser = await launchChromium();
    // The demo young person's named PA, as the admin sees them (the address emails must go to).
    const ctx = await browser.newContext();
    const admin = await signIn(ctx, ADMIN);
    const yctx = await browser.newContext();
    const y = await signIn(yctx, YOUNG_PERSON);
    const me = (await (await y.request.get(`${origin()}/api/auth/session`)).json()).user;
    const registry = (await (await admin.request.get(`${origin()}/api/young-people`)).json()).items as {
      id: string;
      paId: string;
    }[];
    const paId = registry.find((r) => r.id === me.youngPersonId)?.paId;
    const staff = (await (await admin.request.get(`${origin()}/api/users`)).json()).items as {
      id: string;
      email: string;
    }[];
    paEmail = staff.find((s) => s.id === paId)?.email ?? '';
    await ctx.close();
    await yctx.close();
  }, START_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await smtp?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends the PA one email with a link to sign in; the link leads to the help request', async () => {
    expect(paEmail).toMatch(/@northbridge\.example$/);
    // The demo's past tells nobody: nothing was sent while seeding.
    expect(smtp.received).toHaveLength(0);
    await askForHelp();
    const [mail] = await smtp.waitFor(1, 30_000);
    expect(mail?.to).toEqual([paEmail]);
    expect(mail?.subject).toBe('A young person has asked for help');
    const link = `${origin()}/help-requests`;
    expect(mail?.text).toContain(`Sign in to see it: ${link}`);
    expect(mail?.raw).not.toContain('landlord');
    expect(mail?.raw).not.toContain(YOUNG_PERSON);
    // The PA follows the link: sign in, then the help requests, with the young person's words.
    const ctx = await browser.newContext({ bypassCSP: true });
    const page = await ctx.newPage();
    await page.goto(link);
    if (new URL(page.url()).pathname.startsWith('/sign-in')) {
      await page.fill('#email', paEmail);
      await page.fill('#password', PASSWORD);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
        page.click('button[type=submit]:has-text("Sign in")'),
      ]);
      await page.goto(link);
    }
    expect(new URL(page.url()).pathname).toBe('/help-requests');
    expect(await page.locator('main').textContent()).toContain(NOTE);
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);
    await ctx.close();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.received).toHaveLength(1);
  });

  it('sends it after the app is killed while the mail server was down, once', async () => {
    await smtp.stop();
    await askForHelp();
    await expect.poll(() => app.output().includes('"notification":"retry"'), { timeout: 30_000 }).toBe(true);
    await app.kill('SIGKILL');
    await smtp.start();
    app = await startApp(env(), dataDir);
    const [, mail] = await smtp.waitFor(2, 60_000);
    expect(mail?.to).toEqual([paEmail]);
    expect(mail?.text).toContain(`${origin()}/help-requests`);
    await expect.poll(() => app.output().includes('"notification":"sent"'), { timeout: 10_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 3_500));
    expect(smtp.received).toHaveLength(2);
    // The log lines (JSON) carry ids and codes, never the address (the demo's start-up text lists its sign-ins).
    const logLines = app
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(logLines.some((l) => l.includes('"notification":"sent"'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(paEmail);
  });
});
