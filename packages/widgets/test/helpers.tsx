// Test helpers: render with the same Preact the widgets use, record events.
import { type ComponentChild, options, render as preactRender } from 'preact';
import type { OnwardEventMap, OnwardEventName } from '../src/index.js';

// Render with the Preact instance the widget sources import. (@testing-library/preact's own render can load a
// second copy of Preact when the test runner resolves it differently from the sources; hooks then break.)
// Re-render synchronously so that assertions right after an event see the new DOM.
options.debounceRendering = (cb) => cb();
const mounted = new Set<HTMLElement>();

export function render(ui: ComponentChild) {
  const container = document.body.appendChild(document.createElement('div'));
  preactRender(ui, container);
  mounted.add(container);
  return {
    container,
    unmount() {
      preactRender(null, container);
      container.remove();
      mounted.delete(container);
    },
  };
}

export function cleanup(): void {
  for (const c of mounted) {
    preactRender(null, c);
    c.remove();
  }
  mounted.clear();
}

export interface Recorded {
  type: OnwardEventName;
  detail: OnwardEventMap[OnwardEventName];
}

export function recorder() {
  const events: Recorded[] = [];
  const onEvent = <K extends OnwardEventName>(type: K, detail: OnwardEventMap[K]) => {
    events.push({ type, detail });
  };
  const of = <K extends OnwardEventName>(type: K) =>
    events.filter((e) => e.type === type).map((e) => e.detail as OnwardEventMap[K]);
  return { events, onEvent, of };
}

export const tick = (ms = 0) => new Promise((ok) => setTimeout(ok, ms));
