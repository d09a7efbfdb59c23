// Sign-in, sessions, sign-out (here and everywhere), password change and the young person's invitation link.
import type { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomToken } from '../auth/crypto.js';
import { passwordProblems } from '../auth/password-policy.js';
import { auditEntry, audited, body, type Ctx, type Env, principal, user } from '../http/context.js';
import type { Deps } from '../http/deps.js';
import type { Operation } from '../http/operation.js';
import { HttpProblem, invalid, notFound } from '../http/problem.js';
import { bodies } from '../http/validators.js';
import type { User } from '../storage/store.js';

export const SESSION_COOKIE = 'onward_session';
export const CSRF_COOKIE = 'onward_csrf';

export function publicUser(u: User) {
  return {
    id: u.id,
    councilId: u.councilId,
    role: u.role,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    ...(u.teamId ? { teamId: u.teamId } : {}),
    ...(u.youngPersonId ? { youngPersonId: u.youngPersonId } : {}),
    // Only said when true, so an admin's list shows who is switched off.
    ...(u.disabled ? { disabled: true } : {}),
  };
}

/** This module's routes for OpenAPI, each naming its permission (openapi.ts gathers every module's). */
export const AUTH_OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/auth/csrf',
    summary: 'A CSRF token for signing in',
    who: 'anyone',
    permission: 'anyone',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/auth/sign-in',
    summary: 'Sign in with email and password',
    who: 'anyone (rate-limited)',
    permission: 'anyone',
    body: 'apiSignInSchema',
    ok: 200,
  },
  {
    method: 'get',
    path: '/api/auth/session',
    summary: 'Who is signed in, and their CSRF token',
    who: 'signed in',
    permission: 'signedIn',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/auth/sign-out',
    summary: 'Sign out here',
    who: 'signed in',
    permission: 'signedIn',
    body: 'apiEmptySchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'post',
    path: '/api/auth/sign-out-everywhere',
    summary: 'End every session of this account',
    who: 'signed in',
    permission: 'signedIn',
    body: 'apiEmptySchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change your password',
    who: 'signed in',
    permission: 'signedIn',
    body: 'apiPasswordChangeSchema',
    ok: 204,
    returns: 'none',
  },
  {
    method: 'get',
    path: '/api/invitations/:token',
    summary: 'Check an invitation link',
    who: 'anyone with the link',
    permission: 'anyone',
    ok: 200,
  },
  {
    method: 'post',
    path: '/api/invitations/:token/accept',
    summary: 'Accept an invitation: set email and password',
    who: 'anyone with the link',
    permission: 'anyone',
    body: 'apiInvitationAcceptSchema',
    ok: 200,
  },
];

export function registerAuthRoutes(app: Hono<Env>, d: Deps): void {
  const { store, now } = d;

  const startSession = async (c: Ctx, u: User) => {
    const s = await store.createSession(u.id, u.councilId, now(), d.sessionLifetimeMs);
    setCookie(c, SESSION_COOKIE, s.id, {
      httpOnly: true,
      secure: d.secureCookies,
      sameSite: 'Lax',
      path: '/',
      maxAge: Math.floor(d.sessionLifetimeMs / 1000),
    });
    // Readable by the page's own script so it can send X-CSRF-Token; useless to another site (it cannot read it).
    setCookie(c, CSRF_COOKIE, s.csrfToken, { httpOnly: false, secure: d.secureCookies, sameSite: 'Strict', path: '/' });
    return c.json({ user: publicUser(u), csrfToken: s.csrfToken, ...(await languageOf(u)) });
  };

  /** A young person's own sign-in says the language their record holds, so their pages can start in it. */
  const languageOf = async (u: User): Promise<{ language?: string }> => {
    if (u.role !== 'young-person' || !u.youngPersonId) return {};
    const yp = await store.getYoungPerson(u.youngPersonId);
    return yp?.councilId === u.councilId && yp.language ? { language: yp.language } : {};
  };

  app.get('/api/auth/csrf', (c) => {
    const existing = getCookie(c, CSRF_COOKIE);
    const token = existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing) ? existing : randomToken();
    setCookie(c, CSRF_COOKIE, token, { httpOnly: false, secure: d.secureCookies, sameSite: 'Strict', path: '/' });
    return c.json({ csrfToken: token });
  });

  app.post('/api/auth/sign-in', async (c) => {
    const b = await body(c, bodies.signIn);
    const t = now().getTime();
    const ip = d.clientIp(c);
    const account = b.email.toLowerCase();
    // Checked and counted in one atomic step before the password is checked: of any number of parallel guesses at
    // most the limit are checked (per account and per address), on every server process sharing the database.
    const taken = await store.rateLimits.take(
      [
        { limiter: d.limits.account, key: account },
        { limiter: d.limits.ip, key: ip },
      ],
      t,
    );
    const wait = taken.retryAfter;
    if (wait > 0) {
      throw new HttpProblem(
        429,
        'rate-limited',
        `Too many sign-in tries. Wait ${Math.ceil(wait / 60)} minutes, then try again.`,
        undefined,
        {
          'Retry-After': String(wait),
        },
      );
    }
    const u = await store.checkPassword(b.email, b.password);
    if (!u) {
      // Failures count, per account and per address (counted above); successful sign-ins from a shared office
      // address do not, so a success gives its try back and clears the account's count.
      throw new HttpProblem(401, 'unauthenticated', 'The email or password is not right.', [
        { path: 'password', message: 'The email or password is not right.' },
      ]);
    }
    await taken.release(d.limits.ip.rule);
    await d.limits.account.reset(account);
    return startSession(c, u);
  });

  app.get('/api/auth/session', async (c) => {
    const p = principal(c);
    if (p.kind !== 'user') throw new HttpProblem(403, 'forbidden', 'An API token has no session.');
    // The council's nation, so a client can use its legal terms ("When I am Ready" in Wales).
    const { nation } = await store.councilSettings.settingsFor(p.user.councilId);
    return c.json({ user: publicUser(p.user), csrfToken: p.csrfToken, nation, ...(await languageOf(p.user)) });
  });

  app.post('/api/auth/sign-out', async (c) => {
    const p = principal(c);
    await body(c, bodies.empty);
    if (p.kind === 'user') await store.deleteSession(p.sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: d.secureCookies });
    return c.body(null, 204);
  });

  app.post('/api/auth/sign-out-everywhere', async (c) => {
    const u = user(c);
    await body(c, bodies.empty);
    await store.deleteUserSessions(u.id);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: d.secureCookies });
    return c.body(null, 204);
  });

  app.post('/api/auth/password', async (c) => {
    const p = principal(c);
    const u = user(c);
    const b = await body(c, bodies.passwordChange);
    if (!(await store.checkPasswordById(u.id, b.currentPassword))) {
      throw new HttpProblem(400, 'invalid-body', 'Your current password is not right.', [
        { path: 'currentPassword', message: 'Your current password is not right.' },
      ]);
    }
    const weak = passwordProblems(b.newPassword, { email: u.email, names: [u.name] }, 'newPassword');
    if (weak.length) throw invalid(weak);
    await audited(
      store,
      async () => {
        await store.setPassword(u.id, b.newPassword, { id: u.id, role: u.role });
        if (p.kind === 'user') await store.deleteUserSessions(u.id, p.sessionId);
      },
      () => [auditEntry(c, now(), 'update', 'user-password', u.id)],
    );
    return c.body(null, 204);
  });

  app.get('/api/invitations/:token', async (c) => {
    const inv = await store.getInvitation(c.req.param('token'), now());
    if (!inv) throw notFound('invitation (it may have been used or have expired; ask your PA for a new link)');
    const yp = await store.getYoungPerson(inv.youngPersonId);
    const first = (yp?.preferredName ?? yp?.name ?? '').split(/\s+/)[0] ?? '';
    return c.json({ valid: true, firstName: first, expiresAt: inv.expiresAt });
  });

  app.post('/api/invitations/:token/accept', async (c) => {
    const b = await body(c, bodies.invitationAccept);
    const inv = await store.getInvitation(c.req.param('token'), now());
    if (!inv) throw notFound('invitation (it may have been used or have expired; ask your PA for a new link)');
    const yp = await store.getYoungPerson(inv.youngPersonId);
    const weak = passwordProblems(b.password, { email: b.email, names: [yp?.name, yp?.preferredName] });
    if (weak.length) throw invalid(weak);
    if (await store.getUserByEmail(b.email)) {
      throw new HttpProblem(409, 'conflict', 'That email address already has a sign-in. Use another one, or sign in.', [
        { path: 'email', message: 'That email address already has a sign-in.' },
      ]);
    }
    // The young person's sign-in and its audit row are saved together (the new user is the actor).
    const at = now();
    const u = await audited(
      store,
      async () => {
        const u = await store.acceptInvitation(c.req.param('token'), { email: b.email, password: b.password, now: at });
        if (!u) throw notFound('invitation (it may have been used or have expired; ask your PA for a new link)');
        return u;
      },
      (u) => [
        {
          councilId: u.councilId,
          actorId: u.id,
          actorRole: u.role,
          action: 'create',
          recordType: 'user',
          recordId: u.id,
          ...(u.youngPersonId ? { youngPersonId: u.youngPersonId } : {}),
          requestId: c.get('requestId'),
          at: at.toISOString(),
        },
      ],
    );
    return startSession(c, u);
  });
}
