// The outbox on the young person's phone (issue 15): what they send while offline is kept in IndexedDB (through
// `idb`) until the server has it. Each entry has its idempotency key (a check-in's own id: the server records one
// check-in per id, and answers a repeat of the same one with what it already holds) and the time it was made
// (inside the check-in, so the server keeps it; the server records when it arrived itself). An entry is removed
// only once the server has answered that it has it, so a lost connection, a closed tab or a browser killed
// mid-send loses nothing, and sending again duplicates nothing.
//
// Sending runs under one Web Lock for the whole browser (every tab of the app and the page script of the check-in
// share it), with the session's own CSRF token read just before, and only for the young person signed in now: an
// entry of someone else (a shared phone) stays until they sign in again. Signing out clears the whole store
// (the server's Clear-Site-Data), after the young person is told what would be lost.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { ApiError, api } from './widget-host.js';

export interface OutboxEntry {
  /** The idempotency key: for a check-in, its id. */
  key: string;
  kind: 'check-in';
  youngPersonId: string;
  /** Where it is sent (POST), and what. */
  path: string;
  body: unknown;
  /** When the young person made it (ISO time). */
  madeAt: string;
  /** The server's words when it refused it (never set for a lost connection). */
  refused?: string;
}

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { youngPersonId: string } };
}

export const OUTBOX_DB = 'onward-outbox';
let db: Promise<IDBPDatabase<OutboxDb>> | undefined;
function open(): Promise<IDBPDatabase<OutboxDb>> {
  db ??= openDB<OutboxDb>(OUTBOX_DB, 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'key' }).createIndex('youngPersonId', 'youngPersonId');
    },
    // Another tab (or Clear-Site-Data) wants the database gone or upgraded: let go of it; the next use reopens.
    blocking() {
      void db?.then((d) => d.close());
      db = undefined;
    },
    terminated() {
      db = undefined;
    },
  });
  return db;
}

/** Keeps an entry on this phone. Throws if the phone cannot keep it (no IndexedDB): send it straight away then. */
export async function keep(entry: OutboxEntry): Promise<void> {
  await (await open()).put('outbox', entry);
}

/** The entries kept for a young person, oldest first. */
export async function kept(youngPersonId: string): Promise<OutboxEntry[]> {
  try {
    const all = await (await open()).getAllFromIndex('outbox', 'youngPersonId', youngPersonId);
    return all.sort((a, b) => (a.madeAt < b.madeAt ? -1 : a.madeAt > b.madeAt ? 1 : 0));
  } catch {
    return [];
  }
}

export async function remove(key: string): Promise<void> {
  await (await open()).delete('outbox', key);
}

export interface SendResult {
  sent: OutboxEntry[];
  refused: OutboxEntry[];
  /** Still on this phone, waiting for a connection (or for this young person to sign in again). */
  waiting: OutboxEntry[];
  /** When sending stopped because the server answered but could not take it now (busy, unwell, session gone). */
  problem?: { key: string; status: number; message: string };
}

const listeners = new Set<(r: SendResult) => void>();
/** Told after every send that did something, from any script on the page. */
export function onSent(f: (r: SendResult) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

async function underLock<T>(f: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? ((await locks.request('onward-outbox', f)) as T) : f();
}

/**
 * Sends what is kept for this young person, oldest first, each once; stops at the first lost connection (the
 * rest wait for the next try). `network` is the message for a lost connection (not shown here).
 */
export function send(youngPersonId: string, network: string): Promise<SendResult> {
  return underLock(async () => {
    const result: SendResult = { sent: [], refused: [], waiting: [] };
    const entries = (await kept(youngPersonId)).filter((e) => !e.refused);
    if (!entries.length) return result;
    let csrf = '';
    try {
      const s = await api<{ user?: { youngPersonId?: string }; csrfToken?: string }>('GET', '/api/auth/session', {
        networkMessage: network,
      });
      // Signed in as someone else now (a shared phone): theirs waits for them.
      if (s.data.user?.youngPersonId !== youngPersonId) return { ...result, waiting: entries };
      csrf = s.data.csrfToken ?? '';
    } catch {
      return { ...result, waiting: entries };
    }
    for (const [i, e] of entries.entries()) {
      try {
        await api('POST', e.path, { body: e.body, csrf, networkMessage: network });
        await remove(e.key);
        result.sent.push(e);
      } catch (err) {
        const status = err instanceof ApiError ? err.status : 0;
        // No connection, the session gone, too many tries or the server unwell: keep it (and the rest) for later.
        if (status === 0 || status === 401 || status === 403 || status === 408 || status === 429 || status >= 500) {
          result.waiting.push(...entries.slice(i));
          if (status) result.problem = { key: e.key, status, message: (err as Error).message };
          break;
        }
        // The server will not take it as it is (it names why): kept, marked, for the young person to see.
        const refused = { ...e, refused: (err as Error).message };
        await keep(refused);
        result.refused.push(refused);
      }
    }
    if (result.sent.length || result.refused.length) for (const f of listeners) f(result);
    return result;
  });
}
