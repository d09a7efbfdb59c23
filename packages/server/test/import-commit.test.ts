// Committing the young people import (issue 14), through the API, on PGlite and on a real PostgreSQL: all or
// nothing in one transaction, a re-import changes nothing, a changed row updates rather than duplicates, every bad
// row and field is named, every import is audited, and two imports of one file at once register each young person
// once (the case-management id is claimed in the database, not read-then-written).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { createOnwardServer } from '../src/app.js';
import { openStore, type Store } from '../src/storage/store.js';
import { Client, makeWorld, type World } from './helpers.js';

const HEADER = 'external_id,name,preferred_name,date_of_birth,category,team_id,pa_id,social_worker_id,language';
const person = (i: number, pa = 'u-pa') =>
  `LCS-${100000 + i},Young Person ${i},,2008-03-${String((i % 28) + 1).padStart(2, '0')},former-relevant,t1,${pa},,en`;
const file = (lines: string[]) => `${[HEADER, ...lines].join('\r\n')}\r\n`;
const FOUR_HUNDRED = file(Array.from({ length: 400 }, (_, i) => person(i)));
const CSV = { 'content-type': 'text/csv' };

const backends: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () =>
      openStore({ databaseUrl: postgresUrl as string, schema: `t_import_${process.pid}_${Date.now()}`, poolSize: 12 }),
  },
];

for (const b of backends) {
  describe.skipIf(b.skip)(`young people import on ${b.name}`, () => {
    let w: World;
    let admin: Client;
    beforeAll(async () => {
      w = await makeWorld({ store: await b.open() });
      admin = await w.as('admin');
    }, 120_000);
    afterAll(() => w?.close());

    const TABLES = ['young_people', 'events', 'young_person_external_ids', 'audit_log'] as const;
    const counts = async () => {
      const out = {} as Record<(typeof TABLES)[number], number>;
      for (const t of TABLES) {
        const [r] = await w.store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
        out[t] = Number(r?.n);
      }
      return out;
    };
    const auditOf = (importId: string) =>
      w.store.db.query<{ action: string; record_type: string; request_id: string; actor_id: string }>(
        'SELECT action, record_type, request_id, actor_id FROM audit_log WHERE record_id = $1',
        [importId],
      );

    it('a dry run of 400 young people reports 400 to create and saves nothing but its audit entry', async () => {
      const before = await counts();
      const r = await admin.post('/api/imports/young-people?dryRun=true', FOUR_HUNDRED, CSV);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ ok: true, dryRun: true, counts: { rows: 400, created: 400, updated: 0 } });
      expect(await counts()).toEqual({ ...before, audit_log: before.audit_log + 1 });
      expect(await auditOf(r.json.importId)).toEqual([
        expect.objectContaining({ action: 'read', record_type: 'young-people-import-dry-run', actor_id: 'u-admin' }),
      ]);
    });

    it('imports 400 young people in one go, each with its case-management id, audited in the same transaction', async () => {
      const before = await counts();
      const started = performance.now();
      const r = await admin.post('/api/imports/young-people', FOUR_HUNDRED, CSV);
      const ms = performance.now() - started;
      expect(r.status).toBe(200);
      expect(r.json.counts).toEqual({ rows: 400, created: 400, updated: 0, unchanged: 0 });
      expect(await counts()).toEqual({
        young_people: before.young_people + 400,
        events: before.events + 400,
        young_person_external_ids: 400,
        audit_log: before.audit_log + 401,
      });
      const requestId = r.headers.get('x-request-id');
      const entries = await auditOf(r.json.importId);
      expect(entries).toEqual([expect.objectContaining({ action: 'create', record_type: 'young-people-import' })]);
      expect(entries[0]?.request_id).toBe(requestId);
      const first = r.json.rows.find((x: { externalId: string }) => x.externalId === 'LCS-100000');
      const yp = await w.store.getYoungPerson(first.youngPersonId);
      expect(yp).toMatchObject({ name: 'Young Person 0', dateOfBirth: '2008-03-01', paId: 'u-pa', teamId: 't1' });
      const [ev] = await w.store.listEvents(first.youngPersonId);
      expect(ev).toMatchObject({ type: 'young-person.registered', actorId: 'u-admin', actorRole: 'admin' });
      // The young people are on the admin's registry and the PA's caseload.
      const registry = await admin.get('/api/young-people');
      expect(registry.json.items.filter((y: { name: string }) => y.name.startsWith('Young Person'))).toHaveLength(400);
      console.log(`${b.name}: 400 young people imported in ${Math.round(ms)} ms`);
    });

    it('importing the same file again changes nothing', async () => {
      const before = await counts();
      const r = await admin.post('/api/imports/young-people', FOUR_HUNDRED, CSV);
      expect(r.status).toBe(200);
      expect(r.json.counts).toEqual({ rows: 400, created: 0, updated: 0, unchanged: 400 });
      // Only the import's own audit entry is new.
      expect(await counts()).toEqual({ ...before, audit_log: before.audit_log + 1 });
    });

    it('a changed row updates the young person rather than duplicating them, and a new row is added', async () => {
      const before = await counts();
      const lines = Array.from({ length: 400 }, (_, i) => person(i));
      lines[7] = person(7, 'u-spare').replace(',,en', ',u-sw,en');
      lines.push(person(400));
      const r = await admin.post('/api/imports/young-people', file(lines), CSV);
      expect(r.status).toBe(200);
      expect(r.json.counts).toEqual({ rows: 401, created: 1, updated: 1, unchanged: 399 });
      const row = r.json.rows.find((x: { externalId: string }) => x.externalId === 'LCS-100007');
      expect(row).toMatchObject({ outcome: 'updated', changed: ['paId', 'socialWorkerId'] });
      expect(await w.store.getYoungPerson(row.youngPersonId)).toMatchObject({
        paId: 'u-spare',
        socialWorkerId: 'u-sw',
      });
      expect((await w.store.listEvents(row.youngPersonId)).map((e) => e.type)).toEqual([
        'young-person.registered',
        'young-person.allocated',
      ]);
      expect(await counts()).toEqual({
        young_people: before.young_people + 1,
        events: before.events + 2,
        young_person_external_ids: 401,
        audit_log: before.audit_log + 3,
      });
    });

    it('refuses a file row by row against the council’s teams, staff and records, and saves none of it', async () => {
      const before = await counts();
      const lines = [
        person(500), // fine on its own
        person(501).replace(',t1,', ',tx,'), // another council's team
        person(502, 'u-otherPa'), // another council's PA
        person(503, 'u-sw'), // not a PA
        person(504).replace('2008-03-', '2099-03-'), // born in the future
        person(3).replace('2008-03-04', '2008-04-04'), // held with another date of birth
        person(4).replace('former-relevant', 'relevant'), // held with another category
      ];
      const r = await admin.post('/api/imports/young-people', file(lines), CSV);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.json.detail).toMatch(/nothing was imported/);
      const at = (line: number) =>
        r.json.errors.filter((e: { line: number }) => e.line === line).map((e: { column: string }) => e.column);
      // The allocation and date checks come first: the file is refused before the records are compared.
      expect(r.json.errors).toHaveLength(4);
      expect(at(3)).toEqual(['team_id']);
      expect(at(4)).toEqual(['pa_id']);
      expect(at(5)).toEqual(['pa_id']);
      expect(at(6)).toEqual(['date_of_birth']);
      expect(r.json.errors[0]).toMatchObject({ path: 'teamId', message: 'There is no such team in your council.' });
      expect(await counts()).toEqual(before);

      // With those fixed, the records held are compared: the two that differ are named and nothing is saved,
      // not even the new young person on line 2 (all or nothing).
      const r2 = await admin.post('/api/imports/young-people', file([lines[0], lines[5], lines[6]] as string[]), CSV);
      expect(r2.status).toBe(400);
      expect(r2.json.errors.map((e: { line: number; column: string }) => `${e.line} ${e.column}`)).toEqual([
        '3 date_of_birth',
        '4 category',
      ]);
      expect(r2.json.errors[0].message).toMatch(/differs from the record held for LCS-100003/);
      expect(await counts()).toEqual({ ...before, audit_log: before.audit_log + 1 });
      expect(await auditOf(r2.json.importId)).toEqual([
        expect.objectContaining({ action: 'read', record_type: 'young-people-import-refused' }),
      ]);
      const held = await w.store.db.query('SELECT 1 FROM young_person_external_ids WHERE external_id = $1', [
        'LCS-100500',
      ]);
      expect(held).toEqual([]);
    });

    it('is for an admin only, and takes CSV only', async () => {
      const tm = await w.as('tm');
      expect((await tm.post('/api/imports/young-people', FOUR_HUNDRED, CSV)).status).toBe(403);
      const asJson = await admin.post('/api/imports/young-people', { csv: FOUR_HUNDRED });
      expect(asJson.status).toBe(415);
      const bad = await admin.post('/api/imports/young-people?dryRun=maybe', FOUR_HUNDRED, CSV);
      expect(bad.status).toBe(400);
    });

    it('two imports of one new file at once register each young person once', async () => {
      // Two server instances on one database, as behind a load balancer.
      const other = createOnwardServer({
        store: w.store,
        clock: () => w.clock.now,
        secureCookies: false,
        logger: () => {},
      });
      const admin2 = new Client(other.app);
      expect((await admin2.signIn('admin@example.org')).status).toBe(200);
      const before = await counts();
      const text = file(Array.from({ length: 200 }, (_, i) => person(1000 + i)));
      const rs = await Promise.all([
        admin.post('/api/imports/young-people', text, CSV),
        admin2.post('/api/imports/young-people', text, CSV),
      ]);
      other.webhooks.stop();
      expect(rs.map((r) => r.status)).toEqual([200, 200]);
      expect(rs.map((r) => r.json.counts.created).sort()).toEqual([0, 200]);
      expect(rs.map((r) => r.json.counts.unchanged).sort()).toEqual([0, 200]);
      const after = await counts();
      expect(after.young_people - before.young_people).toBe(200);
      expect(after.events - before.events).toBe(200);
      expect(after.young_person_external_ids - before.young_person_external_ids).toBe(200);
      // Both name the same young person for each id.
      const ids = (r: (typeof rs)[number]) =>
        Object.fromEntries(
          r.json.rows.map((x: { externalId: string; youngPersonId: string }) => [x.externalId, x.youngPersonId]),
        );
      expect(ids(rs[0] as (typeof rs)[number])).toEqual(ids(rs[1] as (typeof rs)[number]));
    }, 60_000);

    it('two overlapping files at once: each shared id is registered once, with one of the two allocations', async () => {
      const before = await counts();
      const a = file(Array.from({ length: 100 }, (_, i) => person(2000 + i)));
      const bFile = file(Array.from({ length: 100 }, (_, i) => person(2050 + i, 'u-spare')).reverse());
      const rs = await Promise.all([
        admin.post('/api/imports/young-people', a, CSV),
        admin.post('/api/imports/young-people', bFile, CSV),
      ]);
      expect(rs.map((r) => r.status)).toEqual([200, 200]);
      const after = await counts();
      expect(after.young_person_external_ids - before.young_person_external_ids).toBe(150);
      expect(after.young_people - before.young_people).toBe(150);
      const created = rs.map((r) => r.json.counts.created);
      expect(created[0] + created[1]).toBe(150);
    }, 60_000);
  });
}
