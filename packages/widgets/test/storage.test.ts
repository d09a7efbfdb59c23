import { afterEach, describe, expect, it } from 'vitest';
import { Autosave, type Draft, localStorageAdapter, memoryStorage } from '../src/index.js';
import { tick } from './helpers.js';

afterEach(() => localStorage.clear());

describe('storage adapters', () => {
  it('memoryStorage keeps copies, not references', async () => {
    const s = memoryStorage<{ a: number[] }>();
    const v = { a: [1] };
    await s.save('k', v);
    v.a.push(2);
    expect(await s.load('k')).toEqual({ a: [1] });
    expect(await s.load('missing')).toBeUndefined();
  });

  it('localStorageAdapter stores JSON under a prefix and treats damaged entries as missing', async () => {
    const s = localStorageAdapter<{ n: number }>({ prefix: 'test:' });
    await s.save('k', { n: 1 });
    expect(localStorage.getItem('test:k')).toBe('{"n":1}');
    expect(await s.load('k')).toEqual({ n: 1 });
    localStorage.setItem('test:bad', '{not json');
    expect(await s.load('bad')).toBeUndefined();
  });

  it('localStorageAdapter reports a refused write by throwing', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(() => localStorageAdapter({ storage: full }).save('k', 1)).toThrow('QuotaExceededError');
  });
});

describe('Autosave', () => {
  it('writes the draft at once, saves after the pause, and marks the draft synced', async () => {
    const drafts = memoryStorage<Draft<string>>();
    const storage = memoryStorage<string>();
    const statuses: string[] = [];
    const a = new Autosave<string>({ key: 'k', storage, drafts, debounceMs: 10, onStatus: (s) => statuses.push(s) });
    a.change('one');
    a.change('two');
    expect(drafts.data.get('k')).toMatchObject({ synced: false, data: 'two' });
    expect(storage.data.has('k')).toBe(false);
    await tick(30);
    expect(storage.data.get('k')).toBe('two');
    expect(drafts.data.get('k')).toMatchObject({ synced: true, data: 'two' });
    expect(statuses).toEqual(['saving', 'saved']);
    a.dispose();
  });

  it('retries with back-off after a failure and never drops the newest change', async () => {
    let calls = 0;
    const saved: string[] = [];
    const errors: number[] = [];
    const storage = {
      load: () => undefined,
      save: (_k: string, v: string) => {
        calls++;
        if (calls <= 2) throw new Error('offline');
        saved.push(v);
      },
    };
    const a = new Autosave<string>({
      key: 'k',
      storage,
      drafts: memoryStorage(),
      debounceMs: 0,
      retryDelaysMs: [5, 10],
      onError: (e) => errors.push(e.retryInMs),
    });
    a.change('first');
    await tick(40);
    // Two failures: the second waits longer than the first.
    expect(errors).toEqual([5, 10]);
    expect(saved).toEqual(['first']);
    calls = 0;
    a.change('second');
    a.change('third');
    await tick(60);
    // A new change starts the back-off again; the newest change is the one stored.
    expect(errors).toEqual([5, 10, 5, 10]);
    expect(saved.at(-1)).toBe('third');
    a.dispose();
  });

  it('restores an unsent draft over the host copy, and the host copy over a synced draft', async () => {
    const drafts = memoryStorage<Draft<string>>({ k: { v: 1, changedAt: '', synced: false, data: 'draft' } });
    const storage = memoryStorage<string>({ k: 'host' });
    const a = new Autosave<string>({ key: 'k', storage, drafts, debounceMs: 0 });
    expect(await a.restore()).toBe('draft');
    await tick(5);
    expect(storage.data.get('k')).toBe('draft');
    a.dispose();
    await storage.save('k', 'newer on the server');
    const b = new Autosave<string>({ key: 'k', storage, drafts, debounceMs: 0 });
    expect(await b.restore()).toBe('newer on the server');
    b.dispose();
  });

  it('keeps the draft in memory when the local store refuses it', async () => {
    const broken = {
      load: () => undefined,
      save: () => {
        throw new Error('full');
      },
    };
    const a = new Autosave<string>({ key: 'k', drafts: broken, debounceMs: 0 });
    expect(() => a.change('still here')).not.toThrow();
    a.dispose();
  });

  it('with draftDelayMs, writes the draft off the input path: later, before a host save, or when the page hides', async () => {
    const drafts = memoryStorage<Draft<string>>();
    const storage = memoryStorage<string>();
    const a = new Autosave<string>({ key: 'k', storage, drafts, debounceMs: 1000, draftDelayMs: 20 });
    a.change('o');
    a.change('on');
    expect(drafts.data.has('k')).toBe(false);
    await tick(40);
    expect(drafts.data.get('k')).toMatchObject({ synced: false, data: 'on' });
    // The page goes out of sight (switching app, closing the tab): the draft is written at once.
    a.change('one');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(drafts.data.get('k')).toMatchObject({ synced: false, data: 'one' });
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    a.change('one two');
    window.dispatchEvent(new Event('pagehide'));
    expect(drafts.data.get('k')!.data).toBe('one two');
    // A host save writes the waiting draft first, so a failed save always leaves the work on the device.
    a.change('one two three');
    expect(await a.flush()).toBe(true);
    expect(storage.data.get('k')).toBe('one two three');
    expect(drafts.data.get('k')).toMatchObject({ synced: true, data: 'one two three' });
    a.dispose();
  });
});
