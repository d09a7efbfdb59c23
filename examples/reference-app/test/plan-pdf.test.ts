// "Download my plan (PDF)" in Chromium: the demo young person's seeded, authorised plan downloads as a real PDF
// (read with poppler) because the seed freezes each plan it authorises with its PDF queued, as the server does; and a
// plan authorised where no PDF was kept (a server without a PDF renderer) gets a page that says why and what to do,
// in words for the young person and for staff, never a JSON error saved as a file.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { questionSet, setAnswer } from '@onward/engine';
import { createOnwardServer, openStore, type Store, serve } from '@onward/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { hasPoppler, pdfText } from '#test-support/pdf.js';
import { loadSeed } from '../src/load-seed.js';
import { buildSeed, DEMO_PASSWORD, demoSignIns } from '../src/seed.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const PUBLIC = `${DIST}public/`;
const built = existsSync(`${DIST}app.js`) && existsSync(`${PUBLIC}manifest.json`);
if (!built) console.warn('\n*** SKIPPING the plan PDF test: the reference app is not built. Run pnpm build. ***\n');

async function api(base: string, cookie: { v: string; csrf: string }, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { accept: 'application/json', cookie: cookie.v };
  if (method !== 'GET') headers['x-csrf-token'] = cookie.csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(base + path, {
    method,
    headers,
    redirect: 'manual',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const set = r.headers.getSetCookie().map((s) => s.split(';')[0]!);
  if (set.length) cookie.v = [cookie.v, ...set].filter(Boolean).join('; ');
  const text = await r.text();
  return { status: r.status, text, json: () => JSON.parse(text) };
}

async function signInApi(base: string, email: string) {
  const cookie = { v: '', csrf: '' };
  cookie.csrf = (await api(base, cookie, 'GET', '/api/auth/csrf')).json().csrfToken;
  const r = await api(base, cookie, 'POST', '/api/auth/sign-in', { email, password: DEMO_PASSWORD });
  if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status} ${r.text}`);
  cookie.csrf = r.json().csrfToken;
  return cookie;
}

describe.skipIf(!built || !hasChromium || !hasPoppler)('the plan PDF link', () => {
  let store: Store;
  let server: Awaited<ReturnType<typeof serve>>;
  let bare: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  const seed = buildSeed({ size: 10, secondSize: 2 });
  const northbridge = seed.councils[0]!;
  const demoYp = northbridge.youngPeople.find((y) => y.demo)!;
  const signIns = demoSignIns(seed).filter((s) => s.council === northbridge.name);
  const paEmail = signIns.find((s) => s.role === 'pa')!.email;
  const managerEmail = signIns.find((s) => s.role === 'team manager')!.email;
  const pa = northbridge.staff.find((s) => s.email === paEmail)!;
  let frozen = 0;
  let noPdfPlanId = '';

  beforeAll(async () => {
    store = await openStore({});
    const { createReferenceApp, mountPages } = (await import(
      /* @vite-ignore */ `${DIST}app.js`
    )) as typeof import('../src/app.js');
    const report = await loadSeed(store, seed, { youngPersonAccounts: 1, queuePlanPdfs: true });
    frozen = report.frozen;
    const app = createReferenceApp({ store, secureCookies: false, publicDir: PUBLIC, logger: () => {} });
    // The seed queued the PDFs; the server's freeze queue makes them in the background.
    await app.pdfFreezes?.drain();
    server = await serve(app.app, { port: 0 });
    // The same pages on a server given no PDF renderer: a plan it authorises is frozen with no PDF.
    const noRenderer = createOnwardServer({
      store,
      secureCookies: false,
      logger: () => {},
      pages: (app) => mountPages(app, { secureCookies: false, publicDir: PUBLIC }),
    });
    bare = await serve(noRenderer.app, { port: 0 });
    const [yp] = await store.createYoungPeople([
      {
        id: 'nb.yp-no-pdf',
        councilId: northbridge.id,
        name: 'Sam Nopdf',
        dateOfBirth: '2008-05-01',
        category: 'eligible',
        teamId: pa.teamId!,
        paId: pa.id,
      },
    ]);
    await store.createYoungPersonUser({
      councilId: northbridge.id,
      youngPersonId: yp!.id,
      email: 'sam.nopdf@example.org',
      password: DEMO_PASSWORD,
    });
    const paApi = await signInApi(bare.url, paEmail);
    const created = await api(bare.url, paApi, 'POST', `/api/young-people/${yp!.id}/plans`, {});
    expect(created.status, created.text).toBe(201);
    noPdfPlanId = created.json().plan.id;
    // The young person gives one answer, so the plan can go forward with their voice in it.
    const ypApi = await signInApi(bare.url, 'sam.nopdf@example.org');
    const set = questionSet();
    const checklist = setAnswer(
      set,
      created.json().plan.checklist,
      set.questions[0]!.id,
      { value: 'yes' },
      { by: 'young-person', locale: 'en-GB', variant: 'standard', at: new Date().toISOString() },
    );
    const answered = await api(bare.url, ypApi, 'PUT', `/api/plans/${noPdfPlanId}/checklist`, checklist);
    expect(answered.status, answered.text).toBe(200);
    const submitted = await api(bare.url, paApi, 'POST', `/api/plans/${noPdfPlanId}/events`, { type: 'plan.submit' });
    expect(submitted.status, submitted.text).toBe(200);
    const tm = await signInApi(bare.url, managerEmail);
    const authorised = await api(bare.url, tm, 'POST', `/api/plans/${noPdfPlanId}/events`, { type: 'plan.authorise' });
    expect(authorised.status, authorised.text).toBe(200);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await bare?.close();
    await store?.close();
  });

  it('the seed freezes every plan it authorises, each with its PDF', async () => {
    const plans = await store.listPlans({ councilId: northbridge.id });
    const authorised = plans.filter((p) => p.doc.authorised && p.id !== noPdfPlanId);
    expect(authorised.length).toBeGreaterThan(3);
    expect(frozen).toBeGreaterThanOrEqual(authorised.length);
    for (const p of authorised) {
      const f = await store.getFrozenPlan(p.id);
      expect(f?.pdf?.length, p.id).toBeGreaterThan(1000);
    }
  });

  it('the demo young person downloads their authorised plan as a PDF with their name in it', async () => {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.fill('#email', demoYp.email!);
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === '/me'), page.click('button[type=submit]')]);
    const link = page.getByRole('link', { name: /Download my plan|Lawrlwytho fy nghynllun/ });
    expect(await link.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^pathway-plan-.*\.pdf$/);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain((demoYp.preferredName ?? demoYp.name).split(' ')[0]!);
    await ctx.close();
  });

  it('a plan authorised with no PDF kept shows a page that says so, for the young person and for staff', async () => {
    const ctx = await browser.newContext({ acceptDownloads: true, bypassCSP: true });
    const page = await ctx.newPage();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.goto(`${server.url}/sign-in`);
    await page.fill('#email', 'sam.nopdf@example.org');
    await page.fill('#password', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === '/me'), page.click('button[type=submit]')]);
    await Promise.all([
      page.waitForURL((u) => u.pathname.endsWith('/pdf')),
      page.getByRole('link', { name: 'Download my plan (PDF)' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('There is no PDF of this plan');
    const body = await page.locator('main').textContent();
    expect(body).toContain('This plan was authorised, but no PDF was kept');
    expect(body).toContain('ask your personal adviser');
    expect(body).not.toContain('{');
    const v = await axe(page);
    expect(v, describeViolations(v)).toEqual([]);
    await page.getByRole('link', { name: 'Back to my plan' }).click();
    expect(new URL(page.url()).pathname).toBe('/me');
    expect(downloads).toBe(0);
    await ctx.close();

    const staff = await browser.newContext();
    const sp = await staff.newPage();
    await sp.goto(`${server.url}/sign-in`);
    await sp.fill('#email', paEmail);
    await sp.fill('#password', DEMO_PASSWORD);
    await Promise.all([sp.waitForURL((u) => !u.pathname.startsWith('/sign-in')), sp.click('button[type=submit]')]);
    const res = await sp.goto(`${server.url}/plans/${noPdfPlanId}/pdf`);
    expect(res?.status()).toBe(404);
    expect(res?.headers()['content-type']).toContain('text/html');
    expect(await sp.locator('main').textContent()).toContain('print that page from your browser');
    // A plan this person may not see is a plain "not found", saying nothing about the plan.
    const other = await sp.goto(`${server.url}/plans/no-such-plan/pdf`);
    expect(other?.status()).toBe(404);
    expect(await sp.locator('h1').textContent()).toBe('Page not found');
    await staff.close();
  });
});
