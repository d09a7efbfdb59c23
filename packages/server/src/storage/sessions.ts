// Ways in: browser sessions, the young person's invitation links and integrations' API tokens. Only hashes of the
// secrets are stored (a copy of the database lets nobody sign in).
import { hashPassword, newId, randomToken, sha256 } from '../auth/crypto.js';
import { type Accounts, type Actor, SEED_ACTOR, type User } from './accounts.js';
import { adminEvents, adminMoment, type CouncilLog } from './council-log.js';
import type { Db } from './db.js';
import { iso } from './rows.js';

export interface SessionRecord {
  userId: string;
  councilId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  createdAt: string;
  revokedAt?: string;
}

export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly accounts: Accounts,
    private readonly councilLog: CouncilLog,
  ) {}

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

  // ---- invitations

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
      return this.accounts.insertYoungPersonUser(tx, {
        councilId: String(r.council_id),
        youngPersonId: String(r.young_person_id),
        email: input.email,
        hash,
      });
    });
  }

  // ---- API tokens

  /** Makes an API token (only its hash is kept), with an `api-token.created` event; `actor` default SEED_ACTOR. */
  async createApiToken(input: {
    councilId: string;
    name: string;
    createdBy: string;
    actor?: Actor;
  }): Promise<{ id: string; token: string }> {
    const id = newId('tok');
    const token = `onw_${randomToken()}`;
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO api_tokens (id, council_id, name, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, now())',
        [id, input.councilId, input.name, sha256(token), input.createdBy],
      );
      const m = adminMoment(input.councilId, input.actor ?? SEED_ACTOR);
      await this.councilLog.record(tx, [adminEvents.apiTokenCreated(m, id, input.name)]);
    });
    return { id, token };
  }
  async findApiToken(token: string): Promise<{ id: string; councilId: string; name: string } | undefined> {
    const [r] = await this.db.query(
      'SELECT id, council_id, name FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [sha256(token)],
    );
    return r ? { id: String(r.id), councilId: String(r.council_id), name: String(r.name) } : undefined;
  }
  async listApiTokens(councilId: string): Promise<ApiTokenRecord[]> {
    const rows = await this.db.query('SELECT * FROM api_tokens WHERE council_id = $1 ORDER BY created_at', [councilId]);
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      createdAt: iso(r.created_at),
      ...(r.revoked_at ? { revokedAt: iso(r.revoked_at) } : {}),
    }));
  }
  /** Withdraws a token (false when there is no such live token), with an `api-token.revoked` event. */
  async revokeApiToken(councilId: string, id: string, actor: Actor = SEED_ACTOR): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        'UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND council_id = $2 AND revoked_at IS NULL RETURNING 1',
        [id, councilId],
      );
      if (rows.length)
        await this.councilLog.record(tx, [adminEvents.apiTokenRevoked(adminMoment(councilId, actor), id)]);
      return rows.length > 0;
    });
  }
}
