// The record: an append-only event log per young person. An append runs in one transaction: lock the young
// people's rows, load their projection state, check the versions the caller read, number the events, apply them
// with the projection's reducer, insert them and write the changed projection rows. Nothing of a batch is saved
// when one event does not fit. A rebuild throws the projections away and replays every event.
import {
  appendWithNotices,
  checkRecordEvent,
  type EventDraft,
  type Notice,
  type ProjectionState,
  type RecordEvent,
  recordEvents,
  replayRecord,
  type StoredEventAnyVersion,
  upgradeRecord,
  type YoungPersonRecord,
} from '@onward/engine';
import { newId } from '../auth/crypto.js';
import { type Actor, SEED_ACTOR } from './accounts.js';
import type { AuditInput, AuditTrail } from './audit.js';
import type { CaseRecords } from './case-records.js';
import type { Db, Queryable } from './db.js';
import type { NotificationOutbox } from './notification-outbox.js';
import { ConflictError, insertRows, iso, json, type Row } from './rows.js';

/** An event to append, as the engine's builders make it (`recordEvents.*`). */
export type NewEvent = EventDraft & {
  /**
   * Idempotency key: the database stores at most one event with a key (unique index `events_idempotency_key`),
   * across every process and connection. A second append with the same key throws DuplicateEventError and saves
   * nothing. E.g. `check-in.recorded:<check-in id>`, `check-in.acknowledged:<check-in id>`.
   */
  key?: string;
};

/**
 * The database refused an append because it would break a rule it enforces itself (migration 5): an event key
 * already used, a second plan being written, a second open Staying Put arrangement. Nothing of the append is saved.
 */
export class DuplicateEventError extends ConflictError {
  constructor(
    /** The unique index that refused it. */
    readonly constraint: 'events_idempotency_key' | 'plans_one_being_written' | 'arrangements_one_open',
  ) {
    super(DUPLICATE_WORDING[constraint]);
  }
}

const DUPLICATE_WORDING: Record<DuplicateEventError['constraint'], string> = {
  events_idempotency_key: 'This has already been recorded.',
  plans_one_being_written: 'This young person already has a plan being written. Finish that one first.',
  arrangements_one_open: 'This young person already has a Staying Put arrangement.',
};

/** A unique violation of one of the rules above, as DuplicateEventError; anything else unchanged. */
function asDuplicate(e: unknown): unknown {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown } | undefined;
  if (err?.code !== '23505') return e;
  const named = typeof err.constraint === 'string' ? err.constraint : String(err.message ?? '');
  for (const c of Object.keys(DUPLICATE_WORDING) as DuplicateEventError['constraint'][])
    if (named.includes(c)) return new DuplicateEventError(c);
  return e;
}

export interface CreateYoungPersonInput {
  id?: string;
  councilId: string;
  name: string;
  preferredName?: string;
  dateOfBirth: string;
  category: YoungPersonRecord['category'];
  teamId: string;
  paId: string;
  socialWorkerId?: string;
  language?: string;
  /** When the record was made (ISO); default now. Seeds pass historical times. */
  at?: string;
  actor?: Actor;
}

/** Versions the caller read; the append is refused with ConflictError if a record has moved on since. */
export interface AppendExpectations {
  plans?: Record<string, number>;
  arrangements?: Record<string, number>;
}

/** What `EventLog.decide` writes: events (possibly none) and the audit rows that go with them. */
export interface Decision {
  events: readonly NewEvent[];
  audit?: readonly AuditInput[];
}

export interface AppendOptions {
  /** Run inside this transaction (the caller commits it together with its own writes). */
  tx?: Queryable;
  expect?: AppendExpectations;
  /** Audit rows written in the same transaction as the events. */
  audit?: readonly AuditInput[];
  /**
   * Past events being loaded (the demo seed, a move from another system): recorded as any other, but nobody is
   * told about them (no messages in the notification outbox).
   */
  history?: boolean;
}

function toStored(r: Row): StoredEventAnyVersion {
  return {
    schemaVersion: Number(r.schema_version ?? 1),
    id: String(r.id),
    councilId: String(r.council_id),
    youngPersonId: String(r.young_person_id),
    sequence: Number(r.sequence),
    actorId: String(r.actor_id),
    actorRole: String(r.actor_role),
    type: String(r.type),
    at: iso(r.at),
    ...(r.facts ? { facts: json(r.facts) } : {}),
    payload: json(r.payload),
  };
}

/**
 * One young person's stored events (in sequence order) in the current format: older formats upgraded, every
 * event checked against its type's schema. Throws EventUpgradeError or EventSchemaError naming a bad event.
 */
export function readRecord(rows: readonly StoredEventAnyVersion[]): RecordEvent[] {
  return upgradeRecord(rows).map((e) => checkRecordEvent(e, `event ${e.id} (number ${e.sequence})`));
}

export class EventLog {
  constructor(
    private readonly db: Db,
    private readonly records: CaseRecords,
    private readonly auditTrail: AuditTrail,
    private readonly outbox: NotificationOutbox,
  ) {}

  /** Registers young people (one `young-person.registered` event each) in one transaction. */
  async createYoungPeople(inputs: readonly CreateYoungPersonInput[]): Promise<YoungPersonRecord[]> {
    const now = new Date();
    const events = inputs.map((i) =>
      recordEvents.youngPersonRegistered(
        { councilId: i.councilId, youngPersonId: i.id ?? newId('yp'), actor: i.actor ?? SEED_ACTOR, at: i.at ?? now },
        {
          name: i.name,
          dateOfBirth: i.dateOfBirth,
          category: i.category,
          teamId: i.teamId,
          paId: i.paId,
          ...(i.preferredName ? { preferredName: i.preferredName } : {}),
          ...(i.socialWorkerId ? { socialWorkerId: i.socialWorkerId } : {}),
          ...(i.language ? { language: i.language } : {}),
        },
      ),
    );
    const states = await this.append(events);
    return events.map((e) => states.get(e.youngPersonId)?.youngPerson as YoungPersonRecord);
  }

  /**
   * Appends events in order, in one transaction, and updates the projections: each event is applied to its young
   * person's record (re-running its lifecycle), stamped with its number and the facts of the moment, and checked
   * against its schema. Returns the new projection state per young person. Nothing is saved when one event does
   * not fit: ProjectionError (no such record), LifecycleRefusedError (the lifecycle refuses the step),
   * EventSchemaError (the event does not fit its schema), ConflictError (a record moved on since the versions in
   * `expect` were read, or the event names another council than its young person).
   */
  async append(events: readonly NewEvent[], options: AppendOptions = {}): Promise<Map<string, ProjectionState>> {
    if (!events.length) return new Map();
    const ids = [...new Set(events.map((e) => e.youngPersonId))];
    const written = await this.run(options.tx, async (q) => {
      const states = await this.lockAndLoad(q, ids, options.expect ?? {});
      return this.appendLoaded(q, states, events, options.audit ?? [], options.history === true);
    });
    return this.afterCommit(written);
  }

  /**
   * Decides what to write from the records as they are under the lock, and writes it, in one transaction: locks
   * the young people's rows (one writer per young person, across every process), loads their records, calls
   * `decide`, then appends the events it returns with its audit rows. A compare-and-set: nothing can change the
   * records between what `decide` read and what it wrote. `decide` throws to save nothing (e.g. an HttpProblem); it
   * must not change `states` nor have effects outside the database (on PostgreSQL a transaction lost to a dropped
   * connection runs again from the start). Returns the records after the write.
   */
  async decide(
    youngPersonIds: readonly string[],
    decide: (states: ReadonlyMap<string, ProjectionState>, q: Queryable) => Promise<Decision> | Decision,
    options: { tx?: Queryable } = {},
  ): Promise<Map<string, ProjectionState>> {
    const written = await this.run(options.tx, async (q) => {
      const states = await this.lockAndLoad(q, youngPersonIds, {});
      const d = await decide(states, q);
      if (!d.events.length) {
        if (d.audit?.length) await this.auditTrail.record(d.audit, q);
        return { states, notices: 0 };
      }
      for (const e of d.events)
        if (!states.has(e.youngPersonId)) throw new Error(`decide: event for ${e.youngPersonId} was not locked`);
      return this.appendLoaded(q, states, d.events, d.audit ?? []);
    });
    return this.afterCommit(written);
  }

  /** One young person's stored events in the current format, read with `q` (e.g. inside a transaction). */
  async read(q: Queryable, youngPersonId: string): Promise<RecordEvent[]> {
    const rows = await q.query('SELECT * FROM events WHERE young_person_id = $1 ORDER BY sequence', [youngPersonId]);
    return readRecord(rows.map(toStored));
  }

  private async run<T>(tx: Queryable | undefined, fn: (q: Queryable) => Promise<T>): Promise<T> {
    try {
      return await (tx ? fn(tx) : this.db.transaction(fn));
    } catch (e) {
      throw asDuplicate(e);
    }
  }

  /** Wakes this process's notification worker once messages were written (and, without a caller's tx, committed). */
  private afterCommit(w: { states: Map<string, ProjectionState>; notices: number }): Map<string, ProjectionState> {
    if (w.notices) this.outbox.queued();
    return w.states;
  }

  /**
   * Numbers, applies, checks and inserts the events, writes the changed projection rows, the audit rows and the
   * messages the engine says the events cause (the notification outbox), all with `q`: one transaction.
   */
  private async appendLoaded(
    q: Queryable,
    states: Map<string, ProjectionState>,
    events: readonly NewEvent[],
    audit: readonly AuditInput[],
    history = false,
  ): Promise<{ states: Map<string, ProjectionState>; notices: number }> {
    const seqRows = await q.query(
      'SELECT young_person_id, max(sequence) AS s FROM events WHERE young_person_id = ANY($1) GROUP BY young_person_id',
      [[...states.keys()]],
    );
    const seq = new Map(seqRows.map((r) => [String(r.young_person_id), Number(r.s)]));
    const stored: RecordEvent[] = [];
    const keys = new Map<RecordEvent, string>();
    const notices: { notice: Notice; eventId: string; councilId: string; at: string }[] = [];
    for (const e of events) {
      const state = states.get(e.youngPersonId) as ProjectionState;
      if (state.youngPerson && state.youngPerson.councilId !== e.councilId) {
        throw new ConflictError('The event belongs to another council than its young person.');
      }
      const sequence = (seq.get(e.youngPersonId) ?? 0) + 1;
      seq.set(e.youngPersonId, sequence);
      const { key, ...draft } = e;
      const applied = appendWithNotices(state, draft as EventDraft, { id: newId('ev'), sequence });
      const s = checkRecordEvent(applied.event, `new ${e.type} event`);
      stored.push(s);
      if (!history)
        for (const notice of applied.notices) notices.push({ notice, eventId: s.id, councilId: s.councilId, at: s.at });
      if (key) keys.set(s, key);
    }
    await insertRows(
      q,
      'INSERT INTO events (id, schema_version, council_id, young_person_id, sequence, actor_id, actor_role, type, payload, facts, at, idempotency_key)',
      12,
      stored.map((s) => [
        s.id,
        s.schemaVersion,
        s.councilId,
        s.youngPersonId,
        s.sequence,
        s.actorId,
        s.actorRole,
        s.type,
        JSON.stringify(s.payload),
        JSON.stringify(s.facts),
        s.at,
        keys.get(s) ?? null,
      ]),
    );
    await this.records.write(q, [...states.values()]);
    if (audit.length) await this.auditTrail.record(audit, q);
    await this.outbox.enqueue(q, notices);
    return { states, notices: notices.length };
  }

  /** One writer per young person at a time; the versions the caller read must still hold. */
  private async lockAndLoad(
    q: Queryable,
    ids: readonly string[],
    expect: AppendExpectations,
  ): Promise<Map<string, ProjectionState>> {
    // PostgreSQL row locks; PGlite has one connection anyway.
    await q.query('SELECT id FROM young_people WHERE id = ANY($1) ORDER BY id FOR UPDATE', [[...ids]]);
    const states = await this.records.load(q, ids);
    for (const [kind, map] of [
      ['plans', expect.plans],
      ['arrangements', expect.arrangements],
    ] as const) {
      for (const [id, version] of Object.entries(map ?? {})) {
        const current = [...states.values()].map((st) => st[kind].get(id)).find((x) => x !== undefined);
        if (current && current.version !== version) {
          throw new ConflictError('Someone else changed this record a moment ago. Reload it and try again.');
        }
      }
    }
    return states;
  }

  /** Throws away the case projections (of one council, or all) and replays every event into them. */
  async rebuild(q: Queryable, councilId: string | undefined): Promise<void> {
    await this.records.clear(q, councilId);
    const rows = await q.query(
      'SELECT * FROM events WHERE ($1::text IS NULL OR council_id = $1) ORDER BY young_person_id, sequence',
      [councilId ?? null],
    );
    const logs = new Map<string, StoredEventAnyVersion[]>();
    for (const r of rows) {
      const e = toStored(r);
      const log = logs.get(e.youngPersonId) ?? [];
      log.push(e);
      logs.set(e.youngPersonId, log);
    }
    // Each young person's log, upgraded and checked, re-run through the machines.
    await this.records.write(
      q,
      [...logs.values()].map((log) => replayRecord(readRecord(log))),
    );
  }

  /** One young person's events in the current format (older ones upgraded), each checked against its schema. */
  listEvents(youngPersonId: string): Promise<RecordEvent[]> {
    return this.read(this.db, youngPersonId);
  }
}
