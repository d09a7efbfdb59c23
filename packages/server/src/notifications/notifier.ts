// The notification worker: sends what the outbox holds (storage/notification-outbox.ts), through a transport
// (SMTP; transport.ts). It takes a few messages at a time with a lease, so two server processes on one PostgreSQL
// never send the same message at once; sends each; marks it sent, or keeps the reason (a code) and tries again
// later with a growing wait; gives a message up as undeliverable only when the mail server refused it for good or
// the recipient has no address (the admin's view lists those). Nothing is dropped: a message stays queued while the
// mail server is down, the transport is not configured, or the process is stopped, and is sent once it can be.
//
// At least once: a process killed after the mail server accepted a message and before it was marked sent sends it
// again after the lease. The Message-ID is the outbox id, the same on every try, so mail systems can tell.
import { NOTICE_PATHS, type NoticeKind, noticeMessage } from '@onward/engine';
import type { ClaimedMessage } from '../storage/notification-outbox.js';
import type { Store } from '../storage/store.js';
import { type NotificationTransport, TransportError } from './transport.js';

export interface NotifierOptions {
  transport: NotificationTransport;
  /** Where people sign in (ONWARD_PUBLIC_ORIGIN), for the link in every message. */
  publicOrigin: string;
  /** The page each kind of message links to, after signing in. Default: the reference app's (NOTICE_PATHS). */
  paths?: Partial<Record<NoticeKind, string>>;
  /** Messages taken at a time. Default 10. */
  batch?: number;
  /** How long a claim keeps other workers off a message, ms. Default 120 s (the SMTP timeouts are 20 s). */
  leaseMs?: number;
  /** How often to look for messages written by other processes or due for a retry, ms. Default 5 s. */
  pollMs?: number;
  /** Waits before a failed message is tried again, by attempt, ms. Default 10 s, 1 min, 5 min, 30 min, then 1 h. */
  retryDelaysMs?: readonly number[];
}

export interface NotifierStatus {
  transport: string;
  /** 'sending' until a try fails; 'failing' while tries fail (the mail server is down or refuses the sign-in). */
  state: 'sending' | 'failing';
  lastSentAt?: string;
  lastFailure?: { at: string; code: string };
}

const DEFAULT_RETRIES = [10_000, 60_000, 300_000, 1_800_000, 3_600_000];

export class Notifier {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly current: NotifierStatus;

  constructor(
    private readonly store: Store,
    private readonly options: NotifierOptions,
    private readonly log: (line: string) => void,
  ) {
    this.current = { transport: options.transport.name, state: 'sending' };
  }

  /** Starts sending: now, whenever this process queues a message, and every `pollMs`. */
  start(): void {
    if (this.timer || this.stopped) return;
    this.unsubscribe = this.store.outbox.onQueued(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.options.pollMs ?? 5_000);
    this.timer.unref?.();
    this.kick();
  }

  /** Works through the messages due now (if not already doing so); returns at once. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.work()
      .catch((e: unknown) =>
        this.line('error', { notification: 'worker-failed', error: (e as Error)?.name ?? 'Error' }),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves once the messages due now have been tried (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking messages; a send under way finishes and is recorded. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
  }

  status(): NotifierStatus {
    return { ...this.current };
  }

  private async work(): Promise<void> {
    const batch = this.options.batch ?? 10;
    const leaseMs = this.options.leaseMs ?? 120_000;
    while (!this.stopped) {
      const claimed = await this.store.outbox.claim(batch, leaseMs);
      if (!claimed.length) return;
      for (const m of claimed) {
        if (this.stopped) return;
        await this.sendOne(m);
      }
    }
  }

  private async sendOne(m: ClaimedMessage): Promise<void> {
    const base = { id: m.id, kind: m.kind, attempt: m.attempts };
    if (!m.to) {
      await this.store.outbox.markFailed(m.id, m.claimToken, 'NO_ADDRESS', { undeliverable: true });
      this.line('warn', { notification: 'undeliverable', ...base, code: 'NO_ADDRESS' });
      return;
    }
    const path = this.options.paths?.[m.kind] ?? NOTICE_PATHS[m.kind];
    const link = new URL(path, this.options.publicOrigin).toString();
    const words = noticeMessage(m.kind, m.language, link);
    try {
      await this.options.transport.send({ to: m.to, ...words, reference: m.id, language: m.language });
    } catch (e) {
      const err = e instanceof TransportError ? e : new TransportError(false, (e as Error)?.name ?? 'Error');
      const at = new Date().toISOString();
      this.current.state = 'failing';
      this.current.lastFailure = { at, code: err.code };
      if (err.permanent) {
        await this.store.outbox.markFailed(m.id, m.claimToken, err.code, { undeliverable: true });
        this.line('warn', { notification: 'undeliverable', ...base, code: err.code });
        return;
      }
      const delays = this.options.retryDelaysMs ?? DEFAULT_RETRIES;
      const retryMs = delays[Math.min(m.attempts - 1, delays.length - 1)] ?? 3_600_000;
      await this.store.outbox.markFailed(m.id, m.claimToken, err.code, { retryMs });
      this.line('warn', { notification: 'retry', ...base, code: err.code, retryInMs: retryMs });
      return;
    }
    const recorded = await this.store.outbox.markSent(m.id, m.claimToken);
    this.current.state = 'sending';
    this.current.lastSentAt = new Date().toISOString();
    this.line('info', { notification: recorded ? 'sent' : 'sent-after-lease', ...base });
  }

  /** One JSON log line: the message's id, kind and attempt, a code; never an address nor the words. */
  private line(level: string, fields: Record<string, unknown>): void {
    this.log(JSON.stringify({ at: new Date().toISOString(), level, ...fields }));
  }
}
