// Every write and its audit row are saved in one transaction (issue 11): when the audit insert fails, the change is
// rolled back too. Before, the audit row was written after the change had committed, so a failed (or crashed)
// audit insert left a change nobody could trace. A trigger here refuses every audit row that is not a read; each
// write must then answer 500 and leave every table as it was. With the trigger gone the same writes succeed, change
// the tables and write their audit rows, so the test cannot pass by writing nothing. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { setUpFirstCouncil } from '../src/setup.js';
import { openStore, type Store } from '../src/storage/store.js';
import { type Client, checklistWithAnswers, makeWorld, PASSWORD, type World } from './helpers.js';

const backends: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () =>
      openStore({
        databaseUrl: postgresUrl as string,
        schema: `t_audit_atomic_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`,
        poolSize: 6,
      }),
  },
];

const REFUSE = `
  CREATE OR REPLACE FUNCTION onward_test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.action <> 'read' THEN RAISE EXCEPTION 'audit insert refused by the test'; END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER onward_test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION onward_test_refuse_audit();`;
const ALLOW = 'DROP TRIGGER onward_test_refuse_audit ON audit_log;';

/** A digest of every table's rows (sessions by id only: every request touches their last-seen time). */
async function fingerprint(store: Store): Promise<Record<string, string>> {
  const tables = await store.db.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const expr = t === 'sessions' ? 'x.id_hash' : 'x::text';
    const [r] = await store.db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(${expr}, ',' ORDER BY ${expr})) AS h FROM "${t}" x`,
    );
    out[t] = `${r?.n}:${r?.h ?? ''}`;
  }
  return out;
}

interface Write {
  name: string;
  send: () => Promise<{ status: number; json: Record<string, unknown> | undefined }>;
}

for (const b of backends) {
  describe.skipIf(b.skip)(`audit rows in the same transaction as the change, on ${b.name}`, () => {
    let w: World;
    let writes: Write[];
    beforeAll(async () => {
      w = await makeWorld({ store: await b.open() });
      const [pa, pa2, yp, admin, spare, tm] = await Promise.all(
        ['pa', 'pa2', 'yp', 'admin', 'spare', 'tm', 'carer2'].map((k) => w.as(k)),
      );
      const p = pa as Client;
      const a = admin as Client;
      // Set-up the writes need: a young person with no sign-in and their invitation, a staff invitation, a token.
      const yp3 = await a.post('/api/young-people', {
        name: 'Dee Stone',
        dateOfBirth: '2008-02-02',
        category: 'relevant',
        teamId: 't1',
        paId: 'u-pa',
      });
      expect(yp3.status).toBe(201);
      const yp3Id = String(yp3.json.id);
      const invitation = await p.post(`/api/young-people/${yp3Id}/invitations`, {});
      expect(invitation.status).toBe(201);
      const staff = await a.post('/api/users', { email: 'new.staff@example.org', name: 'New Staff', role: 'pa' });
      expect(staff.status).toBe(201);
      const staffToken = decodeURIComponent(String(staff.json.invitation.url).split('/').pop() as string);
      const token = await a.post('/api/api-tokens', { name: 'Case system' });
      expect(token.status).toBe(201);
      const plan = await p.get(`/api/plans/${w.ids.planId}`);
      const settings = await a.get('/api/council/settings');
      const sp = w.ids.arrangementId;
      /** Someone not signed in, with the CSRF token a page would have. */
      const anon = async () => {
        const c = w.anon();
        c.csrf = String((await c.get('/api/auth/csrf')).json.csrfToken);
        return c;
      };
      let n = 0;
      const fresh = () => `${++n}-${Date.now()}`;
      writes = [
        { name: 'plan saved', send: () => p.put(`/api/plans/${w.ids.planId}`, plan.json.plan) },
        {
          name: 'checklist saved',
          send: () => (yp as Client).put(`/api/plans/${w.ids.planId}/checklist`, checklistWithAnswers()),
        },
        {
          name: 'views saved',
          send: () => (yp as Client).put(`/api/plans/${w.ids.planId}/views`, { youngPerson: 'My own words' }),
        },
        {
          name: 'engagement attempt',
          send: () =>
            p.post(`/api/plans/${w.ids.planId}/engagement-attempts`, {
              at: '2026-03-01T10:00:00.000Z',
              method: 'phone',
              outcome: 'no-reply',
            }),
        },
        { name: 'plan started', send: () => (pa2 as Client).post('/api/young-people/yp2/plans', {}) },
        {
          name: 'check-in recorded',
          send: () =>
            (yp as Client).post('/api/young-people/yp1/check-ins', {
              id: `ci-${fresh()}`,
              youngPersonId: 'yp1',
              author: 'young-person',
              at: '2026-03-02T10:00:00.000Z',
              locale: 'en-GB',
              moods: { money: { mood: 'ok' } },
            }),
        },
        { name: 'check-in acknowledged', send: () => p.post(`/api/check-ins/${w.ids.checkInId}/acknowledge`, {}) },
        {
          name: 'Staying Put step',
          send: () =>
            p.post(`/api/staying-put/${sp}/events`, {
              type: 'stayingPut.discuss',
              youngPersonWants: 'yes',
              carerWilling: 'yes',
            }),
        },
        {
          name: 'Staying Put started',
          send: () => (pa2 as Client).post('/api/young-people/yp2/staying-put', { carerUserIds: ['u-carer2'] }),
        },
        { name: 'council settings', send: () => a.put('/api/council/settings', settings.json.settings) },
        {
          name: 'user created',
          send: () => a.post('/api/users', { email: `u${fresh()}@example.org`, name: 'Another PA', role: 'pa' }),
        },
        { name: 'user changed', send: () => a.patch('/api/users/u-spare', { name: 'Spare renamed' }) },
        { name: 'user signed out everywhere', send: () => a.post('/api/users/u-carer2/sign-out-everywhere', {}) },
        { name: 'staff invitation', send: () => a.post('/api/users/u-spare/invitations', {}) },
        {
          name: 'staff invitation accepted',
          send: async () =>
            (await anon()).post(`/api/staff-invitations/${encodeURIComponent(staffToken)}/accept`, {
              password: 'a fresh and long passphrase 1',
            }),
        },
        {
          name: 'password changed',
          send: () =>
            (spare as Client).post('/api/auth/password', {
              currentPassword: PASSWORD,
              newPassword: 'another long passphrase 7',
            }),
        },
        { name: 'team created', send: () => a.post('/api/teams', { name: `Team ${fresh()}` }) },
        { name: 'API token created', send: () => a.post('/api/api-tokens', { name: `Token ${fresh()}` }) },
        { name: 'API token revoked', send: () => a.del(`/api/api-tokens/${token.json.id}`) },
        {
          name: 'webhook created',
          send: () => a.post('/api/webhooks', { url: 'https://vendor.example/h', events: ['plan.authorised'] }),
        },
        {
          name: 'young person registered',
          send: () =>
            a.post('/api/young-people', {
              name: 'Eli Brook',
              dateOfBirth: '2008-03-03',
              category: 'relevant',
              teamId: 't1',
              paId: 'u-pa',
            }),
        },
        { name: 'young person invited', send: () => p.post(`/api/young-people/${yp3Id}/invitations`, {}) },
        {
          name: 'invitation accepted',
          send: async () =>
            (await anon()).post(`/api/invitations/${invitation.json.token}/accept`, {
              email: `dee${fresh()}@example.org`,
              password: 'my own long passphrase 3',
            }),
        },
        {
          name: 'young people imported',
          send: () =>
            a.post(
              '/api/imports/young-people',
              'external_id,name,preferred_name,date_of_birth,category,team_id,pa_id,social_worker_id,language\r\n' +
                `ext-${fresh()},Fin Moor,,2008-04-04,relevant,t1,u-pa,,\r\n`,
              { 'content-type': 'text/csv' },
            ),
        },
        // Last: it moves yp1 to another PA.
        {
          name: 'young person allocated',
          send: () => (tm as Client).patch('/api/young-people/yp1', { paId: 'u-spare' }),
        },
      ];
    }, 180_000);
    afterAll(() => w?.close());

    it('rolls every write back when its audit row cannot be written', async () => {
      await w.store.db.exec(REFUSE);
      const kept: string[] = [];
      try {
        for (const write of writes) {
          const before = await fingerprint(w.store);
          const r = await write.send();
          const after = await fingerprint(w.store);
          if (r.status !== 500) kept.push(`${write.name}: ${r.status} ${JSON.stringify(r.json)}`);
          for (const t of Object.keys(before)) if (before[t] !== after[t]) kept.push(`${write.name}: ${t} changed`);
        }
      } finally {
        await w.store.db.exec(ALLOW);
      }
      expect(kept).toEqual([]);
    }, 120_000);

    it('with the audit working, the same writes succeed, change the tables and are each audited', async () => {
      const problems: string[] = [];
      for (const write of writes) {
        const before = await fingerprint(w.store);
        const audited = (await w.store.queryAudit({ councilId: 'c1', limit: 100_000 })).filter(
          (e) => e.action !== 'read',
        ).length;
        const r = await write.send();
        const after = await fingerprint(w.store);
        const now = (await w.store.queryAudit({ councilId: 'c1', limit: 100_000 })).filter(
          (e) => e.action !== 'read',
        ).length;
        if (r.status >= 300) problems.push(`${write.name}: ${r.status} ${JSON.stringify(r.json)}`);
        const changed = Object.keys(before).filter((t) => t !== 'audit_log' && before[t] !== after[t]);
        if (!changed.length) problems.push(`${write.name}: changed nothing`);
        if (now <= audited) problems.push(`${write.name}: no audit row`);
      }
      expect(problems).toEqual([]);
    }, 120_000);

    it('sets up the first council, its admin and their audit rows together, or none of them', async () => {
      const empty = await b.open();
      try {
        await empty.db.exec(REFUSE);
        const input = { councilName: 'Westshire', admin: { name: 'Wren Admin', email: 'wren@westshire.gov.uk' } };
        await expect(setUpFirstCouncil(empty, input, { now: new Date('2026-03-02T10:00:00Z') })).rejects.toThrow(
          /audit insert refused/,
        );
        expect(await empty.listCouncils()).toEqual([]);
        expect(await empty.db.query('SELECT id FROM users')).toEqual([]);
        await empty.db.exec(ALLOW);
        const done = await setUpFirstCouncil(empty, input, { now: new Date('2026-03-02T10:00:00Z') });
        expect((await empty.queryAudit({ councilId: done.council.id, limit: 10 })).length).toBe(3);
      } finally {
        await empty.close();
      }
    }, 60_000);
  });
}
