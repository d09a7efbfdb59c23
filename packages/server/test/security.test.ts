// Every route × every kind of caller. Each caller outside a route's rights is refused (401, 403 or 404) and
// nothing is saved; each caller inside them gets through. Callers from another council never see this council's
// records. The table must list every route the app serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/openapi.js';
import type { Client, World } from './helpers.js';
import {
  countRows,
  EVERYONE,
  type Ids,
  makeSecurityWorld,
  OTHER_COUNCIL,
  type SecurityWorld,
  TABLE,
} from './security-world.js';

describe('security: every route × every caller', () => {
  let w: World;
  let ids: Ids;
  let send: SecurityWorld['send'];
  let clients: SecurityWorld['clients'];

  beforeAll(async () => {
    ({ w, ids, send, clients } = await makeSecurityWorld());
  }, 120_000);
  afterAll(() => w.close());

  it('lists every route the app serves, and nothing else', () => {
    const served = w.server.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path}`);
    const table = TABLE.map((r) => `${r.method} ${r.path}`);
    expect([...new Set(served)].sort()).toEqual([...table].sort());
    expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual([...table].sort());
  });

  it('refuses everyone outside a route’s rights, and saves nothing', async () => {
    const before = await countRows(w);
    const failures: string[] = [];
    let checked = 0;
    for (const row of TABLE.filter((r) => !r.public)) {
      for (const who of EVERYONE.filter((x) => !row.allowed.includes(x))) {
        const r = await send(row, who);
        checked++;
        const ok = [401, 403, 404, ...(row.alsoRefused ?? [])].includes(r.status);
        if (!ok)
          failures.push(
            `${row.method.toUpperCase()} ${row.path} as ${who}: ${r.status} ${JSON.stringify(r.json ?? '').slice(0, 400)}`,
          );
        if (r.json && r.status >= 400) expect(r.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    expect(failures).toEqual([]);
    expect(await countRows(w)).toEqual(before);
    expect(checked).toBeGreaterThan(500);
  }, 120_000);

  it('lets everyone inside a route’s rights through', async () => {
    const failures: string[] = [];
    for (const row of TABLE.filter((r) => !r.public && !r.skipAllowed)) {
      for (const who of row.allowed) {
        const r = await send(row, who);
        const ok = (r.status >= 200 && r.status < 300) || (row.alsoOk ?? []).includes(r.status);
        if (!ok)
          failures.push(
            `${row.method.toUpperCase()} ${row.path} as ${who}: ${r.status} ${JSON.stringify(r.json ?? '').slice(0, 200)}`,
          );
        if (OTHER_COUNCIL.includes(who)) {
          const text = JSON.stringify(r.json ?? '');
          if (/yp1|Alex Rivers|u-pa\b|Northshire/.test(text))
            failures.push(`${row.path} as ${who} leaked another council's data`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('never lets a young person see or write another young person’s check-ins', async () => {
    const yp2 = clients.get('yp2') as Client;
    const r = await yp2.post('/api/young-people/yp2/check-ins', {
      id: 'ci-sneaky',
      youngPersonId: 'yp1',
      author: 'young-person',
      at: '2026-03-02T09:00:00Z',
      locale: 'en-GB',
      moods: { health: { mood: 'good' } },
    });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].path).toBe('youngPersonId');
    expect(await w.store.getCheckIn('ci-sneaky')).toBeUndefined();
  }, 120_000);

  it('shows a carer only their agreement, with nothing of the plan', async () => {
    const carer = clients.get('carer') as Client;
    const r = await carer.get(`/api/staying-put/${ids.arrangement}`);
    expect(r.status).toBe(200);
    // A carer's role is refused before any record is looked up (permissions.ts), so the answer is the same 403
    // whether or not the plan or young person exists: it tells them nothing.
    expect((await carer.get(`/api/plans/${ids.active}`)).status).toBe(403);
    expect((await carer.get('/api/plans/no-such-plan')).status).toBe(403);
    expect((await carer.get('/api/young-people/yp1')).status).toBe(403);
  }, 120_000);
});
