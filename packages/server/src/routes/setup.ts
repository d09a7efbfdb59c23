// Setting up from nothing and staff invitation links: the first-run set-up (an empty database, the one-time token
// the server printed at start), a new staff member choosing their password from their link, and an admin making a
// new link for someone (a first link, or one to replace a forgotten password).
import type { Hono } from 'hono';
import { isYoungPersonAccount } from '../access.js';
import { safeEqual } from '../auth/crypto.js';
import { passwordProblems } from '../auth/password-policy.js';
import { auditEntry, audited, body, type Env, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { HttpProblem, invalid, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import { needsSetup, SetupError, setUpFirstCouncil, staffInvitationPath } from '../setup.js';

const LINK_GONE =
  'invitation (it may have been used, replaced by a newer link or have run out; ask your admin for a new one)';

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const SETUP_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/setup',
    summary: 'Whether the first-run set-up is open (an empty database and a set-up token printed at start)',
    who: 'anyone',
    permission: 'anyone',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/setup',
    summary: 'First run: create the council and its first admin (once, with the set-up token)',
    who: 'anyone with the set-up token',
    permission: 'anyone',
    body: 'apiSetupSchema',
    ok: 201,
  },
  {
    method: 'get',
    path: '/api/staff-invitations/:token',
    summary: 'Check a staff invitation link: whose it is',
    who: 'anyone with the link',
    permission: 'anyone',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/staff-invitations/:token/accept',
    summary: 'Choose a password from a staff invitation link (once)',
    who: 'anyone with the link',
    permission: 'anyone',
    body: 'apiStaffInvitationAcceptSchema',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/users/:id/invitations',
    summary: 'A new invitation link for a staff member to choose their password (the old link stops working)',
    who: 'admin',
    permission: 'admin',
    body: 'apiEmptySchema',
    ok: 201,
  },
];

export function registerSetupRoutes(app: Hono<Env>, d: Deps): void {
  const { store, now } = d;
  // The first-run token works once per process; the database (no council yet) decides whether it is needed at all.
  let setupTaken = false;
  const setupOpen = async () => Boolean(d.options.setupToken) && !setupTaken && (await needsSetup(store));

  app.get('/api/setup', async (c) => c.json({ open: await setupOpen() }));

  app.post('/api/setup', async (c) => {
    const b = await body(c, bodies.setup);
    const token = d.options.setupToken;
    if (!token || !(await setupOpen()))
      throw new HttpProblem(409, 'conflict', 'This Onward is already set up. Sign in as the council’s admin.');
    if (!safeEqual(b.token, token))
      throw new HttpProblem(
        403,
        'forbidden',
        'The set-up token is not right. Copy it again from where Onward started.',
        [{ path: 'token', message: 'The set-up token is not right.' }],
      );
    setupTaken = true;
    try {
      const r = await setUpFirstCouncil(
        store,
        {
          councilName: b.councilName,
          admin: { name: b.adminName, email: b.adminEmail, password: b.adminPassword },
        },
        { now: now(), requestId: c.get('requestId') },
      );
      return c.json({ council: r.council, admin: { id: r.admin.id, email: r.admin.email, name: r.admin.name } }, 201);
    } catch (e) {
      setupTaken = false;
      if (e instanceof SetupError)
        throw new HttpProblem(400, 'invalid-body', '1 problem with what was sent.', [
          { path: e.field, message: e.message },
        ]);
      throw e;
    }
  });

  app.get('/api/staff-invitations/:token', async (c) => {
    const inv = await store.staffInvitations.get(c.req.param('token'), now());
    const u = inv && (await store.getUser(inv.userId));
    if (!inv || !u || u.disabled) throw notFound(LINK_GONE);
    const council = await store.getCouncil(u.councilId);
    return c.json({ name: u.name, email: u.email, council: council?.name ?? '', expiresAt: inv.expiresAt });
  });

  app.post('/api/staff-invitations/:token/accept', async (c) => {
    const b = await body(c, bodies.staffInvitationAccept);
    const inv = await store.staffInvitations.get(c.req.param('token'), now());
    const u = inv && (await store.getUser(inv.userId));
    if (!inv || !u || u.disabled) throw notFound(LINK_GONE);
    const weak = passwordProblems(b.password, { email: u.email, names: [u.name] });
    if (weak.length) throw invalid(weak);
    const at = now();
    // The new password and its audit row are saved together; a link already used saves neither (404).
    await audited(
      store,
      async () => {
        const done = await store.staffInvitations.accept(c.req.param('token'), b.password, at);
        if (!done) throw notFound(LINK_GONE);
      },
      () => [
        {
          councilId: u.councilId,
          actorId: u.id,
          actorRole: u.role,
          action: 'update',
          recordType: 'user-password',
          recordId: u.id,
          requestId: c.get('requestId'),
          at: at.toISOString(),
        },
      ],
    );
    return c.json({ email: u.email });
  });

  app.post('/api/users/:id/invitations', async (c) => {
    const u = user(c);
    const target = await store.getUser(c.req.param('id'));
    if (!target || target.councilId !== u.councilId) throw notFound('user');
    await body(c, bodies.empty);
    if (isYoungPersonAccount(target))
      throw new HttpProblem(409, 'conflict', 'A young person is invited by their PA, from their page.');
    if (target.disabled) throw new HttpProblem(409, 'conflict', 'Switch this sign-in back on first.');
    const at = now();
    const inv = await audited(
      store,
      () => store.staffInvitations.create({ councilId: u.councilId, userId: target.id, createdBy: u.id, now: at }),
      () => [auditEntry(c, at, 'create', 'staff-invitation', target.id)],
    );
    return c.json({ token: inv.token, url: staffInvitationPath(inv.token), expiresAt: inv.expiresAt }, 201);
  });
}
