// Autosave: every change is written to a local draft, then sent to the host's StorageAdapter after a short pause,
// retrying with back-off until it is stored. On load, a draft that was never confirmed by the host wins over the
// host's copy, so nothing typed is lost on reload or lost connection.
// The draft is written at once by default. With `draftDelayMs` (the widgets use it) it is written off the input
// path instead: at most that long after the first change not yet written, and at once whenever the page is hidden
// or closed (pagehide, visibilitychange), before every host save, on flush() and on dispose(). A keystroke then
// costs no JSON.stringify of the whole work and no synchronous localStorage write.
import { localStorageAdapter, memoryStorage, type StorageAdapter } from './storage.js';

/** A draft as kept locally: the work, when it changed, and whether the host has confirmed it. */
export interface Draft<T> {
  readonly v: 1;
  readonly changedAt: string;
  readonly synced: boolean;
  readonly data: T;
}

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'retrying' | 'offline-draft';

export interface SaveErrorInfo {
  /** Storage key. */
  readonly key: string;
  /** What went wrong, from the adapter's error (never the work itself). */
  readonly message: string;
  /** Attempts made so far for this change. */
  readonly attempt: number;
  /** Milliseconds until the next attempt. */
  readonly retryInMs: number;
}

export interface AutosaveOptions<T> {
  readonly key: string;
  /** The host's adapter; when absent only the local draft is kept. */
  readonly storage?: StorageAdapter<T>;
  /** Where drafts go first. Default: localStorage (prefix `onward-draft:`), or memory when it cannot be used. */
  readonly drafts?: StorageAdapter<Draft<T>>;
  /** Pause after the last change before saving to the host, in ms. Default 500. */
  readonly debounceMs?: number;
  /**
   * Longest time in ms a change may wait before its local draft is written (written sooner when the page is
   * hidden, before a host save, on flush and on dispose). Default 0: written at once, during the change.
   */
  readonly draftDelayMs?: number;
  /** Delays between retries, in ms; the last one repeats. Default 1 s, 2 s, 5 s, 10 s, 30 s. */
  readonly retryDelaysMs?: readonly number[];
  readonly onStatus?: (status: SaveStatus) => void;
  readonly onSaved?: (key: string) => void;
  readonly onError?: (info: SaveErrorInfo) => void;
}

export function defaultDraftStore<T>(): StorageAdapter<Draft<T>> {
  // No write probe here: the first touch of localStorage is costly (Chromium loads the origin's whole store), and
  // a refused write already falls back to memory (Autosave.useFallback), a refused read to "no draft".
  return localStorageAvailable()
    ? localStorageAdapter<Draft<T>>({ prefix: 'onward-draft:' })
    : memoryStorage<Draft<T>>();
}

function localStorageAvailable(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage !== null;
  } catch {
    // A sandboxed frame throws on reading the property.
    return false;
  }
}

export class Autosave<T> {
  private readonly drafts: StorageAdapter<Draft<T>>;
  private fallbackDrafts: StorageAdapter<Draft<T>> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: T | undefined;
  private hasPending = false;
  private attempt = 0;
  private inFlight: Promise<void> | undefined;
  private disposed = false;
  private draftLater: Draft<T> | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onOnline = () => {
    if (this.hasPending) this.schedule(0);
  };
  /** The page is going away (pagehide) or out of sight: whatever is typed goes to the draft now. */
  private readonly onHide = (e: Event) => {
    if (e.type === 'pagehide' || document.visibilityState !== 'visible') this.writeDraftNow();
  };

  constructor(private readonly options: AutosaveOptions<T>) {
    this.drafts = options.drafts ?? defaultDraftStore<T>();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      if (options.draftDelayMs) {
        window.addEventListener('pagehide', this.onHide);
        document.addEventListener('visibilitychange', this.onHide);
      }
    }
  }

  /** Load the work: an unconfirmed local draft first, else the host's copy, else any local draft. */
  async restore(): Promise<T | undefined> {
    const draft = await this.readDraft();
    if (draft && !draft.synced) {
      // Unsent work: keep it and try to send it again.
      this.pending = draft.data;
      this.hasPending = true;
      this.schedule(0);
      return draft.data;
    }
    let remote: T | undefined;
    if (this.options.storage) {
      try {
        remote = await this.options.storage.load(this.options.key);
      } catch (e) {
        this.options.onError?.({ key: this.options.key, message: errorText(e), attempt: 0, retryInMs: 0 });
      }
    }
    return remote ?? draft?.data;
  }

  /** Record a change: the draft is written now, the host save follows after the pause. */
  change(data: T): void {
    if (this.disposed) return;
    const draft: Draft<T> = { v: 1, changedAt: new Date().toISOString(), synced: false, data };
    const delay = this.options.draftDelayMs ?? 0;
    if (delay > 0) {
      this.draftLater = draft;
      this.draftTimer ??= setTimeout(() => this.writeDraftNow(), delay);
    } else this.writeDraft(draft);
    this.pending = data;
    this.hasPending = true;
    this.attempt = 0;
    this.schedule(this.options.debounceMs ?? 500);
  }

  /** Save now (e.g. before submitting). Resolves true when the host has the latest work. */
  async flush(): Promise<boolean> {
    this.writeDraftNow();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight) await this.inFlight;
    if (this.hasPending) await this.send();
    return !this.hasPending;
  }

  dispose(): void {
    this.writeDraftNow();
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('pagehide', this.onHide);
      document.removeEventListener('visibilitychange', this.onHide);
    }
  }

  /** Write a draft still waiting (see draftDelayMs), now. */
  saveDraftNow(): void {
    this.writeDraftNow();
  }

  private writeDraftNow(): void {
    if (this.draftTimer) clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    const d = this.draftLater;
    this.draftLater = undefined;
    if (d) this.writeDraft(d);
  }

  private schedule(ms: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.send();
    }, ms);
  }

  private async send(): Promise<void> {
    if (!this.hasPending || this.disposed) return;
    // The draft is on the device before anything goes to the host, so a failed save always leaves it there.
    this.writeDraftNow();
    const storage = this.options.storage;
    const data = this.pending as T;
    if (!storage) {
      // Local only: the draft is the saved copy.
      this.hasPending = false;
      this.options.onStatus?.('offline-draft');
      return;
    }
    if (this.inFlight) return;
    this.options.onStatus?.('saving');
    // Note: a host adapter may throw synchronously; the flight is recorded before it starts and cleared after it
    // ends, so a synchronous throw can never leave it marked as still running.
    const flight = (async () => {
      await Promise.resolve();
      try {
        await storage.save(this.options.key, data);
        if (this.pending === data) {
          this.hasPending = false;
          this.attempt = 0;
          this.writeDraft({ v: 1, changedAt: new Date().toISOString(), synced: true, data });
          this.options.onStatus?.('saved');
          this.options.onSaved?.(this.options.key);
        } else {
          this.schedule(0);
        }
      } catch (e) {
        this.attempt += 1;
        const delays = this.options.retryDelaysMs ?? [1000, 2000, 5000, 10000, 30000];
        const retryInMs = delays[Math.min(this.attempt - 1, delays.length - 1)] ?? 30000;
        this.options.onStatus?.('retrying');
        this.options.onError?.({ key: this.options.key, message: errorText(e), attempt: this.attempt, retryInMs });
        this.schedule(retryInMs);
      }
    })();
    this.inFlight = flight;
    try {
      await flight;
    } finally {
      if (this.inFlight === flight) this.inFlight = undefined;
    }
  }

  private writeDraft(d: Draft<T>): void {
    try {
      const r = (this.fallbackDrafts ?? this.drafts).save(this.options.key, d);
      if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch(() => this.useFallback(d));
    } catch {
      this.useFallback(d);
    }
  }

  private useFallback(d: Draft<T>): void {
    // The local store refused (storage full, private mode): keep the draft in memory for this page at least.
    this.fallbackDrafts ??= memoryStorage<Draft<T>>();
    void this.fallbackDrafts.save(this.options.key, d);
  }

  private async readDraft(): Promise<Draft<T> | undefined> {
    try {
      const d = await this.drafts.load(this.options.key);
      return d && d.v === 1 ? d : undefined;
    } catch {
      return undefined;
    }
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return typeof e === 'string' ? e : 'The work could not be saved.';
}
