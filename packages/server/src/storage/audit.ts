// The audit trail: who read or changed which record, when, under which request. Append-only (a trigger refuses
// changes). `record` takes the caller's transaction, so an audit row can commit together with the change it records.
import type { Db, Queryable } from './db.js';
import { insertRows, iso } from './rows.js';

export interface AuditInput {
  councilId: string;
  actorId: string;
  actorRole: string;
  action: 'read' | 'create' | 'update' | 'event' | 'export';
  recordType: string;
  recordId: string;
  youngPersonId?: string;
  requestId: string;
  at: string;
}
export interface AuditEntry extends AuditInput {
  id: number;
}

export interface AuditFilter {
  councilId: string;
  youngPersonIds?: string[];
  actorId?: string;
  from?: string;
  to?: string;
  limit: number;
}

export class AuditTrail {
  constructor(private readonly db: Db) {}

  /** Writes the entries; inside `tx` when given, so they commit or roll back with the change. */
  async record(entries: readonly AuditInput[], tx?: Queryable): Promise<void> {
    await insertRows(
      tx ?? this.db,
      'INSERT INTO audit_log (council_id, at, actor_id, actor_role, action, record_type, record_id, young_person_id, request_id)',
      9,
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
      ]),
    );
  }

  async query(filter: AuditFilter): Promise<AuditEntry[]> {
    const rows = await this.db.query(
      `SELECT * FROM audit_log WHERE council_id = $1 AND ($2::text[] IS NULL OR young_person_id = ANY($2))
         AND ($3::text IS NULL OR actor_id = $3) AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at <= $5)
       ORDER BY at DESC, id DESC LIMIT $6`,
      [
        filter.councilId,
        filter.youngPersonIds ?? null,
        filter.actorId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.limit,
      ],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      councilId: String(r.council_id),
      at: iso(r.at),
      actorId: String(r.actor_id),
      actorRole: String(r.actor_role),
      action: r.action as AuditInput['action'],
      recordType: String(r.record_type),
      recordId: String(r.record_id),
      ...(r.young_person_id ? { youngPersonId: String(r.young_person_id) } : {}),
      requestId: String(r.request_id),
    }));
  }
}
