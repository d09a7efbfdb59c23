// Shared bits for the stories: fixtures, a log of events (Storybook's console), storage that never leaks
// between stories.
import type { LocaleFile } from '@onward/engine';
import { memoryStorage, type OnEvent } from '@onward/widgets';

export * from '../packages/widgets/test/fixtures.js';

export const phone = { globals: { viewport: { value: 'phone', isRotated: false } } };

/** Logs each event to the browser console, as a host portal would receive it. */
export const logEvents: OnEvent = (type, detail) => {
  console.info(type, detail);
};

/** Fresh in-memory drafts per story, so stories never read each other's saved work. */
export const freshDrafts = () => memoryStorage<never>();

/**
 * A tiny right-to-left locale used only to show layout in a right-to-left language (domain titles in Arabic; the
 * questions fall back to English). Not shipped wording: councils supply reviewed translations.
 */
export const rtlSample: LocaleFile = {
  meta: {
    locale: 'ar',
    variant: 'standard',
    name: 'العربية',
    dir: 'rtl',
    status: 'draft',
    note: 'Story fixture for right-to-left layout only.',
  },
  domains: {
    housing: { title: 'السكن', description: 'المكان الذي تعيش فيه.' },
    health: { title: 'الصحة', description: 'جسمك وعقلك.' },
    money: { title: 'المال', description: 'المال الذي لديك.' },
  },
  questions: {},
};
