// Autosave: every change is written to a local draft at once (synchronously with localStorage), then sent to the
// host's StorageAdapter after a short pause, retrying with back-off until it is stored. On load, a draft that was
// never confirmed by the host wins over the host's copy, so nothing typed is lost on reload or lost connection.
import { hasLocalStorage, localStorageAdapter, memoryStorage, type StorageAdapter } from './storage.js';

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
  /** Delays between retries, in ms; the last one repeats. Default 1 s, 2 s, 5 s, 10 s, 30 s. */
  readonly retryDelaysMs?: readonly number[];
  readonly onStatus?: (status: SaveStatus) => void;
  readonly onSaved?: (key: string) => void;
  readonly onError?: (info: SaveErrorInfo) => void;
}

export function defaultDraftStore<T>(): StorageAdapter<Draft<T>> {
  return hasLocalStorage() ? localStorageAdapter<Draft<T>>({ prefix: 'onward-draft:' }) : memoryStorage<Draft<T>>();
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
  private readonly onOnline = () => {
    if (this.hasPending) this.schedule(0);
  };

  constructor(private readonly options: AutosaveOptions<T>) {
    this.drafts = options.drafts ?? defaultDraftStore<T>();
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
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
    this.writeDraft({ v: 1, changedAt: new Date().toISOString(), synced: false, data });
    this.pending = data;
    this.hasPending = true;
    this.attempt = 0;
    this.schedule(this.options.debounceMs ?? 500);
  }

  /** Save now (e.g. before submitting). Resolves true when the host has the latest work. */
  async flush(): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight) await this.inFlight;
    if (this.hasPending) await this.send();
    return !this.hasPending;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
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
