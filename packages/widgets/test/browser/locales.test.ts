// The checklist and the check-in in English, Welsh, easy read (with its pictures) and Arabic (right to left), in
// Debian's Chromium against the BUILT script (run `pnpm build` first), under a strict CSP: axe-core at WCAG 2.2 AA
// on each, the page's direction and language, and a phone-sized screenshot of each into docs/screenshots/.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axe,
  describeViolations,
  hasChromium,
  launchChromium,
  PHONE,
  type StaticServer,
  serveStatic,
} from '#test-support/browser.js';

const root = resolve(import.meta.dirname, '../../../..');
const dist = join(root, 'packages/widgets/dist');
const docs = join(root, 'docs/screenshots');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

const CASES = [
  { name: 'en', lang: 'en-GB', locale: 'en-GB', variant: 'standard', dir: 'ltr', yes: 'Yes' },
  { name: 'cy', lang: 'cy', locale: 'cy', variant: 'standard', dir: 'ltr', yes: 'Ie' },
  { name: 'easy-read', lang: 'en-GB', locale: 'en-GB', variant: 'easy', dir: 'ltr', yes: 'Yes' },
  { name: 'ar', lang: 'ar', locale: 'ar', variant: 'standard', dir: 'rtl', yes: 'نعم' },
] as const;

function page(c: (typeof CASES)[number]): string {
  return `<!doctype html><html lang="${c.lang}" dir="${c.dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Onward ${c.name}</title>
<script type="module" src="/onward/onward-elements.js"></script></head><body><main>
<h1>Onward</h1>
<onward-checklist locale="${c.locale}" variant="${c.variant}" storage="memory" storage-key="shot-${c.name}"></onward-checklist>
<onward-check-in locale="${c.locale}" variant="${c.variant}" storage="memory" storage-key="shot-ci-${c.name}"></onward-check-in>
</main></body></html>`;
}

describe.skipIf(!hasChromium)('the widgets in four languages and variants (built script, strict CSP)', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    const pages = mkdtempSync(join(tmpdir(), 'onward-locales-'));
    for (const c of CASES) writeFileSync(join(pages, `${c.name}.html`), page(c));
    mkdirSync(docs, { recursive: true });
    server = await serveStatic({ '/onward/': dist, '/': pages }, { 'content-security-policy': CSP });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const c of CASES)
    it(`${c.name}: axe-clean checklist and check-in, ${c.dir}, in its own words`, async () => {
      const context = await browser.newContext({ ...PHONE, bypassCSP: false });
      const p = await context.newPage();
      const shotContext = await browser.newContext({ viewport: PHONE.viewport!, deviceScaleFactor: 1 });
      const shotPage = await shotContext.newPage();
      const csp: string[] = [];
      p.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
      });
      await p.goto(`${server.url}/${c.name}.html`);
      const checklist = p.locator('onward-checklist');
      await checklist.locator('.o-choice').first().waitFor();
      await p.locator('onward-check-in .o-choice').first().waitFor();
      await expect.poll(() => checklist.locator('.o-choice span').first().textContent()).toBe(c.yes);
      if (c.variant === 'easy') await checklist.locator('.o-pic').first().waitFor();
      const widget = await checklist.evaluate((el) => {
        const r = el.shadowRoot!.querySelector('.onward')!;
        return { dir: r.getAttribute('dir'), lang: r.getAttribute('lang'), pics: r.querySelectorAll('.o-pic').length };
      });
      expect(widget.dir).toBe(c.dir);
      expect(widget.lang).toBe(c.locale);
      expect(widget.pics > 0).toBe(c.variant === 'easy');
      // axe needs bypassing the page's CSP only to inject itself.
      const axeContext = await browser.newContext({ ...PHONE, bypassCSP: true });
      const ap = await axeContext.newPage();
      await ap.goto(`${server.url}/${c.name}.html`);
      await ap.locator('onward-checklist .o-choice').first().waitFor();
      await ap.locator('onward-check-in .o-choice').first().waitFor();
      if (c.variant === 'easy') await ap.locator('onward-checklist .o-pic').first().waitFor();
      const v = await axe(ap);
      expect(v, describeViolations(v)).toEqual([]);
      // The top of each widget (the first questions), at one device pixel per CSS pixel, to keep docs/ small.
      for (const [what, el] of [
        ['checklist', checklist],
        ['check-in', p.locator('onward-check-in')],
      ] as const) {
        await el.scrollIntoViewIfNeeded();
        const box = (await el.boundingBox())!;
        await shotPage.setViewportSize({ width: PHONE.viewport!.width, height: 900 });
        await shotPage.goto(`${server.url}/${c.name}.html`);
        const target = shotPage.locator(what === 'checklist' ? 'onward-checklist' : 'onward-check-in');
        await target.locator('.o-choice').first().waitFor();
        if (c.variant === 'easy' && what === 'checklist') await target.locator('.o-pic').first().waitFor();
        const b = (await target.boundingBox())!;
        await shotPage.screenshot({
          path: join(docs, `widgets-${what}-${c.name}.png`),
          clip: { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, box.height, 1100) },
          fullPage: true,
        });
      }
      expect(csp).toEqual([]);
      await context.close();
      await axeContext.close();
      await shotContext.close();
    });
});
