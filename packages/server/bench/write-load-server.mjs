// One server process for the write-path load test (write-load.mjs starts one or two of these). With
// ONWARD_LOAD_SEED=1 it first makes the bench council: PAs, young people with a plan each. It prints
// `READY <url>` once it listens, and stops on SIGTERM.
import { createOnwardServer, hashPassword, openStore, serve } from '../dist/index.js';

const env = process.env;
const store = await openStore(
  env.ONWARD_LOAD_DATABASE_URL
    ? {
        databaseUrl: env.ONWARD_LOAD_DATABASE_URL,
        schema: env.ONWARD_LOAD_SCHEMA,
        poolSize: Number(env.ONWARD_LOAD_POOL ?? 20),
      }
    : {},
);
const PAS = Number(env.ONWARD_LOAD_PAS ?? 5);
const YOUNG_PEOPLE = Number(env.ONWARD_LOAD_YOUNG_PEOPLE ?? 200);
const PASSWORD = 'a long enough password for the bench';

if (env.ONWARD_LOAD_SEED === '1') {
  await store.createCouncil({ id: 'c1', name: 'Bench council' });
  await store.createTeam({ id: 't1', councilId: 'c1', name: 'Bench team' });
  const passwordHash = await hashPassword(PASSWORD);
  await store.createStaffUsers(
    Array.from({ length: PAS }, (_, i) => ({
      id: `pa${i}`,
      councilId: 'c1',
      role: 'pa',
      teamId: 't1',
      name: `PA ${i}`,
      email: `pa${i}@bench.example`,
      passwordHash,
    })),
  );
  await store.createYoungPeople(
    Array.from({ length: YOUNG_PEOPLE }, (_, i) => ({
      id: `yp${i}`,
      councilId: 'c1',
      name: `Person ${i}`,
      dateOfBirth: '2007-06-01',
      category: 'former-relevant',
      teamId: 't1',
      paId: `pa${i % PAS}`,
    })),
  );
}

const server = createOnwardServer({ store, secureCookies: false, logger: () => {} });
const listening = await serve(server.app, { port: 0 });
console.log(`READY ${listening.url}`);

const stop = async () => {
  await listening.close();
  server.webhooks.stop();
  await store.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
