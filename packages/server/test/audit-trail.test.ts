// The audit trail a manager can use (issue 18): names beside ids, filters by young person, staff member, action and
// UK dates (checked by the query schema, each problem naming its field), keyset pages that together hold every
// entry once, and a CSV download of exactly the filtered entries that is itself audited. A team manager sees only
// their team's young people, in the entries, the people list and the download. On PGlite and PostgreSQL.
import { parseCsv } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { openStore, type Store } from '../src/storage/store.js';
import { makeWorld, type World } from './helpers.js';

const backends: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () =>
      openStore({
        databaseUrl: postgresUrl as string,
        schema: `t_audit_trail_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`,
        poolSize: 4,
      }),
  },
];

interface Entry {
  id: number;
  at: string;
  actorId: string;
  actorName?: string;
  actorRole: string;
  action: string;
  recordType: string;
  youngPersonId?: string;
  youngPersonName?: string;
}

const csvText = (r: { bytes?: Uint8Array }) => new TextDecoder().decode(r.bytes);

for (const b of backends) {
  describe.skipIf(b.skip)(`the audit trail's filters, pages and download, on ${b.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await makeWorld({ store: await b.open() });
      // Reads of yp1 and yp2 by several people across two UK days (4 December 2026 is GMT; 30 June 2026 is BST).
      const days = ['2026-06-30T22:30:00.000Z', '2026-06-30T23:30:00.000Z', '2026-12-04T18:31:00.000Z'];
      for (const at of days) {
        w.clock.now = new Date(at);
        for (const who of ['pa', 'sw', 'tm']) await (await w.as(who)).get('/api/young-people/yp1');
        await (await w.as('pa2')).get('/api/young-people/yp2');
      }
    }, 120_000);
    afterAll(() => w?.close());

    it('names who did it and whose record it was', async () => {
      const admin = await w.as('admin');
      const r = await admin.get('/api/audit?youngPersonId=yp1&actorId=u-sw&limit=500');
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      const items = r.json.items as Entry[];
      expect(items.length).toBeGreaterThanOrEqual(3);
      for (const e of items) {
        expect(e.actorId).toBe('u-sw');
        expect(e.actorName).toBe('sw name');
        expect(e.youngPersonId).toBe('yp1');
        expect(e.youngPersonName).toBe('Alex Rivers');
      }
      const people = await admin.get('/api/audit/people');
      expect(people.json.actors).toContainEqual({ id: 'u-sw', name: 'sw name', role: 'social-worker' });
      expect(people.json.youngPeople).toContainEqual({ id: 'yp2', name: 'Bo Lane' });
    });

    it('filters by action and by whole UK days', async () => {
      const admin = await w.as('admin');
      const reads = (await admin.get('/api/audit?action=read&limit=500')).json.items as Entry[];
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((e) => e.action === 'read')).toBe(true);
      // 1 July 2026 in the UK runs from 23:00 UTC on 30 June: the 23:30 reads are in it, the 22:30 ones are not.
      const july = (await admin.get('/api/audit?from=2026-07-01&to=2026-07-01&actorId=u-pa&limit=500')).json
        .items as Entry[];
      expect(july.map((e) => e.at)).toEqual(july.map(() => '2026-06-30T23:30:00.000Z'));
      expect(july.length).toBeGreaterThan(0);
      const june30 = (await admin.get('/api/audit?to=2026-06-30&actorId=u-pa&limit=500')).json.items as Entry[];
      expect(june30.some((e) => e.at === '2026-06-30T22:30:00.000Z')).toBe(true);
      expect(june30.some((e) => e.at >= '2026-06-30T23:00:00.000Z')).toBe(false);
    });

    it('refuses bad filters, naming each field', async () => {
      const admin = await w.as('admin');
      const r = await admin.get('/api/audit?action=delete&from=yesterday&limit=9999&colour=red&after=!!');
      expect(r.status).toBe(400);
      const paths = (r.json.errors as { path: string; message: string }[]).map((e) => e.path).sort();
      expect(paths).toEqual(['action', 'after', 'colour', 'from', 'limit']);
      const from = (r.json.errors as { path: string; message: string }[]).find((e) => e.path === 'from');
      expect(from?.message).toBe('"from" should be a date written YYYY-MM-DD or a date and time (ISO 8601).');
      const cursor = await admin.get(`/api/audit?after=${Buffer.from('not a cursor').toString('base64url')}`);
      expect(cursor.status).toBe(400);
      expect(cursor.json.errors[0].path).toBe('after');
      const backwards = await admin.get('/api/audit?from=2026-12-04&to=2026-12-01');
      expect(backwards.status).toBe(400);
      expect(backwards.json.errors[0].path).toBe('to');
      expect((await admin.get('/api/audit/export?limit=5')).status).toBe(400);
    });

    it('pages with a cursor: every entry once, newest first, the same as one long page', async () => {
      const admin = await w.as('admin');
      const whole = (await admin.get('/api/audit?limit=500')).json.items as Entry[];
      expect(whole.length).toBeGreaterThan(12);
      const paged: Entry[] = [];
      let next: string | undefined;
      let pages = 0;
      do {
        const r = await admin.get(`/api/audit?limit=5${next ? `&after=${next}` : ''}`);
        expect(r.status, JSON.stringify(r.json)).toBe(200);
        paged.push(...(r.json.items as Entry[]));
        next = r.json.next;
        pages++;
      } while (next && pages < 100);
      // Each page's read was audited after the whole page was asked for: the paged list starts with those reads.
      const ids = paged.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      const wholeIds = new Set(whole.map((e) => e.id));
      expect(paged.filter((e) => wholeIds.has(e.id)).map((e) => e.id)).toEqual(whole.map((e) => e.id));
      for (let i = 1; i < paged.length; i++)
        expect(paged[i - 1]!.at > paged[i]!.at || (paged[i - 1]!.at === paged[i]!.at && ids[i - 1]! > ids[i]!)).toBe(
          true,
        );
    });

    it('downloads exactly the filtered entries as CSV, and the download is audited', async () => {
      const tm = await w.as('tm');
      const filter = 'youngPersonId=yp1&actorId=u-pa';
      const page = (await tm.get(`/api/audit?${filter}&limit=500`)).json.items as Entry[];
      const csv = await tm.get(`/api/audit/export?${filter}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const [head, ...rows] = parseCsv(csvText(csv));
      expect(head).toEqual([
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
      ]);
      expect(rows.map((r) => r[1])).toEqual(page.map((e) => e.at));
      expect(new Set(rows.map((r) => `${r[2]}|${r[3]}|${r[7]}`))).toEqual(new Set(['pa name|PA|Alex Rivers']));
      // 18:31 UTC on 4 December is 18:31 in the UK (GMT); 23:30 UTC on 30 June is 00:30 on 1 July (BST).
      expect(rows.map((r) => r[0])).toContain('2026-12-04 18:31:00');
      expect(rows.map((r) => r[0])).toContain('2026-07-01 00:30:00');
      // The download is in the council's trail (an admin reads it: it is about no one young person).
      const admin = await w.as('admin');
      const last = (await admin.get('/api/audit?action=export&actorId=u-tm&limit=1')).json.items as Entry[];
      expect(last[0]?.recordType).toBe('audit');
      expect(last[0]?.at).toBe(w.clock.now.toISOString());
    });

    it("keeps a team manager to their own team's young people", async () => {
      const tm = await w.as('tm');
      const all = (await tm.get('/api/audit?limit=500')).json.items as Entry[];
      expect(all.some((e) => e.youngPersonId === 'yp2')).toBe(false);
      expect((await tm.get('/api/audit?youngPersonId=yp2')).json.items).toEqual([]);
      const people = (await tm.get('/api/audit/people')).json;
      expect(people.youngPeople.map((p: { id: string }) => p.id)).toEqual(['yp1']);
      expect(people.actors.map((p: { id: string }) => p.id)).not.toContain('u-pa2');
      const csv = parseCsv(csvText(await tm.get('/api/audit/export?youngPersonId=yp2')));
      expect(csv.length).toBe(1); // the header only
    });
  });
}
