// Councils, teams and accounts (users and their passwords). Users are a projection of their account events
// (`account_events`, append-only): every change writes the event and the row in one transaction, and a rebuild
// folds the events back into the rows.
import { type AccountEvent as AccountLogEvent, adminEvents, checkAdminEvent } from '@onward/engine';
import { dummyHash, hashPassword, needsRehash, newId, verifyPassword } from '../auth/crypto.js';
import type { CouncilLog } from './council-log.js';
import type { Db, Queryable } from './db.js';
import type { ActorRole, Role } from './projection.js';
import { ConflictError, insertRows, iso, json, type Row } from './rows.js';

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

export type CreateStaffUserInput = {
  id?: string;
  councilId: string;
  email: string;
  name: string;
  role: StaffRole;
  teamId?: string;
  /** Who made the account (the admin); default SEED_ACTOR. */
  actor?: Actor;
} & NewPassword;

/**
 * The sign-in's password, hashed here; or a hash already made with `hashPassword` (the demo seed hashes its one
 * demo password once for every demo account, as scrypt at OWASP cost takes about 0.3 s of CPU a hash).
 */
export type NewPassword = { password: string; passwordHash?: never } | { passwordHash: string; password?: never };

const hashOf = (p: NewPassword): Promise<string> =>
  p.passwordHash !== undefined ? Promise.resolve(p.passwordHash) : hashPassword(p.password);

/** A change to an account. `teamId: null` takes them out of their team. */
export interface UserPatch {
  name?: string;
  role?: Role;
  teamId?: string | null;
  disabled?: boolean;
}

/** One entry of an account's history. */
export interface AccountEvent {
  type: string;
  payload: Record<string, unknown>;
  actorId: string;
  actorRole: string;
  at: string;
}

export function toUser(r: Row): User {
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

function userPayload(u: User): AdminEventPayload<'user.created'> {
  return {
    role: u.role,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    ...(u.teamId ? { teamId: u.teamId } : {}),
    ...(u.youngPersonId ? { youngPersonId: u.youngPersonId } : {}),
    disabled: u.disabled,
  };
}

/** The account projection's reducer: a patch applied to a user. */
export function applyUserPatch(u: User, patch: UserPatch): User {
  const next: User = { ...u };
  if (typeof patch.name === 'string') next.name = patch.name;
  if (typeof patch.role === 'string') next.role = patch.role;
  if (patch.teamId === null) delete next.teamId;
  else if (typeof patch.teamId === 'string') next.teamId = patch.teamId;
  if (typeof patch.disabled === 'boolean') next.disabled = patch.disabled;
  return next;
}

type AdminEventPayload<T extends AccountLogEvent['type']> = Extract<AccountLogEvent, { type: T }>['payload'];

const team = (r: Row): Team => ({ id: String(r.id), councilId: String(r.council_id), name: String(r.name) });

export class Accounts {
  constructor(
    private readonly db: Db,
    private readonly councilLog: CouncilLog,
  ) {}

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

  /** Makes a team, with a `team.created` event in the council log; `actor` default SEED_ACTOR. */
  async createTeam(input: { id?: string; councilId: string; name: string; actor?: Actor }): Promise<Team> {
    const id = input.id ?? newId('team');
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO teams (id, council_id, name) VALUES ($1, $2, $3)', [id, input.councilId, input.name]);
      const m = { councilId: input.councilId, actor: input.actor ?? SEED_ACTOR, at: new Date() };
      await this.councilLog.record(tx, [adminEvents.teamCreated(m, id, input.name)]);
    });
    return { id, councilId: input.councilId, name: input.name };
  }
  async listTeams(councilId: string): Promise<Team[]> {
    const rows = await this.db.query('SELECT id, council_id, name FROM teams WHERE council_id = $1 ORDER BY name', [
      councilId,
    ]);
    return rows.map(team);
  }
  async getTeam(id: string): Promise<Team | undefined> {
    const [r] = await this.db.query('SELECT id, council_id, name FROM teams WHERE id = $1', [id]);
    return r ? team(r) : undefined;
  }

  /** Creates staff in one transaction. Hashing runs in parallel (scrypt uses the libuv pool). */
  async createStaffUsers(inputs: readonly CreateStaffUserInput[]): Promise<User[]> {
    const hashes = await Promise.all(inputs.map(hashOf));
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
      const at = new Date();
      await this.accountEvents(
        tx,
        users.map((u, n) =>
          adminEvents.userCreated(
            { councilId: u.councilId, actor: inputs[n]?.actor ?? SEED_ACTOR, at },
            u.id,
            userPayload(u),
          ),
        ),
      );
    });
    return users;
  }

  async createYoungPersonUser(
    input: { id?: string; councilId: string; youngPersonId: string; email: string } & NewPassword,
  ): Promise<User> {
    const hash = await hashOf(input);
    const { id, councilId, youngPersonId, email } = input;
    return this.db.transaction((tx) =>
      this.insertYoungPersonUser(tx, { ...(id ? { id } : {}), councilId, youngPersonId, email, hash }),
    );
  }

  /** The young person's own sign-in, inside the caller's transaction (an invitation is used in the same one). */
  async insertYoungPersonUser(
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
    const m = {
      councilId: input.councilId,
      actor: { id: input.youngPersonId, role: 'young-person' as const },
      at: new Date(),
    };
    await this.accountEvents(tx, [adminEvents.userCreated(m, id, userPayload(user))]);
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
  async updateUser(id: string, patch: UserPatch, actor: Actor = SEED_ACTOR): Promise<User | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query('SELECT * FROM users WHERE id = $1 FOR UPDATE', [id]);
      if (!row) return undefined;
      const next = applyUserPatch(toUser(row), patch);
      await tx.query('UPDATE users SET name = $2, role = $3, team_id = $4, disabled = $5 WHERE id = $1', [
        id,
        next.name,
        next.role,
        next.teamId ?? null,
        next.disabled,
      ]);
      const m = { councilId: next.councilId, actor, at: new Date() };
      await this.accountEvents(tx, [adminEvents.userUpdated(m, id, { ...patch })]);
      return next;
    });
  }

  /** Writes account events (checked against their schemas) inside the change's transaction. */
  private async accountEvents(q: Queryable, events: readonly AccountLogEvent[]): Promise<void> {
    for (const e of events) checkAdminEvent(e, `new ${e.type} event`);
    await insertRows(
      q,
      'INSERT INTO account_events (schema_version, council_id, user_id, actor_id, actor_role, type, payload, at)',
      8,
      events.map((e) => [
        e.schemaVersion,
        e.councilId,
        e.userId,
        e.actorId,
        e.actorRole,
        e.type,
        JSON.stringify(e.payload),
        e.at,
      ]),
    );
  }

  /** Reads account events, each checked against its schema. */
  private readAccountEvents(rows: readonly Row[]): AccountLogEvent[] {
    return rows.map(
      (r) =>
        checkAdminEvent(
          {
            schemaVersion: Number(r.schema_version ?? 1),
            councilId: String(r.council_id),
            userId: String(r.user_id),
            actorId: String(r.actor_id),
            actorRole: String(r.actor_role),
            type: String(r.type),
            at: iso(r.at),
            payload: json(r.payload),
          },
          `account event ${String(r.id)}`,
        ) as AccountLogEvent,
    );
  }

  /** The account history of one user (who changed what, when), oldest first. */
  async listAccountEvents(userId: string): Promise<AccountEvent[]> {
    const rows = await this.db.query('SELECT * FROM account_events WHERE user_id = $1 ORDER BY id', [userId]);
    return this.readAccountEvents(rows).map((e) => ({
      type: e.type,
      payload: e.payload as Record<string, unknown>,
      actorId: e.actorId,
      actorRole: e.actorRole,
      at: e.at,
    }));
  }

  /** Folds every account's events (of one council, or all) and writes the result over the rows. */
  async rebuild(q: Queryable, councilId: string | undefined): Promise<void> {
    const rows = await q.query(
      'SELECT * FROM account_events WHERE ($1::text IS NULL OR council_id = $1) ORDER BY user_id, id',
      [councilId ?? null],
    );
    const users = new Map<string, User>();
    for (const e of this.readAccountEvents(rows)) {
      if (e.type === 'user.created') users.set(e.userId, { ...e.payload, id: e.userId, councilId: e.councilId });
      else if (e.type === 'user.updated') {
        const u = users.get(e.userId);
        if (u) users.set(e.userId, applyUserPatch(u, e.payload));
      }
    }
    for (const u of users.values()) {
      await q.query(
        'UPDATE users SET name = $2, role = $3, email = $4, team_id = $5, young_person_id = $6, disabled = $7 WHERE id = $1',
        [u.id, u.name, u.role, u.email ?? null, u.teamId ?? null, u.youngPersonId ?? null, u.disabled],
      );
    }
  }

  /** Sets a new password, with a `user.password-changed` event (no hash in it); `actor` default the user. */
  async setPassword(userId: string, password: string, actor?: Actor): Promise<void> {
    const hash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      const [u] = await tx.query('SELECT council_id, role FROM users WHERE id = $1', [userId]);
      if (!u) throw new ConflictError('There is no such account.');
      await tx.query(
        'INSERT INTO credentials (user_id, password_hash, updated_at) VALUES ($1, $2, now()) ON CONFLICT (user_id) DO UPDATE SET password_hash = $2, updated_at = now()',
        [userId, hash],
      );
      const who = actor ?? { id: userId, role: u.role as Role };
      const m = { councilId: String(u.council_id), actor: who, at: new Date() };
      await this.accountEvents(tx, [adminEvents.passwordChanged(m, userId)]);
    });
  }
  /** The user when the password is right and the account enabled; otherwise undefined. Same work either way. */
  async checkPassword(email: string, password: string): Promise<User | undefined> {
    const [r] = await this.db.query(
      'SELECT u.*, c.password_hash FROM users u JOIN credentials c ON c.user_id = u.id WHERE lower(u.email) = lower($1)',
      [email],
    );
    const ok = await verifyPassword(password, r ? String(r.password_hash) : await dummyHash());
    if (!r || !ok || r.disabled) return undefined;
    // Made at an older cost: store it again at today's, unless the password changed meanwhile.
    if (needsRehash(String(r.password_hash))) {
      await this.db.query(
        'UPDATE credentials SET password_hash = $2, updated_at = now() WHERE user_id = $1 AND password_hash = $3',
        [r.id, await hashPassword(password), r.password_hash],
      );
    }
    return toUser(r);
  }
  async checkPasswordById(userId: string, password: string): Promise<boolean> {
    const [r] = await this.db.query('SELECT password_hash FROM credentials WHERE user_id = $1', [userId]);
    return verifyPassword(password, r ? String(r.password_hash) : await dummyHash());
  }
}
