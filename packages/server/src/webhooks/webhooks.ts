// Outgoing webhooks: signed with HMAC-SHA256 over "<timestamp>.<body>", retried with exponential back-off, every
// attempt written to webhook_attempts. Delivery runs in the background; `drain()` waits for it (tests, shutdown).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { newId } from '../auth/crypto.js';
import type { Store, WebhookRecord } from '../storage/store.js';

export interface WebhookOptions {
  /** The fetch to use (tests pass their own). Default: global fetch. */
  fetch?: typeof fetch;
  /** Waits before each retry, in ms. Default 1 s, 5 s, 30 s, 2 min, 10 min: six tries in all. */
  retryDelaysMs?: readonly number[];
  /** Time allowed for one delivery, in ms. Default 10 s. */
  timeoutMs?: number;
}

export const SIGNATURE_HEADER = 'onward-webhook-signature';
export const TIMESTAMP_HEADER = 'onward-webhook-timestamp';
export const ID_HEADER = 'onward-webhook-id';

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Checks a received webhook: the signature (constant-time) and that the timestamp is within `toleranceSeconds`
 * of now (default 5 minutes), which stops an old message being replayed.
 */
export function verifyWebhook(input: {
  secret: string;
  body: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): { ok: true } | { ok: false; reason: string } {
  const ts = Number(input.timestamp);
  if (!input.timestamp || !Number.isInteger(ts))
    return { ok: false, reason: 'The timestamp header is missing or not a whole number.' };
  const nowS = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowS - ts) > (input.toleranceSeconds ?? 300))
    return { ok: false, reason: 'The message is too old (or from the future).' };
  if (!input.signature) return { ok: false, reason: 'The signature header is missing.' };
  const expected = Buffer.from(signWebhook(input.secret, ts, input.body));
  const got = Buffer.from(input.signature);
  if (expected.length !== got.length || !timingSafeEqual(expected, got))
    return { ok: false, reason: 'The signature does not match.' };
  return { ok: true };
}

const DEFAULT_DELAYS = [1_000, 5_000, 30_000, 120_000, 600_000];

export class Webhooks {
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly options: WebhookOptions,
    private readonly log: (line: string) => void,
  ) {}

  /** Sends `type` with `data` to every webhook of the council that listens for it. Returns at once. */
  enqueue(councilId: string, type: string, data: Record<string, unknown>): void {
    const job = this.fanOut(councilId, type, data).catch((e: unknown) => {
      this.log(
        JSON.stringify({
          at: this.now().toISOString(),
          level: 'error',
          webhook: 'enqueue-failed',
          error: (e as Error).name,
        }),
      );
    });
    this.track(job);
  }

  /**
   * Picks up deliveries left "pending" by a stop or a crash: each is tried again when its next attempt was due
   * (at once if that time has passed), continuing its attempt count and back-off. Returns at once.
   */
  resumePending(): void {
    const job = (async () => {
      for (const d of await this.store.listPendingDeliveries()) {
        if (this.stopped) return;
        let eventId: string;
        try {
          eventId = String((JSON.parse(d.body) as { id?: unknown }).id ?? d.deliveryId);
        } catch {
          eventId = d.deliveryId;
        }
        const wait = d.nextAttemptAt ? Date.parse(d.nextAttemptAt) - this.now().getTime() : 0;
        this.track(
          (async () => {
            if (wait > 0) await this.sleep(wait);
            if (!this.stopped) await this.attempt(d.webhook, d.deliveryId, eventId, d.body, d.attempts + 1);
          })(),
        );
      }
    })().catch((e: unknown) => {
      this.log(
        JSON.stringify({
          at: this.now().toISOString(),
          level: 'error',
          webhook: 'resume-failed',
          error: (e as Error).name,
        }),
      );
    });
    this.track(job);
  }

  /** Resolves when every delivery started so far has succeeded or used up its retries. */
  async drain(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Stops pending retries (on shutdown); their deliveries stay "pending" in the table. */
  stop(): void {
    this.stopped = true;
    for (const [t, wake] of this.timers) {
      clearTimeout(t);
      wake();
    }
    this.timers.clear();
  }

  private track(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  private async fanOut(councilId: string, type: string, data: Record<string, unknown>): Promise<void> {
    const hooks = await this.store.listWebhooks(councilId, type);
    const occurredAt = this.now().toISOString();
    await Promise.all(
      hooks.map(async (hook) => {
        const id = newId('evt');
        const body = JSON.stringify({ id, type, councilId, occurredAt, data });
        const deliveryId = await this.store.createDelivery({
          councilId,
          webhookId: hook.id,
          eventType: type,
          body,
          now: this.now(),
        });
        await this.attempt(hook, deliveryId, id, body, 1);
      }),
    );
  }

  private async attempt(
    hook: WebhookRecord,
    deliveryId: string,
    eventId: string,
    body: string,
    attempt: number,
  ): Promise<void> {
    const f = this.options.fetch ?? fetch;
    const delays = this.options.retryDelaysMs ?? DEFAULT_DELAYS;
    const at = this.now();
    const timestamp = Math.floor(at.getTime() / 1000);
    const started = performance.now();
    let status: number | undefined;
    let error: string | undefined;
    try {
      const res = await f(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [ID_HEADER]: eventId,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(hook.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? 'timed out' : 'could not connect';
    }
    const ok = status !== undefined && status >= 200 && status < 300;
    const delay = delays[attempt - 1];
    const final = ok || delay === undefined;
    await this.store.recordAttempt({
      deliveryId,
      attempt,
      at,
      ...(status !== undefined ? { responseStatus: status } : {}),
      ...(error ? { error } : {}),
      durationMs: Math.round(performance.now() - started),
      status: ok ? 'delivered' : final ? 'failed' : 'pending',
      ...(!final ? { nextAttemptAt: new Date(at.getTime() + (delay as number)) } : {}),
    });
    this.log(JSON.stringify({ at: at.toISOString(), webhook: deliveryId, attempt, status: status ?? 0, ok }));
    if (final || this.stopped) return;
    await this.sleep(delay as number);
    if (this.stopped) return;
    await this.attempt(hook, deliveryId, eventId, body, attempt + 1);
  }

  /** Waits `ms` unless stopped first; the timer never keeps the process alive. */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      t.unref?.();
      this.timers.set(t, resolve);
    });
  }
}
