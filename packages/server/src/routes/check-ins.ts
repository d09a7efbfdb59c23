// Check-ins: only the young person writes one; a "help" answer shows up in their workers' help requests.
import { type CheckIn, helpDomains, recordEvents } from '@onward/engine';
import type { Hono } from 'hono';
import { assertSeesCase, caseloadScope } from '../access.js';
import { audit, auditEntry, auditList, body, type Env, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { conflict, forbidden, HttpProblem, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import { momentOf } from '../lifecycle.js';
import type { CheckInRecord } from '../storage/projection.js';
import { DuplicateEventError } from '../storage/store.js';
import { visibleYoungPerson } from './cases.js';

function sameJson(a: unknown, b: unknown): boolean {
  const norm = (x: unknown): unknown =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>)
            .sort(([k], [l]) => k.localeCompare(l))
            .map(([k, v]) => [k, norm(v)]),
        )
      : Array.isArray(x)
        ? x.map(norm)
        : x;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const CHECK_IN_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/young-people/:id/check-ins',
    summary: 'Send a check-in',
    who: 'the young person only',
    permission: 'writeCheckIn',
    body: 'checkInSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/young-people/:id/check-ins',
    summary: 'Their check-ins, newest first',
    who: 'the young person, their PA, social worker, team manager',
    permission: 'readCase',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/help-requests',
    summary: 'Help asked for in check-ins',
    who: 'pa, social-worker, team-manager (their scope)',
    permission: 'helpRequests',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/check-ins/:checkInId/acknowledge',
    summary: 'Mark a check-in as seen',
    who: 'their PA, team manager',
    permission: 'acknowledgeHelp',
    body: 'apiEmptySchema',
    ok: 204,
    returns: 'none',
  },
];

export function registerCheckInRoutes(app: Hono<Env>, d: Deps): void {
  const { store, now } = d;

  app.post('/api/young-people/:id/check-ins', async (c) => {
    const u = user(c);
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    const doc = await body(c, bodies.checkIn);
    if (doc.youngPersonId !== yp.id) {
      throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
        { path: 'youngPersonId', message: 'A check-in can only be about yourself.' },
      ]);
    }
    // A retry of the same check-in (say, after a dropped connection) is fine; a different one with the same id is
    // not. The check-in's id is the idempotency key: the database stores one `check-in.recorded` per id, so
    // retries sent at the same moment (to one or several server processes) store it once.
    const retried = async () => {
      const existing = await store.getCheckIn(doc.id);
      if (!existing) return undefined;
      if (existing.youngPersonId === yp.id && sameJson(existing.doc, doc))
        return c.json({ checkIn: existing.doc }, 200);
      throw conflict('A different check-in already has this id. Make a new id and send it again.');
    };
    const early = await retried();
    if (early) return early;
    const at = now();
    const m = momentOf(u, { councilId: yp.councilId, youngPersonId: yp.id }, at);
    try {
      await store.events.append(
        [{ ...recordEvents.checkInRecorded(m, doc, yp.paId), key: `check-in.recorded:${doc.id}` }],
        {
          audit: [auditEntry(c, at, 'create', 'check-in', doc.id, yp.id)],
        },
      );
    } catch (e) {
      if (!(e instanceof DuplicateEventError && e.constraint === 'events_idempotency_key')) throw e;
      const again = await retried();
      if (again) return again;
      throw e;
    }
    return c.json({ checkIn: doc as CheckIn }, 201);
  });

  app.get('/api/young-people/:id/check-ins', async (c) => {
    const yp = await visibleYoungPerson(d, c, c.req.param('id'));
    user(c);
    const items = await store.listCheckIns({ youngPersonIds: [yp.id], limit: 500 });
    await audit(c, store, now(), 'read', 'check-ins', yp.id, yp.id);
    return c.json({ items: items.map((x) => ({ ...x.doc, state: x.lifecycle.state })) });
  });

  app.get('/api/help-requests', async (c) => {
    const u = user(c);
    const scope = caseloadScope(u);
    if (!scope) throw forbidden('Only PAs, social workers and team managers see help requests.');
    const yps = await store.listYoungPeople(u.councilId, scope);
    const names = new Map(yps.map((y) => [y.id, y.preferredName ?? y.name]));
    const items: CheckInRecord[] = yps.length
      ? await store.listCheckIns({ youngPersonIds: yps.map((y) => y.id), helpOnly: true, limit: 1000 })
      : [];
    // The young people whose help requests (with their notes) the answer shows.
    await auditList(
      c,
      store,
      now(),
      'read',
      'help-requests',
      u.id,
      items.map((x) => x.youngPersonId),
    );
    return c.json({
      items: items.map((x) => ({
        checkInId: x.id,
        youngPersonId: x.youngPersonId,
        name: names.get(x.youngPersonId) ?? '',
        at: x.at,
        seen: x.helpSeen,
        domains: helpDomains(x.doc.moods).map((domain) => {
          const m = (x.doc.moods as Record<string, { mood: string; note?: string } | undefined>)[domain];
          return { domain, mood: m?.mood, ...(m?.note !== undefined ? { note: m.note } : {}) };
        }),
      })),
    });
  });

  app.post('/api/check-ins/:checkInId/acknowledge', async (c) => {
    const u = user(c);
    const ci = await store.getCheckIn(c.req.param('checkInId'));
    if (!ci) throw notFound('check-in');
    const yp = await store.getYoungPerson(ci.youngPersonId);
    assertSeesCase(c.get('principal'), yp);
    await body(c, bodies.empty);
    // Compare-and-set: the database takes one acknowledgement per check-in (its idempotency key), so of several
    // sent at once one succeeds and the others are refused with 409, as a later one is by the lifecycle.
    const at = now();
    try {
      await store.events.append(
        [{ ...recordEvents.checkInAcknowledged(momentOf(u, ci, at), ci.id), key: `check-in.acknowledged:${ci.id}` }],
        { audit: [auditEntry(c, at, 'event', 'check-in', ci.id, ci.youngPersonId)] },
      );
    } catch (e) {
      if (e instanceof DuplicateEventError) throw conflict('This check-in has already been acknowledged.');
      throw e;
    }
    return c.body(null, 204);
  });
}
