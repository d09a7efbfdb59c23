// The server survives the database going away: connections cut by pg_terminate_backend, and the postmaster
// restarting. Before the pool had an error handler, a dropped idle connection was an uncaught 'error' event and
// the process exited. Readiness tells a load balancer the truth throughout; reads are retried; writes that cannot
// have run are retried; the server keeps serving once the database is back. Uses a PostgreSQL of its own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasPostgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '#test-support/throwaway-postgres.js';
import { serve } from '../src/serve.js';
import { openStore, type Store } from '../src/storage/store.js';
import { makeWorld, type World } from './helpers.js';

describe.skipIf(!hasPostgresBinaries)('when PostgreSQL drops connections or restarts', () => {
  let db: ThrowawayPostgres;
  let store: Store;
  let w: World;
  let running: Awaited<ReturnType<typeof serve>>;
  const dropped: { code: string; where: string }[] = [];

  beforeAll(async () => {
    db = await startThrowawayPostgres();
    store = await openStore({ databaseUrl: db.url, onConnectionError: (e) => dropped.push(e) });
    w = await makeWorld({ store });
    running = await serve(w.server.app, { port: 0 });
  }, 180_000);
  afterAll(async () => {
    await running?.close();
    await w?.close().catch(() => undefined);
    db?.destroy();
  });

  async function terminateAll(): Promise<number> {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const r = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_type = 'client backend'`,
    );
    await admin.end();
    return r.rowCount ?? 0;
  }

  const ready = async () => {
    const r = await fetch(`${running.url}/api/health/ready`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it('is ready when the database answers and every migration has run', async () => {
    expect(await ready()).toEqual({
      status: 200,
      body: { ready: true, checks: { database: 'ok', migrations: 'done' }, notifications: 'not-configured' },
    });
    expect((await fetch(`${running.url}/api/health/live`)).status).toBe(200);
  });

  it('keeps running and serving after pg_terminate_backend cuts every connection', async () => {
    const pa = await w.as('pa');
    // Fill the pool with idle connections, then cut them all.
    await Promise.all(Array.from({ length: 8 }, () => pa.get('/api/young-people/yp1')));
    expect(await terminateAll()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(dropped.length).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) expect((await pa.get('/api/young-people/yp1')).status).toBe(200);
    // A write goes through too.
    const yp = await w.as('yp');
    const ci = await yp.post('/api/young-people/yp1/check-ins', {
      id: 'ci-after-cut',
      youngPersonId: 'yp1',
      author: 'young-person',
      at: '2026-03-02T10:00:00.000Z',
      locale: 'en-GB',
      moods: { money: { mood: 'ok' } },
    });
    expect(ci.status).toBe(201);
    expect((await ready()).status).toBe(200);
  }, 60_000);

  it('says unready (503) while the database is down, answers requests with 503, and recovers by itself', async () => {
    const pa = await w.as('pa');
    db.stop('fast');
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ ready: false, checks: { database: 'unreachable' } });
      // Still alive: the process should not be restarted for a database outage.
      expect((await fetch(`${running.url}/api/health/live`)).status).toBe(200);
      const down = await pa.get('/api/young-people/yp1');
      expect(down.status).toBe(503);
      expect(down.json.type).toMatch(/unavailable$/);
      expect(down.headers.get('retry-after')).toBe('2');
    } finally {
      db.start();
    }
    expect((await ready()).status).toBe(200);
    expect((await pa.get('/api/young-people/yp1')).status).toBe(200);
  }, 60_000);

  it('rides through a postmaster restart: reads during it are retried and succeed', async () => {
    const pa = await w.as('pa');
    await pa.get('/api/young-people/yp1');
    // Requests keep coming while the database restarts underneath them.
    let stop = false;
    const statuses: number[] = [];
    const loop = (async () => {
      while (!stop) {
        statuses.push((await pa.get('/api/young-people/yp1')).status);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    db.restart('fast');
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await loop;
    // Every answer was either a success or an honest 503 (never a 500, never a crash), and it ends serving.
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.at(-1)).toBe(200);
    expect((await ready()).status).toBe(200);
  }, 60_000);

  it('loses no acknowledged write and stores nothing twice when PostgreSQL crashes and restarts in a write loop', async () => {
    const yp = await w.as('yp');
    const pa = await w.as('pa');
    const path = '/api/young-people/yp1/check-ins';
    const body = (id: string) => ({
      id,
      youngPersonId: 'yp1',
      author: 'young-person',
      at: '2026-03-02T10:00:00.000Z',
      locale: 'en-GB',
      moods: { money: { mood: 'ok' } },
    });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const acknowledged = new Set<string>();
    const unsure = new Set<string>();
    const statuses: number[] = [];
    let stop = false;
    let n = 0;
    // Three writers, each sending check-ins one after another; a check-in's id is its idempotency key.
    const writer = async (k: number) => {
      while (!stop) {
        const id = `ci-crash-${k}-${n++}`;
        let status = 0;
        try {
          status = (await yp.post(path, body(id))).status;
        } catch {
          status = 0;
        }
        statuses.push(status);
        if (status === 201 || status === 200) acknowledged.add(id);
        else unsure.add(id);
        await sleep(5);
      }
    };
    const writers = [0, 1, 2].map(writer);
    // Counted, not timed (a loaded machine is slow): some writes in, then the crash.
    const until = async (ok: () => boolean, what: string) => {
      for (const t0 = Date.now(); !ok(); await sleep(20))
        if (Date.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}`);
    };
    await until(() => acknowledged.size >= 5, 'five writes before the crash');
    // A crash (immediate stop: no clean end to sessions), writes go on against no database, then it comes back.
    db.stop('immediate');
    const down = statuses.length;
    await until(() => statuses.length >= down + 6, 'writes tried while the database is down');
    const after = acknowledged.size;
    db.start();
    await until(() => acknowledged.size >= after + 5, 'five writes after the restart');
    stop = true;
    await Promise.all(writers);
    // Each answer was a success or an honest 503 (never a 500), and writing works again afterwards.
    expect(statuses.filter((x) => x !== 200 && x !== 201 && x !== 503)).toEqual([]);
    expect(statuses.filter((x) => x === 503).length, 'refused while the database was down').toBeGreaterThan(0);
    expect(statuses.at(-1)).toBe(201);
    // The writes not acknowledged are sent again with the same id, as a client does: each is stored once.
    for (const id of unsure) expect([200, 201]).toContain((await yp.post(path, body(id))).status);
    const stored = ((await pa.get(path)).json.items as { id: string }[])
      .map((x) => x.id)
      .filter((id) => id.startsWith('ci-crash-'));
    expect(new Set(stored).size, 'no check-in stored twice').toBe(stored.length);
    for (const id of acknowledged) expect(stored, `acknowledged ${id}`).toContain(id);
    expect(stored.length).toBe(acknowledged.size + unsure.size);
    console.log(
      `database crash in a write loop: ${acknowledged.size} acknowledged, ${unsure.size} refused (503) then resent, ${stored.length} stored, 0 lost, 0 twice`,
    );
  }, 120_000);

  it('says unready while shutting down, and keeps serving until closed', async () => {
    w.server.beginShutdown();
    const r = await ready();
    expect(r.status).toBe(503);
    expect(r.body.draining).toBe(true);
    expect((await fetch(`${running.url}/api/health/live`)).status).toBe(200);
    const pa = await w.as('pa');
    expect((await pa.get('/api/young-people/yp1')).status).toBe(200);
  });
});
