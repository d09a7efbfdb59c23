// Arabic, the shipped right-to-left locale (a draft for review by Arabic speakers): the widgets lay out right to
// left (dir="rtl" on the root, logical CSS properties), in Arabic words from the locale file and its `ui` map.
import { arWording } from '@onward/engine';
import { screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { baseCss, CheckInWidget, Checklist, memoryStorage } from '../src/index.js';
import { cleanup, render } from './helpers.js';

afterEach(cleanup);

describe('Arabic (right to left)', () => {
  it('is a right-to-left draft with every widget word of the checklist and the check-in', () => {
    expect(arWording.meta).toMatchObject({ locale: 'ar', dir: 'rtl', status: 'draft' });
    expect(arWording.ui?.['checklist.answer.yes']).toBe('نعم');
  });

  it('the checklist is right to left and Arabic throughout', async () => {
    const { container } = render(<Checklist locale="ar" drafts={memoryStorage()} storageKey="ar" />);
    await screen.findByText(arWording.questions['housing.own-space']!, { selector: 'legend' });
    const root = container.querySelector('.onward')!;
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('lang')).toBe('ar');
    expect(screen.getAllByText('نعم').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'القسم التالي' })).toBeTruthy();
    expect(container.textContent).not.toMatch(/Next section|Yes|Easy read/);
  });

  it('the check-in is right to left and Arabic', async () => {
    const { container } = render(<CheckInWidget locale="ar" drafts={memoryStorage()} />);
    await waitFor(() => expect(container.textContent).toContain('كيف حالك؟'));
    expect(container.querySelector('.onward')!.getAttribute('dir')).toBe('rtl');
  });

  it('the styles use logical properties only, so right to left needs no rules of its own', () => {
    expect(baseCss).not.toMatch(
      /(margin|padding|border)-(left|right)\b|\b(left|right)\s*:|float:\s*(left|right)|text-align:\s*(left|right)/,
    );
  });
});
