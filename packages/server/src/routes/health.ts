// Health for load balancers and orchestrators. Liveness: the process answers (restart it if not). Readiness: it
// can do its work now: the database answers and has every migration this version needs (send it traffic only
// then). A database outage makes every instance unready but none of them dead: they recover on their own.
import type { Hono } from 'hono';
import type { Env } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { MIGRATIONS } from '../storage/migrations.js';

/** How long readiness waits for the database before saying it is unreachable, ms. */
const READY_TIMEOUT_MS = 2000;

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const HEALTH_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Is the server up? (liveness)',
    who: 'anyone',
    permission: 'anyone',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/health/live',
    summary: 'Liveness: the process answers',
    who: 'anyone',
    permission: 'anyone',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/health/ready',
    summary:
      'Readiness: the database answers and is migrated (503 otherwise, or while shutting down); says whether email is sending',
    who: 'anyone',
    permission: 'anyone',
    ok: 200,
  },
];

export function registerHealthRoutes(app: Hono<Env>, d: Deps): void {
  const started = Date.now();
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.get('/api/health/live', (c) => c.json({ ok: true, uptimeSeconds: Math.floor((Date.now() - started) / 1000) }));
  app.get('/api/health/ready', async (c) => {
    const checks: { database: 'ok' | 'unreachable'; migrations: 'done' | 'pending' | 'unknown' } = {
      database: 'unreachable',
      migrations: 'unknown',
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), READY_TIMEOUT_MS);
    });
    const applied = await Promise.race([
      d.store.db.query<{ id: number }>('SELECT id FROM onward_migrations').then(
        (rows) => new Set(rows.map((r) => Number(r.id))),
        () => undefined,
      ),
      timeout,
    ]);
    clearTimeout(timer);
    if (applied) {
      checks.database = 'ok';
      // A newer version may have added migrations; this one is ready as long as it has all of its own.
      checks.migrations = MIGRATIONS.every((m) => applied.has(m.id)) ? 'done' : 'pending';
    }
    const ready = checks.database === 'ok' && checks.migrations === 'done' && !d.draining();
    // Email does not decide readiness (requests are served and messages wait in the outbox), but it is said here,
    // so a monitor sees that messages are not going out: not configured, or failing (the mail server is down).
    const notifications = d.notifier ? d.notifier.status().state : 'not-configured';
    return c.json({ ready, ...(d.draining() ? { draining: true } : {}), checks, notifications }, ready ? 200 : 503, {
      ...(ready ? {} : { 'retry-after': '5' }),
    });
  });
}
