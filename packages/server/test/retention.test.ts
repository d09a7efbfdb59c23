// Retention through the API, on PGlite and PostgreSQL (issue 14): the review list shows the records past their 75th
// birthday, oldest first, with held records as held; a legal hold is set and lifted with a reason; destruction is
// refused without the manager's confirmation, under a hold, before the date, to another council and to other roles;
// after a destruction nothing about the person is left in any table of the database (every table is searched for
// their id, name, email, documents' ids and words), a rebuild does not bring them back, other people's records are
// untouched, and the destruction record (no personal data) exists and is audited.
//
// The young person destroyed has a whole history, made with the clock turned back to when they were 18 (1978): an
// authorised plan with its frozen PDF and a webhook delivery naming them, a check-in, a Staying Put arrangement, an
// invitation, a sign-in account with a session and counted sign-in tries, a case-management id, audit entries, and a
// legal hold set and lifted. The clock then moves to 2035, past their 75th birthday.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { bucketName, SIGN_IN_ACCOUNT_RULE } from '../src/storage/rate-limits.js';
import { openStore } from '../src/storage/store.js';
import { Client, checklistWithAnswers, makeWorld, PASSWORD, type World } from './helpers.js';

const backends = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () => openStore({ databaseUrl: postgresUrl as string, schema: `t_ret_${process.pid}_${Date.now()}` }),
  },
];

const OLD = {
  id: 'yp-old',
  name: 'Dorothy Quill',
  dateOfBirth: '1960-05-01',
  email: 'dorothy.quill@example.org',
  note: 'Landlord keeps the deposit',
  hold: 'Pending claim by Quill family',
  externalId: 'LCS-424242',
};

/** Every table of the store's schema, with the number of rows whose text (every column) contains `needle`. */
async function rowsMentioning(w: World, needle: string): Promise<Record<string, number>> {
  const tables = await w.store.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  expect(tables.length).toBeGreaterThan(20);
  const out: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [r] = await w.store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table_name}" t WHERE strpos(lower(t::text), lower($1)) > 0`,
      [needle],
    );
    if (Number(r?.n)) out[table_name] = Number(r?.n);
  }
  return out;
}

for (const b of backends) {
  describe.skipIf(b.skip)(`retention on ${b.name}`, () => {
    let w: World;
    const ids = { planId: '', checkInId: 'ci-old', arrangementId: '' };
    const delivered: string[] = [];

    beforeAll(async () => {
      w = await makeWorld({
        store: await b.open(),
        webhooks: {
          retryDelaysMs: [1],
          fetch: (async (_url: string, init: RequestInit) => {
            delivered.push(String(init.body));
            return new Response(null, { status: 204 });
          }) as unknown as typeof fetch,
        },
      });
      const admin = await w.as('admin');
      expect(
        (await admin.post('/api/webhooks', { url: 'https://cms.example.org/hooks', events: ['plan.authorised'] }))
          .status,
      ).toBe(201);

      // 1978: Dorothy is 18, with a PA, a plan, a check-in, Staying Put and a sign-in.
      w.clock.now = new Date('1978-06-01T10:00:00.000Z');
      await w.store.createYoungPeople([
        {
          id: OLD.id,
          councilId: 'c1',
          name: OLD.name,
          dateOfBirth: OLD.dateOfBirth,
          category: 'former-relevant',
          teamId: 't1',
          paId: 'u-pa',
          socialWorkerId: 'u-sw',
          at: '1978-05-02T09:00:00.000Z',
        },
        // Others of the council past their 75th birthday by 2035, one under a hold, one born 29 February.
        {
          id: 'yp-leap',
          councilId: 'c1',
          name: 'Leap Day',
          dateOfBirth: '1956-02-29',
          category: 'former-relevant',
          teamId: 't2',
          paId: 'u-pa2',
          at: '1978-05-02T09:00:00.000Z',
        },
        {
          id: 'yp-held',
          councilId: 'c1',
          name: 'Held Record',
          dateOfBirth: '1958-07-07',
          category: 'former-relevant',
          teamId: 't1',
          paId: 'u-pa',
          at: '1978-05-02T09:00:00.000Z',
        },
        // Two days short of 75 in May 2035: kept, not listed.
        {
          id: 'yp-soon',
          councilId: 'c1',
          name: 'Soon Due',
          dateOfBirth: '1960-05-03',
          category: 'former-relevant',
          teamId: 't1',
          paId: 'u-pa',
          at: '1978-05-02T09:00:00.000Z',
        },
        // Another council's, long past its date.
        {
          id: 'yp-far',
          councilId: 'c2',
          name: 'Far Away',
          dateOfBirth: '1940-01-01',
          category: 'former-relevant',
          teamId: 'tx',
          paId: 'u-otherPa',
          at: '1978-05-02T09:00:00.000Z',
        },
      ]);
      // An invitation link (before their account: a young person with one is not invited again).
      const pa = await w.as('pa');
      expect((await pa.post(`/api/young-people/${OLD.id}/invitations`, {})).status).toBe(201);
      await w.store.createYoungPersonUser({
        id: 'u-old',
        councilId: 'c1',
        youngPersonId: OLD.id,
        email: OLD.email,
        password: PASSWORD,
      });
      await w.store.db.query(
        "INSERT INTO young_person_external_ids (council_id, external_id, young_person_id, import_id) VALUES ('c1', $1, $2, 'imp-test')",
        [OLD.externalId, OLD.id],
      );
      const tm = await w.as('tm');
      const plan = await pa.post(`/api/young-people/${OLD.id}/plans`, {});
      expect(plan.status, JSON.stringify(plan.json)).toBe(201);
      ids.planId = String(plan.json.plan.id);
      const dorothy = new Client(w.server.app);
      expect((await dorothy.signIn(OLD.email)).status).toBe(200);
      expect((await dorothy.put(`/api/plans/${ids.planId}/views`, { youngPerson: 'Near the sea' })).status).toBe(200);
      expect((await dorothy.put(`/api/plans/${ids.planId}/checklist`, checklistWithAnswers())).status).toBe(200);
      const ci = await dorothy.post(`/api/young-people/${OLD.id}/check-ins`, {
        id: ids.checkInId,
        youngPersonId: OLD.id,
        author: 'young-person',
        at: w.clock.now.toISOString(),
        locale: 'en-GB',
        moods: { housing: { mood: 'bad', help: true, note: OLD.note } },
      });
      expect(ci.status, JSON.stringify(ci.json)).toBe(201);
      expect((await pa.post(`/api/plans/${ids.planId}/events`, { type: 'plan.submit' })).status).toBe(200);
      const ok = await tm.post(`/api/plans/${ids.planId}/events`, { type: 'plan.authorise' });
      expect(ok.status, JSON.stringify(ok.json)).toBe(200);
      await w.server.webhooks.drain();
      expect(delivered.some((d) => d.includes(OLD.id))).toBe(true);
      // The PDF made (from the freeze queue) before the destruction.
      expect((await pa.get(`/api/plans/${ids.planId}/pdf`)).status).toBe(200);
      const sp = await pa.post(`/api/young-people/${OLD.id}/staying-put`, { carerUserIds: ['u-carer'] });
      expect(sp.status, JSON.stringify(sp.json)).toBe(201);
      ids.arrangementId = String(sp.json.id);
      expect((await pa.get(`/api/young-people/${OLD.id}`)).status).toBe(200);
      // Her PA's caseload, read with her in it: a list read naming her among others.
      expect((await pa.get('/api/young-people')).status).toBe(200);

      // 2035: Dorothy turned 75 on 1 May. A sign-in try with a wrong password is counted against her email.
      w.clock.now = new Date('2035-05-02T10:00:00.000Z');
      expect((await new Client(w.server.app).signIn(OLD.email, 'wrong password here')).status).toBe(401);
      const tm2035 = await w.as('tm');
      expect((await tm2035.post(`/api/retention/${OLD.id}/legal-hold`, { reason: OLD.hold })).status).toBe(201);
      expect(
        (await tm2035.post(`/api/retention/${OLD.id}/legal-hold/lift`, { reason: 'Claim withdrawn' })).status,
      ).toBe(200);
      expect((await tm2035.post('/api/retention/yp-held/legal-hold', { reason: 'Inquiry under way' })).status).toBe(
        201,
      );
    }, 180_000);
    afterAll(() => w?.close());

    it('lists the records past retention, oldest first, with the reason and the date each became due; held ones as held', async () => {
      const tm = await w.as('tm');
      const r = await tm.get('/api/retention');
      expect(r.status).toBe(200);
      expect(r.json.today).toBe('2035-05-02');
      expect(r.json.legalBasis).toMatch(/75th birthday/);
      const items = r.json.items as { youngPersonId: string; status: string; dueFrom: string; reason: string }[];
      expect(items.map((i) => [i.youngPersonId, i.status, i.dueFrom])).toEqual([
        // 29 February 1956: 75 on 1 March 2031 (the engine's birthday).
        ['yp-leap', 'due', '2031-03-01'],
        ['yp-held', 'held', '2033-07-07'],
        [OLD.id, 'due', '2035-05-01'],
      ]);
      expect(items[2]?.reason).toBe('75th birthday on 1 May 2035');
      expect(r.json.items[1].hold).toMatchObject({
        reason: 'Inquiry under way',
        heldBy: 'u-tm',
        heldByName: 'tm name',
      });
      // Another council's manager sees their own council's records only.
      const other = await (await w.as('otherTm')).get('/api/retention');
      expect(other.json.items.map((i: { youngPersonId: string }) => i.youngPersonId)).toEqual(['yp-far']);
    });

    it('shows one record with its hold history and what a destruction would remove', async () => {
      const r = await (await w.as('tm2')).get(`/api/retention/${OLD.id}`);
      expect(r.status).toBe(200);
      expect(r.json.item).toMatchObject({ status: 'due', mayDestroy: true, keepUntil: '2035-04-30' });
      expect(r.json.holdHistory.map((h: { type: string; reason: string }) => [h.type, h.reason])).toEqual([
        ['set', OLD.hold],
        ['lifted', 'Claim withdrawn'],
      ]);
      expect(r.json.removes).toMatchObject({ plans: 1, frozenPlans: 1, planPdfs: 1, checkIns: 1, arrangements: 1 });
      expect(r.json.removes.events).toBeGreaterThan(5);
      expect(r.json.removes.webhookDeliveries).toBe(1);
      // Her PA was told of the help she asked for in her check-in (the notification outbox).
      expect(r.json.removes.notifications).toBeGreaterThan(0);
      expect(r.json.removes.accounts).toBe(1);
      expect(r.json.removes.sessions).toBeGreaterThan(0);
      expect(r.json.removes.signInCounts).toBeGreaterThan(0);
      expect(r.json.removes.invitations).toBe(1);
      expect(r.json.removes.externalIds).toBe(1);
      expect(r.json.removes.legalHoldEvents).toBe(2);
    });

    it('validates hold reasons, naming the field', async () => {
      const tm = await w.as('tm');
      const r = await tm.post('/api/retention/yp-leap/legal-hold', {});
      expect(r.status).toBe(400);
      expect(r.json.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
      const blank = await tm.post('/api/retention/yp-leap/legal-hold', { reason: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.json.errors[0].path).toBe('reason');
      expect((await tm.post('/api/retention/yp-leap/legal-hold/lift', { reason: 'Nothing held' })).status).toBe(409);
    });

    it('refuses destruction without the confirmation, under a hold, before the date, to another council and to other roles', async () => {
      const before = await rowsMentioning(w, OLD.id);
      const tm = await w.as('tm');
      const none = await tm.post(`/api/retention/${OLD.id}/destruction`, {});
      expect(none.status).toBe(400);
      expect(none.json.errors).toEqual([expect.objectContaining({ path: 'confirmReference' })]);
      const wrong = await tm.post(`/api/retention/${OLD.id}/destruction`, { confirmReference: 'yp-leap' });
      expect(wrong.status).toBe(400);
      expect(wrong.json.errors[0]).toMatchObject({ path: 'confirmReference' });
      expect(wrong.json.errors[0].message).toContain(OLD.id);
      const held = await tm.post('/api/retention/yp-held/destruction', { confirmReference: 'yp-held' });
      expect(held.status).toBe(409);
      expect(held.json.detail).toMatch(/legal hold/);
      const soon = await tm.post('/api/retention/yp-soon/destruction', { confirmReference: 'yp-soon' });
      expect(soon.status).toBe(409);
      expect(soon.json.detail).toBe(
        'This record must be kept until 2 May 2035 (75th birthday on 3 May 2035). It cannot be destroyed before then.',
      );
      // Another council's record is not found; another council's manager does not find this one.
      expect((await tm.post('/api/retention/yp-far/destruction', { confirmReference: 'yp-far' })).status).toBe(404);
      const otherTm = await w.as('otherTm');
      expect((await otherTm.post(`/api/retention/${OLD.id}/destruction`, { confirmReference: OLD.id })).status).toBe(
        404,
      );
      expect((await otherTm.post(`/api/retention/${OLD.id}/legal-hold`, { reason: 'x' })).status).toBe(404);
      for (const who of ['pa', 'sw', 'admin', 'analyst', 'yp']) {
        const c = await w.as(who);
        const r = await c.post(`/api/retention/${OLD.id}/destruction`, { confirmReference: OLD.id });
        expect(r.status, who).toBe(403);
        expect((await c.get('/api/retention')).status, who).toBe(403);
      }
      // Nothing was removed by any of it.
      expect(await rowsMentioning(w, OLD.id)).toEqual(before);
      expect(await w.store.getYoungPerson(OLD.id)).toBeDefined();
    });

    it('after a confirmed destruction nothing about the person is left in any table, and the destruction is recorded and audited', async () => {
      const others = async () => ({
        events: (await w.store.listEvents('yp1')).length,
        plans: (await w.store.listPlans({ youngPersonIds: ['yp1', 'yp2'] })).length,
        audit: (await w.store.queryAudit({ councilId: 'c1', youngPersonIds: ['yp1', 'yp2'], limit: 10_000 })).length,
        users: (await w.store.listUsers('c1')).filter((u) => u.id !== 'u-old').length,
      });
      const othersBefore = await others();
      const tm = await w.as('tm');
      const r = await tm.post(`/api/retention/${OLD.id}/destruction`, { confirmReference: ` ${OLD.id} ` });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      const d = r.json.destruction;
      expect(d).toMatchObject({
        councilId: 'c1',
        reference: OLD.id,
        dueFrom: '2035-05-01',
        basis: 'seventy-fifth-birthday',
        confirmedBy: 'u-tm',
        confirmedByRole: 'team-manager',
        destroyedAt: '2035-05-02T10:00:00.000Z',
      });
      expect(d.legalBasis).toMatch(/regulation 50/);
      expect(d.removed.listReads).toBeGreaterThan(0);
      expect(d.removed).toMatchObject({
        plans: 1,
        frozenPlans: 1,
        checkIns: 1,
        arrangements: 1,
        accounts: 1,
        youngPeople: 1,
      });

      // Every table, every column: not their id, name, email, documents' ids, case-management id or their words.
      for (const needle of [OLD.id, ids.planId, ids.checkInId, ids.arrangementId, 'u-old']) {
        const left = await rowsMentioning(w, needle);
        // Only the destruction record keeps the reference (the Onward id), so the council can show it was destroyed.
        expect(left, needle).toEqual(needle === OLD.id ? { destructions: 1 } : {});
      }
      for (const needle of [
        OLD.name,
        'Quill',
        OLD.email,
        OLD.dateOfBirth,
        OLD.note,
        OLD.hold,
        OLD.externalId,
        'Near the sea',
      ])
        expect(await rowsMentioning(w, needle), needle).toEqual({});
      expect(await w.store.getYoungPerson(OLD.id)).toBeUndefined();
      // The sign-in tries counted against their email (stored as a hash, so no search above would find it).
      const [tries] = await w.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM rate_limit_hits WHERE bucket = $1',
        [bucketName(SIGN_IN_ACCOUNT_RULE, OLD.email)],
      );
      expect(Number(tries?.n)).toBe(0);
      // The event log's rebuild does not bring them back.
      await w.store.rebuildProjections();
      expect(await w.store.getYoungPerson(OLD.id)).toBeUndefined();
      expect(await w.store.getUser('u-old')).toBeUndefined();
      // Their sign-in is gone.
      expect((await new Client(w.server.app).signIn(OLD.email)).status).toBe(401);
      // Nobody else's record changed.
      expect(await others()).toEqual(othersBefore);

      // The destruction record and its audit entry (which names the destruction, not the person).
      const [row] = await w.store.db.query('SELECT * FROM destructions WHERE reference = $1', [OLD.id]);
      expect(row).toBeDefined();
      const audit = await w.store.db.query<{
        action: string;
        record_type: string;
        record_id: string;
        young_person_id: string | null;
        actor_id: string;
      }>("SELECT * FROM audit_log WHERE action = 'destroy'");
      expect(audit).toEqual([
        expect.objectContaining({
          record_type: 'destruction',
          record_id: d.id,
          young_person_id: null,
          actor_id: 'u-tm',
        }),
      ]);
      const list = await tm.get('/api/retention');
      expect(list.json.items.map((i: { youngPersonId: string }) => i.youngPersonId)).toEqual(['yp-leap', 'yp-held']);
      expect(list.json.destructions).toEqual([
        expect.objectContaining({ id: d.id, reference: OLD.id, confirmedByName: 'tm name' }),
      ]);
      // A second try finds nothing; the destruction record refuses to change.
      expect((await tm.post(`/api/retention/${OLD.id}/destruction`, { confirmReference: OLD.id })).status).toBe(404);
      await expect(w.store.db.query('DELETE FROM destructions')).rejects.toThrow(/append-only/);
      await expect(w.store.db.query("UPDATE destructions SET reference = 'x'")).rejects.toThrow(/append-only/);
    });

    it('keeps the append-only tables append-only outside a destruction', async () => {
      await expect(w.store.db.query("DELETE FROM events WHERE young_person_id = 'yp1'")).rejects.toThrow(/append-only/);
      await expect(w.store.db.query("DELETE FROM audit_log WHERE young_person_id = 'yp1'")).rejects.toThrow(
        /append-only/,
      );
      await expect(w.store.db.query('DELETE FROM legal_hold_events')).rejects.toThrow(/append-only/);
      // Inside a destruction of one person, another person's rows are still refused.
      await expect(
        w.store.db.transaction(async (q) => {
          await q.query("SELECT set_config('onward.destroying', 'yp-leap', true)");
          await q.query("DELETE FROM events WHERE young_person_id = 'yp1'");
        }),
      ).rejects.toThrow(/append-only/);
      expect((await w.store.listEvents('yp1')).length).toBeGreaterThan(0);
    });
  });
}
