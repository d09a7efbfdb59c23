// The pseudo-locale en-XA: every word the widgets can show, accented, lengthened and bracketed ⟦…⟧, from a locale
// file made from en-GB (questions, hints, areas, picture alt text, and every widget word through its `ui` map).
// Rendered with it, any text or label without the brackets did not come through the wording: an untranslatable
// string. The test lists them.
import { enGBWording, type LocaleFile, shippedWording } from '@onward/engine';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInStrings } from '../src/i18n/check-in.js';
import { checklistStrings } from '../src/i18n/checklist.js';
import { common } from '../src/i18n/common.js';
import { CheckInWidget, Checklist, memoryStorage } from '../src/index.js';
import { cleanup, render } from './helpers.js';

afterEach(cleanup);

const ACCENTS: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'î',
  o: 'ö',
  u: 'ü',
  y: 'ý',
  w: 'ŵ',
  A: 'Å',
  E: 'É',
  O: 'Ö',
  Y: 'Ý',
};
/** "Yes" → "⟦Ýés~⟧": accented, about a third longer (as translations often are), {placeholders} kept. */
export function pseudo(text: string): string {
  const parts = text.split(/(\{\w+\})/);
  const body = parts.map((p) => (/^\{\w+\}$/.test(p) ? p : p.replace(/[a-zA-Z]/g, (c) => ACCENTS[c] ?? c))).join('');
  return `⟦${body}${'~'.repeat(Math.ceil(text.length / 3))}⟧`;
}
const map = (r: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, pseudo(v)]));

const ui = map({ ...common['en-GB'], ...checklistStrings['en-GB'], ...checkInStrings['en-GB'] });
const pseudoFile: LocaleFile = {
  meta: { locale: 'en-XA', variant: 'standard', name: pseudo('Pseudo'), dir: 'ltr', status: 'draft' },
  domains: Object.fromEntries(
    Object.entries(enGBWording.domains).map(([k, d]) => [
      k,
      { title: pseudo(d.title), description: pseudo(d.description) },
    ]),
  ),
  questions: map(enGBWording.questions),
  hints: map(enGBWording.hints),
  pictures: map(enGBWording.pictures),
  ui,
};
const wording = () => shippedWording([pseudoFile]);

/** Text nodes and labels in the widget that did not come through the wording. */
function untranslated(root: Element): string[] {
  const out: string[] = [];
  // What is not words: numbers, punctuation, the young person's own words (none here).
  const plain = (s: string) => /^[\s\d%/.,:;()–—-]*$/.test(s);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent ?? '';
    if (!plain(t) && !/[⟦⟧]/.test(t)) out.push(`text: ${JSON.stringify(t)}`);
  }
  for (const el of root.querySelectorAll('*'))
    for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-valuetext']) {
      const v = el.getAttribute(a);
      if (v && !plain(v) && !/[⟦⟧]/.test(v)) out.push(`${el.tagName.toLowerCase()}[${a}]: ${JSON.stringify(v)}`);
    }
  return out;
}

describe('pseudo-locale en-XA', () => {
  it('makes accented, longer, bracketed words and keeps placeholders', () => {
    expect(pseudo('Yes')).toBe('⟦Ýés~⟧');
    expect(pseudo('{answered} of {total} answered')).toMatch(/^⟦\{answered\} öf \{total\} áñ?.*~+⟧$/);
  });

  it('every word of the checklist, in standard wording and easy read, comes through the wording', async () => {
    const { container } = render(<Checklist locale="en-XA" wording={wording()} drafts={memoryStorage()} />);
    await screen.findByText(pseudo(enGBWording.questions['housing.own-space']!), { selector: 'legend' });
    expect(untranslated(container)).toEqual([]);
    // Answer one question, so the clear button and progress change; then every section.
    fireEvent.click(container.querySelector('input[value="yes"]')!);
    expect(untranslated(container)).toEqual([]);
    for (const b of [...container.querySelectorAll('nav button')].slice(1, 3)) {
      fireEvent.click(b);
      expect(untranslated(container)).toEqual([]);
    }
    // Easy read, with the pictures and their alt text.
    fireEvent.click(screen.getByRole('button', { name: pseudo('Easy read') }));
    await waitFor(() => expect(container.querySelectorAll('.o-pic').length).toBeGreaterThan(0));
    expect(untranslated(container)).toEqual([]);
  });

  it('finds a word that does not come through the wording', async () => {
    const { 'checklist.next': _, ...rest } = ui;
    const leaky = shippedWording([{ ...pseudoFile, ui: rest }]);
    const { container } = render(<Checklist locale="en-XA" wording={leaky} drafts={memoryStorage()} />);
    await screen.findByText(pseudo(enGBWording.questions['housing.own-space']!), { selector: 'legend' });
    expect(untranslated(container)).toEqual(['text: "Next section"']);
  });

  it('every word of the check-in comes through the wording', async () => {
    const { container } = render(<CheckInWidget locale="en-XA" wording={wording()} drafts={memoryStorage()} />);
    await waitFor(() => expect(container.querySelector('fieldset, button')).not.toBeNull());
    expect(untranslated(container)).toEqual([]);
  });
});
