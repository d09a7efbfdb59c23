// The council log: who changed a council's set-up (teams, API tokens, webhooks) and when, as events checked
// against their schemas (schemas/events/admin) when written and when read. Append-only (a trigger refuses changes).
import { type AdminMoment, adminEvents, type CouncilEvent, checkAdminEvent } from '@onward/engine';
import type { Db, Queryable } from './db.js';
import { insertRows, iso, json } from './rows.js';

export { adminEvents };

/** Who acts and when, for an admin event of this council. */
export function adminMoment(councilId: string, actor: AdminMoment['actor'], at: Date = new Date()): AdminMoment {
  return { councilId, actor, at };
}

export class CouncilLog {
  constructor(private readonly db: Db) {}

  /** Writes the events (inside `q`, with the change they record). Throws EventSchemaError for one that does not fit. */
  async record(q: Queryable, events: readonly CouncilEvent[]): Promise<void> {
    for (const e of events) checkAdminEvent(e, `new ${e.type} event`);
    await insertRows(
      q,
      'INSERT INTO council_events (schema_version, council_id, subject_id, actor_id, actor_role, type, payload, at)',
      8,
      events.map((e) => [
        e.schemaVersion,
        e.councilId,
        e.subjectId,
        e.actorId,
        e.actorRole,
        e.type,
        JSON.stringify(e.payload),
        e.at,
      ]),
    );
  }

  /** The council's set-up history, oldest first. */
  async list(councilId: string): Promise<CouncilEvent[]> {
    const rows = await this.db.query('SELECT * FROM council_events WHERE council_id = $1 ORDER BY id', [councilId]);
    return rows.map(
      (r) =>
        checkAdminEvent(
          {
            schemaVersion: Number(r.schema_version),
            councilId: String(r.council_id),
            subjectId: String(r.subject_id),
            actorId: String(r.actor_id),
            actorRole: String(r.actor_role),
            type: String(r.type),
            at: iso(r.at),
            payload: json(r.payload),
          },
          `council event ${String(r.id)}`,
        ) as CouncilEvent,
    );
  }
}
