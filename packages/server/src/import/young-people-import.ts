// Importing young people from a case-management CSV: the dry run's checks (young-people-csv.ts), then the council's
// teams and staff, then one transaction that registers the new and updates the changed, or saves nothing at all.
// The route (POST /api/imports/young-people) and the CLI (`onward import young-people`) both call importYoungPeople.
//
// Idempotent in the database: each case-management id is claimed in young_person_external_ids with INSERT ...
// ON CONFLICT DO NOTHING inside the import's transaction. Two imports of one file at once: the second waits on the
// first's claims, finds them taken, and sees the first's young people as they were committed, so it registers none.
// A dry run is the same transaction rolled back, so it reports exactly what an import would do.
import { EventSchemaError, recordEvents } from '@onward/engine';
import { allocationProblems, dateOfBirthProblem } from '../allocation.js';
import { newId } from '../auth/crypto.js';
import type { Queryable } from '../storage/db.js';
import type { Actor, AuditInput, NewEvent, Store } from '../storage/store.js';
import { columnFor, dryRunYoungPeople, type ImportRow, type RowProblem } from './young-people-csv.js';

export interface ImportOptions {
  councilId: string;
  /** Who imports (an admin of the council); written on every event and audit entry. */
  actor: Actor;
  /** The request id (or `cli:<id>`) the audit entries carry. */
  requestId: string;
  now: Date;
  /** Check everything, including against the records held, then save nothing. */
  dryRun?: boolean;
}

/** The fields an import may change in a young person already held (the ones `young-person.allocated` carries). */
export const UPDATABLE = ['teamId', 'paId', 'socialWorkerId', 'preferredName', 'language'] as const;
/** The fields that must match the record held: an import never changes them. */
const FIXED = ['name', 'dateOfBirth', 'category'] as const;

export interface RowOutcome {
  line: number;
  externalId: string;
  youngPersonId: string;
  outcome: 'created' | 'updated' | 'unchanged';
  /** The fields an update changes. */
  changed: string[];
}

export interface ImportResult {
  importId: string;
  dryRun: boolean;
  /** True when the import was saved (or, for a dry run, would be). */
  ok: boolean;
  counts: { rows: number; created: number; updated: number; unchanged: number };
  rows: RowOutcome[];
  /** Every bad row and field; when there is one, nothing was saved. */
  problems: RowProblem[];
}

class Refused extends Error {
  constructor(readonly problems: RowProblem[]) {
    super('The import was refused.');
  }
}
class DryRunDone extends Error {
  constructor(readonly result: ImportResult) {
    super('Dry run: rolled back.');
  }
}

const withColumn = (line: number, p: { path: string; message: string }): RowProblem => {
  const column = columnFor(p.path);
  return { line, path: p.path, ...(column ? { column } : {}), message: p.message };
};

export async function importYoungPeople(store: Store, text: string, o: ImportOptions): Promise<ImportResult> {
  const importId = newId('imp');
  const dryRun = o.dryRun === true;
  const refused = (problems: RowProblem[]): ImportResult => ({
    importId,
    dryRun,
    ok: false,
    counts: { rows: 0, created: 0, updated: 0, unchanged: 0 },
    rows: [],
    problems,
  });
  const checked = dryRunYoungPeople(text);
  // A file that cannot be read, or whose header is wrong, has no rows to check further.
  if (checked.problems.length && !checked.rows.length) return refused(checked.problems);

  // The council's teams and staff, loaded once for the whole file, checked with the same rule as registering one.
  const teams = new Map((await store.listTeams(o.councilId)).map((t) => [t.id, t]));
  const users = new Map((await store.listUsers(o.councilId)).map((u) => [u.id, u]));
  const lookup = { team: (id: string) => teams.get(id), user: (id: string) => users.get(id) };
  // The rows that fit the schema are checked against the council too, so one pass names every problem in the file.
  const problems: RowProblem[] = [...checked.problems];
  for (const r of checked.rows) {
    const found = allocationProblems(o.councilId, r.body, lookup);
    const born = dateOfBirthProblem(r.body.dateOfBirth, o.now);
    if (born) found.push(born);
    for (const p of found) problems.push(withColumn(r.line, p));
  }
  if (problems.length) return refused(problems.sort((a, b) => a.line - b.line));

  let result: ImportResult;
  try {
    result = await store.transaction(async (q) => {
      const r = await commit(store, q, checked.rows, o, importId);
      if (dryRun) throw new DryRunDone(r);
      return r;
    });
  } catch (e) {
    if (e instanceof Refused) {
      // Nothing was saved, but the file was compared with the records held: that is recorded.
      await store.recordAudit([audit(o, 'read', 'young-people-import-refused', importId)]);
      return refused(e.problems);
    }
    if (!(e instanceof DryRunDone)) throw e;
    result = e.result;
  }
  // A dry run saved nothing, but it read the registry: that is recorded too.
  if (dryRun) await store.recordAudit([audit(o, 'read', 'young-people-import-dry-run', importId)]);
  return result;
}

function audit(
  o: ImportOptions,
  action: AuditInput['action'],
  recordType: string,
  recordId: string,
  youngPersonId?: string,
): AuditInput {
  return {
    councilId: o.councilId,
    actorId: o.actor.id,
    actorRole: o.actor.role,
    action,
    recordType,
    recordId,
    ...(youngPersonId ? { youngPersonId } : {}),
    requestId: o.requestId,
    at: o.now.toISOString(),
  };
}

/** Inside the transaction (only `q`: on PGlite the store's own queries would wait for this transaction to end). */
async function commit(
  store: Store,
  q: Queryable,
  rows: readonly ImportRow[],
  o: ImportOptions,
  importId: string,
): Promise<ImportResult> {
  // Claims in one order (by id), so two imports that share ids wait for each other instead of deadlocking.
  const sorted = [...rows].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
  const fresh = sorted.map(() => newId('yp'));
  const claimed = await q.query<{ external_id: string }>(
    `INSERT INTO young_person_external_ids (council_id, external_id, young_person_id, import_id, created_at)
       SELECT $1, e, y, $4, $5 FROM unnest($2::text[], $3::text[]) AS t(e, y)
     ON CONFLICT (council_id, external_id) DO NOTHING RETURNING external_id`,
    [o.councilId, sorted.map((r) => r.externalId), fresh, importId, o.now.toISOString()],
  );
  const isNew = new Set(claimed.map((r) => r.external_id));
  const held = await q.query<{ external_id: string; young_person_id: string }>(
    'SELECT external_id, young_person_id FROM young_person_external_ids WHERE council_id = $1 AND external_id = ANY($2)',
    [o.councilId, sorted.map((r) => r.externalId)],
  );
  const idOf = new Map(held.map((h) => [h.external_id, h.young_person_id]));
  const existingIds = sorted.filter((r) => !isNew.has(r.externalId)).map((r) => idOf.get(r.externalId) as string);
  const current = new Map<string, Record<string, string | null>>();
  if (existingIds.length) {
    const found = await q.query<Record<string, string | null> & { id: string }>(
      `SELECT id, name, preferred_name AS "preferredName", date_of_birth::text AS "dateOfBirth", category,
              team_id AS "teamId", pa_id AS "paId", social_worker_id AS "socialWorkerId", language
         FROM young_people WHERE id = ANY($1) AND council_id = $2 ORDER BY id FOR UPDATE`,
      [existingIds, o.councilId],
    );
    for (const f of found) current.set(f.id, f);
  }

  const problems: RowProblem[] = [];
  const events: NewEvent[] = [];
  const outcomes: RowOutcome[] = [];
  const auditRows: AuditInput[] = [audit(o, 'create', 'young-people-import', importId)];
  for (const r of rows) {
    const youngPersonId = idOf.get(r.externalId) as string;
    const m = { councilId: o.councilId, youngPersonId, actor: o.actor, at: o.now };
    if (isNew.has(r.externalId)) {
      const b = r.body;
      events.push(
        recordEvents.youngPersonRegistered(m, {
          name: b.name,
          dateOfBirth: b.dateOfBirth,
          category: b.category,
          teamId: b.teamId,
          paId: b.paId,
          ...(b.preferredName ? { preferredName: b.preferredName } : {}),
          ...(b.socialWorkerId ? { socialWorkerId: b.socialWorkerId } : {}),
          ...(b.language ? { language: b.language } : {}),
        }),
      );
      outcomes.push({ line: r.line, externalId: r.externalId, youngPersonId, outcome: 'created', changed: [] });
      auditRows.push(audit(o, 'create', 'young-person', youngPersonId, youngPersonId));
      continue;
    }
    const now = current.get(youngPersonId);
    if (!now) {
      problems.push({
        line: r.line,
        path: 'externalId',
        column: 'external_id',
        message: `"external id" ${r.externalId} was imported before, but its record is no longer held here.`,
      });
      continue;
    }
    const body = r.body as unknown as Record<string, string | undefined>;
    for (const f of FIXED) {
      if (body[f] !== now[f])
        problems.push(
          withColumn(r.line, {
            path: f,
            message: `This differs from the record held for ${r.externalId}; an import changes only the team, PA, social worker, preferred name and language. Correct the file, or ask for the record to be corrected.`,
          }),
        );
    }
    const changes: Record<string, string> = {};
    for (const f of UPDATABLE) {
      const v = body[f];
      if (v !== undefined && v !== now[f]) changes[f] = v;
    }
    const changed = Object.keys(changes);
    if (changed.length) {
      events.push(recordEvents.youngPersonAllocated(m, changes));
      auditRows.push(audit(o, 'update', 'young-person', youngPersonId, youngPersonId));
    }
    outcomes.push({
      line: r.line,
      externalId: r.externalId,
      youngPersonId,
      outcome: changed.length ? 'updated' : 'unchanged',
      changed,
    });
  }
  if (problems.length) throw new Refused(problems);
  try {
    await store.events.append(events, { tx: q, audit: auditRows });
  } catch (e) {
    // The API's schema and the event's agree, so this should not happen; if it does, the whole file is refused.
    if (e instanceof EventSchemaError) throw new Refused([{ line: 0, path: '', message: e.message }]);
    throw e;
  }
  if (!events.length) await store.audit.record(auditRows, q);
  const count = (k: RowOutcome['outcome']) => outcomes.filter((x) => x.outcome === k).length;
  return {
    importId,
    dryRun: o.dryRun === true,
    ok: true,
    counts: { rows: rows.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged') },
    rows: outcomes,
    problems: [],
  };
}
