// The renderer in a real browser (Debian Chromium), from the BUILT package: jspdf and the font load only when the
// PDF is asked for, and the bytes are identical to Node's for the same input.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allShippedWording } from '@onward/engine';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, serveStatic } from '#test-support/browser.js';
import { hasPoppler } from '#test-support/pdf.js';
import { renderAgreementPdf, renderPlanPdf } from '../../src/index.js';
import { sampleAgreement } from '../fixtures/sample-agreement.js';
import { samplePlan } from '../fixtures/sample-plan.js';
import { readText } from '../support.js';

declare global {
  interface Window {
    onwardRender(): Promise<{ plan: string; planCy: string; agreement: string }>;
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist', 'index.js');

describe.skipIf(!hasChromium)('@onward/pdf in the browser', () => {
  it('renders on demand in Chromium, byte-identical to Node', async () => {
    expect(existsSync(dist), 'packages/pdf/dist is missing: run `pnpm build` first').toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'onward-pdf-browser-'));
    await build({
      entryPoints: [join(here, 'entry.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: out,
      logLevel: 'error',
    });
    writeFileSync(
      join(out, 'index.html'),
      '<!doctype html><html lang="en-GB"><title>PDF</title><script type="module" src="/entry.js"></script></html>',
    );
    const server = await serveStatic({ '/': out });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const fetched: string[] = [];
      page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => typeof window.onwardRender === 'function');
      const before = [...fetched];
      const result = await page.evaluate(() => window.onwardRender());
      // Nothing of jspdf or the font before the PDF was asked for; both after.
      expect(before.some((p) => /jspdf|onward-sans/.test(p))).toBe(false);
      expect(fetched.some((p) => /jspdf/.test(p))).toBe(true);
      expect(fetched.some((p) => /onward-sans/.test(p))).toBe(true);
      expect(fetched.some((p) => /html2canvas|purify|canvg/i.test(p))).toBe(false);

      const createdAt = new Date('2026-02-02T10:00:00Z');
      const council = { name: 'Riverside Council' };
      const wording = allShippedWording();
      const node = {
        plan: await renderPlanPdf(samplePlan(), { wording, council, createdAt, status: 'Authorised' }),
        planCy: await renderPlanPdf(samplePlan(), { wording, council, createdAt, locale: 'cy' }),
        agreement: await renderAgreementPdf(sampleAgreement(), { council, createdAt, viewer: 'young-person' }),
      };
      for (const key of ['plan', 'planCy', 'agreement'] as const) {
        const fromBrowser = new Uint8Array(Buffer.from(result[key], 'base64'));
        expect(fromBrowser.length).toBeGreaterThan(10_000);
        if (hasPoppler) expect(readText(fromBrowser)).toBe(readText(node[key]));
        expect(
          Buffer.compare(Buffer.from(fromBrowser), Buffer.from(node[key])),
          `${key}: browser and Node bytes differ`,
        ).toBe(0);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
