// The outbox on the young person's phone (issue 15): what they send while offline is kept in IndexedDB (through
// `idb`) until the server has it. Each entry has its idempotency key (a check-in's own id: the server records one
// check-in per id, and answers a repeat of the same one with what it already holds) and the time it was made
// (inside the check-in, so the server keeps it; the server records when it arrived itself). An entry is removed
// only once the server has answered that it has it, so a lost connection, a closed tab or a browser killed
// mid-send loses nothing, and sending again duplicates nothing.
//
// A checklist entry (one per plan) holds the young person's checklist as they left it on the phone (`mine`) and
// the copy of the saved checklist they started from (`base`, at plan version `version`). Sending it is the same
// three-way merge as two people saving at once (the engine's mergeChecklists): it reads the plan as it is now and
// lays on it only the answers the young person changed, so answers changed by others meanwhile are kept and
// different answers never conflict. The same answer changed on both sides to different things keeps the saved one
// and the entry stays on the phone holding both (`choose`), for the young person to choose; nothing is dropped.
//
// Sending runs under one Web Lock for the whole browser (every tab of the app and the page script of the check-in
// share it), with the session's own CSRF token read just before, and only for the young person signed in now: an
// entry of someone else (a shared phone) stays until they sign in again. Signing out clears the whole store
// (the server's Clear-Site-Data), after the young person is told what would be lost.

import { type AnyChecklist, type ChecklistConflict, changedAnswers, mergeChecklists } from '@onward/engine';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { ApiError, api } from './widget-host.js';

interface EntryBase {
  /** The idempotency key: for a check-in, its id; for a checklist, `checklist:<plan id>`. */
  key: string;
  youngPersonId: string;
  /** When the young person made it (ISO time; for a checklist, its first answer kept on the phone). */
  madeAt: string;
  /** The server's words when it refused it (never set for a lost connection). */
  refused?: string;
}

export interface CheckInEntry extends EntryBase {
  kind: 'check-in';
  /** Where it is sent (POST), and what. */
  path: string;
  body: unknown;
}

export interface ChecklistEntry extends EntryBase {
  kind: 'checklist';
  planId: string;
  /** The saved checklist the young person's changes were made on, and the plan version it was read at. */
  base: AnyChecklist;
  version: number;
  /** The checklist as the young person left it on the phone. */
  mine: AnyChecklist;
  /** Answers both sides changed differently: the saved one was kept; the young person chooses. */
  choose?: ChecklistConflict[];
}

export type OutboxEntry = CheckInEntry | ChecklistEntry;

/** The key of a plan's checklist entry. */
export const checklistKey = (planId: string) => `checklist:${planId}`;

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

/** One entry by its key. */
export async function entry(key: string): Promise<OutboxEntry | undefined> {
  try {
    return await (await open()).get('outbox', key);
  } catch {
    return undefined;
  }
}

/**
 * Keeps the young person's checklist on this phone (`mine`, changed from `base` read at `version`). If an entry
 * for the plan is already waiting, only `mine` moves on: the entry keeps the copy its first change was made on, so
 * sending it still lays every change on the plan as it is then. Under the outbox's lock, so a send in progress
 * never removes an entry that changed while it was on its way.
 */
export function keepChecklist(
  youngPersonId: string,
  planId: string,
  base: AnyChecklist,
  version: number,
  mine: AnyChecklist,
): Promise<ChecklistEntry> {
  return underLock(async () => {
    const key = checklistKey(planId);
    const was = await entry(key);
    const next: ChecklistEntry =
      was?.kind === 'checklist'
        ? { ...was, mine }
        : { key, kind: 'checklist', youngPersonId, planId, base, version, mine, madeAt: new Date().toISOString() };
    await keep(next);
    return next;
  });
}

/**
 * The young person's choice for each answer both sides changed: `mine` keeps what they said on this phone for
 * those question ids, the rest keep what is saved. The entry then waits to be sent like any other change.
 */
export function chooseAnswers(planId: string, keepMine: ReadonlySet<string>): Promise<ChecklistEntry | undefined> {
  return underLock(async () => {
    const was = await entry(checklistKey(planId));
    if (was?.kind !== 'checklist' || !was.choose) return undefined;
    type Answers = Record<string, Record<string, unknown> | undefined>;
    const answers = structuredClone(was.base.answers) as Answers;
    for (const c of was.choose) {
      if (!keepMine.has(c.questionId)) continue;
      const [d = '', k = ''] = c.questionId.split('.');
      const area = answers[d] ?? {};
      if (c.mine) area[k] = c.mine;
      else delete area[k];
      answers[d] = area;
    }
    const { choose: _chosen, ...rest } = was;
    const next: ChecklistEntry = { ...rest, mine: { ...was.base, answers } as AnyChecklist };
    await keep(next);
    return next;
  });
}

export interface SendResult {
  sent: OutboxEntry[];
  refused: OutboxEntry[];
  /** Still on this phone, waiting for a connection (or for this young person to sign in again). */
  waiting: OutboxEntry[];
  /** Checklists sent but for answers both sides changed: kept on the phone for the young person to choose. */
  choose: ChecklistEntry[];
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
    const result: SendResult = { sent: [], refused: [], waiting: [], choose: [] };
    const entries = (await kept(youngPersonId)).filter((e) => !e.refused && !(e.kind === 'checklist' && e.choose));
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
        if (e.kind === 'checklist') {
          const left = await sendChecklist(e, csrf, network);
          if (left) {
            result.choose.push(left);
            continue;
          }
        } else await api('POST', e.path, { body: e.body, csrf, networkMessage: network });
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
    if (result.sent.length || result.refused.length || result.choose.length) for (const f of listeners) f(result);
    return result;
  });
}

type AnswerMap = Record<string, Record<string, { at?: string; madeAt?: string } | undefined> | undefined>;

/**
 * The checklist to send, each answer the young person changed on this phone carrying `madeAt`: the time they
 * gave it (the widget stamps each answer when it is given). The server keeps it beside the time it arrived.
 */
function withMadeAt(doc: AnyChecklist, e: ChecklistEntry): AnyChecklist {
  const out = structuredClone(doc);
  const answers = out.answers as AnswerMap;
  const mine = e.mine.answers as AnswerMap;
  for (const id of changedAnswers(e.base, e.mine)) {
    const [d = '', k = ''] = id.split('.');
    const sent = answers[d]?.[k];
    const made = mine[d]?.[k]?.at ?? e.madeAt;
    if (sent) sent.madeAt = made;
  }
  return out;
}

interface PlanView {
  plan: { checklist: AnyChecklist };
  version: number;
}

/**
 * Sends a checklist kept on the phone: reads the plan as it is now, lays on it the young person's changes (the
 * engine's three-way merge) and saves with If-Match, so the server merges again if someone saved in between; a
 * 409 because someone did is retried on a fresh read. Returns the entry kept for the young person to choose when
 * some answer was changed differently on both sides (the rest is saved), otherwise undefined (all saved).
 */
async function sendChecklist(e: ChecklistEntry, csrf: string, network: string): Promise<ChecklistEntry | undefined> {
  const path = `/api/plans/${encodeURIComponent(e.planId)}`;
  for (let attempt = 0; ; attempt++) {
    const now = (await api<PlanView>('GET', path, { networkMessage: network })).data;
    const merged = mergeChecklists(e.base, e.mine, now.plan.checklist);
    let saved = now;
    if (changedAnswers(now.plan.checklist, merged.checklist).length) {
      try {
        saved = (
          await api<PlanView>('PUT', `${path}/checklist?how=apart`, {
            body: withMadeAt(merged.checklist, e),
            csrf,
            headers: { 'if-match': String(now.version) },
            networkMessage: network,
          })
        ).data;
      } catch (err) {
        // Saved by someone else between the read and the save: read again (a few times, then wait for later).
        if (err instanceof ApiError && err.status === 409 && attempt < 3) continue;
        throw err;
      }
    }
    if (!merged.conflicts.length) return undefined;
    // What is saved now is the copy the young person chooses against; their answers stay as they left them.
    const left: ChecklistEntry = {
      ...e,
      base: saved.plan.checklist,
      version: saved.version,
      choose: [...merged.conflicts],
    };
    await keep(left);
    return left;
  }
}
