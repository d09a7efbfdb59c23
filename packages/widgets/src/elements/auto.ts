// Entry of dist/onward-elements.js: registering on load is this script's one side effect.
import { defineOnwardElements } from './register.js';

export * from './register.js';

if (typeof customElements !== 'undefined') defineOnwardElements();
