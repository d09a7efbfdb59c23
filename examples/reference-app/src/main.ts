// `pnpm start`: opens the store (PGlite in .data/, or PostgreSQL when DATABASE_URL is set), seeds the demo
// council when the database is empty, and serves the app on http://localhost:3000 (PORT to change it).
// `--seed-only` seeds (when empty) and exits. Environment:
//   PORT (default 3000; 0 picks a free port), HOST (default 127.0.0.1; 0.0.0.0 in a container),
//   DATABASE_URL (PostgreSQL), ONWARD_DATA_DIR (PGlite folder, default .data), ONWARD_MEMORY=1 (throwaway
//   in-memory database), ONWARD_SEED (PRNG seed, default 2026), ONWARD_SEED_SIZE (young people, default 400),
//   ONWARD_SEED_ACCOUNTS (young people given their own demo sign-in, default 12), ONWARD_SECURE_COOKIES=true
//   (behind HTTPS), ONWARD_NO_SEED=1 (start empty: the first-run page /setup opens with a one-time code printed
//   at start, or run `onward setup` first), ONWARD_WORDING_DIR (a folder of the council's own locale files,
//   checked with the content check at start; an error stops the start), ONWARD_SMTP_URL and ONWARD_MAIL_FROM
//   (email: the named PA told of a help request; needs ONWARD_PUBLIC_ORIGIN for the links; without them messages
//   wait in the database and /api/health/ready says notifications are not configured); for tests only,
//   ONWARD_NOTIFY_POLL_MS, ONWARD_NOTIFY_RETRY_MS and ONWARD_NOTIFY_LEASE_MS shorten the worker's waits.
import { resolve } from 'node:path';
import { configFromEnv, needsSetup, openStore, randomToken, serve, smtpTransport } from '@onward/server';
import { createReferenceApp } from './app.js';
import { loadSeed } from './load-seed.js';
import { buildSeed, demoSignIns, seedSummary } from './seed.js';
import { type CouncilWording, loadWordingFolder, WordingFolderError } from './wording.js';

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
  // The server's own settings (PORT, HOST, DATABASE_URL, ONWARD_PUBLIC_ORIGIN, ONWARD_TRUST_PROXY, …), checked the
  // same way as in production (docs/deployment.md). Two demo defaults differ: the PGlite folder is .data (git
  // ignores it) and cookies are Secure only when asked for or when the public origin is https, because the demo
  // runs on http://localhost.
  const env = { ...process.env, ONWARD_DATA_DIR: process.env.ONWARD_DATA_DIR || '.data' };
  const config = configFromEnv(env);
  const secureCookies =
    process.env.ONWARD_SECURE_COOKIES !== undefined && process.env.ONWARD_SECURE_COOKIES !== ''
      ? config.server.secureCookies
      : (config.server.publicOrigin ?? '').startsWith('https:');
  const memory = process.env.ONWARD_MEMORY === '1';
  const storeOptions =
    memory && !('databaseUrl' in config.store)
      ? {}
      : {
          ...config.store,
          ...('dataDir' in config.store && config.store.dataDir ? { dataDir: resolve(config.store.dataDir) } : {}),
        };
  const store = await openStore(storeOptions);
  const where =
    'databaseUrl' in storeOptions
      ? 'PostgreSQL (DATABASE_URL)'
      : 'dataDir' in storeOptions
        ? `PGlite in ${storeOptions.dataDir}`
        : 'PGlite in memory';
  console.log(`Onward: database ${where}`);

  const councils = await store.listCouncils();
  const data = buildSeed({
    seed: intEnv('ONWARD_SEED', 2026, 0, 2 ** 31),
    size: intEnv('ONWARD_SEED_SIZE', 400, 1, 20000),
  });
  const seeded =
    councils.some((c) => data.councils.some((d) => d.id === c.id)) ||
    (councils.length === 0 && process.env.ONWARD_NO_SEED !== '1');
  if (councils.length === 0 && process.env.ONWARD_NO_SEED !== '1') {
    console.log('Onward: the database is empty; adding the demo councils (made-up people)…');
    const report = await loadSeed(store, data, {
      log: (l) => console.log(l),
      youngPersonAccounts: intEnv('ONWARD_SEED_ACCOUNTS', 12, 0, 20000),
      // Every authorised plan in the demo gets its PDF, as one authorised in the app does: queued here, made by the
      // server in the background (or on the spot when someone asks for one first).
      queuePlanPdfs: true,
    });
    const s = seedSummary(data);
    console.log(
      `Onward: demo data ready in ${(report.ms / 1000).toFixed(1)} s: ${s.youngPeople} young people, ${s.plans} plans, ${s.checkIns} check-ins, ${s.stayingPut} Staying Put arrangements, ${report.events} events, ${report.frozen} authorised plans (their PDFs are made in the background once the server runs).`,
    );
  } else if (councils.length) console.log('Onward: the database already has data; not seeding.');
  if (seedOnly) {
    await store.close();
    return;
  }

  // An empty database that was not given demo data: the first-run page, opened by a one-time code printed below.
  const setupToken = (await needsSetup(store)) ? randomToken(24) : undefined;
  // A council's own wording folder, checked before anything is served: an error stops the start.
  let councilWording: CouncilWording | undefined;
  if (process.env.ONWARD_WORDING_DIR) {
    try {
      councilWording = loadWordingFolder(process.env.ONWARD_WORDING_DIR);
    } catch (e) {
      if (e instanceof WordingFolderError) {
        console.error(e.message);
        for (const l of e.lines) console.error(`  ${l}`);
        await store.close();
        process.exit(1);
      }
      throw e;
    }
    console.log(`Onward: the council's own wording from ${process.env.ONWARD_WORDING_DIR}: ${councilWording.summary}`);
    for (const w of councilWording.warnings) console.log(`  ${w}`);
  }
  // Email by SMTP when configured; the links in every message point at the public origin (checked with it).
  const mail = config.mail;
  const notifications =
    mail && config.server.publicOrigin
      ? {
          transport: smtpTransport({ url: mail.smtpUrl, from: mail.from }),
          publicOrigin: config.server.publicOrigin,
          ...(process.env.ONWARD_NOTIFY_POLL_MS ? { pollMs: intEnv('ONWARD_NOTIFY_POLL_MS', 5000, 50, 600_000) } : {}),
          ...(process.env.ONWARD_NOTIFY_RETRY_MS
            ? { retryDelaysMs: [intEnv('ONWARD_NOTIFY_RETRY_MS', 10_000, 50, 3_600_000)] }
            : {}),
          ...(process.env.ONWARD_NOTIFY_LEASE_MS
            ? { leaseMs: intEnv('ONWARD_NOTIFY_LEASE_MS', 120_000, 100, 3_600_000) }
            : {}),
        }
      : undefined;
  console.log(
    notifications
      ? 'Onward: email by SMTP is on (the named PA is told of help requests and plan decisions).'
      : 'Onward: email is not configured (ONWARD_SMTP_URL): messages wait in the database until it is.',
  );
  const { app, pdfFreezes, notifier } = createReferenceApp({
    ...(councilWording ? { councilWording } : {}),
    ...(notifications ? { notifications } : {}),
    store,
    ...config.server,
    secureCookies,
    ...(setupToken ? { setupToken } : {}),
    logger: process.env.ONWARD_LOG === '1' ? (l) => console.log(l) : () => {},
  });
  const host = config.listen.hostname;
  const server = await serve(app, config.listen);
  const actual = server.port;
  const shown = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log('');
  console.log(`Onward is running at http://${shown}:${actual}`);
  console.log('');
  if (setupToken) {
    // The code opens the first-run page once; `onward setup` does the same from the command line.
    const origin = config.server.publicOrigin ?? `http://${shown}:${actual}`;
    console.log('The database is empty. Set up Onward at (one use, until a council exists):');
    console.log(`  ${origin}/setup?token=${setupToken}`);
    console.log('');
  } else if (seeded) {
    console.log(`Demo sign-ins (password for all: ${data.demoPassword}):`);
    for (const s of demoSignIns(data)) console.log(`  ${s.role.padEnd(26)} ${s.email.padEnd(36)} ${s.council}`);
    console.log('');
  }
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    pdfFreezes?.stop();
    notifier?.stop();
    await server.close();
    await pdfFreezes?.drain();
    await notifier?.drain();
    notifications?.transport.close?.();
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
