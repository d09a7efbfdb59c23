// Set-up from nothing: the first council and admin on an empty database (the function the `onward setup` command
// calls, and POST /api/setup with the one-time token), staff invitation links (one use, replaced by a newer link,
// refused for a switched-off account), audited; on PGlite and, when ONWARD_TEST_DATABASE_URL is set, PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';
import { createOnwardServer } from '../src/app.js';
import { type SetupError, setUpFirstCouncil } from '../src/setup.js';
import { openStore, type Store } from '../src/storage/store.js';
import { Client } from './helpers.js';

const postgresUrl = process.env.ONWARD_TEST_DATABASE_URL;
const DATABASES: { name: string; open: () => Promise<Store> }[] = [
  { name: 'PGlite', open: () => openStore({}) },
  ...(postgresUrl
    ? [
        {
          name: 'PostgreSQL',
          open: () => openStore({ databaseUrl: postgresUrl, schema: `t_setup_${process.pid}_${Date.now()}` }),
        },
      ]
    : []),
];
const NOW = new Date('2026-03-02T10:00:00.000Z');
const TOKEN = 'first-run-token-0123456789abcdef';

describe.each(DATABASES)('set-up from nothing ($name)', ({ open }) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('makes the first council and an admin with a one-time link, audited, and refuses a second time', async () => {
    store = await open();
    const r = await setUpFirstCouncil(
      store,
      { councilName: 'Northshire County Council', admin: { name: 'Ada Admin', email: 'ada@northshire.example' } },
      { now: NOW },
    );
    expect(r.council).toEqual({ id: 'northshire-county-council', name: 'Northshire County Council' });
    expect(r.admin).toMatchObject({ role: 'admin', councilId: 'northshire-county-council', disabled: false });
    expect(r.invitation?.path).toMatch(/^\/staff-invitation\/[A-Za-z0-9_-]{40,}$/);
    // Nobody knows the password yet: signing in needs the link.
    expect(await store.checkPassword('ada@northshire.example', 'anything at all')).toBeUndefined();
    const audit = await store.queryAudit({ councilId: 'northshire-county-council', limit: 10 });
    expect(audit.map((a) => `${a.actorId} ${a.action} ${a.recordType}`).sort()).toEqual([
      'system/setup create council',
      'system/setup create staff-invitation',
      'system/setup create user',
    ]);
    await expect(
      setUpFirstCouncil(store, { councilName: 'Another', admin: { name: 'B', email: 'b@x.example' } }, { now: NOW }),
    ).rejects.toThrow(/already has a council \(Northshire County Council\)/);
    expect(await store.listCouncils()).toHaveLength(1);
  });

  it('names the field that is wrong and writes nothing', async () => {
    store = await open();
    const bad = (admin: { name: string; email: string; password?: string }, councilName = 'Northshire') =>
      setUpFirstCouncil(store as Store, { councilName, admin }, { now: NOW }).catch((e: SetupError) => e.field);
    expect(await bad({ name: 'Ada', email: 'not an email' })).toBe('adminEmail');
    expect(await bad({ name: ' ', email: 'ada@x.example' })).toBe('adminName');
    expect(await bad({ name: 'Ada', email: 'ada@x.example' }, 'N')).toBe('councilName');
    expect(await bad({ name: 'Ada', email: 'ada@x.example', password: 'short' })).toBe('adminPassword');
    expect(await store.listCouncils()).toEqual([]);
  });

  it('the first-run route needs the token, works once, and the staff link sets a password once', async () => {
    store = await open();
    const { app } = createOnwardServer({
      store,
      secureCookies: false,
      logger: () => {},
      clock: () => NOW,
      setupToken: TOKEN,
    });
    const anon = new Client(app);
    anon.csrf = String((await anon.get('/api/auth/csrf')).json.csrfToken);
    expect((await anon.get('/api/setup')).json).toEqual({ open: true });
    const form = {
      councilName: 'Northshire County Council',
      adminName: 'Ada Admin',
      adminEmail: 'ada@northshire.example',
      adminPassword: 'a long admin password',
    };
    const wrong = await anon.post('/api/setup', { ...form, token: 'x'.repeat(32) });
    expect(wrong.status).toBe(403);
    expect(wrong.json.errors[0].path).toBe('token');
    expect(await store.listCouncils()).toEqual([]);
    const ok = await anon.post('/api/setup', { ...form, token: TOKEN });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    expect((await anon.get('/api/setup')).json).toEqual({ open: false });
    expect((await anon.post('/api/setup', { ...form, token: TOKEN })).status).toBe(409);

    const admin = new Client(app);
    expect((await admin.signIn('ada@northshire.example', 'a long admin password')).status).toBe(200);
    const invited = await admin.post('/api/users', {
      name: 'Pat Adviser',
      email: 'pat@northshire.example',
      role: 'pa',
    });
    expect(invited.status, JSON.stringify(invited.json)).toBe(201);
    const url = String(invited.json.invitation.url);
    const token = url.split('/').pop() as string;
    const info = await anon.get(`/api/staff-invitations/${token}`);
    expect(info.json).toMatchObject({
      name: 'Pat Adviser',
      email: 'pat@northshire.example',
      council: 'Northshire County Council',
    });
    // A newer link replaces the first one.
    const again = await admin.post(`/api/users/${invited.json.id}/invitations`, {});
    expect(again.status).toBe(201);
    expect(
      (await anon.post(`/api/staff-invitations/${token}/accept`, { password: 'pat chooses this one' })).status,
    ).toBe(404);
    const newer = String(again.json.url).split('/').pop() as string;
    const short = await anon.post(`/api/staff-invitations/${newer}/accept`, { password: 'short' });
    expect(short.status).toBe(400);
    expect(short.json.errors[0].path).toBe('password');
    expect(
      (await anon.post(`/api/staff-invitations/${newer}/accept`, { password: 'pat chooses this one' })).status,
    ).toBe(200);
    expect((await anon.post(`/api/staff-invitations/${newer}/accept`, { password: 'someone else tries' })).status).toBe(
      404,
    );
    const pat = new Client(app);
    expect((await pat.signIn('pat@northshire.example', 'pat chooses this one')).status).toBe(200);
    // A switched-off account's link does not work.
    const off = await admin.post('/api/users', { name: 'Leaver', email: 'leaver@northshire.example', role: 'pa' });
    await admin.patch(`/api/users/${off.json.id}`, { disabled: true });
    const offToken = String(off.json.invitation.url).split('/').pop() as string;
    expect((await anon.get(`/api/staff-invitations/${offToken}`)).status).toBe(404);
    const trail = await store.queryAudit({ councilId: 'northshire-county-council', limit: 50 });
    expect(trail.filter((a) => a.recordType === 'staff-invitation')).toHaveLength(3);
    expect(trail.some((a) => a.recordType === 'user-password' && a.actorRole === 'pa')).toBe(true);
  });
});
