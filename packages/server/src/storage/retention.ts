// Retention: legal holds, and the destruction of a young person's record once it is past its retention date (the
// rule is the engine's: retentionStatus / destructionRefusal). A destruction removes everything Onward holds about
// the person, from every table, in one transaction, and leaves a destruction record with no personal data in it.
//
// The append-only tables (events, frozen plans and their PDFs, account events, the audit trail, legal hold events)
// refuse DELETE unless the transaction has set `onward.destroying` to the young person's id (migration 12): only a
// destruction does, and only for that person's rows. The event log is deleted, not crypto-shredded: see
// docs/deployment.md ("How long records are kept") for why.
import type { RetentionBasis } from '@onward/engine';
import { newId } from '../auth/crypto.js';
import type { AuditInput } from './audit.js';
import type { Db, Queryable } from './db.js';
import { bucketName, SIGN_IN_ACCOUNT_RULE } from './rate-limits.js';
import { ConflictError, iso, json, type Row } from './rows.js';

export interface LegalHold {
  youngPersonId: string;
  councilId: string;
  reason: string;
  heldBy: string;
  heldAt: string;
}

export interface LegalHoldEvent {
  type: 'set' | 'lifted';
  reason: string;
  actorId: string;
  actorRole: string;
  at: string;
}

/** How many rows of each kind a destruction removed (or would remove), by plain name. */
export type RemovedCounts = Record<(typeof REMOVED_KINDS)[number], number> & { listReads?: number };

export interface DestructionRecord {
  id: string;
  councilId: string;
  /** The council's reference for the record destroyed: its Onward id. */
  reference: string;
  dueFrom: string;
  basis: RetentionBasis;
  legalBasis: string;
  confirmedBy: string;
  confirmedByRole: string;
  destroyedAt: string;
  removed: RemovedCounts;
}

export interface DestroyInput {
  youngPersonId: string;
  councilId: string;
  confirmedBy: { id: string; role: string };
  at: Date;
  dueFrom: string;
  basis: RetentionBasis;
  legalBasis: string;
  /** Called inside the transaction with the young person's row locked and their hold read; throws to refuse. */
  check: (state: { dateOfBirth: string; held: boolean }) => void;
  /** The destruction's own audit row (written after the deletions; it names the destruction, not the person). */
  audit: (destructionId: string) => AuditInput;
}

/** The kinds of row a destruction removes, in the order it removes them (children before parents). */
export const REMOVED_KINDS = [
  'webhookAttempts',
  'webhookDeliveries',
  'notifications',
  'planPdfQueue',
  'planPdfs',
  'frozenPlans',
  'plans',
  'checkIns',
  'arrangements',
  'invitations',
  'externalIds',
  'events',
  'sessions',
  'credentials',
  'staffInvitations',
  'accountEvents',
  'accounts',
  'signInCounts',
  'legalHoldEvents',
  'legalHolds',
  'auditEntries',
  'youngPeople',
] as const;

/** The young person's keys in the other tables, read under the lock before anything is deleted. */
interface Keys {
  yp: string;
  planIds: string[];
  checkInIds: string[];
  arrangementIds: string[];
  userIds: string[];
  signInBuckets: string[];
  deliveryIds: string[];
}

/** For each kind, the rows of this young person: the one place that says which rows are theirs. */
const WHERE: Record<(typeof REMOVED_KINDS)[number], { table: string; where: string; params: (k: Keys) => unknown[] }> =
  {
    webhookAttempts: { table: 'webhook_attempts', where: 'delivery_id = ANY($1)', params: (k) => [k.deliveryIds] },
    webhookDeliveries: { table: 'webhook_deliveries', where: 'id = ANY($1)', params: (k) => [k.deliveryIds] },
    // Messages about them (to their PA) and to their own sign-in; no address or words are stored, but the ids are.
    notifications: {
      table: 'notification_outbox',
      where: 'young_person_id = $1 OR recipient_id = ANY($2)',
      params: (k) => [k.yp, k.userIds],
    },
    planPdfQueue: { table: 'plan_pdf_queue', where: 'plan_id = ANY($1)', params: (k) => [k.planIds] },
    planPdfs: { table: 'frozen_plan_pdfs', where: 'plan_id = ANY($1)', params: (k) => [k.planIds] },
    frozenPlans: { table: 'frozen_plans', where: 'young_person_id = $1', params: (k) => [k.yp] },
    plans: { table: 'plans', where: 'young_person_id = $1', params: (k) => [k.yp] },
    checkIns: { table: 'check_ins', where: 'young_person_id = $1', params: (k) => [k.yp] },
    arrangements: { table: 'arrangements', where: 'young_person_id = $1', params: (k) => [k.yp] },
    invitations: { table: 'invitations', where: 'young_person_id = $1', params: (k) => [k.yp] },
    externalIds: { table: 'young_person_external_ids', where: 'young_person_id = $1', params: (k) => [k.yp] },
    events: { table: 'events', where: 'young_person_id = $1', params: (k) => [k.yp] },
    sessions: { table: 'sessions', where: 'user_id = ANY($1)', params: (k) => [k.userIds] },
    credentials: { table: 'credentials', where: 'user_id = ANY($1)', params: (k) => [k.userIds] },
    staffInvitations: { table: 'staff_invitations', where: 'user_id = ANY($1)', params: (k) => [k.userIds] },
    accountEvents: { table: 'account_events', where: 'user_id = ANY($1)', params: (k) => [k.userIds] },
    accounts: { table: 'users', where: 'id = ANY($1)', params: (k) => [k.userIds] },
    signInCounts: { table: 'rate_limit_hits', where: 'bucket = ANY($1)', params: (k) => [k.signInBuckets] },
    legalHoldEvents: { table: 'legal_hold_events', where: 'young_person_id = $1', params: (k) => [k.yp] },
    legalHolds: { table: 'legal_holds', where: 'young_person_id = $1', params: (k) => [k.yp] },
    // Every audit entry about them or their documents, and everything their own sign-in did.
    auditEntries: {
      table: 'audit_log',
      where: 'young_person_id = $1 OR actor_id = ANY($2) OR record_id = ANY($3)',
      params: (k) => [k.yp, k.userIds, [k.yp, ...k.planIds, ...k.checkInIds, ...k.arrangementIds, ...k.userIds]],
    },
    youngPeople: { table: 'young_people', where: 'id = $1', params: (k) => [k.yp] },
  };

function toHold(r: Row): LegalHold {
  return {
    youngPersonId: String(r.young_person_id),
    councilId: String(r.council_id),
    reason: String(r.reason),
    heldBy: String(r.held_by),
    heldAt: iso(r.held_at),
  };
}

function toDestruction(r: Row): DestructionRecord {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    reference: String(r.reference),
    dueFrom: String(r.due_from).slice(0, 10),
    basis: String(r.basis) as RetentionBasis,
    legalBasis: String(r.legal_basis),
    confirmedBy: String(r.confirmed_by),
    confirmedByRole: String(r.confirmed_by_role),
    destroyedAt: iso(r.destroyed_at),
    removed: json<RemovedCounts>(r.removed),
  };
}

export class Retention {
  constructor(private readonly db: Db) {}

  async listHolds(councilId: string): Promise<LegalHold[]> {
    const rows = await this.db.query('SELECT * FROM legal_holds WHERE council_id = $1', [councilId]);
    return rows.map(toHold);
  }

  async getHold(youngPersonId: string): Promise<LegalHold | undefined> {
    const [r] = await this.db.query('SELECT * FROM legal_holds WHERE young_person_id = $1', [youngPersonId]);
    return r ? toHold(r) : undefined;
  }

  async holdHistory(youngPersonId: string): Promise<LegalHoldEvent[]> {
    const rows = await this.db.query('SELECT * FROM legal_hold_events WHERE young_person_id = $1 ORDER BY id', [
      youngPersonId,
    ]);
    return rows.map((r) => ({
      type: String(r.type) as LegalHoldEvent['type'],
      reason: String(r.reason),
      actorId: String(r.actor_id),
      actorRole: String(r.actor_role),
      at: iso(r.at),
    }));
  }

  /**
   * Sets a legal hold (`set`) or lifts it (`lifted`), with its reason, in the caller's transaction or its own:
   * the hold row and its history row together. ConflictError when there is already a hold to set, or none to lift.
   */
  async changeHold(
    input: {
      type: 'set' | 'lifted';
      youngPersonId: string;
      councilId: string;
      reason: string;
      actor: { id: string; role: string };
      at: Date;
    },
    tx?: Queryable,
  ): Promise<void> {
    const run = async (q: Queryable) => {
      // One writer per young person: the same row lock the event log and a destruction take.
      await q.query('SELECT id FROM young_people WHERE id = $1 FOR UPDATE', [input.youngPersonId]);
      const at = input.at.toISOString();
      if (input.type === 'set') {
        const made = await q.query(
          `INSERT INTO legal_holds (young_person_id, council_id, reason, held_by, held_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (young_person_id) DO NOTHING RETURNING young_person_id`,
          [input.youngPersonId, input.councilId, input.reason, input.actor.id, at],
        );
        if (!made.length) throw new ConflictError('This record is already under a legal hold.');
      } else {
        const gone = await q.query('DELETE FROM legal_holds WHERE young_person_id = $1 RETURNING young_person_id', [
          input.youngPersonId,
        ]);
        if (!gone.length) throw new ConflictError('This record is not under a legal hold.');
      }
      await q.query(
        `INSERT INTO legal_hold_events (council_id, young_person_id, type, reason, actor_id, actor_role, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [input.councilId, input.youngPersonId, input.type, input.reason, input.actor.id, input.actor.role, at],
      );
    };
    await (tx ? run(tx) : this.db.transaction(run));
  }

  /** How many rows of each kind a destruction of this young person would remove now (for the confirmation page). */
  async count(youngPersonId: string): Promise<RemovedCounts> {
    return this.db.transaction(async (q) => {
      const keys = await this.keys(q, youngPersonId);
      const out = {} as RemovedCounts;
      for (const kind of REMOVED_KINDS) {
        const w = WHERE[kind];
        const [r] = await q.query(`SELECT count(*)::int AS n FROM ${w.table} WHERE ${w.where}`, w.params(keys));
        out[kind] = Number(r?.n ?? 0);
      }
      return out;
    });
  }

  /**
   * Destroys everything held about one young person, in one transaction, and records the destruction. Locks their
   * row first (no event, hold or second destruction can slip in), calls `check` with what it read under the lock
   * (it throws to refuse: a hold, not yet due), deletes their rows from every table, then writes the destruction
   * record and its audit row. Nothing is removed when any step fails.
   */
  async destroy(input: DestroyInput): Promise<DestructionRecord> {
    return this.db.transaction(async (q) => {
      const [yp] = await q.query(
        'SELECT council_id, date_of_birth::text AS dob FROM young_people WHERE id = $1 FOR UPDATE',
        [input.youngPersonId],
      );
      if (!yp || String(yp.council_id) !== input.councilId) throw new ConflictError('There is no such record.');
      const [hold] = await q.query('SELECT 1 FROM legal_holds WHERE young_person_id = $1 FOR UPDATE', [
        input.youngPersonId,
      ]);
      input.check({ dateOfBirth: String(yp.dob).slice(0, 10), held: hold !== undefined });
      // From here the append-only tables let this young person's rows go (migration 12), until the commit.
      await q.query("SELECT set_config('onward.destroying', $1, true)", [input.youngPersonId]);
      const keys = await this.keys(q, input.youngPersonId);
      const removed = {} as RemovedCounts;
      for (const kind of REMOVED_KINDS) {
        const w = WHERE[kind];
        const rows = await q.query(
          `WITH gone AS (DELETE FROM ${w.table} WHERE ${w.where} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
          w.params(keys),
        );
        removed[kind] = Number(rows[0]?.n ?? 0);
      }
      // Audit rows of list reads (a caseload, an export) that named them among others: they leave the list, the
      // row stays for the others (the one UPDATE the trigger lets through, inside a destruction only).
      const lists = await q.query(
        `WITH changed AS (UPDATE audit_log SET young_person_ids = array_remove(young_person_ids, $1),
           item_count = CASE WHEN item_count IS NULL THEN NULL ELSE item_count - 1 END
           WHERE $1 = ANY(young_person_ids) RETURNING 1) SELECT count(*)::int AS n FROM changed`,
        [input.youngPersonId],
      );
      removed.listReads = Number(lists[0]?.n ?? 0);
      await q.query("SELECT set_config('onward.destroying', '', true)");
      const record: DestructionRecord = {
        id: newId('dst'),
        councilId: input.councilId,
        reference: input.youngPersonId,
        dueFrom: input.dueFrom,
        basis: input.basis,
        legalBasis: input.legalBasis,
        confirmedBy: input.confirmedBy.id,
        confirmedByRole: input.confirmedBy.role,
        destroyedAt: input.at.toISOString(),
        removed,
      };
      await q.query(
        `INSERT INTO destructions (id, council_id, reference, due_from, basis, legal_basis, confirmed_by,
           confirmed_by_role, destroyed_at, removed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          record.id,
          record.councilId,
          record.reference,
          record.dueFrom,
          record.basis,
          record.legalBasis,
          record.confirmedBy,
          record.confirmedByRole,
          record.destroyedAt,
          JSON.stringify(removed),
        ],
      );
      const a = input.audit(record.id);
      await q.query(
        `INSERT INTO audit_log (council_id, at, actor_id, actor_role, action, record_type, record_id, young_person_id,
           request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)`,
        [a.councilId, a.at, a.actorId, a.actorRole, a.action, a.recordType, a.recordId, a.requestId],
      );
      return record;
    });
  }

  async listDestructions(councilId: string): Promise<DestructionRecord[]> {
    const rows = await this.db.query(
      'SELECT * FROM destructions WHERE council_id = $1 ORDER BY destroyed_at DESC, id DESC',
      [councilId],
    );
    return rows.map(toDestruction);
  }

  async getDestruction(reference: string): Promise<DestructionRecord | undefined> {
    const [r] = await this.db.query('SELECT * FROM destructions WHERE reference = $1', [reference]);
    return r ? toDestruction(r) : undefined;
  }

  /** The young person's keys in the other tables: their documents, their sign-in accounts, webhook deliveries. */
  private async keys(q: Queryable, yp: string): Promise<Keys> {
    const ids = async (sql: string, params: unknown[]) =>
      (await q.query(sql, params)).map((r) => String(Object.values(r)[0]));
    const planIds = await ids(
      'SELECT id FROM plans WHERE young_person_id = $1 UNION SELECT plan_id FROM frozen_plans WHERE young_person_id = $1',
      [yp],
    );
    const users = await q.query("SELECT id, email FROM users WHERE young_person_id = $1 AND role = 'young-person'", [
      yp,
    ]);
    const emails = users.map((u) => u.email).filter((e): e is string => typeof e === 'string');
    // A delivery's body is the webhook event as sent; its data names the young person (plan.authorised).
    const deliveryIds = await ids(
      `SELECT id FROM webhook_deliveries
        WHERE (body::jsonb -> 'data' ->> 'youngPersonId') = $1 OR (body::jsonb -> 'data' ->> 'planId') = ANY($2)`,
      [yp, planIds],
    );
    return {
      yp,
      planIds,
      checkInIds: await ids('SELECT id FROM check_ins WHERE young_person_id = $1', [yp]),
      arrangementIds: await ids('SELECT id FROM arrangements WHERE young_person_id = $1', [yp]),
      userIds: users.map((u) => String(u.id)),
      signInBuckets: emails.map((e) => bucketName(SIGN_IN_ACCOUNT_RULE, e.toLowerCase())),
      deliveryIds,
    };
  }
}
