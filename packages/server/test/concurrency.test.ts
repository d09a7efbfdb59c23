// Integrity under parallel requests, on PGlite and on a real PostgreSQL (issue 11, finding 3): the rules live in
// the database (migration 5), not in read-then-write code, so simultaneous requests cannot break them. Before
// migration 5, on PostgreSQL three simultaneous starts made three open plans and three Staying Put arrangements,
// ten identical check-ins made ten events and three acknowledgements of one check-in all succeeded.
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
        schema: `t_concurrency_${process.pid}_${Date.now()}`,
        poolSize: 12,
      }),
  },
];

const statuses = (rs: { status: number }[]) =>
  rs.reduce<Record<number, number>>((m, r) => {
    m[r.status] = (m[r.status] ?? 0) + 1;
    return m;
  }, {});

for (const b of backends) {
  describe.skipIf(b.skip)(`parallel requests on ${b.name}`, () => {
    let w: World;
    let pa2: Client;
    let yp2: Client;
    beforeAll(async () => {
      w = await makeWorld({ store: await b.open() });
      pa2 = await w.as('pa2');
      yp2 = await w.as('yp2');
    }, 120_000);
    afterAll(() => w?.close());

    const count = async (type: string) => (await w.store.listEvents('yp2')).filter((e) => e.type === type).length;

    it('three simultaneous plan starts make one plan being written; the others get 409', async () => {
      const rs = await Promise.all([1, 2, 3].map(() => pa2.post('/api/young-people/yp2/plans', {})));
      expect(statuses(rs)).toEqual({ 201: 1, 409: 2 });
      const plans = await w.store.listPlans({ youngPersonIds: ['yp2'] });
      expect(plans.filter((p) => p.state === 'draft')).toHaveLength(1);
      expect(await count('plan.created')).toBe(1);
    });

    it('three simultaneous Staying Put starts make one arrangement', async () => {
      const rs = await Promise.all(
        [1, 2, 3].map(() => pa2.post('/api/young-people/yp2/staying-put', { carerUserIds: ['u-carer2'] })),
      );
      expect(statuses(rs)).toEqual({ 201: 1, 409: 2 });
      expect(await w.store.listArrangements({ youngPersonIds: ['yp2'] })).toHaveLength(1);
      expect(await count('staying-put.created')).toBe(1);
    });

    const checkIn = {
      id: 'ci-parallel',
      youngPersonId: 'yp2',
      author: 'young-person',
      at: '2026-03-02T10:00:00.000Z',
      locale: 'en-GB',
      moods: { money: { mood: 'bad', help: true, note: 'Rent is late' } },
    };

    it('ten identical check-ins sent at once are stored as one event; every retry is told it is saved', async () => {
      const rs = await Promise.all(
        Array.from({ length: 10 }, () => yp2.post('/api/young-people/yp2/check-ins', checkIn)),
      );
      expect(statuses(rs)).toEqual({ 200: 9, 201: 1 });
      for (const r of rs) expect(r.json.checkIn.id).toBe('ci-parallel');
      expect(await count('check-in.recorded')).toBe(1);
      // A different check-in under the same id is still refused.
      const other = await yp2.post('/api/young-people/yp2/check-ins', { ...checkIn, moods: { money: { mood: 'ok' } } });
      expect(other.status).toBe(409);
    });

    it('three acknowledgements of one check-in at once: one succeeds, the others get 409', async () => {
      const rs = await Promise.all([1, 2, 3].map(() => pa2.post('/api/check-ins/ci-parallel/acknowledge', {})));
      expect(statuses(rs)).toEqual({ 204: 1, 409: 2 });
      expect(await count('check-in.acknowledged')).toBe(1);
      expect((await w.store.getCheckIn('ci-parallel'))?.lifecycle.state).toBe('acknowledged');
    });

    it('the projections still equal a replay of the log', async () => {
      const before = await w.store.listPlans({ youngPersonIds: ['yp2'] });
      await w.store.rebuildProjections();
      expect(await w.store.listPlans({ youngPersonIds: ['yp2'] })).toEqual(before);
    });
  });
}
