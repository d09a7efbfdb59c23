// Every story gets the widgets' stylesheet (as a constructable stylesheet, as in the custom elements) and a
// phone viewport option.

import { baseCss } from '@onward/widgets';
import type { Preview } from '@storybook/preact-vite';

if (typeof document !== 'undefined' && 'adoptedStyleSheets' in document) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(baseCss.replace(':host{display:block}', ''));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    viewport: {
      options: {
        phone: { name: 'Phone (390 × 844)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        tablet: { name: 'Tablet (768 × 1024)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
  },
};
export default preview;
