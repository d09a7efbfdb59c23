// `pnpm start`: opens the store (PGlite in .data/, or PostgreSQL when DATABASE_URL is set), seeds the demo
// council when the database is empty, and serves the app on http://localhost:3000 (PORT to change it).
// `--seed-only` seeds (when empty) and exits. Environment:
//   PORT (default 3000; 0 picks a free port), HOST (default 127.0.0.1; 0.0.0.0 in a container),
//   DATABASE_URL (PostgreSQL), ONWARD_DATA_DIR (PGlite folder, default .data), ONWARD_MEMORY=1 (throwaway
//   in-memory database), ONWARD_SEED (PRNG seed, default 2026), ONWARD_SEED_SIZE (young people, default 400),
//   ONWARD_SEED_ACCOUNTS (young people given their own demo sign-in, default 12), ONWARD_SECURE_COOKIES=1 (behind HTTPS), ONWARD_NO_SEED=1 (start empty).
import { resolve } from 'node:path';
import { openStore, serve } from '@onward/server';
import { createReferenceApp } from './app.js';
import { loadSeed } from './load-seed.js';
import { buildSeed, demoSignIns, seedSummary } from './seed.js';

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const seedOnly = process.argv.includes('--seed-only');
  const port = intEnv('PORT', 3000, 0, 65535);
  const host = process.env.HOST ?? '127.0.0.1';
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const memory = process.env.ONWARD_MEMORY === '1';
  const dataDir = memory || databaseUrl ? undefined : resolve(process.env.ONWARD_DATA_DIR ?? '.data');
  const store = await openStore({ ...(databaseUrl ? { databaseUrl } : {}), ...(dataDir ? { dataDir } : {}) });
  const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : dataDir ? `PGlite in ${dataDir}` : 'PGlite in memory';
  console.log(`Onward: database ${where}`);

  const councils = await store.listCouncils();
  const data = buildSeed({
    seed: intEnv('ONWARD_SEED', 2026, 0, 2 ** 31),
    size: intEnv('ONWARD_SEED_SIZE', 400, 1, 20000),
  });
  if (councils.length === 0 && process.env.ONWARD_NO_SEED !== '1') {
    console.log('Onward: the database is empty; adding the demo councils (made-up people)…');
    const report = await loadSeed(store, data, {
      log: (l) => console.log(l),
      youngPersonAccounts: intEnv('ONWARD_SEED_ACCOUNTS', 12, 0, 20000),
    });
    const s = seedSummary(data);
    console.log(
      `Onward: demo data ready in ${(report.ms / 1000).toFixed(1)} s: ${s.youngPeople} young people, ${s.plans} plans, ${s.checkIns} check-ins, ${s.stayingPut} Staying Put arrangements, ${report.events} events.`,
    );
  } else if (councils.length) console.log('Onward: the database already has data; not seeding.');
  if (seedOnly) {
    await store.close();
    return;
  }

  const secureCookies = process.env.ONWARD_SECURE_COOKIES === '1';
  const { app } = createReferenceApp({
    store,
    secureCookies,
    logger: process.env.ONWARD_LOG === '1' ? (l) => console.log(l) : () => {},
  });
  const server = await serve(app, { port, hostname: host });
  const actual = server.port;
  const shown = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log('');
  console.log(`Onward is running at http://${shown}:${actual}`);
  console.log('');
  console.log(`Demo sign-ins (password for all: ${data.demoPassword}):`);
  for (const s of demoSignIns(data)) console.log(`  ${s.role.padEnd(26)} ${s.email.padEnd(36)} ${s.council}`);
  console.log('');
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`Onward could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
