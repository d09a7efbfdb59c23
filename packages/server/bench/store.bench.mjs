// Storage and API timings on the embedded database (PGlite, in memory), at the size of the demo council:
// 400 young people, ~24 check-ins each. Run after a build: `pnpm --filter @onward/server bench`.
// Prints figures; asserts nothing (speed is measured here, not in tests).
import { performance } from 'node:perf_hooks';
import { createOnwardServer, openStore } from '../dist/index.js';

const t = async (label, fn) => {
  const s = performance.now();
  const out = await fn();
  console.log(`${label.padEnd(58)} ${(performance.now() - s).toFixed(0).padStart(7)} ms`);
  return out;
};

const store = await t('open in-memory PGlite + run migrations', () => openStore({}));
await store.createCouncil({ id: 'c1', name: 'Bench' });
await store.createTeam({ id: 't1', councilId: 'c1', name: 'Team' });
await t('create 10 staff (scrypt hashing, in parallel)', () =>
  store.createStaffUsers(
    Array.from({ length: 10 }, (_, i) => ({
      id: `pa${i}`,
      councilId: 'c1',
      role: 'pa',
      teamId: 't1',
      name: `PA ${i}`,
      email: `pa${i}@bench.example`,
      password: 'a long enough password',
    })),
  ),
);
const N = 400;
await t(`register ${N} young people (one transaction)`, () =>
  store.createYoungPeople(
    Array.from({ length: N }, (_, i) => ({
      id: `yp${i}`,
      councilId: 'c1',
      name: `Person ${i}`,
      dateOfBirth: '2006-06-01',
      category: 'former-relevant',
      teamId: 't1',
      paId: `pa${i % 10}`,
    })),
  ),
);
const lifecycle = {
  lifecycle: 'check-in',
  schemaVersion: 1,
  state: 'submitted',
  context: {},
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const events = [];
for (let i = 0; i < N; i++)
  for (let m = 0; m < 24; m++) {
    const at = new Date(Date.UTC(2024, m, 3)).toISOString();
    events.push({
      councilId: 'c1',
      youngPersonId: `yp${i}`,
      type: 'check-in.recorded',
      at,
      payload: {
        checkIn: {
          id: `ci-${i}-${m}`,
          youngPersonId: `yp${i}`,
          author: 'young-person',
          at,
          locale: 'en-GB',
          moods: { housing: { mood: m % 3 ? 'good' : 'bad', help: m % 7 === 0 } },
        },
        lifecycle,
      },
    });
  }
await t(`append ${events.length} events in batches of 2,000`, async () => {
  for (let i = 0; i < events.length; i += 2000) await store.appendEvents(events.slice(i, i + 2000));
});
await t('rebuild every projection from the event log', () => store.rebuildProjections());
await t('list the council (400 young people)', () => store.listYoungPeople('c1'));

const { app } = createOnwardServer({ store, secureCookies: false, logger: () => {} });
const csrf = await (await app.request('http://localhost/api/auth/csrf')).json();
const cookie0 = `onward_csrf=${csrf.csrfToken}`;
const signIn = await app.request('http://localhost/api/auth/sign-in', {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.csrfToken, cookie: cookie0 },
  body: JSON.stringify({ email: 'pa0@bench.example', password: 'a long enough password' }),
});
const session = signIn.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const runs = 20;
const times = [];
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  const r = await app.request('http://localhost/api/young-people', { headers: { cookie: session } });
  await r.json();
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
console.log(
  `${'GET /api/young-people (caseload of 40), median of 20'.padEnd(58)} ${times[10].toFixed(1).padStart(7)} ms`,
);
await store.close();
