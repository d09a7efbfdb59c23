// Passwords, sessions, sign-out everywhere, CSRF, the sign-in rate limit and the invitation link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, OWASP_SCRYPT, setScryptParamsForTests, verifyPassword } from '../src/auth/crypto.js';
import { Client, FIXTURE_SCRYPT, makeWorld, PASSWORD, type World } from './helpers.js';

describe('password hashing', () => {
  it('uses scrypt at the OWASP cost with a fresh salt each time and checks in constant time', async () => {
    // The production cost (the fixtures use a cheaper one; this test puts the real one back for itself).
    setScryptParamsForTests(OWASP_SCRYPT);
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    setScryptParamsForTests(FIXTURE_SCRYPT);
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('sessions, CSRF, rate limit and invitations over HTTP', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  }, 120_000);
  afterAll(() => w.close());

  it('sets an HttpOnly SameSite session cookie and stores only its hash', async () => {
    const c = new Client(w.server.app);
    const t = await c.get('/api/auth/csrf');
    c.csrf = String(t.json.csrfToken);
    const r = await c.post('/api/auth/sign-in', { email: 'PA@example.org', password: PASSWORD });
    expect(r.status).toBe(200);
    const cookie = r.headers.getSetCookie().find((x) => x.startsWith('onward_session=')) as string;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const sid = c.cookies.get('onward_session') as string;
    const rows = await w.store.db.query('SELECT id_hash FROM sessions');
    expect(rows.some((x) => x.id_hash === sid)).toBe(false);
    expect(r.json.user).toMatchObject({ id: 'u-pa', role: 'pa' });
    expect(JSON.stringify(r.json)).not.toMatch(/scrypt|password/);
  });

  it('marks cookies Secure unless told it runs on localhost', async () => {
    const { createOnwardServer } = await import('../src/app.js');
    const secure = createOnwardServer({ store: w.store, logger: () => {} });
    const c = new Client(secure.app);
    const t = await c.get('/api/auth/csrf');
    expect(t.headers.getSetCookie()[0]).toMatch(/Secure/);
  });

  it('refuses state changes without the CSRF token or from another origin', async () => {
    const pa = await w.as('pa');
    const body = { youngPerson: 'x' };
    const noToken = await pa.req('POST', '/api/young-people/yp1/invitations', {}, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.json.type).toMatch(/csrf$/);
    const wrong = await pa.req('POST', '/api/young-people/yp1/invitations', {}, { 'x-csrf-token': 'guess' });
    expect(wrong.status).toBe(403);
    const crossSite = await pa.req('POST', '/api/young-people/yp1/invitations', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.detail).toMatch(/another website/);
    const fetchMeta = await pa.req('PUT', `/api/plans/${w.ids.planId}/views`, body, { 'sec-fetch-site': 'cross-site' });
    expect(fetchMeta.status).toBe(403);
    // Signing in needs the double-submit token too (login CSRF).
    const anon = new Client(w.server.app);
    const r = await anon.post('/api/auth/sign-in', { email: 'pa@example.org', password: PASSWORD });
    expect(r.status).toBe(403);
  });

  it('ends every session of the account on sign-out everywhere', async () => {
    const one = await w.as('sw');
    const two = await w.as('sw');
    expect((await two.get('/api/auth/session')).status).toBe(200);
    expect((await one.post('/api/auth/sign-out-everywhere', {})).status).toBe(204);
    expect((await one.get('/api/auth/session')).status).toBe(401);
    expect((await two.get('/api/auth/session')).status).toBe(401);
    expect(await w.store.countSessions('u-sw')).toBe(0);
  });

  it('signs out here only on sign-out', async () => {
    const one = await w.as('tm2');
    const two = await w.as('tm2');
    expect((await one.post('/api/auth/sign-out', {})).status).toBe(204);
    expect((await one.get('/api/auth/session')).status).toBe(401);
    expect((await two.get('/api/auth/session')).status).toBe(200);
  });

  it('ends sessions when they expire or sit idle', async () => {
    const c = await w.as('analyst');
    const start = w.clock.now;
    w.clock.now = new Date(start.getTime() + 2 * 3600_000 + 1000);
    expect((await c.get('/api/auth/session')).status).toBe(401);
    w.clock.now = start;
  });

  it('rate-limits sign-in per account, with Retry-After', async () => {
    const c = new Client(w.server.app);
    c.csrf = String((await c.get('/api/auth/csrf')).json.csrfToken);
    for (let i = 0; i < 5; i++)
      expect(
        (await c.post('/api/auth/sign-in', { email: 'carer2@example.org', password: 'wrong password!' })).status,
      ).toBe(401);
    const blocked = await c.post('/api/auth/sign-in', { email: 'carer2@example.org', password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same (unknown) address still works until the per-address limit.
    expect((await c.post('/api/auth/sign-in', { email: 'carer@example.org', password: PASSWORD })).status).toBe(200);
  });

  it('rate-limits sign-in per IP address', async () => {
    const { createOnwardServer } = await import('../src/app.js');
    const s = createOnwardServer({ store: w.store, secureCookies: false, trustProxy: true, logger: () => {} });
    const c = new Client(s.app);
    c.csrf = String((await c.get('/api/auth/csrf')).json.csrfToken);
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 20; i++)
      await c.post('/api/auth/sign-in', { email: `nobody${i}@example.org`, password: 'whatever it is' }, ip);
    expect((await c.post('/api/auth/sign-in', { email: 'pa@example.org', password: PASSWORD }, ip)).status).toBe(429);
    expect(
      (
        await c.post(
          '/api/auth/sign-in',
          { email: 'pa@example.org', password: PASSWORD },
          { 'x-forwarded-for': '203.0.113.10' },
        )
      ).status,
    ).toBe(200);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const c = new Client(w.server.app);
    c.csrf = String((await c.get('/api/auth/csrf')).json.csrfToken);
    const a = await c.post('/api/auth/sign-in', { email: 'nobody@example.org', password: 'wrong password!' });
    const b = await c.post('/api/auth/sign-in', { email: 'admin@example.org', password: 'wrong password!' });
    expect(a.status).toBe(401);
    expect(a.json.detail).toBe(b.json.detail);
  });

  it('lets a young person in through a single-use invitation that expires', async () => {
    // yp2 has a sign-in in the fixture; register a new young person to invite.
    const admin = await w.as('admin');
    const created = await admin.post('/api/young-people', {
      name: 'Dee New',
      dateOfBirth: '2008-06-06',
      category: 'relevant',
      teamId: 't1',
      paId: 'u-pa',
    });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    const pa = await w.as('pa');
    const inv = await pa.post(`/api/young-people/${id}/invitations`, {});
    expect(inv.status).toBe(201);
    const token = String(inv.json.token);
    const anon = new Client(w.server.app);
    const check = await anon.get(`/api/invitations/${token}`);
    expect(check.json).toMatchObject({ valid: true, firstName: 'Dee' });
    anon.csrf = String((await anon.get('/api/auth/csrf')).json.csrfToken);
    const short = await anon.post(`/api/invitations/${token}/accept`, { email: 'dee@example.org', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.json.errors[0].path).toBe('password');
    const ok = await anon.post(`/api/invitations/${token}/accept`, {
      email: 'dee@example.org',
      password: 'my very own password',
    });
    expect(ok.status).toBe(200);
    expect(ok.json.user).toMatchObject({ role: 'young-person', youngPersonId: id });
    anon.csrf = String(ok.json.csrfToken);
    expect((await anon.get(`/api/young-people/${id}`)).status).toBe(200);
    const again = new Client(w.server.app);
    again.csrf = String((await again.get('/api/auth/csrf')).json.csrfToken);
    expect(
      (
        await again.post(`/api/invitations/${token}/accept`, {
          email: 'dee2@example.org',
          password: 'my very own password',
        })
      ).status,
    ).toBe(404);
    // A second link for someone who already signs in is refused.
    expect((await pa.post(`/api/young-people/${id}/invitations`, {})).status).toBe(409);

    const created2 = await admin.post('/api/young-people', {
      name: 'Eve Late',
      dateOfBirth: '2008-06-06',
      category: 'relevant',
      teamId: 't1',
      paId: 'u-pa',
    });
    const late = await pa.post(`/api/young-people/${created2.json.id}/invitations`, {});
    const start = w.clock.now;
    w.clock.now = new Date(start.getTime() + 8 * 24 * 3600_000);
    expect((await again.get(`/api/invitations/${late.json.token}`)).status).toBe(404);
    w.clock.now = start;
  });

  it('changes a password and ends the other sessions', async () => {
    const one = await w.as('pa2');
    const two = await w.as('pa2');
    const bad = await one.post('/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new password',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('currentPassword');
    expect(
      (await one.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new password' })).status,
    ).toBe(204);
    expect((await one.get('/api/auth/session')).status).toBe(200);
    expect((await two.get('/api/auth/session')).status).toBe(401);
    const fresh = new Client(w.server.app);
    expect((await fresh.signIn('pa2@example.org', 'a brand new password')).status).toBe(200);
  });

  it('switching a user off ends their sessions at once', async () => {
    const ssw = await w.as('ssw');
    const admin = await w.as('admin');
    expect((await admin.patch('/api/users/u-ssw', { disabled: true })).status).toBe(200);
    expect((await ssw.get('/api/auth/session')).status).toBe(401);
    const again = new Client(w.server.app);
    expect((await again.signIn('ssw@example.org')).status).toBe(401);
  });
});

describe('configuration from the environment', () => {
  it('defaults to PGlite in ./data on 127.0.0.1:3000 with secure cookies', async () => {
    const { configFromEnv } = await import('../src/config.js');
    expect(configFromEnv({})).toEqual({
      store: { dataDir: './data' },
      server: { secureCookies: true, trustProxy: false },
      listen: { port: 3000, hostname: '127.0.0.1' },
    });
    expect(
      configFromEnv({ DATABASE_URL: 'postgres://u@db/onward', ONWARD_SECURE_COOKIES: 'false', PORT: '8080' }),
    ).toMatchObject({
      store: { databaseUrl: 'postgres://u@db/onward' },
      server: { secureCookies: false },
      listen: { port: 8080 },
    });
  });
  it('names the variable that is wrong', async () => {
    const { configFromEnv } = await import('../src/config.js');
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => configFromEnv({ ONWARD_PUBLIC_ORIGIN: 'https://x.example/app' })).toThrow(/ONWARD_PUBLIC_ORIGIN/);
    expect(() => configFromEnv({ ONWARD_TRUST_PROXY: 'maybe' })).toThrow(/ONWARD_TRUST_PROXY/);
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
