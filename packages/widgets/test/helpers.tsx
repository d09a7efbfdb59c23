// Test helpers: record events, wait for the widget to be ready.
import type { OnwardEventMap, OnwardEventName } from '../src/index.js';

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
