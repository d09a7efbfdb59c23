// Integrity under parallel requests, on PGlite and on a real PostgreSQL (issue 11, finding 3): the rules live in
// the database (migration 5), not in read-then-write code, so simultaneous requests cannot break them. Before
// migration 5, on PostgreSQL three simultaneous starts made three open plans and three Staying Put arrangements,
// ten identical check-ins made ten events and three acknowledgements of one check-in all succeeded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { createOnwardServer } from '../src/app.js';
import { openPglite } from '../src/storage/db.js';
import { MIGRATIONS, migrate, splitStatements } from '../src/storage/migrations.js';
import { openStore, type Store } from '../src/storage/store.js';
import { Client, makeWorld, PASSWORD, type World } from './helpers.js';

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

// Two server instances on one PostgreSQL (two pools, as two processes behind a load balancer would have): the
// rules hold across them because the database keeps them.
describe.skipIf(!hasPostgres)('parallel requests spread over two server instances on one PostgreSQL', () => {
  const schema = `t_concurrency2_${process.pid}_${Date.now()}`;
  let w: World;
  let second: Store;
  const clients: Client[] = [];
  beforeAll(async () => {
    w = await makeWorld({ store: await openStore({ databaseUrl: postgresUrl as string, schema, poolSize: 8 }) });
    second = await openStore({ databaseUrl: postgresUrl as string, schema, poolSize: 8 });
    const other = createOnwardServer({
      store: second,
      clock: () => w.clock.now,
      secureCookies: false,
      logger: () => {},
    });
    for (const app of [w.server.app, other.app]) {
      const c = new Client(app);
      expect((await c.signIn('pa2@example.org', PASSWORD)).status).toBe(200);
      clients.push(c);
    }
    const yp = new Client(other.app);
    expect((await yp.signIn('yp2@example.org', PASSWORD)).status).toBe(200);
    const ypHere = new Client(w.server.app);
    expect((await ypHere.signIn('yp2@example.org', PASSWORD)).status).toBe(200);
    clients.push(yp, ypHere);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await w?.close();
  });

  it('one plan, one arrangement, one check-in event and one acknowledgement from six of each at once', async () => {
    const [paA, paB, ypA, ypB] = clients as [Client, Client, Client, Client];
    const both = <T>(f: (c: Client) => Promise<T>, a: Client, b: Client) =>
      Promise.all([a, b, a, b, a, b].map((c) => f(c)));
    const plans = await both((c) => c.post('/api/young-people/yp2/plans', {}), paA, paB);
    expect(statuses(plans)).toEqual({ 201: 1, 409: 5 });
    const sps = await both(
      (c) => c.post('/api/young-people/yp2/staying-put', { carerUserIds: ['u-carer2'] }),
      paA,
      paB,
    );
    expect(statuses(sps)).toEqual({ 201: 1, 409: 5 });
    const checkIn = {
      id: 'ci-two-instances',
      youngPersonId: 'yp2',
      author: 'young-person',
      at: '2026-03-02T10:00:00.000Z',
      locale: 'en-GB',
      moods: { money: { mood: 'bad', help: true } },
    };
    const cis = await both((c) => c.post('/api/young-people/yp2/check-ins', checkIn), ypA, ypB);
    expect(statuses(cis)).toEqual({ 200: 5, 201: 1 });
    const acks = await both((c) => c.post('/api/check-ins/ci-two-instances/acknowledge', {}), paA, paB);
    expect(statuses(acks)).toEqual({ 204: 1, 409: 5 });
    const types = (await w.store.listEvents('yp2')).map((e) => e.type);
    for (const t of ['plan.created', 'staying-put.created', 'check-in.recorded', 'check-in.acknowledged'])
      expect(
        types.filter((x) => x === t),
        t,
      ).toHaveLength(1);
  });
});

describe('migration 5 on a database that already breaks its rules', () => {
  it('stops, naming the young people, instead of starting with two plans being written', async () => {
    const db = await openPglite(undefined);
    await db.exec(`CREATE TABLE onward_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const m of MIGRATIONS.filter((x) => x.id < 5)) {
      for (const statement of splitStatements(m.sql)) await db.query(statement);
      await db.query('INSERT INTO onward_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    }
    for (const id of ['plan-a', 'plan-b'])
      await db.query(
        `INSERT INTO plans (id, council_id, young_person_id, state, lifecycle, doc, version, updated_at)
         VALUES ($1, 'c1', 'yp-twice', 'draft', '{}', '{}', 1, now())`,
        [id],
      );
    await expect(migrate(db)).rejects.toThrow(/more than one plan being written: yp-twice/);
    expect((await db.query('SELECT id FROM onward_migrations WHERE id = 5')).length).toBe(0);
    await db.close();
  });
});
