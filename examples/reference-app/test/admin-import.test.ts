// The admin's young people import through the pages, in Chromium: a bad file is refused row by row (line, column,
// problem) and saves nothing; a file of 400 is checked (400 to add, nothing saved yet), then imported; the same
// file again is 400 with no change and adds nobody. Each page is checked with axe. PostgreSQL when set.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations, hasChromium, launchChromium } from '#test-support/browser.js';
import { postgresUrl } from '#test-support/postgres.js';
import { Client, isBuilt, makeWorld, PASSWORD, type World } from './support/world.js';

const HEADER = 'external_id,name,preferred_name,date_of_birth,category,team_id,pa_id,social_worker_id,language';

function goodFile(n: number): string {
  const lines = [HEADER];
  for (let k = 1; k <= n; k++) {
    const month = String((k % 12) + 1).padStart(2, '0');
    const day = String((k % 28) + 1).padStart(2, '0');
    lines.push(`LCS-${k},Person ${k},,2008-${month}-${day},relevant,nb.t1,nb.pa,${k % 2 ? 'nb.sw' : ''},`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

const BAD = [
  HEADER,
  'LCS-1,Alex Able,,2008-04-01,relevant,nb.t1,nb.pa,,',
  'LCS-2,Bo Baker,,01/04/2008,relevant,nb.t1,nb.pa,,',
  'LCS-3,Cai Cole,,2008-05-02,relevant,nb.t1,nb.nobody,,',
  'LCS-1,Dee Dunn,,2008-06-03,relevant,nb.t1,nb.pa,,',
].join('\n');

describe.skipIf(!hasChromium || !isBuilt)('importing young people through the admin pages', () => {
  const now = new Date('2026-03-02T10:00:00.000Z');
  let w: World;
  let browser: Browser;
  let page: Page;
  let api: Client;

  beforeAll(async () => {
    w = await makeWorld(() => now, postgresUrl ? { databaseUrl: postgresUrl } : {});
    await w.store.createStaffUsers([
      {
        id: 'nb.admin',
        councilId: 'nb',
        role: 'admin',
        name: 'admin name',
        email: 'admin@northbridge.example',
        password: PASSWORD,
      },
    ]);
    api = await new Client(w.url).signIn('admin@northbridge.example');
    browser = await launchChromium();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${w.url}/sign-in`);
    await page.fill('#email', 'admin@northbridge.example');
    await page.fill('#password', PASSWORD);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
      page.click('button[type=submit]:has-text("Sign in")'),
    ]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  async function check(label: string) {
    const v = await axe(page);
    expect(v, `axe on ${label} (${page.url()}):\n${describeViolations(v)}`).toEqual([]);
    expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
  }
  const held = async () => (await api.call('GET', '/api/young-people')).json().items.length as number;
  async function checkFile(name: string, text: string) {
    await page
      .getByLabel('CSV file')
      .last()
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await Promise.all([
      page.waitForLoadState('load'),
      page
        .locator('form', { has: page.locator('#file') })
        .last()
        .locator('button[type=submit]')
        .click(),
    ]);
    await page.waitForSelector('h1');
  }
  const counts = async () => JSON.parse((await page.locator('[data-counts]').getAttribute('data-counts')) ?? '{}');

  it('is reached from the young people page and asks for a file', async () => {
    await page.goto(`${w.url}/admin/young-people`);
    await Promise.all([page.waitForURL(/\/admin\/import$/), page.click('a[href="/admin/import"]')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Import young people');
    await check('import form');
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Check the file")')]);
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Choose a CSV file');
    await expect(page.locator('#file').getAttribute('aria-invalid')).resolves.toBe('true');
    await check('import form with no file');
  });

  it('refuses a bad file row by row, naming the column and the problem, and saves nothing', async () => {
    await checkFile('bad.csv', BAD);
    await expect(page.locator('.error-summary').textContent()).resolves.toMatch(/3 problems in the file/);
    const rows = await page
      .locator('#problems tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map(([line, column]) => [line, column])).toEqual([
      ['3', 'date_of_birth'],
      ['4', 'pa_id'],
      ['5', 'external_id'],
    ]);
    expect(rows[0]![2]).toMatch(/date/i);
    expect(rows[2]![2]).toContain('line 2');
    await check('import problems');
    expect(await held()).toBe(1);
  });

  it('checks a file of 400 (nothing saved), imports it, and a re-import adds nobody', async () => {
    const file = goodFile(400);
    await checkFile('lcs.csv', file);
    expect(await counts()).toEqual({ rows: 400, created: 400, updated: 0, unchanged: 0 });
    await expect(page.locator('#rows tbody tr[data-outcome=created]').count()).resolves.toBe(400);
    await check('import dry run');
    expect(await held()).toBe(1);

    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Import 400 rows")')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Import young people');
    await expect(page.locator('.panel-success h2').textContent()).resolves.toBe('Imported');
    expect(await counts()).toEqual({ rows: 400, created: 400, updated: 0, unchanged: 0 });
    await check('import done');
    expect(await held()).toBe(401);

    await page.goto(`${w.url}/admin/import`);
    await checkFile('lcs.csv', file);
    expect(await counts()).toEqual({ rows: 400, created: 0, updated: 0, unchanged: 400 });
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Import 400 rows")')]);
    expect(await counts()).toEqual({ rows: 400, created: 0, updated: 0, unchanged: 400 });
    expect(await held()).toBe(401);
  });

  it('shows a changed allocation as an update naming the field', async () => {
    const before = 'LCS-2,Person 2,,2008-03-03,relevant,nb.t1,nb.pa,,';
    expect(goodFile(2)).toContain(before);
    const changed = goodFile(2).replace(before, 'LCS-2,Person 2,,2008-03-03,relevant,nb.t1,nb.pa,nb.sw,');
    await page.goto(`${w.url}/admin/import`);
    await checkFile('lcs.csv', changed);
    expect(await counts()).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    await expect(page.locator('#rows tbody tr[data-outcome=updated] td').last().textContent()).resolves.toBe(
      'Will be updated: social worker',
    );
    await check('import dry run with an update');
  });
});
