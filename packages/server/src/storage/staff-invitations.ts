// Staff invitation links: an admin adds someone (or the `onward setup` command adds the first admin) and gives them
// a one-time link to choose their own password, so nobody else ever knows it. Only the link's hash is stored; a
// link works once and runs out (7 days by default). A new link for the same person replaces the old one.
import { hashPassword, randomToken, sha256 } from '../auth/crypto.js';
import type { Db } from './db.js';
import { iso } from './rows.js';

export interface StaffInvitation {
  userId: string;
  councilId: string;
  expiresAt: string;
}

export class StaffInvitations {
  constructor(private readonly db: Db) {}

  /** A new link for the user (any earlier unused link for them stops working). The token is shown once. */
  async create(input: {
    councilId: string;
    userId: string;
    createdBy: string;
    now: Date;
    ttlHours?: number;
  }): Promise<{ token: string; expiresAt: string }> {
    const token = randomToken();
    const expiresAt = new Date(input.now.getTime() + (input.ttlHours ?? 24 * 7) * 3600_000).toISOString();
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE staff_invitations SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
        input.userId,
        input.now.toISOString(),
      ]);
      await tx.query(
        'INSERT INTO staff_invitations (token_hash, council_id, user_id, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [sha256(token), input.councilId, input.userId, input.createdBy, input.now.toISOString(), expiresAt],
      );
    });
    return { token, expiresAt };
  }

  /** The invitation when the link is unused and has not run out. */
  async get(token: string, now: Date): Promise<StaffInvitation | undefined> {
    const [r] = await this.db.query(
      'SELECT * FROM staff_invitations WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
      [sha256(token), now.toISOString()],
    );
    return r ? { userId: String(r.user_id), councilId: String(r.council_id), expiresAt: iso(r.expires_at) } : undefined;
  }

  /**
   * Uses the link (once) and sets the person's password, in one transaction: two tabs sending the form together
   * set one password, and the other gets undefined. Undefined too when the link is used, replaced or expired.
   */
  async accept(token: string, password: string, now: Date): Promise<{ userId: string } | undefined> {
    const hash = await hashPassword(password);
    return this.db.transaction(async (tx) => {
      const [r] = await tx.query(
        'UPDATE staff_invitations SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id',
        [sha256(token), now.toISOString()],
      );
      if (!r) return undefined;
      const userId = String(r.user_id);
      await tx.query(
        'INSERT INTO credentials (user_id, password_hash, updated_at) VALUES ($1, $2, now()) ON CONFLICT (user_id) DO UPDATE SET password_hash = $2, updated_at = now()',
        [userId, hash],
      );
      // Sessions started with any earlier password end.
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      return { userId };
    });
  }
}
