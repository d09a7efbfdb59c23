// The record is the event log: every table the app reads (young people, plans, check-ins, Staying Put
// arrangements, staff accounts) must be exactly what replaying the log through the engine's machines gives.
// A small demo council is loaded the way the app loads it, every stored event is checked against its schema,
// then the tables are thrown away and rebuilt, for all councils and for one, and must come back unchanged.
// Runs on PGlite and, when ONWARD_TEST_DATABASE_URL is set (pnpm test starts one), on PostgreSQL.
import { checkRecordEvent } from '@onward/engine';
import { openStore, type Store } from '@onward/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../src/load-seed.js';
import { buildSeed } from '../src/seed.js';

const postgresUrl = process.env.ONWARD_TEST_DATABASE_URL;
const DATABASES: { name: string; open: () => Promise<Store> }[] = [
  { name: 'PGlite', open: () => openStore({}) },
  ...(postgresUrl
    ? [
        {
          name: 'PostgreSQL',
          open: () => openStore({ databaseUrl: postgresUrl, schema: `t_replay_${process.pid}_${Date.now()}` }),
        },
      ]
    : []),
];

const PROJECTIONS = ['young_people', 'plans', 'check_ins', 'arrangements', 'users'] as const;

/** Every row of every projection table, as JSON text, in a fixed order. */
async function snapshot(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of PROJECTIONS) {
    const rows = await store.db.query(`SELECT row_to_json(t)::text AS j FROM ${table} t ORDER BY id`);
    out[table] = rows.map((r) => String((r as { j: string }).j));
  }
  return out;
}

describe.each(DATABASES)('the tables are a replay of the record ($name)', ({ open }) => {
  let store: Store;
  let before: Record<string, string[]>;
  const data = buildSeed({ today: '2026-11-25', size: 24, secondSize: 6 });

  beforeAll(async () => {
    store = await open();
    const report = await loadSeed(store, data, { youngPersonAccounts: 2 });
    expect(report.refused).toBe(0);
    before = await snapshot(store);
  }, 170_000);
  afterAll(async () => {
    await store?.close();
  });

  it('has something in every table to compare', () => {
    for (const table of PROJECTIONS) expect(before[table]?.length, table).toBeGreaterThan(0);
    expect(before.plans!.some((j) => j.includes('"superseded"'))).toBe(true);
    expect(before.arrangements!.length).toBeGreaterThan(0);
  });

  it('stores only events that match their schema, numbered without gaps', async () => {
    const people = await store.db.query('SELECT DISTINCT young_person_id AS id FROM events ORDER BY 1');
    expect(people.length).toBe(before.young_people!.length);
    let count = 0;
    for (const { id } of people as { id: string }[]) {
      const events = await store.listEvents(id);
      expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
      for (const e of events) expect(() => checkRecordEvent(e, `event ${e.id}`)).not.toThrow();
      count += events.length;
    }
    expect(count).toBeGreaterThan(200);
  });

  it('rebuilds every table to exactly what was stored', async () => {
    await store.rebuildProjections();
    expect(await snapshot(store)).toEqual(before);
  }, 120_000);

  it('rebuilds one council without touching the other, and puts right a row changed behind the log', async () => {
    const [plan] = await store.db.query("SELECT id FROM plans WHERE council_id = 'afon' ORDER BY id LIMIT 1");
    const planId = (plan as { id: string }).id;
    await store.db.query("UPDATE plans SET state = 'draft' WHERE id = $1", [planId]);
    await store.db.query("DELETE FROM check_ins WHERE council_id = 'afon'");
    await store.db.query("UPDATE young_people SET name = 'Changed behind the log' WHERE council_id = 'afon'");
    const northbridgeBefore = await store.db.query(
      "SELECT row_to_json(t)::text AS j FROM plans t WHERE council_id = 'northbridge' ORDER BY id",
    );
    await store.rebuildProjections('afon');
    expect(await snapshot(store)).toEqual(before);
    expect(
      await store.db.query(
        "SELECT row_to_json(t)::text AS j FROM plans t WHERE council_id = 'northbridge' ORDER BY id",
      ),
    ).toEqual(northbridgeBefore);
  }, 120_000);
});
