// The one signal bridge per widget: the widget's whole view state in one signal, replaced (never mutated) on every
// change, and one way out (emit). Views read `state.value`; only the store writes it.
import { type ReadonlySignal, signal } from '@preact/signals';
import type { Emit } from './events.js';

export interface Bridge<S> {
  readonly state: ReadonlySignal<S>;
  readonly get: () => S;
  readonly set: (next: S) => void;
  readonly update: (patch: Partial<S>) => void;
  readonly emit: Emit;
}

export function createBridge<S extends object>(initial: S, emit: Emit = () => {}): Bridge<S> {
  const s = signal(initial);
  return {
    state: s,
    get: () => s.peek(),
    set: (next) => {
      s.value = next;
    },
    update: (patch) => {
      s.value = { ...s.peek(), ...patch };
    },
    emit,
  };
}

let counter = 0;
/** A short id unique in this page, to prefix element ids so that two widgets on a page never clash. */
export function uid(prefix = 'o'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** Length in characters as people count them (Unicode code points), matching the schemas' maxLength. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
