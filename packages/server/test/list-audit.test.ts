// Reads of lists leave an audit row (issues 11 and 13): a caseload, the registry, help requests (with notes), the
// authorisation queue, the Staying Put tracker and the case-management export each write one row naming who, which
// list, how many young people it showed and which (insights: how many, not which), so "who has seen this young
// person's record" finds the lists too. Reads' rows are written together (group commit): each read still waits
// until its row is stored, and fails when it cannot be, but reads made at the same time share one INSERT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { openStore, type Store } from '../src/storage/store.js';
import { type Client, makeWorld, type World } from './helpers.js';

const backends: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () =>
      openStore({
        databaseUrl: postgresUrl as string,
        schema: `t_list_audit_${process.pid}_${Date.now()}`,
        poolSize: 8,
      }),
  },
];

for (const b of backends) {
  describe.skipIf(b.skip)(`audit rows for reads of lists on ${b.name}`, () => {
    let w: World;
    let pa: Client;
    let tm: Client;
    let admin: Client;
    beforeAll(async () => {
      w = await makeWorld({ store: await b.open() });
      pa = await w.as('pa');
      tm = await w.as('tm');
      admin = await w.as('admin');
    }, 120_000);
    afterAll(() => w?.close());

    /** The newest row of this list read, as stored. */
    const lastRow = async (recordType: string) =>
      (await w.store.queryAudit({ councilId: 'c1', limit: 500 })).find((e) => e.recordType === recordType);

    it('each list read names who, which list, how many and which young people, when', async () => {
      const reads: [Client, string, string, string[] | undefined, number][] = [
        [pa, '/api/young-people', 'caseload', ['yp1'], 1],
        [admin, '/api/young-people', 'young-people-registry', ['yp1', 'yp2'], 2],
        [pa, '/api/help-requests', 'help-requests', ['yp1'], 1],
        [tm, '/api/authorisation-queue', 'authorisation-queue', [], 0],
        [pa, '/api/staying-put-tracker', 'staying-put-tracker', ['yp1'], 1],
        [tm, '/api/exports/case-management', 'case-management-export', ['yp1'], 1],
        [tm, '/api/insights/dashboard', 'insights-dashboard', undefined, 1],
      ];
      for (const [c, path, recordType, ids, count] of reads) {
        const r = await c.get(path);
        expect(r.status, path).toBe(200);
        const row = await lastRow(recordType);
        expect(row, path).toMatchObject({
          count,
          requestId: r.headers.get('x-request-id'),
          at: w.clock.now.toISOString(),
        });
        if (ids) expect([...(row?.youngPersonIds ?? [])].sort(), path).toEqual(ids);
        else expect(row?.youngPersonIds, path).toBeUndefined();
      }
      expect((await lastRow('caseload'))?.actorId).toBe('u-pa');
    });

    it('a young person’s trail shows the lists that showed them, and to a team manager only their team’s ids', async () => {
      await admin.get('/api/young-people');
      const forYp1 = await admin.get('/api/audit?youngPersonId=yp1&limit=500');
      const registry = forYp1.json.items.find((e: { recordType: string }) => e.recordType === 'young-people-registry');
      expect(registry).toMatchObject({ count: 2, youngPersonIds: ['yp1'] });
      const asTm = await tm.get('/api/audit?limit=500');
      const seen = asTm.json.items.find((e: { recordType: string }) => e.recordType === 'young-people-registry');
      // yp2 is in another team: the manager learns the list showed 2 young people, but not who the other was.
      expect(seen.youngPersonIds).toEqual(['yp1']);
    });

    it('reads at the same time are all audited before they are answered, in fewer INSERTs than reads', async () => {
      const before = (await w.store.queryAudit({ councilId: 'c1', limit: 500 })).filter(
        (e) => e.recordType === 'caseload',
      ).length;
      const inserts = w.store.reads.inserts;
      const rs = await Promise.all(Array.from({ length: 30 }, () => pa.get('/api/young-people')));
      expect(rs.every((r) => r.status === 200)).toBe(true);
      const after = (await w.store.queryAudit({ councilId: 'c1', limit: 500 })).filter(
        (e) => e.recordType === 'caseload',
      ).length;
      expect(after - before).toBe(30);
      expect(w.store.reads.inserts - inserts).toBeLessThan(30);
      // Every answer's request has its row.
      const ids = new Set((await w.store.queryAudit({ councilId: 'c1', limit: 500 })).map((e) => e.requestId));
      for (const r of rs) expect(ids.has(r.headers.get('x-request-id') as string)).toBe(true);
    });

    it('a read whose audit row cannot be stored is not answered', async () => {
      const trail = w.store.audit as unknown as { record: (...a: unknown[]) => Promise<void> };
      const real = trail.record;
      trail.record = async () => {
        throw new Error('the audit table is unavailable');
      };
      try {
        const rs = await Promise.all([pa.get('/api/young-people'), pa.get('/api/help-requests')]);
        for (const r of rs) {
          expect(r.status).toBe(500);
          expect(JSON.stringify(r.json)).not.toContain('Alex');
        }
      } finally {
        trail.record = real;
      }
      expect((await pa.get('/api/young-people')).status).toBe(200);
    });
  });
}
