// The projection tables (young people, plans, check-ins, Staying Put arrangements): the current state of each
// young person's records, derived from their events. Read here; written only by the event log (`load` and `write`
// run inside its append transaction, and in a rebuild).
import type { Db, Queryable } from './db.js';
import {
  type ArrangementRecord,
  type CheckInRecord,
  emptyState,
  type PlanRecord,
  type ProjectionState,
  type YoungPersonRecord,
} from './projection.js';
import { insertRows, iso, json, type Row } from './rows.js';

const YP_COLUMNS =
  'id, council_id, name, preferred_name, date_of_birth::text AS date_of_birth, category, team_id, pa_id, social_worker_id, language, created_at';

function toYoungPerson(r: Row): YoungPersonRecord {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    name: String(r.name),
    ...(r.preferred_name ? { preferredName: String(r.preferred_name) } : {}),
    dateOfBirth: String(r.date_of_birth),
    category: r.category as YoungPersonRecord['category'],
    teamId: String(r.team_id),
    paId: String(r.pa_id),
    ...(r.social_worker_id ? { socialWorkerId: String(r.social_worker_id) } : {}),
    ...(r.language ? { language: String(r.language) } : {}),
    createdAt: iso(r.created_at),
  };
}
function toPlan(r: Row): PlanRecord {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    youngPersonId: String(r.young_person_id),
    state: String(r.state) as PlanRecord['state'],
    lifecycle: json(r.lifecycle),
    doc: json(r.doc),
    version: Number(r.version),
    ...(r.submitted_at ? { submittedAt: iso(r.submitted_at) } : {}),
    updatedAt: iso(r.updated_at),
  };
}
function toCheckIn(r: Row): CheckInRecord {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    youngPersonId: String(r.young_person_id),
    doc: json(r.doc),
    at: iso(r.at),
    help: Boolean(r.help),
    helpSeen: Boolean(r.help_seen),
    lifecycle: json(r.lifecycle),
  };
}
function toArrangement(r: Row): ArrangementRecord {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    youngPersonId: String(r.young_person_id),
    state: String(r.state) as ArrangementRecord['state'],
    lifecycle: json(r.lifecycle),
    ...(r.agreement ? { agreement: json(r.agreement) } : {}),
    carerUserIds: json<string[]>(r.carer_user_ids),
    ...(r.supervising_social_worker_id ? { supervisingSocialWorkerId: String(r.supervising_social_worker_id) } : {}),
    version: Number(r.version),
    updatedAt: iso(r.updated_at),
  };
}

export interface PlanFilter {
  youngPersonIds?: string[];
  councilId?: string;
  state?: string;
}
export interface CheckInFilter {
  youngPersonIds?: string[];
  councilId?: string;
  helpOnly?: boolean;
  limit?: number;
}
export interface ArrangementFilter {
  youngPersonIds?: string[];
  councilId?: string;
  carerUserId?: string;
  supervisingSocialWorkerId?: string;
}
export interface CaseloadScope {
  paId?: string;
  socialWorkerId?: string;
  teamId?: string;
  ids?: string[];
}

export class CaseRecords {
  constructor(private readonly db: Db) {}

  /** The projection state of these young people as stored (inside the caller's transaction). */
  async load(q: Queryable, ids: readonly string[]): Promise<Map<string, ProjectionState>> {
    const states = new Map(ids.map((id) => [id, emptyState()]));
    // One after another: a transaction's connection runs one query at a time.
    const yps = await q.query(`SELECT ${YP_COLUMNS} FROM young_people WHERE id = ANY($1)`, [ids]);
    const plans = await q.query('SELECT * FROM plans WHERE young_person_id = ANY($1)', [ids]);
    const checkIns = await q.query('SELECT * FROM check_ins WHERE young_person_id = ANY($1)', [ids]);
    const arrangements = await q.query('SELECT * FROM arrangements WHERE young_person_id = ANY($1)', [ids]);
    for (const r of yps) (states.get(String(r.id)) as ProjectionState).youngPerson = toYoungPerson(r);
    for (const r of plans) states.get(String(r.young_person_id))?.plans.set(String(r.id), toPlan(r));
    for (const r of checkIns) states.get(String(r.young_person_id))?.checkIns.set(String(r.id), toCheckIn(r));
    for (const r of arrangements)
      states.get(String(r.young_person_id))?.arrangements.set(String(r.id), toArrangement(r));
    return states;
  }

  /** Writes back the rows that changed (the state's `dirty` marks), then clears the marks. */
  async write(q: Queryable, states: readonly ProjectionState[]): Promise<void> {
    const yps = states
      .filter((s) => s.dirty.youngPerson && s.youngPerson)
      .map((s) => s.youngPerson as YoungPersonRecord);
    await insertRows(
      q,
      'INSERT INTO young_people (id, council_id, name, preferred_name, date_of_birth, category, team_id, pa_id, social_worker_id, language, created_at)',
      11,
      yps.map((y) => [
        y.id,
        y.councilId,
        y.name,
        y.preferredName ?? null,
        y.dateOfBirth,
        y.category,
        y.teamId,
        y.paId,
        y.socialWorkerId ?? null,
        y.language ?? null,
        y.createdAt,
      ]),
      `ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, preferred_name = EXCLUDED.preferred_name, team_id = EXCLUDED.team_id,
         pa_id = EXCLUDED.pa_id, social_worker_id = EXCLUDED.social_worker_id, language = EXCLUDED.language`,
    );
    const plans = states.flatMap((s) => [...s.dirty.plans].map((id) => s.plans.get(id) as PlanRecord));
    await insertRows(
      q,
      'INSERT INTO plans (id, council_id, young_person_id, state, lifecycle, doc, version, submitted_at, updated_at)',
      9,
      plans.map((p) => [
        p.id,
        p.councilId,
        p.youngPersonId,
        p.state,
        JSON.stringify(p.lifecycle),
        JSON.stringify(p.doc),
        p.version,
        p.submittedAt ?? null,
        p.updatedAt,
      ]),
      `ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, lifecycle = EXCLUDED.lifecycle, doc = EXCLUDED.doc, version = EXCLUDED.version,
         submitted_at = EXCLUDED.submitted_at, updated_at = EXCLUDED.updated_at`,
    );
    const checkIns = states.flatMap((s) => [...s.dirty.checkIns].map((id) => s.checkIns.get(id) as CheckInRecord));
    await insertRows(
      q,
      'INSERT INTO check_ins (id, council_id, young_person_id, doc, at, help, help_seen, lifecycle)',
      8,
      checkIns.map((c) => [
        c.id,
        c.councilId,
        c.youngPersonId,
        JSON.stringify(c.doc),
        c.at,
        c.help,
        c.helpSeen,
        JSON.stringify(c.lifecycle),
      ]),
      'ON CONFLICT (id) DO UPDATE SET help_seen = EXCLUDED.help_seen, lifecycle = EXCLUDED.lifecycle',
    );
    const arrangements = states.flatMap((s) =>
      [...s.dirty.arrangements].map((id) => s.arrangements.get(id) as ArrangementRecord),
    );
    await insertRows(
      q,
      'INSERT INTO arrangements (id, council_id, young_person_id, state, lifecycle, agreement, carer_user_ids, supervising_social_worker_id, version, updated_at)',
      10,
      arrangements.map((a) => [
        a.id,
        a.councilId,
        a.youngPersonId,
        a.state,
        JSON.stringify(a.lifecycle),
        a.agreement ? JSON.stringify(a.agreement) : null,
        JSON.stringify(a.carerUserIds),
        a.supervisingSocialWorkerId ?? null,
        a.version,
        a.updatedAt,
      ]),
      `ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, lifecycle = EXCLUDED.lifecycle, agreement = EXCLUDED.agreement, carer_user_ids = EXCLUDED.carer_user_ids,
         supervising_social_worker_id = EXCLUDED.supervising_social_worker_id, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    );
    for (const s of states) {
      s.dirty.youngPerson = false;
      s.dirty.plans.clear();
      s.dirty.checkIns.clear();
      s.dirty.arrangements.clear();
    }
  }

  /** Empties the projection tables (of one council, or all) before a rebuild. */
  async clear(q: Queryable, councilId: string | undefined): Promise<void> {
    for (const table of ['plans', 'check_ins', 'arrangements', 'young_people']) {
      await q.query(`DELETE FROM ${table} WHERE ($1::text IS NULL OR council_id = $1)`, [councilId ?? null]);
    }
  }

  async getYoungPerson(id: string): Promise<YoungPersonRecord | undefined> {
    const [r] = await this.db.query(`SELECT ${YP_COLUMNS} FROM young_people WHERE id = $1`, [id]);
    return r ? toYoungPerson(r) : undefined;
  }
  async listYoungPeople(councilId: string, scope: CaseloadScope = {}): Promise<YoungPersonRecord[]> {
    const rows = await this.db.query(
      `SELECT ${YP_COLUMNS} FROM young_people WHERE council_id = $1
         AND ($2::text IS NULL OR pa_id = $2) AND ($3::text IS NULL OR social_worker_id = $3)
         AND ($4::text IS NULL OR team_id = $4) AND ($5::text[] IS NULL OR id = ANY($5))
       ORDER BY name, id`,
      [councilId, scope.paId ?? null, scope.socialWorkerId ?? null, scope.teamId ?? null, scope.ids ?? null],
    );
    return rows.map(toYoungPerson);
  }

  async getPlan(id: string): Promise<PlanRecord | undefined> {
    const [r] = await this.db.query('SELECT * FROM plans WHERE id = $1', [id]);
    return r ? toPlan(r) : undefined;
  }
  async listPlans(filter: PlanFilter): Promise<PlanRecord[]> {
    const rows = await this.db.query(
      `SELECT * FROM plans WHERE ($1::text[] IS NULL OR young_person_id = ANY($1)) AND ($2::text IS NULL OR council_id = $2)
         AND ($3::text IS NULL OR state = $3) ORDER BY doc->>'started' DESC, id`,
      [filter.youngPersonIds ?? null, filter.councilId ?? null, filter.state ?? null],
    );
    return rows.map(toPlan);
  }

  async getCheckIn(id: string): Promise<CheckInRecord | undefined> {
    const [r] = await this.db.query('SELECT * FROM check_ins WHERE id = $1', [id]);
    return r ? toCheckIn(r) : undefined;
  }
  async listCheckIns(filter: CheckInFilter): Promise<CheckInRecord[]> {
    const rows = await this.db.query(
      `SELECT * FROM check_ins WHERE ($1::text[] IS NULL OR young_person_id = ANY($1)) AND ($2::text IS NULL OR council_id = $2)
         AND (NOT $3::boolean OR help) ORDER BY at DESC, id LIMIT $4`,
      [filter.youngPersonIds ?? null, filter.councilId ?? null, filter.helpOnly ?? false, filter.limit ?? 1000],
    );
    return rows.map(toCheckIn);
  }

  async getArrangement(id: string): Promise<ArrangementRecord | undefined> {
    const [r] = await this.db.query('SELECT * FROM arrangements WHERE id = $1', [id]);
    return r ? toArrangement(r) : undefined;
  }
  async listArrangements(filter: ArrangementFilter): Promise<ArrangementRecord[]> {
    const rows = await this.db.query(
      `SELECT * FROM arrangements WHERE ($1::text[] IS NULL OR young_person_id = ANY($1)) AND ($2::text IS NULL OR council_id = $2)
         AND ($3::text IS NULL OR carer_user_ids @> jsonb_build_array($3::text))
         AND ($4::text IS NULL OR supervising_social_worker_id = $4) ORDER BY updated_at DESC, id`,
      [
        filter.youngPersonIds ?? null,
        filter.councilId ?? null,
        filter.carerUserId ?? null,
        filter.supervisingSocialWorkerId ?? null,
      ],
    );
    return rows.map(toArrangement);
  }
}
