// The store against both databases: migrations, the append-only log, projections equal to a replay, bulk inserts,
// council separation in queries. PostgreSQL runs when ONWARD_TEST_DATABASE_URL is set (pnpm test starts one).

import { type PathwayPlan, recordEvents } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { MIGRATIONS, splitStatements } from '../src/storage/migrations.js';
import { type Actor, openStore, SEED_ACTOR, type Store } from '../src/storage/store.js';

const backends: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () => openStore({ databaseUrl: postgresUrl as string, schema: `t_storage_${process.pid}_${Date.now()}` }),
  },
];

// Events are made with the engine's builders, as the routes and the seed make them.
const moment = (actor: Actor = SEED_ACTOR, councilId = 'c1') => ({
  councilId,
  youngPersonId: 'yp1',
  actor,
  at: '2025-01-02T10:00:00.000Z',
});
const views = (youngPerson: string, planId = 'p1') =>
  recordEvents.viewsSaved(moment({ id: 'u-yp', role: 'young-person' }), planId, { youngPerson });

function planDoc(id: string, ypId: string, council: string): PathwayPlan {
  return {
    schemaVersion: 1 as const,
    id,
    council,
    youngPerson: { id: ypId, name: 'Sam Example', dateOfBirth: '2007-03-01', category: 'former-relevant' as const },
    pa: { id: 'pa1', name: 'Pat Adviser' },
    started: '2025-01-01',
    checklist: { questionSet: 'onward.outcomes', version: 2, answers: {} },
    domains: {},
    views: {},
    engagement: { attempts: [], completedBy: 'together' as const },
    signOffs: [],
  };
}

for (const b of backends) {
  describe.skipIf(b.skip)(`storage on ${b.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await b.open();
      await store.createCouncil({ id: 'c1', name: 'Northshire' });
      await store.createCouncil({ id: 'c2', name: 'Southshire' });
      await store.createTeam({ id: 't1', councilId: 'c1', name: 'Leaving care' });
      await store.createTeam({ id: 't2', councilId: 'c2', name: 'Leaving care' });
    }, 60_000);
    afterAll(async () => {
      await store?.close();
    });

    it('runs the migrations once and records them', async () => {
      const rows = await store.db.query('SELECT id FROM onward_migrations ORDER BY id');
      expect(rows.map((r) => Number(r.id))).toEqual(MIGRATIONS.map((m) => m.id));
    });

    it('creates staff with hashed passwords and checks them', async () => {
      const u = await store.createStaffUser({
        councilId: 'c1',
        email: 'Pat@Example.org',
        name: 'Pat',
        role: 'pa',
        teamId: 't1',
        password: 'correct horse battery',
      });
      const [cred] = await store.db.query('SELECT password_hash FROM credentials WHERE user_id = $1', [u.id]);
      expect(String(cred?.password_hash)).toMatch(/^scrypt\$/);
      expect(String(cred?.password_hash)).not.toContain('correct horse');
      expect((await store.checkPassword('pat@example.org', 'correct horse battery'))?.id).toBe(u.id);
      expect(await store.checkPassword('pat@example.org', 'wrong password here')).toBeUndefined();
      expect(await store.checkPassword('nobody@example.org', 'correct horse battery')).toBeUndefined();
    });

    it('appends events with gapless sequences and keeps the projection equal to a replay', async () => {
      const [yp] = await store.createYoungPeople([
        {
          id: 'yp1',
          councilId: 'c1',
          name: 'Sam Example',
          dateOfBirth: '2007-03-01',
          category: 'former-relevant',
          teamId: 't1',
          paId: 'pa1',
        },
      ]);
      expect(yp?.name).toBe('Sam Example');
      await store.appendEvents([
        recordEvents.planCreated(moment({ id: 'pa1', role: 'pa' }), planDoc('p1', 'yp1', 'c1')),
        views('<script>alert(1)</script> I want my own flat'),
        recordEvents.youngPersonAllocated(moment(), { paId: 'pa2' }),
      ]);
      const events = await store.listEvents('yp1');
      expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4]);
      expect(events[0]?.actorId).toBe('system/seed');
      const before = await store.getPlan('p1');
      expect(before?.doc.views.youngPerson).toBe('<script>alert(1)</script> I want my own flat');
      expect(before?.version).toBe(2);
      expect((await store.getYoungPerson('yp1'))?.paId).toBe('pa2');
      await store.rebuildProjections();
      expect(await store.getPlan('p1')).toEqual(before);
      expect((await store.getYoungPerson('yp1'))?.paId).toBe('pa2');
    });

    it('refuses an append when the record moved on since it was read, and serialises writers', async () => {
      const plan = await store.getPlan('p1');
      const stale = { plans: { p1: (plan?.version ?? 0) - 1 } };
      await expect(store.appendEvents([views('stale')], undefined, stale)).rejects.toThrow(/changed this record/);
      // Many writers at once for one young person: every event lands, sequences stay gapless.
      const before = (await store.listEvents('yp1')).length;
      await Promise.all(Array.from({ length: 8 }, (_, n) => store.appendEvents([views(`writer ${n}`)])));
      const after = await store.listEvents('yp1');
      expect(after).toHaveLength(before + 8);
      expect(after.map((e) => e.sequence)).toEqual(after.map((_, i) => i + 1));
      expect((await store.getPlan('p1'))?.version).toBe((plan?.version ?? 0) + 8);
      // Put the words back for the tests that follow.
      await store.appendEvents([views('<script>alert(1)</script> I want my own flat')]);
    });

    it('refuses to change or delete events (append-only)', async () => {
      await expect(store.db.query("UPDATE events SET type = 'x' WHERE young_person_id = 'yp1'")).rejects.toThrow(
        /append-only/,
      );
      await expect(store.db.query("DELETE FROM events WHERE young_person_id = 'yp1'")).rejects.toThrow(/append-only/);
    });

    it('saves nothing of a batch when one event does not fit', async () => {
      const before = await store.listEvents('yp1');
      await expect(store.appendEvents([views('kept?'), views('x', 'no-such-plan')])).rejects.toThrow(/does not exist/);
      expect(await store.listEvents('yp1')).toEqual(before);
      expect((await store.getPlan('p1'))?.doc.views.youngPerson).toContain('own flat');
    });

    it('refuses an event filed under another council than its young person', async () => {
      await expect(
        store.appendEvents([recordEvents.youngPersonAllocated(moment(SEED_ACTOR, 'c2'), { paId: 'x' })]),
      ).rejects.toThrow(/another council/);
    });

    it('inserts in bulk in one transaction and scopes lists by council', async () => {
      const many = Array.from({ length: 250 }, (_, n) => ({
        id: `bulk${n}`,
        councilId: n % 2 ? 'c1' : 'c2',
        name: `Person ${n}`,
        dateOfBirth: '2006-06-01',
        category: 'former-relevant' as const,
        teamId: n % 2 ? 't1' : 't2',
        paId: 'pa1',
      }));
      await store.createYoungPeople(many);
      const c1 = await store.listYoungPeople('c1');
      const c2 = await store.listYoungPeople('c2');
      expect(c1.every((y) => y.councilId === 'c1')).toBe(true);
      expect(c2).toHaveLength(125);
      expect(c1.some((y) => y.id === 'bulk0')).toBe(false);
    });

    it('keeps users as a projection of their account events', async () => {
      const u = await store.createStaffUser({
        councilId: 'c1',
        email: 'sw-proj@example.org',
        name: 'Sol',
        role: 'social-worker',
        teamId: 't1',
        password: 'a long enough password',
      });
      await store.updateUser(u.id, { name: 'Sol Worker', disabled: true }, { id: 'admin-1', role: 'admin' });
      const history = await store.listAccountEvents(u.id);
      expect(history.map((h) => h.type)).toEqual(['user.created', 'user.updated']);
      expect(history[1]).toMatchObject({
        actorId: 'admin-1',
        actorRole: 'admin',
        payload: { name: 'Sol Worker', disabled: true },
      });
      // A row changed behind the log's back is put right by a rebuild.
      await store.db.query("UPDATE users SET name = 'Tampered', disabled = false WHERE id = $1", [u.id]);
      await store.rebuildProjections();
      expect(await store.getUser(u.id)).toMatchObject({
        name: 'Sol Worker',
        disabled: true,
        role: 'social-worker',
        teamId: 't1',
      });
      await expect(store.db.query('DELETE FROM account_events WHERE user_id = $1', [u.id])).rejects.toThrow(
        /append-only/,
      );
    });

    it('keeps sessions hashed and ends them all at once', async () => {
      const u = await store.createStaffUser({
        councilId: 'c1',
        email: 'tm@example.org',
        name: 'Tess',
        role: 'team-manager',
        teamId: 't1',
        password: 'another long password',
      });
      const s1 = await store.createSession(u.id, 'c1', new Date(), 3600_000);
      await store.createSession(u.id, 'c1', new Date(), 3600_000);
      const raw = await store.db.query('SELECT id_hash FROM sessions WHERE user_id = $1', [u.id]);
      expect(raw.map((r) => r.id_hash)).not.toContain(s1.id);
      expect((await store.getSession(s1.id))?.userId).toBe(u.id);
      expect(await store.deleteUserSessions(u.id)).toBe(2);
      expect(await store.getSession(s1.id)).toBeUndefined();
    });

    it('uses an invitation once, before it expires', async () => {
      const now = new Date();
      const inv = await store.createInvitation({
        councilId: 'c1',
        youngPersonId: 'yp1',
        createdBy: 'pa1',
        ttlHours: 1,
        now,
      });
      expect(await store.getInvitation(inv.token, now)).toBeDefined();
      expect(await store.getInvitation(inv.token, new Date(now.getTime() + 2 * 3600_000))).toBeUndefined();
      const user = await store.acceptInvitation(inv.token, {
        email: 'sam@example.org',
        password: 'my own password',
        now,
      });
      expect(user?.youngPersonId).toBe('yp1');
      expect(
        await store.acceptInvitation(inv.token, { email: 'again@example.org', password: 'my own password', now }),
      ).toBeUndefined();
    });

    it('counts sign-in tries in the database: the limit in the window, then how long to wait', async () => {
      const r = store.rateLimits.limiter({ name: 'test-limit', limit: 3, windowMs: 60_000 });
      for (let i = 0; i < 3; i++) {
        expect(await r.retryAfter('k', 1000 + i)).toBe(0);
        await r.hit('k', 1000 + i);
      }
      expect(await r.retryAfter('k', 2000)).toBe(59);
      expect(await r.retryAfter('other', 2000)).toBe(0);
      expect(await r.retryAfter('k', 61_001)).toBe(0);
      // Another rule counts the same key apart; a reset clears one rule's count.
      const other = store.rateLimits.limiter({ name: 'test-other', limit: 1, windowMs: 60_000 });
      expect(await other.retryAfter('k', 2000)).toBe(0);
      await r.reset('k');
      expect(await r.retryAfter('k', 2000)).toBe(0);
      // Keys are stored as hashes only (an email address is personal data).
      await r.hit('someone@example.org', 3000);
      const rows = await store.db.query('SELECT bucket FROM rate_limit_hits');
      expect(JSON.stringify(rows)).not.toContain('someone');
    });

    it('stores a frozen plan with its PDF bytes and never changes it', async () => {
      const pdf = new Uint8Array([37, 80, 68, 70, 45, 0, 255]);
      await store.freezePlan({
        planId: 'p1',
        councilId: 'c1',
        youngPersonId: 'yp1',
        doc: { a: 1 },
        pdf,
        at: new Date().toISOString(),
      });
      const f = await store.getFrozenPlan('p1');
      expect([...(f?.pdf ?? [])]).toEqual([...pdf]);
      await expect(store.db.query("DELETE FROM frozen_plans WHERE plan_id = 'p1'")).rejects.toThrow(/append-only/);
    });
  });
}

describe.skipIf(!hasPostgres)('two server processes on one PostgreSQL', () => {
  it('share the sign-in counts', async () => {
    const schema = `t_limits_${process.pid}_${Date.now()}`;
    const a = await openStore({ databaseUrl: postgresUrl as string, schema });
    const b = await openStore({ databaseUrl: postgresUrl as string, schema });
    try {
      const rule = { name: 'sign-in-account', limit: 2, windowMs: 60_000 };
      await a.rateLimits.limiter(rule).hit('pat@example.org', 1000);
      await b.rateLimits.limiter(rule).hit('pat@example.org', 1001);
      expect(await a.rateLimits.limiter(rule).retryAfter('pat@example.org', 2000)).toBe(59);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});

describe('migration script splitting', () => {
  it('keeps $$ function bodies whole', () => {
    const parts = splitStatements(
      "CREATE TABLE a (x int);\nCREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RAISE EXCEPTION 'no';\nEND\n$$;\nSELECT 1;",
    );
    expect(parts).toHaveLength(3);
    expect(parts[1]).toContain('RAISE EXCEPTION');
  });
});

describe('PGlite data folder', () => {
  it('keeps the data across restarts and runs each migration once', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'onward-pglite-'));
    try {
      const first = await openStore({ dataDir: dir });
      await first.createCouncil({ id: 'kept', name: 'Kept Council' });
      await first.close();
      const second = await openStore({ dataDir: dir });
      expect(await second.getCouncil('kept')).toEqual({ id: 'kept', name: 'Kept Council' });
      const rows = await second.db.query('SELECT count(*)::int AS n FROM onward_migrations');
      expect(rows[0]?.n).toBe(MIGRATIONS.length);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
