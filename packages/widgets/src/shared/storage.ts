// Where a widget keeps its work. The host supplies a StorageAdapter (its API, IndexedDB, ...); the widgets also
// keep a local draft first so that typed text survives a reload or a lost connection.

/**
 * What a host gives a widget to load and save its work. Both methods may be synchronous or return a promise.
 * `save` should throw (or reject) when the work was not stored, so the widget can keep its draft and retry.
 */
export interface StorageAdapter<T = unknown> {
  /** The value saved under `key`, or undefined when there is none. */
  load(key: string): T | undefined | Promise<T | undefined>;
  /** Store `value` under `key`, replacing what was there. */
  save(key: string, value: T): void | Promise<void>;
}

/** An adapter that keeps values in memory (lost on reload): for tests, previews and stories. */
export function memoryStorage<T = unknown>(
  initial: Record<string, T> = {},
): StorageAdapter<T> & { readonly data: Map<string, T> } {
  const data = new Map<string, T>(Object.entries(initial));
  return {
    data,
    load: (key) => structuredCloneSafe(data.get(key)),
    save: (key, value) => {
      data.set(key, structuredCloneSafe(value) as T);
    },
  };
}

export interface LocalStorageOptions {
  /** Put before every key, so Onward's entries are easy to tell apart. Default `onward:`. */
  readonly prefix?: string;
  /** The Storage to use. Default `window.localStorage`. */
  readonly storage?: Storage;
}

/**
 * An adapter over `localStorage` (values as JSON). It works offline and survives a reload, but stays on one
 * device: pair it with a server adapter for anything that matters. Throws from `save` when the browser refuses
 * (private mode, storage full), so the caller can report it.
 */
export function localStorageAdapter<T = unknown>(options: LocalStorageOptions = {}): StorageAdapter<T> {
  const prefix = options.prefix ?? 'onward:';
  const store = (): Storage => {
    const s = options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage);
    if (!s) throw new Error('This browser has no localStorage.');
    return s;
  };
  return {
    load(key) {
      const raw = store().getItem(prefix + key);
      if (raw === null) return undefined;
      try {
        return JSON.parse(raw) as T;
      } catch {
        // A damaged entry is treated as missing rather than breaking the widget.
        return undefined;
      }
    },
    save(key, value) {
      store().setItem(prefix + key, JSON.stringify(value));
    },
  };
}

/** True when localStorage can be written (it throws in some private modes). */
export function hasLocalStorage(): boolean {
  try {
    const k = '__onward_probe__';
    localStorage.setItem(k, '1');
    localStorage.removeItem(k);
    return true;
  } catch {
    return false;
  }
}

function structuredCloneSafe<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
