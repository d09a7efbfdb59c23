// The audit trail: who read or changed which record, when, under which request. Append-only (a trigger refuses
// changes). `record` takes the caller's transaction, so an audit row can commit together with the change it records.
// A read of a list (a caseload, the help requests, an export) is one row naming how many young people it showed
// and which. Reads' rows go through AuditBatcher: each read still waits until its row is stored, but reads made at
// the same time share one INSERT.
import { AsyncResource } from 'node:async_hooks';
import type { Db, Queryable } from './db.js';
import { insertRows, iso } from './rows.js';

export interface AuditInput {
  councilId: string;
  actorId: string;
  actorRole: string;
  action: 'read' | 'create' | 'update' | 'event' | 'export' | 'destroy';
  recordType: string;
  recordId: string;
  youngPersonId?: string;
  /** A read of a list: how many young people's records it showed. */
  count?: number;
  /** A read of a list: which young people's records it showed (absent for figures made from many, e.g. insights). */
  youngPersonIds?: readonly string[];
  requestId: string;
  at: string;
}
export interface AuditEntry extends AuditInput {
  id: number;
  /** The name of the account (or API token) that did it, as it is now; absent when it is gone. */
  actorName?: string;
  /** The young person's recorded name, when the entry is about one. */
  youngPersonName?: string;
}

/** Where a page of the trail ends: the last entry's time and id (the trail is newest first, by time then id). */
export interface AuditCursor {
  at: string;
  id: number;
}

export interface AuditFilter {
  councilId: string;
  youngPersonIds?: string[];
  actorId?: string;
  action?: AuditInput['action'];
  from?: string;
  to?: string;
  /** Only entries older than this one (keyset paging: no offset, so a page is as quick at row 10 000 as at row 1). */
  before?: AuditCursor;
  limit: number;
}

/** Someone who appears in the trail, with their name: who did things, or whose record it was. */
export interface AuditPerson {
  id: string;
  name?: string;
  role?: string;
}

export class AuditTrail {
  constructor(private readonly db: Db) {}

  /** Writes the entries; inside `tx` when given, so they commit or roll back with the change. */
  async record(entries: readonly AuditInput[], tx?: Queryable): Promise<void> {
    await insertRows(
      tx ?? this.db,
      'INSERT INTO audit_log (council_id, at, actor_id, actor_role, action, record_type, record_id, young_person_id, request_id, item_count, young_person_ids)',
      11,
      entries.map((a) => [
        a.councilId,
        a.at,
        a.actorId,
        a.actorRole,
        a.action,
        a.recordType,
        a.recordId,
        a.youngPersonId ?? null,
        a.requestId,
        a.count ?? null,
        a.youngPersonIds ? [...a.youngPersonIds] : null,
      ]),
    );
  }

  /** The entries matching the filter, newest first, with the names of who did it and whose record it was. */
  async query(filter: AuditFilter): Promise<AuditEntry[]> {
    const rows = await this.db.query(
      `SELECT a.*, coalesce(u.name, t.name) AS actor_name, y.name AS young_person_name
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id AND u.council_id = a.council_id
         LEFT JOIN api_tokens t ON 'token:' || t.id = a.actor_id AND t.council_id = a.council_id
         LEFT JOIN young_people y ON y.id = a.young_person_id AND y.council_id = a.council_id
        WHERE a.council_id = $1
          AND ($2::text[] IS NULL OR a.young_person_id = ANY($2) OR a.young_person_ids && $2::text[])
          AND ($3::text IS NULL OR a.actor_id = $3) AND ($4::timestamptz IS NULL OR a.at >= $4)
          AND ($5::timestamptz IS NULL OR a.at < $5) AND ($6::text IS NULL OR a.action = $6)
          AND ($7::timestamptz IS NULL OR (a.at, a.id) < ($7::timestamptz, $8::bigint))
        ORDER BY a.at DESC, a.id DESC LIMIT $9`,
      [
        filter.councilId,
        filter.youngPersonIds ?? null,
        filter.actorId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.action ?? null,
        filter.before?.at ?? null,
        filter.before?.id ?? null,
        filter.limit,
      ],
    );
    // A list row names only the young people the filter asked about (a team manager sees their own team's).
    const asked = filter.youngPersonIds ? new Set(filter.youngPersonIds) : undefined;
    return rows.map((r) => ({
      id: Number(r.id),
      councilId: String(r.council_id),
      at: iso(r.at),
      actorId: String(r.actor_id),
      actorRole: String(r.actor_role),
      ...(r.actor_name ? { actorName: String(r.actor_name) } : {}),
      action: r.action as AuditInput['action'],
      recordType: String(r.record_type),
      recordId: String(r.record_id),
      ...(r.young_person_id ? { youngPersonId: String(r.young_person_id) } : {}),
      ...(r.young_person_name ? { youngPersonName: String(r.young_person_name) } : {}),
      ...(r.item_count !== null && r.item_count !== undefined ? { count: Number(r.item_count) } : {}),
      ...(Array.isArray(r.young_person_ids)
        ? { youngPersonIds: (r.young_person_ids as string[]).filter((id) => !asked || asked.has(id)) }
        : {}),
      requestId: String(r.request_id),
    }));
  }

  /** Everyone in the council's trail (or in the trail of these young people): who did things, by name and role,
   * and whose records they were, by name; for a page's filters. */
  async people(
    councilId: string,
    youngPersonIds?: string[],
  ): Promise<{ actors: AuditPerson[]; youngPeople: AuditPerson[] }> {
    const scope = [councilId, youngPersonIds ?? null];
    const actors = await this.db.query(
      `SELECT a.actor_id, min(a.actor_role) AS actor_role, min(coalesce(u.name, t.name)) AS name
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.actor_id AND u.council_id = a.council_id
         LEFT JOIN api_tokens t ON 'token:' || t.id = a.actor_id AND t.council_id = a.council_id
        WHERE a.council_id = $1 AND ($2::text[] IS NULL OR a.young_person_id = ANY($2))
        GROUP BY a.actor_id`,
      scope,
    );
    const youngPeople = await this.db.query(
      `SELECT DISTINCT a.young_person_id, y.name
         FROM audit_log a LEFT JOIN young_people y ON y.id = a.young_person_id AND y.council_id = a.council_id
        WHERE a.council_id = $1 AND a.young_person_id IS NOT NULL AND ($2::text[] IS NULL OR a.young_person_id = ANY($2))`,
      scope,
    );
    const byName = (a: AuditPerson, b: AuditPerson) =>
      (a.name ?? a.id).localeCompare(b.name ?? b.id, 'en-GB') || a.id.localeCompare(b.id);
    return {
      actors: actors
        .map((r) => ({
          id: String(r.actor_id),
          role: String(r.actor_role),
          ...(r.name ? { name: String(r.name) } : {}),
        }))
        .sort(byName),
      youngPeople: youngPeople
        .map((r) => ({ id: String(r.young_person_id), ...(r.name ? { name: String(r.name) } : {}) }))
        .sort(byName),
    };
  }
}

/**
 * Reads' audit rows, written together (group commit): a read's `record` resolves once its row is stored, as when it
 * was written alone (the answer is not sent before), and rejects when it could not be, so the read fails too. While
 * one INSERT runs, the rows of the reads that come meanwhile wait and go in the next one, so a busy server makes one
 * write for many reads and a quiet one waits for none. Rows are written outside any transaction of the caller.
 */
export class AuditBatcher {
  private waiting: { entries: readonly AuditInput[]; done: (e?: unknown) => void }[] = [];
  private running = false;
  /** The async context of the batcher's making: the INSERTs never join a request's transaction. */
  private readonly scope = new AsyncResource('onward-audit-batch');
  /** INSERTs made (for tests and the bench). */
  inserts = 0;

  constructor(
    private readonly trail: AuditTrail,
    private readonly maxRows = 500,
  ) {}

  record(entries: readonly AuditInput[]): Promise<void> {
    if (!entries.length) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entries, done: (e) => (e === undefined ? resolve() : reject(e)) });
      if (this.running) return;
      this.running = true;
      this.scope.runInAsyncScope(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length) {
        let rows = 0;
        let n = 0;
        while (n < this.waiting.length && (n === 0 || rows + (this.waiting[n]?.entries.length ?? 0) <= this.maxRows))
          rows += this.waiting[n++]?.entries.length ?? 0;
        const batch = this.waiting.splice(0, n);
        try {
          this.inserts++;
          await this.trail.record(batch.flatMap((b) => b.entries));
          for (const b of batch) b.done();
        } catch (e) {
          for (const b of batch) b.done(e ?? new Error('The audit rows could not be written.'));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
