// Attribute helpers shared by the elements.
import type { Variant } from '@onward/engine';
import { localStorageAdapter, memoryStorage, type StorageAdapter } from '../shared/storage.js';

/** The locale: the `locale` attribute, else the nearest `lang` in the page, else en-GB. */
export function localeOf(el: HTMLElement): string {
  return el.getAttribute('locale') || el.closest('[lang]')?.getAttribute('lang') || 'en-GB';
}

export function variantOf(el: HTMLElement): Variant {
  return el.getAttribute('variant') === 'easy' ? 'easy' : 'standard';
}

export function dirOf(el: HTMLElement): 'ltr' | 'rtl' | undefined {
  const d = el.getAttribute('dir');
  return d === 'rtl' || d === 'ltr' ? d : undefined;
}

/** `storage="local"` keeps work in localStorage, `storage="memory"` in memory; a `storage` property wins. */
export function storageOf<T>(el: HTMLElement, prop: unknown): StorageAdapter<T> | undefined {
  if (prop && typeof prop === 'object') return prop as StorageAdapter<T>;
  const a = el.getAttribute('storage');
  if (a === 'local') return localStorageAdapter<T>();
  if (a === 'memory') return memoryStorage<T>();
  return undefined;
}

export const COMMON_ATTRIBUTES = ['locale', 'variant', 'dir', 'read-only', 'storage', 'storage-key'] as const;
