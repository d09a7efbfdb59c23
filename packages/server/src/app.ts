// createOnwardServer: the Hono app with its middleware (request id, timing log without personal data, session or
// API-token sign-in, CSRF, body checks) and every API route.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { randomToken, safeEqual } from './auth/crypto.js';
import { refuseUnstorableAddress } from './http/address.js';
import { limitBodies } from './http/body-limit.js';
import { httpCache } from './http/cache.js';
import type { Env, Principal } from './http/context.js';
import type { Deps, OnwardServerOptions } from './http/deps.js';
import { HttpProblem } from './http/problem.js';
import { LifecycleRefusedError, lifecycleProblem } from './lifecycle.js';
import { Notifier } from './notifications/notifier.js';
import { openApiDocument, ROUTE_PERMISSIONS } from './openapi.js';
import { PdfFreezes } from './pdf-freezes.js';
import { guardRoutes } from './permissions.js';
import { registerAdminRoutes } from './routes/admin.js';
import { CSRF_COOKIE, registerAuthRoutes, SESSION_COOKIE } from './routes/auth.js';
import { registerCaseRoutes } from './routes/cases.js';
import { registerCheckInRoutes } from './routes/check-ins.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerInsightRoutes } from './routes/insights.js';
import { registerPlanRoutes } from './routes/plans.js';
import { registerRetentionRoutes } from './routes/retention.js';
import { registerSubjectAccessRoutes } from './routes/sar.js';
import { registerSetupRoutes } from './routes/setup.js';
import { registerStayingPutRoutes } from './routes/staying-put.js';
import { CommitUnknownError, isTransientDbError } from './storage/db.js';
import { SIGN_IN_ACCOUNT_RULE } from './storage/rate-limits.js';
import { ConflictError } from './storage/store.js';
import { Webhooks } from './webhooks/webhooks.js';

export type { Deps, OnwardServerOptions, RenderContext } from './http/deps.js';

export interface OnwardServer {
  app: Hono<Env>;
  /** Pending webhook deliveries; await it in tests or before shutting down. */
  webhooks: Webhooks;
  /**
   * The freeze queue's worker (plan PDFs made in the background), when the server has a plan PDF renderer:
   * `drain()` waits until the queue is worked through, `stop()` before closing the store.
   */
  pdfFreezes: PdfFreezes | undefined;
  /**
   * The notification worker, when `notifications` were given: started at once; `drain()` waits for the messages due
   * now, `stop()` before closing the store. Undefined otherwise: messages wait in the outbox.
   */
  notifier: Notifier | undefined;
  /** The OpenAPI 3.1 document served at /api/openapi.json. */
  openApi: Record<string, unknown>;
  /**
   * Starts a graceful stop: /api/health/ready answers 503 from now on (requests are still served), so a load
   * balancer takes this instance out before it closes. Call on SIGTERM, wait a few seconds, then close.
   */
  beginShutdown: () => void;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createOnwardServer(options: OnwardServerOptions): OnwardServer {
  const store = options.store;
  const now = options.clock ?? (() => new Date());
  const log = options.logger ?? ((line: string) => console.log(line));
  const secureCookies = options.secureCookies ?? true;
  const sessionLifetimeMs = options.sessionLifetimeMs ?? 12 * 3600_000;
  const sessionIdleMs = options.sessionIdleMs ?? 2 * 3600_000;
  const webhooks = new Webhooks(store, now, options.webhooks ?? {}, log);
  let draining = false;
  // Deliveries a previous run left waiting for a retry carry on where they stopped.
  webhooks.resumePending();
  // Plan PDFs still queued (a previous run stopped, or the demo seed queued them) are made in the background.
  const pdfFreezes = options.renderPlanPdf ? new PdfFreezes(store, options.renderPlanPdf, log) : undefined;
  pdfFreezes?.kick();
  // Messages in the outbox (this run's, a previous run's, another process's) are sent in the background.
  const notifier = options.notifications ? new Notifier(store, options.notifications, log) : undefined;
  notifier?.start();
  const deps: Deps = {
    store,
    now,
    options,
    webhooks,
    pdfFreezes,
    notifier,
    limits: {
      // Counted in the database, so several server processes on one database share the counts.
      account: store.rateLimits.limiter({ name: SIGN_IN_ACCOUNT_RULE, limit: 5, windowMs: 15 * 60_000 }),
      ip: store.rateLimits.limiter({ name: 'sign-in-address', limit: 20, windowMs: 15 * 60_000 }),
    },
    secureCookies,
    sessionLifetimeMs,
    origin: (c) => options.publicOrigin ?? new URL(c.req.url).origin,
    clientIp: (c) => {
      if (options.trustProxy) {
        const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
        if (fwd) return fwd;
      }
      const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
      return incoming?.socket?.remoteAddress ?? 'unknown';
    },
    draining: () => draining,
  };
  const openApi = openApiDocument();
  const app = new Hono<Env>();

  // Request id, timing and the log line. Only the route pattern is logged, never the path with ids in it.
  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = `r_${randomToken(9)}`;
    c.set('requestId', requestId);
    c.set('principal', undefined);
    await next();
    c.header('X-Request-Id', requestId);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
    log(
      JSON.stringify({
        at: now().toISOString(),
        requestId,
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }),
    );
  });

  // Bodies are limited before anything reads them, for every route and page, signed in or not.
  app.use('*', limitBodies());
  app.use('/api/*', refuseUnstorableAddress());

  // ETags (304 on If-None-Match) and compression for the API's JSON answers: http/cache.ts.
  app.use('*', httpCache());

  // Who is asking: an API token (Authorization: Bearer) or a session cookie.
  app.use('/api/*', async (c, next) => {
    const auth = c.req.header('authorization');
    if (auth?.startsWith('Bearer ')) {
      const token = await store.findApiToken(auth.slice(7).trim());
      if (!token) throw new HttpProblem(401, 'unauthenticated', 'The API token is not valid or has been withdrawn.');
      // Integrations read plans, their PDFs and exports, nothing else: the routes whose permission allows a token.
      c.set('principal', { kind: 'token', councilId: token.councilId, tokenId: token.id, name: token.name });
    } else {
      const sid = getCookie(c, SESSION_COOKIE);
      if (sid) {
        const session = await store.getSession(sid);
        const t = now().getTime();
        if (session && Date.parse(session.expiresAt) > t && Date.parse(session.lastSeenAt) + sessionIdleMs > t) {
          const u = await store.getUser(session.userId);
          if (u && !u.disabled) {
            c.set('principal', {
              kind: 'user',
              user: u,
              sessionId: sid,
              csrfToken: session.csrfToken,
            } satisfies Principal);
            // Refresh the idle timer at most once a minute, to spare the database.
            if (t - Date.parse(session.lastSeenAt) > 60_000) await store.touchSession(sid, now());
          }
        } else if (session) {
          await store.deleteSession(sid);
        }
      }
    }
    await next();
  });

  // CSRF: Origin check plus a token that a page on another site cannot read (double submit or session-bound).
  app.use('/api/*', async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const p = c.get('principal');
    // A browser never sends a bearer token by itself, so a token needs no CSRF check; the permission table lets
    // tokens through read routes only, so guardRoutes refuses this request.
    if (p?.kind === 'token') return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== deps.origin(c)) {
      throw new HttpProblem(403, 'csrf', 'This request came from another website, so it was refused.');
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw new HttpProblem(403, 'csrf', 'This request came from another website, so it was refused.');
    }
    const sent = c.req.header('x-csrf-token') ?? '';
    const expected = p?.kind === 'user' ? p.csrfToken : (getCookie(c, CSRF_COOKIE) ?? '');
    if (!sent || !expected || !safeEqual(sent, expected)) {
      throw new HttpProblem(
        403,
        'csrf',
        'The security token (X-CSRF-Token header) is missing or wrong. Reload the page and try again.',
      );
    }
    return next();
  });

  // Every route's permission, from the one table (permissions.ts), before any handler runs.
  app.use('/api/*', guardRoutes(ROUTE_PERMISSIONS));

  registerHealthRoutes(app, deps);
  app.get('/api/openapi.json', (c) => c.json(openApi));
  registerAuthRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerSubjectAccessRoutes(app, deps);
  registerRetentionRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerCheckInRoutes(app, deps);
  registerStayingPutRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerSetupRoutes(app, deps);
  registerInsightRoutes(app, deps);
  app.all('/api/*', () => {
    throw new HttpProblem(404, 'not-found', 'There is no API route here.');
  });
  options.pages?.(app);

  app.onError((err, c) => {
    const requestId = c.get('requestId') ?? 'unknown';
    if (err instanceof LifecycleRefusedError) {
      const p = lifecycleProblem(err);
      return c.body(JSON.stringify(p.body(requestId)), p.status as 400, { 'content-type': 'application/problem+json' });
    }
    if (err instanceof ConflictError) {
      const p = new HttpProblem(409, 'conflict', err.message);
      return c.body(JSON.stringify(p.body(requestId)), 409, { 'content-type': 'application/problem+json' });
    }
    if (err instanceof CommitUnknownError || isTransientDbError(err)) {
      log(
        JSON.stringify({
          at: now().toISOString(),
          requestId,
          level: 'warn',
          error: 'database-unavailable',
          route: c.req.routePath,
        }),
      );
      const p = new HttpProblem(
        503,
        'unavailable',
        err instanceof CommitUnknownError
          ? 'We lost touch with the database while saving, so we cannot tell whether your change was kept. Reload the page to check before you send it again.'
          : 'The database cannot be reached just now. Nothing was changed. Try again in a few seconds.',
      );
      return c.body(JSON.stringify(p.body(requestId)), 503, {
        'content-type': 'application/problem+json',
        'retry-after': '2',
      });
    }
    if (err instanceof HttpProblem) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.body(JSON.stringify(err.body(requestId)), err.status as 400, {
        'content-type': 'application/problem+json',
      });
    }
    // Never log the error message: it may carry personal data from a query. The name and request id suffice.
    log(
      JSON.stringify({ at: now().toISOString(), requestId, level: 'error', error: err.name, route: c.req.routePath }),
    );
    const p = new HttpProblem(
      500,
      'server-error',
      'Something went wrong on our side. Nothing you sent was lost; try again.',
    );
    return c.body(JSON.stringify(p.body(requestId)), 500, { 'content-type': 'application/problem+json' });
  });
  app.notFound((c) => {
    const p = new HttpProblem(404, 'not-found', 'There is no page here.');
    return c.body(JSON.stringify(p.body(c.get('requestId') ?? 'unknown')), 404, {
      'content-type': 'application/problem+json',
    });
  });

  return {
    app,
    webhooks,
    pdfFreezes,
    notifier,
    openApi,
    beginShutdown: () => {
      draining = true;
    },
  };
}
