// The notification outbox (migration 10): messages to people, written in the transaction of the event that causes
// them (EventLog.append calls `enqueue` with the notices the engine decided), sent later by the worker in the
// server (notifications/notifier.ts). A row holds no address and no words: the recipient's account id and the kind
// of message. The address is read when the message is sent, so a corrected address is used and a switched-off
// account gets nothing.
import {
  type CouncilSettings,
  DEFAULT_COUNCIL_SETTINGS,
  type Notice,
  type NoticeKind,
  type NoticeLanguage,
  noticeLanguage,
} from '@onward/engine';
import { newId, randomToken } from '../auth/crypto.js';
import type { Db, Queryable } from './db.js';
import { claimLeased, type LeaseQueue } from './lease-queue.js';
import { insertRows, iso, isoOrUndef, json, str } from './rows.js';

export type OutboxStatus = 'queued' | 'sent' | 'undeliverable';

export interface OutboxMessage {
  id: string;
  councilId: string;
  kind: NoticeKind;
  recipientId: string;
  youngPersonId: string;
  subjectId: string;
  eventId: string;
  language: NoticeLanguage;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt?: string;
  /** Why the last try failed: an error code, never a message (messages can carry the address). */
  lastError?: string;
}

/** A message taken by a worker: with the recipient's address as it is now (undefined: none, or switched off). */
export interface ClaimedMessage extends OutboxMessage {
  claimToken: string;
  to: string | undefined;
}

export interface OutboxSummary {
  queued: number;
  sent: number;
  undeliverable: number;
  /** When the oldest message still waiting was written. */
  oldestQueuedAt?: string;
}

const OUTBOX: LeaseQueue = {
  table: 'notification_outbox',
  key: 'id',
  leaseColumn: 'available_at',
  where: "status = 'queued'",
  order: 'created_at, id',
  set: 'attempts = attempts + 1',
};

function toMessage(r: Record<string, unknown>): OutboxMessage {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    kind: String(r.kind) as NoticeKind,
    recipientId: String(r.recipient_id),
    youngPersonId: String(r.young_person_id),
    subjectId: String(r.subject_id),
    eventId: String(r.event_id),
    language: String(r.language) as NoticeLanguage,
    status: String(r.status) as OutboxStatus,
    attempts: Number(r.attempts),
    createdAt: iso(r.created_at),
    ...(isoOrUndef(r.sent_at) ? { sentAt: iso(r.sent_at) } : {}),
    ...(str(r.last_error) ? { lastError: String(r.last_error) } : {}),
  };
}

export class NotificationOutbox {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: Db) {}

  /**
   * Writes the messages for `notices` with `q`, the transaction of the events that caused them. The language comes
   * from the council's nation as it is now (Welsh and English in Wales). One message per event, kind and
   * recipient: an event appended twice by a retried transaction still has one.
   */
  async enqueue(q: Queryable, items: readonly { notice: Notice; eventId: string; councilId: string; at: string }[]) {
    if (!items.length) return;
    const languages = new Map<string, NoticeLanguage>();
    for (const councilId of new Set(items.map((i) => i.councilId))) {
      const [r] = await q.query('SELECT doc FROM council_settings WHERE council_id = $1', [councilId]);
      const settings = (r ? json(r.doc) : DEFAULT_COUNCIL_SETTINGS) as CouncilSettings;
      languages.set(councilId, noticeLanguage(settings.nation));
    }
    await insertRows(
      q,
      'INSERT INTO notification_outbox (id, council_id, kind, recipient_id, young_person_id, subject_id, event_id, language, created_at)',
      9,
      items.map((i) => [
        newId('msg'),
        i.councilId,
        i.notice.kind,
        i.notice.recipientId,
        i.notice.youngPersonId,
        i.notice.subjectId,
        i.eventId,
        languages.get(i.councilId) ?? 'en',
        i.at,
      ]),
      'ON CONFLICT (event_id, kind, recipient_id) DO NOTHING',
    );
  }

  /** Tells the worker in this process that messages were queued (after the transaction that wrote them). */
  onQueued(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  queued(): void {
    for (const fn of this.listeners) fn();
  }

  /**
   * Takes up to `limit` messages that are due for `leaseMs`, oldest first, each try counted; another worker (in this
   * process or another on the same PostgreSQL) takes none of them meanwhile. Each comes with a claim token: only
   * the holder of the latest claim can mark it sent or failed.
   */
  async claim(limit: number, leaseMs: number): Promise<ClaimedMessage[]> {
    return this.db.transaction(async (tx) => {
      const ids = await claimLeased(tx, OUTBOX, limit, leaseMs);
      if (!ids.length) return [];
      const claimToken = randomToken(12);
      await tx.query('UPDATE notification_outbox SET claim_token = $2 WHERE id = ANY($1::text[])', [ids, claimToken]);
      const rows = await tx.query(
        `SELECT o.*, CASE WHEN u.disabled THEN NULL ELSE u.email END AS to_address
           FROM notification_outbox o LEFT JOIN users u ON u.id = o.recipient_id
          WHERE o.id = ANY($1::text[]) ORDER BY o.created_at, o.id`,
        [ids],
      );
      return rows.map((r) => ({ ...toMessage(r), claimToken, to: str(r.to_address) }));
    });
  }

  /** The message was accepted for delivery. False when the claim was lost (it ran out and another worker took it). */
  async markSent(id: string, claimToken: string): Promise<boolean> {
    const r = await this.db.query(
      `UPDATE notification_outbox SET status = 'sent', sent_at = now(), available_at = NULL, last_error = NULL
        WHERE id = $1 AND claim_token = $2 AND status = 'queued' RETURNING id`,
      [id, claimToken],
    );
    return r.length === 1;
  }

  /** A try failed: the reason (a code) is kept and the message waits `retryMs`, or is given up as undeliverable. */
  async markFailed(
    id: string,
    claimToken: string,
    reason: string,
    next: { retryMs: number } | { undeliverable: true },
  ): Promise<void> {
    if ('undeliverable' in next)
      await this.db.query(
        `UPDATE notification_outbox SET status = 'undeliverable', last_error = $3, available_at = NULL
          WHERE id = $1 AND claim_token = $2 AND status = 'queued'`,
        [id, claimToken, reason.slice(0, 200)],
      );
    else
      await this.db.query(
        `UPDATE notification_outbox SET last_error = $3,
                available_at = now() + make_interval(secs => $4::double precision / 1000)
          WHERE id = $1 AND claim_token = $2 AND status = 'queued'`,
        [id, claimToken, reason.slice(0, 200), next.retryMs],
      );
  }

  /** Counts by status (of one council, or all). */
  async summary(councilId?: string): Promise<OutboxSummary> {
    const rows = await this.db.query(
      `SELECT status, count(*)::int AS n, min(created_at) AS oldest FROM notification_outbox
        WHERE ($1::text IS NULL OR council_id = $1) GROUP BY status`,
      [councilId ?? null],
    );
    const out: OutboxSummary = { queued: 0, sent: 0, undeliverable: 0 };
    for (const r of rows) {
      const s = String(r.status) as OutboxStatus;
      out[s] = Number(r.n);
      if (s === 'queued' && r.oldest) out.oldestQueuedAt = iso(r.oldest);
    }
    return out;
  }

  /** The council's messages, newest first (the admin's view): kinds, states and tries, no addresses, no words. */
  async list(councilId: string, filter: { status?: OutboxStatus; limit?: number } = {}): Promise<OutboxMessage[]> {
    const rows = await this.db.query(
      `SELECT * FROM notification_outbox WHERE council_id = $1 AND ($2::text IS NULL OR status = $2)
        ORDER BY created_at DESC, id LIMIT $3`,
      [councilId, filter.status ?? null, Math.min(filter.limit ?? 200, 500)],
    );
    return rows.map(toMessage);
  }

  /** Every message about one young person (a subject access request lists them). */
  async listForYoungPerson(youngPersonId: string): Promise<OutboxMessage[]> {
    const rows = await this.db.query(
      'SELECT * FROM notification_outbox WHERE young_person_id = $1 ORDER BY created_at, id',
      [youngPersonId],
    );
    return rows.map(toMessage);
  }
}
