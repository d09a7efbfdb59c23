// The Store: every read and write the server and tools make. Case records change only by appending events;
// the projections are updated in the same transaction, from the same pure reducer that rebuilds them.
import { dummyHash, hashPassword, newId, randomToken, sha256, verifyPassword } from '../auth/crypto.js';
import { type Db, openPglite, openPostgres, type Queryable } from './db.js';
import { migrate } from './migrations.js';
import {
  type ActorRole,
  type ArrangementRecord,
  applyEvent,
  type CheckInRecord,
  type EventType,
  emptyState,
  type PlanRecord,
  type ProjectionState,
  type Role,
  type StoredEvent,
  type YoungPersonRecord,
} from './projection.js';

export interface OpenStoreOptions {
  /** PostgreSQL connection string; when set PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; undefined = in memory (tests, throwaway demos). */
  dataDir?: string;
  /** PostgreSQL schema to use (created if missing); tests give each file its own. Default: the search path. */
  schema?: string;
}

export interface Council {
  id: string;
  name: string;
}
export interface Team {
  id: string;
  councilId: string;
  name: string;
}
export type StaffRole = Exclude<Role, 'young-person'>;
export interface User {
  id: string;
  councilId: string;
  role: Role;
  name: string;
  email?: string;
  teamId?: string;
  youngPersonId?: string;
  disabled: boolean;
}
export interface Actor {
  id: string;
  role: ActorRole;
}
export const SEED_ACTOR: Actor = { id: 'system/seed', role: 'system' };

export interface NewEvent {
  councilId: string;
  youngPersonId: string;
  type: EventType;
  payload: Record<string, unknown>;
  /** ISO date-time; default now. */
  at?: string;
  /** Default SEED_ACTOR. */
  actor?: Actor;
}

export interface CreateStaffUserInput {
  id?: string;
  councilId: string;
  email: string;
  name: string;
  role: StaffRole;
  teamId?: string;
  password: string;
  /** Who made the account (the admin); default SEED_ACTOR. */
  actor?: Actor;
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

export interface SessionRecord {
  userId: string;
  councilId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

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

export interface WebhookRecord {
  id: string;
  councilId: string;
  url: string;
  secret: string;
  events: string[];
  createdAt: string;
  disabled: boolean;
}
export interface DeliveryRecord {
  id: string;
  councilId: string;
  webhookId: string;
  eventType: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt?: string;
  createdAt: string;
  deliveredAt?: string;
  log: { attempt: number; at: string; responseStatus?: number; error?: string; durationMs: number }[];
}

/** Versions the caller read; the append is refused with ConflictError if a record has moved on since. */
export interface AppendExpectations {
  plans?: Record<string, number>;
  arrangements?: Record<string, number>;
}

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrUndef = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : iso(v));
const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
/** jsonb arrives parsed from both drivers; this guards the odd driver that hands back text. */
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

type Row = Record<string, unknown>;

function toUser(r: Row): User {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    role: r.role as Role,
    name: String(r.name),
    ...(r.email ? { email: String(r.email) } : {}),
    ...(r.team_id ? { teamId: String(r.team_id) } : {}),
    ...(r.young_person_id ? { youngPersonId: String(r.young_person_id) } : {}),
    disabled: Boolean(r.disabled),
  };
}
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
    state: String(r.state),
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
    state: String(r.state),
    lifecycle: json(r.lifecycle),
    ...(r.agreement ? { agreement: json(r.agreement) } : {}),
    carerUserIds: json<string[]>(r.carer_user_ids),
    ...(r.supervising_social_worker_id ? { supervisingSocialWorkerId: String(r.supervising_social_worker_id) } : {}),
    version: Number(r.version),
    updatedAt: iso(r.updated_at),
  };
}
function toEvent(r: Row): StoredEvent {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    youngPersonId: String(r.young_person_id),
    sequence: Number(r.sequence),
    actorId: String(r.actor_id),
    actorRole: r.actor_role as ActorRole,
    type: r.type as EventType,
    payload: json(r.payload),
    at: iso(r.at),
  };
}

function userPayload(u: User): Record<string, unknown> {
  return {
    role: u.role,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    ...(u.teamId ? { teamId: u.teamId } : {}),
    ...(u.youngPersonId ? { youngPersonId: u.youngPersonId } : {}),
    disabled: u.disabled,
  };
}

/** The account projection's reducer: a patch applied to a user. `teamId: null` takes them out of their team. */
export function applyUserPatch(
  u: User,
  patch: { name?: string; role?: Role; teamId?: string | null; disabled?: boolean },
): User {
  const next: User = { ...u };
  if (typeof patch.name === 'string') next.name = patch.name;
  if (typeof patch.role === 'string') next.role = patch.role;
  if (patch.teamId === null) delete next.teamId;
  else if (typeof patch.teamId === 'string') next.teamId = patch.teamId;
  if (typeof patch.disabled === 'boolean') next.disabled = patch.disabled;
  return next;
}

/** Multi-row INSERT in chunks (PostgreSQL allows 65,535 parameters per statement). */
async function insertRows(tx: Queryable, head: string, columns: number, rows: unknown[][], tail = ''): Promise<void> {
  const per = Math.max(1, Math.floor(30000 / columns));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map(
      (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
    );
    await tx.query(`${head} VALUES ${values.join(', ')} ${tail}`, chunk.flat());
  }
}

export class Store {
  private constructor(readonly db: Db) {}

  get kind(): 'pglite' | 'postgres' {
    return this.db.kind;
  }

  static async open(options: OpenStoreOptions = {}): Promise<Store> {
    const db = options.databaseUrl
      ? await openPostgres(options.databaseUrl, options.schema)
      : await openPglite(options.dataDir);
    await migrate(db);
    return new Store(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // ---------------------------------------------------------------- councils, teams, users

  async createCouncil(input: { id?: string; name: string }): Promise<Council> {
    const id = input.id ?? newId('council');
    await this.db.query('INSERT INTO councils (id, name) VALUES ($1, $2)', [id, input.name]);
    return { id, name: input.name };
  }
  async getCouncil(id: string): Promise<Council | undefined> {
    const [r] = await this.db.query('SELECT id, name FROM councils WHERE id = $1', [id]);
    return r ? { id: String(r.id), name: String(r.name) } : undefined;
  }
  async listCouncils(): Promise<Council[]> {
    const rows = await this.db.query('SELECT id, name FROM councils ORDER BY id');
    return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
  }

  async createTeam(input: { id?: string; councilId: string; name: string }): Promise<Team> {
    const id = input.id ?? newId('team');
    await this.db.query('INSERT INTO teams (id, council_id, name) VALUES ($1, $2, $3)', [
      id,
      input.councilId,
      input.name,
    ]);
    return { id, councilId: input.councilId, name: input.name };
  }
  async listTeams(councilId: string): Promise<Team[]> {
    const rows = await this.db.query('SELECT id, council_id, name FROM teams WHERE council_id = $1 ORDER BY name', [
      councilId,
    ]);
    return rows.map((r) => ({ id: String(r.id), councilId: String(r.council_id), name: String(r.name) }));
  }
  async getTeam(id: string): Promise<Team | undefined> {
    const [r] = await this.db.query('SELECT id, council_id, name FROM teams WHERE id = $1', [id]);
    return r ? { id: String(r.id), councilId: String(r.council_id), name: String(r.name) } : undefined;
  }

  async createStaffUser(input: CreateStaffUserInput): Promise<User> {
    const [u] = await this.createStaffUsers([input]);
    return u as User;
  }

  /** Creates staff in one transaction. Hashing runs in parallel (scrypt uses the libuv pool). */
  async createStaffUsers(inputs: readonly CreateStaffUserInput[]): Promise<User[]> {
    const hashes = await Promise.all(inputs.map((i) => hashPassword(i.password)));
    const users: User[] = inputs.map((i) => ({
      id: i.id ?? newId('user'),
      councilId: i.councilId,
      role: i.role,
      name: i.name,
      email: i.email,
      ...(i.teamId ? { teamId: i.teamId } : {}),
      disabled: false,
    }));
    await this.db.transaction(async (tx) => {
      await insertRows(
        tx,
        'INSERT INTO users (id, council_id, role, email, name, team_id)',
        6,
        users.map((u) => [u.id, u.councilId, u.role, u.email, u.name, u.teamId ?? null]),
      );
      await insertRows(
        tx,
        'INSERT INTO credentials (user_id, password_hash)',
        2,
        users.map((u, n) => [u.id, hashes[n]]),
      );
      await this.accountEvents(
        tx,
        users.map((u, n) => ({
          user: u,
          type: 'user.created' as const,
          payload: userPayload(u),
          actor: inputs[n]?.actor ?? SEED_ACTOR,
        })),
      );
    });
    return users;
  }

  async createYoungPersonUser(input: {
    id?: string;
    councilId: string;
    youngPersonId: string;
    email: string;
    password: string;
  }): Promise<User> {
    const hash = await hashPassword(input.password);
    return this.db.transaction((tx) => this.insertYoungPersonUser(tx, { ...input, hash }));
  }

  private async insertYoungPersonUser(
    tx: Queryable,
    input: { id?: string; councilId: string; youngPersonId: string; email: string; hash: string },
  ): Promise<User> {
    const [yp] = await tx.query(
      'SELECT name, preferred_name, team_id FROM young_people WHERE id = $1 AND council_id = $2',
      [input.youngPersonId, input.councilId],
    );
    if (!yp) throw new ConflictError('That young person does not exist in this council.');
    const existing = await tx.query("SELECT 1 FROM users WHERE young_person_id = $1 AND role = 'young-person'", [
      input.youngPersonId,
    ]);
    if (existing.length) throw new ConflictError('This young person already has a sign-in.');
    const id = input.id ?? newId('user');
    const name = String(yp.preferred_name ?? yp.name);
    await tx.query(
      "INSERT INTO users (id, council_id, role, email, name, team_id, young_person_id) VALUES ($1, $2, 'young-person', $3, $4, $5, $6)",
      [id, input.councilId, input.email, name, yp.team_id, input.youngPersonId],
    );
    await tx.query('INSERT INTO credentials (user_id, password_hash) VALUES ($1, $2)', [id, input.hash]);
    const user: User = {
      id,
      councilId: input.councilId,
      role: 'young-person',
      name,
      email: input.email,
      teamId: String(yp.team_id),
      youngPersonId: input.youngPersonId,
      disabled: false,
    };
    await this.accountEvents(tx, [
      {
        user,
        type: 'user.created',
        payload: userPayload(user),
        actor: { id: input.youngPersonId, role: 'young-person' },
      },
    ]);
    return user;
  }

  async getUser(id: string): Promise<User | undefined> {
    const [r] = await this.db.query('SELECT * FROM users WHERE id = $1', [id]);
    return r ? toUser(r) : undefined;
  }
  async getUserByEmail(email: string): Promise<User | undefined> {
    const [r] = await this.db.query('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
    return r ? toUser(r) : undefined;
  }
  async listUsers(councilId: string, filter: { teamId?: string; role?: Role } = {}): Promise<User[]> {
    const rows = await this.db.query(
      'SELECT * FROM users WHERE council_id = $1 AND ($2::text IS NULL OR team_id = $2) AND ($3::text IS NULL OR role = $3) ORDER BY name, id',
      [councilId, filter.teamId ?? null, filter.role ?? null],
    );
    return rows.map(toUser);
  }
  /** Changes a user (name, role, team, switched off), as an account event and its projection. */
  async updateUser(
    id: string,
    patch: { name?: string; role?: Role; teamId?: string | null; disabled?: boolean },
    actor: Actor = SEED_ACTOR,
  ): Promise<User | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query('SELECT * FROM users WHERE id = $1 FOR UPDATE', [id]);
      if (!row) return undefined;
      const before = toUser(row);
      const next = applyUserPatch(before, patch);
      await tx.query('UPDATE users SET name = $2, role = $3, team_id = $4, disabled = $5 WHERE id = $1', [
        id,
        next.name,
        next.role,
        next.teamId ?? null,
        next.disabled,
      ]);
      await this.accountEvents(tx, [{ user: next, type: 'user.updated', payload: { ...patch }, actor }]);
      return next;
    });
  }

  private async accountEvents(
    q: Queryable,
    rows: { user: User; type: 'user.created' | 'user.updated'; payload: Record<string, unknown>; actor: Actor }[],
  ): Promise<void> {
    const at = new Date().toISOString();
    await insertRows(
      q,
      'INSERT INTO account_events (council_id, user_id, actor_id, actor_role, type, payload, at)',
      7,
      rows.map((r) => [r.user.councilId, r.user.id, r.actor.id, r.actor.role, r.type, JSON.stringify(r.payload), at]),
    );
  }

  /** The account history of one user (who changed what, when), oldest first. */
  async listAccountEvents(
    userId: string,
  ): Promise<{ type: string; payload: Record<string, unknown>; actorId: string; actorRole: string; at: string }[]> {
    const rows = await this.db.query('SELECT * FROM account_events WHERE user_id = $1 ORDER BY id', [userId]);
    return rows.map((r) => ({
      type: String(r.type),
      payload: json(r.payload),
      actorId: String(r.actor_id),
      actorRole: String(r.actor_role),
      at: iso(r.at),
    }));
  }
  async setPassword(userId: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.db.query(
      'INSERT INTO credentials (user_id, password_hash, updated_at) VALUES ($1, $2, now()) ON CONFLICT (user_id) DO UPDATE SET password_hash = $2, updated_at = now()',
      [userId, hash],
    );
  }
  /** The user when the password is right and the account enabled; otherwise undefined. Same work either way. */
  async checkPassword(email: string, password: string): Promise<User | undefined> {
    const [r] = await this.db.query(
      'SELECT u.*, c.password_hash FROM users u JOIN credentials c ON c.user_id = u.id WHERE lower(u.email) = lower($1)',
      [email],
    );
    const ok = await verifyPassword(password, r ? String(r.password_hash) : await dummyHash());
    if (!r || !ok || r.disabled) return undefined;
    return toUser(r);
  }
  async checkPasswordById(userId: string, password: string): Promise<boolean> {
    const [r] = await this.db.query('SELECT password_hash FROM credentials WHERE user_id = $1', [userId]);
    return verifyPassword(password, r ? String(r.password_hash) : await dummyHash());
  }

  // ---------------------------------------------------------------- young people and the event log

  async createYoungPerson(input: CreateYoungPersonInput): Promise<YoungPersonRecord> {
    const [yp] = await this.createYoungPeople([input]);
    return yp as YoungPersonRecord;
  }

  /** Registers young people (one `young-person.registered` event each) in one transaction. */
  async createYoungPeople(inputs: readonly CreateYoungPersonInput[]): Promise<YoungPersonRecord[]> {
    const events: NewEvent[] = inputs.map((i) => {
      const id = i.id ?? newId('yp');
      const youngPerson: Record<string, unknown> = {
        id,
        name: i.name,
        dateOfBirth: i.dateOfBirth,
        category: i.category,
        teamId: i.teamId,
        paId: i.paId,
      };
      if (i.preferredName) youngPerson.preferredName = i.preferredName;
      if (i.socialWorkerId) youngPerson.socialWorkerId = i.socialWorkerId;
      if (i.language) youngPerson.language = i.language;
      return {
        councilId: i.councilId,
        youngPersonId: id,
        type: 'young-person.registered',
        payload: { youngPerson },
        ...(i.at ? { at: i.at } : {}),
        ...(i.actor ? { actor: i.actor } : {}),
      };
    });
    const states = await this.appendEvents(events);
    return events.map((e) => states.get(e.youngPersonId)?.youngPerson as YoungPersonRecord);
  }

  /**
   * Appends events in order, in one transaction, and updates the projections. Returns the new projection
   * state per young person. Throws ProjectionError (nothing saved) when an event does not fit the records.
   */
  async appendEvents(
    events: readonly NewEvent[],
    tx?: Queryable,
    expect: AppendExpectations = {},
  ): Promise<Map<string, ProjectionState>> {
    if (!events.length) return new Map();
    const run = async (q: Queryable) => {
      const ids = [...new Set(events.map((e) => e.youngPersonId))];
      // One writer per young person at a time (PostgreSQL row locks; PGlite has one connection anyway).
      await q.query('SELECT id FROM young_people WHERE id = ANY($1) ORDER BY id FOR UPDATE', [ids]);
      const states = await this.loadStates(q, ids);
      // The caller decided from what it read earlier; if someone changed the record since, refuse (409).
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
      const seqRows = await q.query(
        'SELECT young_person_id, max(sequence) AS s FROM events WHERE young_person_id = ANY($1) GROUP BY young_person_id',
        [ids],
      );
      const seq = new Map(seqRows.map((r) => [String(r.young_person_id), Number(r.s)]));
      const now = new Date().toISOString();
      const stored: StoredEvent[] = [];
      for (const e of events) {
        const state = states.get(e.youngPersonId) as ProjectionState;
        if (state.youngPerson && state.youngPerson.councilId !== e.councilId) {
          throw new ConflictError('The event belongs to another council than its young person.');
        }
        const sequence = (seq.get(e.youngPersonId) ?? 0) + 1;
        seq.set(e.youngPersonId, sequence);
        const actor = e.actor ?? SEED_ACTOR;
        const s: StoredEvent = {
          id: newId('ev'),
          councilId: e.councilId,
          youngPersonId: e.youngPersonId,
          sequence,
          actorId: actor.id,
          actorRole: actor.role,
          type: e.type,
          payload: e.payload,
          at: e.at ? iso(e.at) : now,
        };
        applyEvent(state, s);
        stored.push(s);
      }
      await insertRows(
        q,
        'INSERT INTO events (id, council_id, young_person_id, sequence, actor_id, actor_role, type, payload, at)',
        9,
        stored.map((s) => [
          s.id,
          s.councilId,
          s.youngPersonId,
          s.sequence,
          s.actorId,
          s.actorRole,
          s.type,
          JSON.stringify(s.payload),
          s.at,
        ]),
      );
      await this.writeStates(q, [...states.values()]);
      return states;
    };
    return tx ? run(tx) : this.db.transaction(run);
  }

  private async loadStates(q: Queryable, ids: readonly string[]): Promise<Map<string, ProjectionState>> {
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

  private async writeStates(q: Queryable, states: readonly ProjectionState[]): Promise<void> {
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

  /** Throws away the projections (of one council, or all) and replays every event into them. */
  async rebuildProjections(councilId?: string): Promise<void> {
    await this.db.transaction(async (q) => {
      for (const table of ['plans', 'check_ins', 'arrangements', 'young_people']) {
        await q.query(`DELETE FROM ${table} WHERE ($1::text IS NULL OR council_id = $1)`, [councilId ?? null]);
      }
      const rows = await q.query(
        'SELECT * FROM events WHERE ($1::text IS NULL OR council_id = $1) ORDER BY young_person_id, sequence',
        [councilId ?? null],
      );
      const states = new Map<string, ProjectionState>();
      for (const r of rows) {
        const e = toEvent(r);
        let s = states.get(e.youngPersonId);
        if (!s) {
          s = emptyState();
          states.set(e.youngPersonId, s);
        }
        applyEvent(s, e);
      }
      await this.writeStates(q, [...states.values()]);
      // Users: fold each account's events and write the result over the row (credentials and sessions stay).
      const accountRows = await q.query(
        'SELECT * FROM account_events WHERE ($1::text IS NULL OR council_id = $1) ORDER BY user_id, id',
        [councilId ?? null],
      );
      const users = new Map<string, User>();
      for (const r of accountRows) {
        const id = String(r.user_id);
        const payload = json<Record<string, unknown>>(r.payload);
        if (r.type === 'user.created')
          users.set(id, {
            ...(payload as Omit<User, 'id' | 'councilId'>),
            id,
            councilId: String(r.council_id),
            disabled: payload.disabled === true,
          } as User);
        else {
          const u = users.get(id);
          if (u) users.set(id, applyUserPatch(u, payload as Parameters<typeof applyUserPatch>[1]));
        }
      }
      for (const u of users.values()) {
        await q.query(
          'UPDATE users SET name = $2, role = $3, email = $4, team_id = $5, young_person_id = $6, disabled = $7 WHERE id = $1',
          [u.id, u.name, u.role, u.email ?? null, u.teamId ?? null, u.youngPersonId ?? null, u.disabled],
        );
      }
    });
  }

  async listEvents(youngPersonId: string): Promise<StoredEvent[]> {
    const rows = await this.db.query('SELECT * FROM events WHERE young_person_id = $1 ORDER BY sequence', [
      youngPersonId,
    ]);
    return rows.map(toEvent);
  }

  async getYoungPerson(id: string): Promise<YoungPersonRecord | undefined> {
    const [r] = await this.db.query(`SELECT ${YP_COLUMNS} FROM young_people WHERE id = $1`, [id]);
    return r ? toYoungPerson(r) : undefined;
  }

  async listYoungPeople(
    councilId: string,
    scope: { paId?: string; socialWorkerId?: string; teamId?: string; ids?: string[] } = {},
  ): Promise<YoungPersonRecord[]> {
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
  async listPlans(filter: { youngPersonIds?: string[]; councilId?: string; state?: string }): Promise<PlanRecord[]> {
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
  async listCheckIns(filter: {
    youngPersonIds?: string[];
    councilId?: string;
    helpOnly?: boolean;
    limit?: number;
  }): Promise<CheckInRecord[]> {
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
  async listArrangements(filter: {
    youngPersonIds?: string[];
    councilId?: string;
    carerUserId?: string;
    supervisingSocialWorkerId?: string;
  }): Promise<ArrangementRecord[]> {
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

  // ---------------------------------------------------------------- frozen plans

  async freezePlan(
    input: { planId: string; councilId: string; youngPersonId: string; doc: unknown; pdf?: Uint8Array; at: string },
    tx?: Queryable,
  ): Promise<void> {
    await (tx ?? this.db).query(
      'INSERT INTO frozen_plans (plan_id, council_id, young_person_id, doc, pdf, authorised_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [input.planId, input.councilId, input.youngPersonId, JSON.stringify(input.doc), input.pdf ?? null, input.at],
    );
  }
  async getFrozenPlan(
    planId: string,
  ): Promise<
    | { planId: string; councilId: string; youngPersonId: string; doc: unknown; pdf?: Uint8Array; authorisedAt: string }
    | undefined
  > {
    const [r] = await this.db.query('SELECT * FROM frozen_plans WHERE plan_id = $1', [planId]);
    if (!r) return undefined;
    return {
      planId: String(r.plan_id),
      councilId: String(r.council_id),
      youngPersonId: String(r.young_person_id),
      doc: json(r.doc),
      ...(r.pdf ? { pdf: new Uint8Array(r.pdf as Uint8Array) } : {}),
      authorisedAt: iso(r.authorised_at),
    };
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  // ---------------------------------------------------------------- sessions

  async createSession(
    userId: string,
    councilId: string,
    now: Date,
    lifetimeMs: number,
  ): Promise<{ id: string; csrfToken: string }> {
    const id = randomToken();
    const csrfToken = randomToken();
    await this.db.query(
      'INSERT INTO sessions (id_hash, user_id, council_id, csrf_token, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $5)',
      [sha256(id), userId, councilId, csrfToken, now.toISOString(), new Date(now.getTime() + lifetimeMs).toISOString()],
    );
    return { id, csrfToken };
  }
  async getSession(id: string): Promise<SessionRecord | undefined> {
    const [r] = await this.db.query('SELECT * FROM sessions WHERE id_hash = $1', [sha256(id)]);
    if (!r) return undefined;
    return {
      userId: String(r.user_id),
      councilId: String(r.council_id),
      csrfToken: String(r.csrf_token),
      createdAt: iso(r.created_at),
      expiresAt: iso(r.expires_at),
      lastSeenAt: iso(r.last_seen_at),
    };
  }
  async touchSession(id: string, now: Date): Promise<void> {
    await this.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [sha256(id), now.toISOString()]);
  }
  async deleteSession(id: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [sha256(id)]);
  }
  /** Ends every session of a user, except optionally one (a password change keeps the current one). */
  async deleteUserSessions(userId: string, exceptId?: string): Promise<number> {
    const rows = await this.db.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2 RETURNING 1', [
      userId,
      exceptId ? sha256(exceptId) : '',
    ]);
    return rows.length;
  }
  async countSessions(userId: string): Promise<number> {
    const [r] = await this.db.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]);
    return Number(r?.n ?? 0);
  }

  // ---------------------------------------------------------------- invitations

  async createInvitation(input: {
    councilId: string;
    youngPersonId: string;
    createdBy: string;
    ttlHours?: number;
    now?: Date;
  }): Promise<{ token: string; expiresAt: string }> {
    const token = randomToken();
    const now = input.now ?? new Date();
    const expiresAt = new Date(now.getTime() + (input.ttlHours ?? 24 * 7) * 3600_000).toISOString();
    await this.db.query(
      'INSERT INTO invitations (token_hash, council_id, young_person_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [sha256(token), input.councilId, input.youngPersonId, input.createdBy, now.toISOString(), expiresAt],
    );
    return { token, expiresAt };
  }
  async getInvitation(
    token: string,
    now: Date,
  ): Promise<{ councilId: string; youngPersonId: string; expiresAt: string } | undefined> {
    const [r] = await this.db.query(
      'SELECT * FROM invitations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
      [sha256(token), now.toISOString()],
    );
    return r
      ? { councilId: String(r.council_id), youngPersonId: String(r.young_person_id), expiresAt: iso(r.expires_at) }
      : undefined;
  }
  /** Uses the invitation (once) and creates the young person's sign-in. Undefined when the link is used or expired. */
  async acceptInvitation(
    token: string,
    input: { email: string; password: string; now: Date },
  ): Promise<User | undefined> {
    const hash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const [r] = await tx.query(
        'UPDATE invitations SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING council_id, young_person_id',
        [sha256(token), input.now.toISOString()],
      );
      if (!r) return undefined;
      return this.insertYoungPersonUser(tx, {
        councilId: String(r.council_id),
        youngPersonId: String(r.young_person_id),
        email: input.email,
        hash,
      });
    });
  }

  // ---------------------------------------------------------------- API tokens

  async createApiToken(input: {
    councilId: string;
    name: string;
    createdBy: string;
  }): Promise<{ id: string; token: string }> {
    const id = newId('tok');
    const token = `onw_${randomToken()}`;
    await this.db.query(
      'INSERT INTO api_tokens (id, council_id, name, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, now())',
      [id, input.councilId, input.name, sha256(token), input.createdBy],
    );
    return { id, token };
  }
  async findApiToken(token: string): Promise<{ id: string; councilId: string; name: string } | undefined> {
    const [r] = await this.db.query(
      'SELECT id, council_id, name FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [sha256(token)],
    );
    return r ? { id: String(r.id), councilId: String(r.council_id), name: String(r.name) } : undefined;
  }
  async listApiTokens(
    councilId: string,
  ): Promise<{ id: string; name: string; createdAt: string; revokedAt?: string }[]> {
    const rows = await this.db.query('SELECT * FROM api_tokens WHERE council_id = $1 ORDER BY created_at', [councilId]);
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      createdAt: iso(r.created_at),
      ...(r.revoked_at ? { revokedAt: iso(r.revoked_at) } : {}),
    }));
  }
  async revokeApiToken(councilId: string, id: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND council_id = $2 AND revoked_at IS NULL RETURNING 1',
      [id, councilId],
    );
    return rows.length > 0;
  }

  // ---------------------------------------------------------------- audit

  async recordAudit(entries: readonly AuditInput[]): Promise<void> {
    await insertRows(
      this.db,
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
  async queryAudit(filter: {
    councilId: string;
    youngPersonIds?: string[];
    actorId?: string;
    from?: string;
    to?: string;
    limit: number;
  }): Promise<AuditEntry[]> {
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

  // ---------------------------------------------------------------- webhooks

  async createWebhook(input: { councilId: string; url: string; events: string[] }): Promise<WebhookRecord> {
    const w: WebhookRecord = {
      id: newId('wh'),
      councilId: input.councilId,
      url: input.url,
      secret: `whsec_${randomToken()}`,
      events: input.events,
      createdAt: new Date().toISOString(),
      disabled: false,
    };
    await this.db.query(
      'INSERT INTO webhooks (id, council_id, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [w.id, w.councilId, w.url, w.secret, JSON.stringify(w.events), w.createdAt],
    );
    return w;
  }
  /**
   * Deliveries still waiting for a retry, across every council, oldest first, with their webhook. Used at start so
   * a restart does not strand them (deliveries whose webhook was removed or disabled are left as they are).
   */
  async listPendingDeliveries(): Promise<
    { deliveryId: string; attempts: number; body: string; nextAttemptAt: string | undefined; webhook: WebhookRecord }[]
  > {
    const rows = await this.db.query(
      `SELECT d.id AS delivery_id, d.attempts, d.body, d.next_attempt_at, w.*
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
        WHERE d.status = 'pending' AND NOT w.disabled
        ORDER BY d.created_at`,
      [],
    );
    return rows.map((r) => ({
      deliveryId: String(r.delivery_id),
      attempts: Number(r.attempts),
      body: String(r.body),
      nextAttemptAt: isoOrUndef(r.next_attempt_at),
      webhook: {
        id: String(r.id),
        councilId: String(r.council_id),
        url: String(r.url),
        secret: String(r.secret),
        events: json(r.events),
        createdAt: iso(r.created_at),
        disabled: Boolean(r.disabled),
      },
    }));
  }

  async listWebhooks(councilId: string, eventType?: string): Promise<WebhookRecord[]> {
    const rows = await this.db.query(
      'SELECT * FROM webhooks WHERE council_id = $1 AND ($2::text IS NULL OR (events @> jsonb_build_array($2::text) AND NOT disabled)) ORDER BY created_at',
      [councilId, eventType ?? null],
    );
    return rows.map((r) => ({
      id: String(r.id),
      councilId: String(r.council_id),
      url: String(r.url),
      secret: String(r.secret),
      events: json(r.events),
      createdAt: iso(r.created_at),
      disabled: Boolean(r.disabled),
    }));
  }
  async createDelivery(input: {
    councilId: string;
    webhookId: string;
    eventType: string;
    body: string;
    now: Date;
  }): Promise<string> {
    const id = newId('dlv');
    await this.db.query(
      "INSERT INTO webhook_deliveries (id, council_id, webhook_id, event_type, body, status, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)",
      [id, input.councilId, input.webhookId, input.eventType, input.body, input.now.toISOString()],
    );
    return id;
  }
  async recordAttempt(input: {
    deliveryId: string;
    attempt: number;
    at: Date;
    responseStatus?: number;
    error?: string;
    durationMs: number;
    status: DeliveryRecord['status'];
    nextAttemptAt?: Date;
  }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO webhook_attempts (delivery_id, attempt, at, response_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          input.deliveryId,
          input.attempt,
          input.at.toISOString(),
          input.responseStatus ?? null,
          input.error ?? null,
          input.durationMs,
        ],
      );
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = $2, status = $3, next_attempt_at = $4,
           delivered_at = CASE WHEN $3 = 'delivered' THEN $5::timestamptz ELSE NULL END WHERE id = $1`,
        [
          input.deliveryId,
          input.attempt,
          input.status,
          input.nextAttemptAt?.toISOString() ?? null,
          input.at.toISOString(),
        ],
      );
    });
  }
  async listDeliveries(filter: {
    councilId: string;
    webhookId?: string;
    status?: DeliveryRecord['status'];
  }): Promise<DeliveryRecord[]> {
    const rows = await this.db.query(
      `SELECT * FROM webhook_deliveries WHERE council_id = $1 AND ($2::text IS NULL OR webhook_id = $2) AND ($3::text IS NULL OR status = $3)
       ORDER BY created_at DESC, id LIMIT 500`,
      [filter.councilId, filter.webhookId ?? null, filter.status ?? null],
    );
    const ids = rows.map((r) => String(r.id));
    const attempts = ids.length
      ? await this.db.query('SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1) ORDER BY attempt', [ids])
      : [];
    return rows.map((r) => ({
      id: String(r.id),
      councilId: String(r.council_id),
      webhookId: String(r.webhook_id),
      eventType: String(r.event_type),
      body: String(r.body),
      status: r.status as DeliveryRecord['status'],
      attempts: Number(r.attempts),
      ...(r.next_attempt_at ? { nextAttemptAt: iso(r.next_attempt_at) } : {}),
      createdAt: iso(r.created_at),
      ...(isoOrUndef(r.delivered_at) ? { deliveredAt: iso(r.delivered_at) } : {}),
      log: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({
          attempt: Number(a.attempt),
          at: iso(a.at),
          ...(a.response_status !== null ? { responseStatus: Number(a.response_status) } : {}),
          ...(str(a.error) ? { error: String(a.error) } : {}),
          durationMs: Number(a.duration_ms),
        })),
    }));
  }
}

/** Opens the store (PGlite, or PostgreSQL when databaseUrl is set) and runs the migrations. */
export function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  return Store.open(options);
}
