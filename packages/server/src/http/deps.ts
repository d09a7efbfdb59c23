// What every route module is given: the store, the clock, the server's options and shared services. Route modules
// import this file, never app.ts, so app.ts (which imports every route module) sits at the top with no circle.
import type { LivingTogetherAgreement, PathwayPlan } from '@onward/engine';
import type { Hono } from 'hono';
import type { Notifier, NotifierOptions } from '../notifications/notifier.js';
import type { PdfFreezes } from '../pdf-freezes.js';
import type { RenderContext } from '../render-context.js';
import type { Limiter } from '../storage/rate-limits.js';
import type { Store } from '../storage/store.js';
import type { WebhookOptions, Webhooks } from '../webhooks/webhooks.js';
import type { Ctx, Env } from './context.js';

export type { RenderContext } from '../render-context.js';

export interface OnwardServerOptions {
  store: Store;
  /**
   * Renders the authorised plan. Authorising freezes the plan and queues its PDF, which a worker in the server makes
   * in the background and stores with the frozen plan (or made on the spot when asked for first). Without it,
   * plans freeze with no PDF.
   */
  renderPlanPdf?: (plan: PathwayPlan, ctx: RenderContext) => Promise<Uint8Array>;
  /** Renders a Living Together Agreement for GET /api/staying-put/:id/agreement.pdf. */
  renderAgreementPdf?: (agreement: LivingTogetherAgreement, ctx: RenderContext) => Promise<Uint8Array>;
  /**
   * Email to people (the named PA told of a help request): the transport (smtpTransport from ONWARD_SMTP_URL) and
   * where the links point. Without it, messages wait in the outbox and readiness says notifications are not
   * configured; nothing is dropped.
   */
  notifications?: NotifierOptions;
  /** Webhook delivery settings (fetch, back-off delays); defaults suit production. */
  webhooks?: WebhookOptions;
  /** The time; tests and demos inject their own. Default: the real clock. */
  clock?: () => Date;
  /** Secure cookies (HTTPS only). Default true; set false only for http://localhost. */
  secureCookies?: boolean;
  /** The public origin (https://plans.council.gov.uk) used for CSRF checks and links; default: the request's own. */
  publicOrigin?: string;
  /** Use X-Forwarded-For for the client IP (only behind a trusted reverse proxy). Default false. */
  trustProxy?: boolean;
  /**
   * First-run set-up: on an empty database, POST /api/setup with this token creates the first council and its
   * admin (once). Make it with randomToken() at start and print it; leave it unset once a council exists.
   */
  setupToken?: string;
  /** Mounts the reference app's HTML pages on the same app. */
  pages?: (app: Hono<Env>) => void;
  /** One JSON line per request (request id, route, status, ms). Default: console.log. Never gets personal data. */
  logger?: (line: string) => void;
  /** Session length from sign-in in ms (default 12 hours) and idle timeout (default 2 hours). */
  sessionLifetimeMs?: number;
  sessionIdleMs?: number;
}

export interface Deps {
  store: Store;
  now: () => Date;
  options: OnwardServerOptions;
  webhooks: Webhooks;
  /** The freeze queue's worker; undefined when the server has no plan PDF renderer. */
  pdfFreezes: PdfFreezes | undefined;
  /** The notification worker; undefined when email is not configured (messages stay queued). */
  notifier: Notifier | undefined;
  /** Sign-in tries per account (email) and per client address. */
  limits: { account: Limiter; ip: Limiter };
  secureCookies: boolean;
  sessionLifetimeMs: number;
  origin: (c: Ctx) => string;
  clientIp: (c: Ctx) => string;
  /** True once shutdown has begun: readiness says 503 so the load balancer stops sending new requests. */
  draining: () => boolean;
}
