// Council administration: staff, teams, API tokens, webhooks; and the audit trail for managers.
import { addDays, ROLE_NAMES, toCsv, ukDayStart, validateCouncilSettings } from '@onward/engine';
import type { Hono } from 'hono';
import { auditTeamOf, isYoungPersonAccount, staffListScope } from '../access.js';
import { randomToken } from '../auth/crypto.js';
import { passwordProblems } from '../auth/password-policy.js';
import { audit, auditEntry, audited, body, type Ctx, type Env, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { forbidden, HttpProblem, invalid, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import { staffInvitationPath } from '../setup.js';
import type { AuditCursor, AuditEntry, AuditFilter } from '../storage/audit.js';
import type { User } from '../storage/store.js';
import { publicUser } from './auth.js';

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const ADMIN_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/users',
    summary: 'Staff of the council (admin) or team (team manager)',
    who: 'admin, team-manager',
    permission: 'listStaff',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/users',
    summary: 'Add a staff member',
    who: 'admin',
    permission: 'admin',
    body: 'apiUserCreateSchema',
    ok: 201,
  },
  {
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Change or switch off a staff member',
    who: 'admin',
    permission: 'admin',
    body: 'apiUserUpdateSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/users/:id/sign-out-everywhere',
    summary: 'End every session of a user',
    who: 'admin',
    permission: 'admin',
    body: 'apiEmptySchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'get',
    path: '/api/council/settings',
    summary: "The council's settings (deadlines, contact attempts, Staying Put attendance and signatories, nation)",
    who: 'admin',
    permission: 'admin',
    ok: 200,
  },
  {
    method: 'put',
    path: '/api/council/settings',
    summary: "Replace the council's settings (checked field by field; deadlines shown change at once)",
    who: 'admin',
    permission: 'admin',
    body: 'councilSettingsSchema',
    ok: 200,
  },
  { method: 'get', path: '/api/teams', summary: 'Teams of the council', who: 'staff', permission: 'teams', ok: 200 },
  {
    method: 'post',
    path: '/api/teams',
    summary: 'Add a team',
    who: 'admin',
    permission: 'admin',
    body: 'apiTeamCreateSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/api-tokens',
    summary: 'API tokens of the council',
    who: 'admin',
    permission: 'admin',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/api-tokens',
    summary: 'Make a read-only API token (shown once)',
    who: 'admin',
    permission: 'admin',
    body: 'apiTokenCreateSchema',
    ok: 201,
  },
  {
    method: 'delete',
    path: '/api/api-tokens/:id',
    summary: 'Withdraw an API token',
    who: 'admin',
    permission: 'admin',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'get',
    path: '/api/webhooks',
    summary: 'Webhooks of the council',
    who: 'admin',
    permission: 'admin',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/webhooks',
    summary: 'Add a webhook (secret shown once)',
    who: 'admin',
    permission: 'admin',
    body: 'apiWebhookCreateSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/webhooks/:id/deliveries',
    summary: 'Every delivery and attempt of a webhook',
    who: 'admin',
    permission: 'admin',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/notifications',
    summary:
      "Emails to people (a PA told of a help request): whether email is sending, and the council's messages waiting, sent or undeliverable, with no addresses and no words",
    who: 'admin',
    permission: 'admin',
    ok: 200,
    query: ['status'],
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'Who read or changed which record, and when',
    who: 'team-manager (their team), admin (council)',
    permission: 'audit',
    ok: 200,
    query: ['youngPersonId', 'actorId', 'action', 'from', 'to', 'limit', 'after'],
  },
  {
    method: 'get',
    path: '/api/audit/people',
    summary: 'Everyone in the audit trail, by name: who did things and whose records they were',
    who: 'team-manager (their team), admin (council)',
    permission: 'audit',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/audit/export',
    summary: 'Every audit entry matching the filters, as CSV (audited)',
    who: 'team-manager (their team), admin (council)',
    permission: 'audit',
    ok: 200,
    returns: 'csv',
    query: ['youngPersonId', 'actorId', 'action', 'from', 'to'],
  },
];

export function registerAdminRoutes(app: Hono<Env>, d: Deps): void {
  const { store, now } = d;
  const admin = (c: Ctx): User => {
    // The permission table lets only admins reach these routes; this names the caller for the handler.
    return user(c);
  };

  // The council's settings (deadlines, contact attempts, who comes to the Staying Put meeting and signs, the
  // nation): the defaults until an admin saves them. Checked against schemas/council/council-settings.schema.json
  // and the rules between fields (validateCouncilSettings), each problem naming its field; every read and change
  // audited.
  const settingsView = (s: Awaited<ReturnType<typeof store.councilSettings.get>>) => ({
    settings: s.settings,
    defaults: s.updatedAt === undefined,
    ...(s.updatedAt ? { updatedAt: s.updatedAt, updatedBy: s.updatedBy } : {}),
  });
  app.get('/api/council/settings', async (c) => {
    const u = admin(c);
    const s = await store.councilSettings.get(u.councilId);
    await audit(c, store, now(), 'read', 'council-settings', u.councilId);
    return c.json(settingsView(s));
  });
  app.put('/api/council/settings', async (c) => {
    const u = admin(c);
    const settings = await body(c, (doc) => {
      const r = validateCouncilSettings(doc);
      return r.ok ? r : { ok: false, errors: r.errors.map((e) => ({ path: e.path, message: e.message })) };
    });
    const at = now();
    await audited(
      store,
      () => store.councilSettings.put({ councilId: u.councilId, settings, by: u.id, at: at.toISOString() }),
      () => [auditEntry(c, at, 'update', 'council-settings', u.councilId)],
    );
    return c.json(settingsView(await store.councilSettings.get(u.councilId)));
  });

  app.get('/api/users', async (c) => {
    const u = user(c);
    const scope = staffListScope(u);
    if (scope === 'council') return c.json({ items: (await store.listUsers(u.councilId)).map(publicUser) });
    if (scope) {
      const team = await store.listUsers(u.councilId, scope);
      return c.json({ items: team.filter((x) => !isYoungPersonAccount(x)).map(publicUser) });
    }
    throw forbidden('Only an admin or a team manager can list staff.');
  });

  app.post('/api/users', async (c) => {
    const u = admin(c);
    const b = await body(c, bodies.userCreate);
    if (b.password !== undefined) {
      const weak = passwordProblems(b.password, { email: b.email, names: [b.name] });
      if (weak.length) throw invalid(weak);
    }
    if (b.teamId) {
      const t = await store.getTeam(b.teamId);
      if (!t || t.councilId !== u.councilId)
        throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
          { path: 'teamId', message: 'There is no such team in your council.' },
        ]);
    }
    if (await store.getUserByEmail(b.email)) {
      throw new HttpProblem(409, 'conflict', 'Someone already signs in with that email address.', [
        { path: 'email', message: 'Someone already signs in with that email address.' },
      ]);
    }
    // Without a password (the usual way) the account starts with a random one nobody is told, and the answer
    // carries a one-time link for the person to choose their own.
    // The account, its invitation and their audit rows are saved together, or none of them.
    const at = now();
    const { created, inv } = await audited(
      store,
      async () => {
        const created = await store.createStaffUser({
          ...b,
          password: b.password ?? randomToken(32),
          councilId: u.councilId,
          actor: { id: u.id, role: u.role },
        });
        const inv =
          b.password === undefined
            ? await store.staffInvitations.create({
                councilId: u.councilId,
                userId: created.id,
                createdBy: u.id,
                now: at,
              })
            : undefined;
        return { created, inv };
      },
      ({ created, inv }) => [
        auditEntry(c, at, 'create', 'user', created.id),
        ...(inv ? [auditEntry(c, at, 'create', 'staff-invitation', created.id)] : []),
      ],
    );
    if (!inv) return c.json(publicUser(created), 201);
    return c.json(
      { ...publicUser(created), invitation: { url: staffInvitationPath(inv.token), expiresAt: inv.expiresAt } },
      201,
    );
  });

  app.patch('/api/users/:id', async (c) => {
    const u = admin(c);
    const target = await store.getUser(c.req.param('id'));
    if (!target || target.councilId !== u.councilId) throw notFound('user');
    const b = await body(c, bodies.userUpdate);
    if (isYoungPersonAccount(target) && b.role)
      throw new HttpProblem(409, 'conflict', "A young person's sign-in cannot be given a staff role.");
    if (b.teamId) {
      const t = await store.getTeam(b.teamId);
      if (!t || t.councilId !== u.councilId)
        throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
          { path: 'teamId', message: 'There is no such team in your council.' },
        ]);
    }
    const updated = await audited(
      store,
      async () => {
        const updated = await store.updateUser(target.id, b, { id: u.id, role: u.role });
        if (b.disabled) await store.deleteUserSessions(target.id);
        return updated;
      },
      () => [auditEntry(c, now(), 'update', 'user', target.id)],
    );
    return c.json(publicUser(updated as User));
  });

  app.post('/api/users/:id/sign-out-everywhere', async (c) => {
    const u = admin(c);
    const target = await store.getUser(c.req.param('id'));
    if (!target || target.councilId !== u.councilId) throw notFound('user');
    await body(c, bodies.empty);
    await audited(
      store,
      () => store.deleteUserSessions(target.id),
      () => [auditEntry(c, now(), 'update', 'user-sessions', target.id)],
    );
    return c.body(null, 204);
  });

  app.get('/api/teams', async (c) => {
    const u = user(c);
    return c.json({ items: await store.listTeams(u.councilId) });
  });

  app.post('/api/teams', async (c) => {
    const u = admin(c);
    const b = await body(c, bodies.teamCreate);
    const t = await audited(
      store,
      () => store.createTeam({ councilId: u.councilId, name: b.name, actor: { id: u.id, role: u.role } }),
      (t) => [auditEntry(c, now(), 'create', 'team', t.id)],
    );
    return c.json(t, 201);
  });

  app.get('/api/api-tokens', async (c) => {
    const u = admin(c);
    return c.json({ items: await store.listApiTokens(u.councilId) });
  });

  app.post('/api/api-tokens', async (c) => {
    const u = admin(c);
    const b = await body(c, bodies.tokenCreate);
    const t = await audited(
      store,
      () =>
        store.createApiToken({
          councilId: u.councilId,
          name: b.name,
          createdBy: u.id,
          actor: { id: u.id, role: u.role },
        }),
      (t) => [auditEntry(c, now(), 'create', 'api-token', t.id)],
    );
    return c.json(t, 201);
  });

  app.delete('/api/api-tokens/:id', async (c) => {
    const u = admin(c);
    const id = c.req.param('id');
    await audited(
      store,
      async () => {
        // Nothing revoked, nothing audited: the transaction is rolled back by the 404.
        if (!(await store.revokeApiToken(u.councilId, id, { id: u.id, role: u.role }))) throw notFound('API token');
      },
      () => [auditEntry(c, now(), 'update', 'api-token', id)],
    );
    return c.body(null, 204);
  });

  app.get('/api/webhooks', async (c) => {
    const u = admin(c);
    const items = await store.listWebhooks(u.councilId);
    return c.json({ items: items.map(({ secret: _s, ...w }) => w) });
  });

  app.post('/api/webhooks', async (c) => {
    const u = admin(c);
    const b = await body(c, bodies.webhookCreate);
    const w = await audited(
      store,
      () =>
        store.createWebhook({
          councilId: u.councilId,
          url: b.url,
          events: b.events,
          actor: { id: u.id, role: u.role },
        }),
      (w) => [auditEntry(c, now(), 'create', 'webhook', w.id)],
    );
    return c.json({ id: w.id, url: w.url, events: w.events, secret: w.secret }, 201);
  });

  app.get('/api/webhooks/:id/deliveries', async (c) => {
    const u = admin(c);
    const [w] = (await store.listWebhooks(u.councilId)).filter((x) => x.id === c.req.param('id'));
    if (!w) throw notFound('webhook');
    const items = await store.listDeliveries({ councilId: u.councilId, webhookId: w.id });
    return c.json({ items: items.map(({ body: _b, ...x }) => x) });
  });

  app.get('/api/notifications', async (c) => {
    const u = admin(c);
    const status = c.req.query('status');
    if (status !== undefined && !['queued', 'sent', 'undeliverable'].includes(status))
      throw invalid([{ path: 'status', message: 'Choose queued, sent or undeliverable.' }]);
    const [summary, items] = await Promise.all([
      store.outbox.summary(u.councilId),
      store.outbox.list(u.councilId, status ? { status: status as 'queued' } : {}),
    ]);
    // Whether anything is going out: without a transport every message waits here until one is configured.
    const sending = d.notifier ? d.notifier.status() : { transport: 'none', state: 'not-configured' as const };
    return c.json({ sending, summary, items });
  });

  // The audit trail: filters checked against schemas/api/api-audit-query.schema.json, names of who did it and whose
  // record it was, newest first, a page at a time (keyset: `next` is where the next page starts).
  app.get('/api/audit', async (c) => {
    const u = user(c);
    const f = await auditFilter(c, u);
    const limit = f.limit ?? 100;
    const rows = await store.queryAudit({ ...f.filter, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await audit(c, store, now(), 'read', 'audit', u.councilId);
    return c.json({
      items: items.map(({ councilId: _c, ...x }) => x),
      ...(rows.length > limit && last ? { next: encodeCursor({ at: last.at, id: last.id }) } : {}),
    });
  });

  // Everyone in the trail the caller may read, by name: for the audit page's filters.
  app.get('/api/audit/people', async (c) => {
    const u = user(c);
    const scope = await auditScope(u);
    const people = await store.auditPeople(u.councilId, scope);
    return c.json(people);
  });

  // Every entry matching the filters as CSV (up to AUDIT_EXPORT_MAX rows), itself audited as an export.
  app.get('/api/audit/export', async (c) => {
    const u = user(c);
    const f = await auditFilter(c, u, false);
    const rows = await store.queryAudit({ ...f.filter, limit: AUDIT_EXPORT_MAX });
    await audit(c, store, now(), 'export', 'audit', u.councilId);
    return c.body(auditCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit.csv"',
    });
  });

  /** The young people whose trail a user may read: their team's for a team manager, all for an admin. */
  async function auditScope(u: User): Promise<string[] | undefined> {
    const auditTeam = auditTeamOf(u);
    if (auditTeam === undefined) return undefined;
    return (await store.listYoungPeople(u.councilId, { teamId: auditTeam })).map((y) => y.id);
  }

  async function auditFilter(
    c: Ctx,
    u: User,
    paged = true,
  ): Promise<{ filter: Omit<AuditFilter, 'limit'>; limit?: number }> {
    const raw: Record<string, unknown> = { ...c.req.query() };
    if (!paged) {
      for (const k of ['limit', 'after'])
        if (k in raw)
          throw invalid([{ path: k, message: `"${k}" pages the trail; the download has every matching entry.` }]);
    }
    if (typeof raw.limit === 'string' && /^\d{1,6}$/.test(raw.limit)) raw.limit = Number(raw.limit);
    const r = bodies.auditQuery(raw);
    if (!r.ok) throw new HttpProblem(400, 'invalid-body', `${r.errors.length} problem(s) with the filters.`, r.errors);
    const q = r.value;
    const before = q.after === undefined ? undefined : decodeCursor(q.after);
    if (q.after !== undefined && !before)
      throw invalid([
        { path: 'after', message: 'This page link is not one we gave. Start again from the first page.' },
      ]);
    const from = q.from === undefined ? undefined : instant(q.from, 'start');
    const to = q.to === undefined ? undefined : instant(q.to, 'end');
    if (from && to && from >= to)
      throw invalid([{ path: 'to', message: 'The "to" date is before the "from" date. Swap them or change one.' }]);
    let youngPersonIds = await auditScope(u);
    if (q.youngPersonId)
      youngPersonIds = youngPersonIds ? youngPersonIds.filter((id) => id === q.youngPersonId) : [q.youngPersonId];
    return {
      filter: {
        councilId: u.councilId,
        ...(youngPersonIds ? { youngPersonIds } : {}),
        ...(q.actorId ? { actorId: q.actorId } : {}),
        ...(q.action ? { action: q.action } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(before ? { before } : {}),
      },
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    };
  }
}

/** The most rows one audit download holds. */
export const AUDIT_EXPORT_MAX = 100_000;

/** A date alone is a whole UK day (from its first moment; to its last, so "to" is the first moment of the next
 * day, not included); a date and time is that instant (and "to" includes it). */
function instant(v: string, edge: 'start' | 'end'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return ukDayStart(edge === 'start' ? v : addDays(v, 1)).toISOString();
  const t = new Date(v).getTime();
  return new Date(edge === 'start' ? t : t + 1).toISOString();
}

function encodeCursor(k: AuditCursor): string {
  return Buffer.from(`${k.at}|${k.id}`, 'utf8').toString('base64url');
}
function decodeCursor(v: string): AuditCursor | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,18})$/.exec(
    Buffer.from(v, 'base64url').toString('utf8'),
  );
  if (!m || Number.isNaN(Date.parse(m[1] as string))) return undefined;
  return { at: m[1] as string, id: Number(m[2]) };
}

const ACTION_WORDS: Record<AuditEntry['action'], string> = {
  read: 'Read',
  create: 'Created',
  update: 'Changed',
  event: 'Step recorded',
  export: 'Exported',
  destroy: 'Destroyed a record past its retention date',
};
const ukTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function ukDateTime(at: string): string {
  const p = Object.fromEntries(ukTime.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const AUDIT_COLUMNS = [
  'When (UK time)',
  'When (UTC)',
  'Who',
  'Role',
  'Action',
  'Record',
  'Record id',
  'Young person',
  'Young person id',
  'Staff or token id',
  'Request id',
] as const;

/** The audit download: names and UK times for people, ids beside them for anyone checking further. */
export function auditCsv(rows: readonly AuditEntry[]): string {
  return toCsv(
    AUDIT_COLUMNS,
    rows.map((e) => ({
      'When (UK time)': ukDateTime(e.at),
      'When (UTC)': e.at,
      Who: e.actorName ?? '',
      Role:
        (ROLE_NAMES as Record<string, { title: string } | undefined>)[e.actorRole]?.title ??
        (e.actorRole === 'api-token' ? 'API token' : e.actorRole),
      Action: ACTION_WORDS[e.action] ?? e.action,
      Record: e.recordType.replace(/-/g, ' '),
      'Record id': e.recordId,
      'Young person': e.youngPersonName ?? '',
      'Young person id': e.youngPersonId ?? '',
      'Staff or token id': e.actorId,
      'Request id': e.requestId,
    })),
  );
}
