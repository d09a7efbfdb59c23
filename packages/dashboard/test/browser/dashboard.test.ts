// The dashboard in Debian's Chromium, from the BUILT package (run `pnpm build` first) bundled with esbuild into a
// page served with a strict CSP: axe-core finds no WCAG 2.2 AA violations, charts draw (chart.js loaded on
// demand), nothing breaks the CSP, and the spreadsheet download opens in exceljs with the numbers on screen.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axe,
  describeViolations,
  hasChromium,
  launchChromium,
  type StaticServer,
  serveStatic,
} from '#test-support/browser.js';

const root = resolve(import.meta.dirname, '../../../..');
const dist = join(root, 'packages/dashboard/dist/index.js');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:";
const INIT = `
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
`;

describe.skipIf(!hasChromium)('dashboard in Chromium (built package, strict CSP)', () => {
  let browser: Browser;
  let server: StaticServer;
  let out: string;
  const requested: string[] = [];

  beforeAll(async () => {
    if (!existsSync(dist)) throw new Error('packages/dashboard/dist/index.js is missing: run `pnpm build` first.');
    out = join(tmpdir(), `onward-dashboard-${process.pid}`);
    mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [join(import.meta.dirname, 'page.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: out,
      logLevel: 'error',
      absWorkingDir: join(root, 'packages/dashboard'),
    });
    writeFileSync(
      join(out, 'index.html'),
      '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Insights</title></head><body><main><h1>Insights for leaving-care managers</h1><onward-dashboard as-at="2025-12-31" from="2024-01-01"></onward-dashboard></main><script type="module" src="/page.js"></script></body></html>',
    );
    server = await serveStatic({ '/': out }, { 'content-security-policy': CSP });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  /** bypassCSP only so that the test can inject axe-core; the page's own code never needs it. */
  async function open(role: string, bypassCSP = false): Promise<Page> {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1100, height: 900 },
      bypassCSP,
    });
    await context.addInitScript(INIT);
    const page = await context.newPage();
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.url}/?role=${role}`);
    await page.locator('onward-dashboard h2').waitFor();
    return page;
  }

  it('draws every chart with chart.js loaded on demand, and breaks no CSP rule', async () => {
    const page = await open('team-manager');
    await page.waitForFunction(() => {
      const r = document.querySelector('onward-dashboard')?.shadowRoot;
      const canvases = [...(r?.querySelectorAll('canvas') ?? [])];
      return (
        canvases.length === 9 &&
        canvases.every(
          (c) => c.width > 0 && c.dataset !== undefined && (c as HTMLCanvasElement & { $chartjs?: unknown }).$chartjs,
        )
      );
    });
    const counts = await page.evaluate(() => {
      const r = document.querySelector('onward-dashboard')!.shadowRoot!;
      return {
        styles: document.querySelectorAll('style').length + r.querySelectorAll('style').length,
        sheets: r.adoptedStyleSheets.length,
      };
    });
    expect(counts).toEqual({ styles: 0, sheets: 1 });
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    // chart.js came as its own chunk after the page script.
    const chunks = requested.filter((u) => u.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(1);
    await page.context().close();
  });

  for (const role of ['team-manager', 'analyst']) {
    it(`has no axe-core violations (${role}), with every table open`, async () => {
      const page = await open(role, true);
      await page.evaluate(() => {
        for (const d of document.querySelector('onward-dashboard')!.shadowRoot!.querySelectorAll('details'))
          d.open = true;
      });
      if (role === 'team-manager') {
        const host = page.locator('onward-dashboard');
        await host.getByLabel('Question or area').selectOption('housing');
        await host.getByRole('button', { name: 'Show young people' }).click();
        await host.getByRole('table', { name: /answers needing help/ }).waitFor();
      }
      const violations = await axe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.context().close();
    });
  }

  it('works by keyboard: the filters change the figures', async () => {
    const page = await open('team-manager');
    const host = page.locator('onward-dashboard');
    const before = await host.locator('p').first().textContent();
    await host.getByLabel('Age', { exact: true }).focus();
    await page.keyboard.press('ArrowDown'); // 16-17
    await page.waitForFunction(
      (b) => document.querySelector('onward-dashboard')!.shadowRoot!.querySelector('p')!.textContent !== b,
      before,
    );
    const after = await host.locator('p').first().textContent();
    expect(Number(after!.match(/: (\d+) young people/)![1])).toBeLessThan(
      Number(before!.match(/: (\d+) young people/)![1]),
    );
    await page.context().close();
  });

  it('downloads a spreadsheet that exceljs opens, holding the numbers on screen', async () => {
    const page = await open('analyst');
    const host = page.locator('onward-dashboard');
    await page.evaluate(() => {
      for (const d of document.querySelector('onward-dashboard')!.shadowRoot!.querySelectorAll('details'))
        d.open = true;
    });
    const domainsTable = host.getByRole('table', { name: 'Young people needing help in each area of life' });
    const housingRow = await domainsTable
      .getByRole('row', { name: /^Housing/ })
      .locator('td')
      .allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      host.getByRole('button', { name: 'Spreadsheet (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('onward-insights-2025-12-31.xlsx');
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('domains')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    let housing: unknown[] | undefined;
    sheet.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[header.indexOf('domain')] === 'housing') housing = v;
    });
    expect(housing).toBeDefined();
    // Screen: answered, need help, need help (%); sheet: the same numbers.
    expect(String(housing![header.indexOf('people_answered')])).toBe(housingRow[0]!.replace(/,/g, ''));
    expect(String(housing![header.indexOf('people_needing_help')])).toBe(housingRow[1]!.replace(/,/g, ''));
    expect(`${Math.round(Number(housing![header.indexOf('people_needing_help_percent')]))}%`).toBe(housingRow[2]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await page.context().close();
  });
});
