// Webhooks a council's admin registered, and the deliveries made to them with every attempt (status, time taken),
// so an admin can see what was sent and a restart carries on with what is still pending.
import { newId, randomToken } from '../auth/crypto.js';
import { type Actor, SEED_ACTOR } from './accounts.js';
import { adminEvents, adminMoment, type CouncilLog } from './council-log.js';
import type { Db } from './db.js';
import { iso, isoOrUndef, json, type Row, str } from './rows.js';

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
export interface PendingDelivery {
  deliveryId: string;
  attempts: number;
  body: string;
  nextAttemptAt: string | undefined;
  webhook: WebhookRecord;
}
export interface AttemptInput {
  deliveryId: string;
  attempt: number;
  at: Date;
  responseStatus?: number;
  error?: string;
  durationMs: number;
  status: DeliveryRecord['status'];
  nextAttemptAt?: Date;
}

function toWebhook(r: Row): WebhookRecord {
  return {
    id: String(r.id),
    councilId: String(r.council_id),
    url: String(r.url),
    secret: String(r.secret),
    events: json(r.events),
    createdAt: iso(r.created_at),
    disabled: Boolean(r.disabled),
  };
}

export class WebhookDeliveries {
  constructor(
    private readonly db: Db,
    private readonly councilLog: CouncilLog,
  ) {}

  /** Adds a webhook with a fresh secret, and a `webhook.created` event; `actor` default SEED_ACTOR. */
  async createWebhook(input: {
    councilId: string;
    url: string;
    events: string[];
    actor?: Actor;
  }): Promise<WebhookRecord> {
    const w: WebhookRecord = {
      id: newId('wh'),
      councilId: input.councilId,
      url: input.url,
      secret: `whsec_${randomToken()}`,
      events: input.events,
      createdAt: new Date().toISOString(),
      disabled: false,
    };
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO webhooks (id, council_id, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [w.id, w.councilId, w.url, w.secret, JSON.stringify(w.events), w.createdAt],
      );
      const m = adminMoment(w.councilId, input.actor ?? SEED_ACTOR);
      await this.councilLog.record(tx, [adminEvents.webhookCreated(m, w.id, { url: w.url, events: w.events })]);
    });
    return w;
  }

  /** The council's webhooks; with `eventType`, only the enabled ones subscribed to it. */
  async listWebhooks(councilId: string, eventType?: string): Promise<WebhookRecord[]> {
    const rows = await this.db.query(
      'SELECT * FROM webhooks WHERE council_id = $1 AND ($2::text IS NULL OR (events @> jsonb_build_array($2::text) AND NOT disabled)) ORDER BY created_at',
      [councilId, eventType ?? null],
    );
    return rows.map(toWebhook);
  }

  /**
   * Deliveries still waiting for a retry, across every council, oldest first, with their webhook. Used at start so
   * a restart does not strand them (deliveries whose webhook was removed or disabled are left as they are).
   */
  async listPendingDeliveries(): Promise<PendingDelivery[]> {
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
      webhook: toWebhook(r),
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

  async recordAttempt(input: AttemptInput): Promise<void> {
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
