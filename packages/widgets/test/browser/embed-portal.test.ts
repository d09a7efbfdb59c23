// The embed-portal example in Debian's Chromium, against the BUILT script (run `pnpm build` first), served with
// the strict CSP a council portal might use. Keyboard-only checklist, touch check-in on a phone, axe-core on every
// widget, visible focus, and no CSP violations.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { questionSet } from '@onward/engine';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
const example = join(root, 'examples/embed-portal');
const shots = join(root, 'test-results/widgets');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** Collects CSP violations and onward-* events from the start of every page (injected by the driver, not inline). */
const INIT = `
  window.__csp = [];
  window.__events = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  for (const t of ['onward-change','onward-submit','onward-invalid','onward-save','onward-save-error','onward-action','onward-variant-change','onward-error'])
    document.addEventListener(t, (e) => window.__events.push({ type: t, widget: e.detail && e.detail.widget, detail: t === 'onward-submit' ? e.detail : undefined }));
`;

interface Active {
  host: string;
  tag: string;
  type: string;
  id: string;
  text: string;
  checked: boolean;
  name: string;
}

/** The focused element, looking inside shadow roots. */
function deepActive(page: Page): Promise<Active> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let host = '';
    while (el?.shadowRoot?.activeElement) {
      host = el.tagName.toLowerCase();
      el = el.shadowRoot.activeElement;
    }
    const input = el as HTMLInputElement | null;
    return {
      host,
      tag: el?.tagName.toLowerCase() ?? '',
      type: input?.type ?? '',
      id: el?.id ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 60),
      checked: Boolean(input?.checked),
      name: input?.name ?? '',
    };
  });
}

async function groupChecked(page: Page, name: string): Promise<boolean> {
  return page.evaluate((n) => {
    const root = document.querySelector('onward-checklist')?.shadowRoot;
    return Boolean(root?.querySelector(`input[name="${n}"]:checked`));
  }, name);
}

describe.skipIf(!hasChromium)('embed-portal example (built script, strict CSP)', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(dist, 'onward-elements.js')))
      throw new Error('packages/widgets/dist/onward-elements.js is missing: run `pnpm build` first.');
    mkdirSync(shots, { recursive: true });
    server = await serveStatic({ '/onward/': dist, '/': example }, { 'content-security-policy': CSP });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(context: BrowserContext, query = ''): Promise<Page> {
    await context.addInitScript(INIT);
    const page = await context.newPage();
    const consoleCsp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
    });
    (page as Page & { consoleCsp: string[] }).consoleCsp = consoleCsp;
    await page.goto(`${server.url}/${query}`);
    await page.locator('onward-checklist .o-choice').first().waitFor();
    await page.locator('onward-plan h2').first().waitFor();
    await page.locator('onward-agreement h2').first().waitFor();
    await page.locator('onward-check-in .o-choice').first().waitFor();
    return page;
  }

  async function cspProblems(page: Page): Promise<string[]> {
    const events = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    return [...events, ...(page as Page & { consoleCsp: string[] }).consoleCsp];
  }

  it('completes the whole checklist by keyboard alone, with no CSP violations', async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('onward-checklist .o-choice').first().waitFor();
    // Tab from the top of the page into the checklist's first answer.
    let a = await deepActive(page);
    for (let i = 0; i < 80 && !(a.host === 'onward-checklist' && a.type === 'radio'); i++) {
      await page.keyboard.press('Tab');
      a = await deepActive(page);
    }
    expect(a.type, 'Tab reaches the first answer').toBe('radio');
    // The focused answer shows a visible focus indicator (on the big target drawn beside the hidden radio).
    const ring = await page.evaluate(() => {
      const input = document.querySelector('onward-checklist')!.shadowRoot!.activeElement as HTMLElement;
      const s = getComputedStyle(input.nextElementSibling as Element);
      return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(3);

    let answered = 0;
    let typedNote = false;
    let sent = false;
    for (let step = 0; step < 2500 && !sent; step++) {
      a = await deepActive(page);
      if (a.host === 'onward-checklist' && a.type === 'radio' && !(await groupChecked(page, a.name))) {
        // Alternate: Space picks the focused answer; an arrow key moves to (and picks) the next one.
        await page.keyboard.press(answered % 2 === 0 ? 'Space' : 'ArrowRight');
        answered++;
      } else if (a.host === 'onward-checklist' && a.tag === 'textarea' && !typedNote) {
        await page.keyboard.type('Typed with the keyboard only.');
        typedNote = true;
      } else if (a.host === 'onward-checklist' && a.tag === 'button' && /Next section/.test(a.text)) {
        await page.keyboard.press('Enter');
        // The next section's heading takes focus, as a keyboard user would notice before going on.
        await page.waitForFunction(
          () => document.querySelector('onward-checklist')?.shadowRoot?.activeElement?.tagName === 'H2',
        );
        continue;
      } else if (a.host === 'onward-checklist' && a.tag === 'button' && /Send my answers/.test(a.text)) {
        await page.keyboard.press('Enter');
        sent = true;
        break;
      }
      await page.keyboard.press('Tab');
    }
    expect(sent, 'reached "Send my answers"').toBe(true);
    await page.waitForFunction(() =>
      (window as unknown as { __events: { type: string }[] }).__events.some((e) => e.type === 'onward-submit'),
    );
    const submit = await page.evaluate(() =>
      (
        window as unknown as {
          __events: {
            type: string;
            widget: string;
            detail: { value: { answers: Record<string, Record<string, { note?: string }>> } };
          }[];
        }
      ).__events.find((e) => e.type === 'onward-submit' && e.widget === 'checklist'),
    );
    const answers = Object.values(submit!.detail.value.answers).flatMap((d) => Object.values(d));
    expect(answers.length).toBe(answered);
    // Every question in every section, answered by keyboard.
    expect(answered).toBe(questionSet().questions.length);
    expect(answers.some((x) => x.note === 'Typed with the keyboard only.')).toBe(true);
    await page
      .locator('onward-checklist [role="status"]', { hasText: 'Thank you. Your answers have been sent.' })
      .waitFor();
    // The portal showed the events in its live log.
    expect(await page.locator('#event-log li').count()).toBeGreaterThan(0);
    expect(await cspProblems(page)).toEqual([]);
    await context.close();
  });

  it('completes a check-in by touch on a phone', async () => {
    const context = await browser.newContext(PHONE);
    const page = await open(context);
    const cards = page.locator('onward-check-in fieldset.o-card');
    const n = await cards.count();
    expect(n).toBe(8);
    for (let i = 0; i < n; i++)
      await cards
        .nth(i)
        .locator('label.o-choice')
        .nth(i % 3)
        .tap();
    await cards.nth(1).locator('label.o-check').first().tap(); // "I want help with this"
    await page.screenshot({ path: join(shots, 'phone-check-in.png'), fullPage: false });
    await page.locator('onward-check-in button.o-btn', { hasText: 'Send my check-in' }).tap();
    await page.waitForFunction(() =>
      (window as unknown as { __events: { type: string; widget: string }[] }).__events.some(
        (e) => e.type === 'onward-submit' && e.widget === 'check-in',
      ),
    );
    const sent = await page.evaluate(
      () =>
        (
          window as unknown as {
            __events: {
              type: string;
              widget: string;
              detail: { value: { moods: Record<string, { mood: string; help?: boolean }>; author: string } };
            }[];
          }
        ).__events.find((e) => e.type === 'onward-submit' && e.widget === 'check-in')!.detail.value,
    );
    expect(Object.keys(sent.moods)).toHaveLength(8);
    expect(sent.moods.housing!.mood).toBe('good');
    expect(sent.moods.health!.mood).toBe('ok');
    expect(sent.moods.health!.help).toBe(true);
    expect(sent.author).toBe('young-person');
    // Touch targets are at least 44 px tall.
    const heights = await page
      .locator('onward-check-in label.o-choice span')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    expect(await cspProblems(page)).toEqual([]);
    await context.close();
  });

  it('keeps typed text through a lost connection and a reload, then saves it', async () => {
    const context = await browser.newContext();
    const page = await open(context);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('onward-checklist .o-choice').first().waitFor();
    await page.locator('#offline').check();
    await page.locator('onward-checklist fieldset').first().locator('label.o-choice').first().click();
    await page.locator('onward-checklist textarea').first().fill('Kept through a reload <b>as typed</b>');
    await page.locator('#event-log li', { hasText: 'onward-save-error' }).first().waitFor();
    await page.locator('onward-checklist .o-status', { hasText: 'Not saved yet' }).waitFor();
    await page.reload();
    await page.locator('onward-checklist textarea').first().waitFor();
    expect(await page.locator('onward-checklist textarea').first().inputValue()).toBe(
      'Kept through a reload <b>as typed</b>',
    );
    // Back online (the box is clear after the reload): the kept draft reaches the portal's storage.
    await page.locator('#offline').uncheck();
    await page.locator('#event-log li', { hasText: 'onward-save ·' }).first().waitFor({ timeout: 10_000 });
    const stored = await page.evaluate(() => localStorage.getItem('portal:yp-1-checklist'));
    expect(stored).toContain('Kept through a reload <b>as typed</b>');
    expect(await cspProblems(page)).toEqual([]);
    await context.close();
  });

  for (const role of ['young-person', 'pa', 'team-manager']) {
    it(`has no axe-core violations (WCAG 2.2 AA) in any widget, viewed as ${role}`, async () => {
      // bypassCSP only so that axe-core itself can be injected; the widgets never need it.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await open(context, `?role=${role}`);
      for (const sel of ['onward-checklist', 'onward-check-in', 'onward-plan', 'onward-agreement']) {
        const v = await axe(page, sel);
        expect(v, `${sel}: ${describeViolations(v)}`).toEqual([]);
      }
      const whole = await axe(page);
      expect(whole, describeViolations(whole)).toEqual([]);
      await context.close();
    });
  }

  it('shows lifecycle actions only to roles the engine allows', async () => {
    const context = await browser.newContext();
    const buttons = async (role: string) => {
      const page = await open(context, `?role=${role}`);
      const out = await page
        .locator('onward-plan button[data-action]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
      await page.close();
      return out;
    };
    expect(await buttons('young-person')).toEqual([]);
    expect(await buttons('pa')).toEqual(['plan.submit']);
    expect(await buttons('team-manager')).toEqual(['plan.authorise', 'plan.return']);
    await context.close();
  });

  it('sets lang and dir on every widget root, and takes phone screenshots', async () => {
    const context = await browser.newContext(PHONE);
    const page = await open(context, '?role=pa');
    for (const sel of ['onward-checklist', 'onward-check-in', 'onward-plan', 'onward-agreement']) {
      const attrs = await page
        .locator(`${sel} .onward`)
        .first()
        .evaluate((e) => [e.getAttribute('lang'), e.getAttribute('dir')]);
      expect(attrs).toEqual(['en-GB', 'ltr']);
      await page.locator(sel).scrollIntoViewIfNeeded();
      await page.locator(sel).screenshot({ path: join(shots, `phone-${sel}.png`) });
    }
    // Switching to Welsh fetches the Welsh wording on demand (a same-origin file, allowed by the CSP).
    await page.locator('onward-checklist').evaluate((el) => el.setAttribute('locale', 'cy'));
    await page.locator('onward-checklist section h2', { hasText: 'Tai' }).waitFor();
    expect(await page.locator('onward-checklist .onward').evaluate((e) => e.getAttribute('lang'))).toBe('cy');
    expect(await page.locator('onward-checklist .o-choice span').first().textContent()).toBe('Ie');
    expect(await cspProblems(page)).toEqual([]);
    await context.close();
  });
});
