// A message survives the server process being killed: the server runs as a child process (test/fixtures/
// notify-child.ts, bundled with esbuild from the sources) on a PGlite folder or a PostgreSQL schema; the young person's
// check-in asking for help is acknowledged (201) while the mail server is down, the worker has tried and failed, and
// the process is killed with SIGKILL. The mail server comes back, a new process starts on the same database, and
// the PA gets the email exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { startTestSmtp, type TestSmtp } from '#test-support/smtp.js';
import { openStore, type Store } from '../src/storage/store.js';
import { Client, PASSWORD } from './helpers.js';

const SERVER_DIR = fileURLToPath(new URL('../', import.meta.url));
// Inside the package, so the packages left out of the bundle (PGlite's WebAssembly, pg, nodemailer) resolve from it.
const OUT_DIR = join(SERVER_DIR, 'node_modules', '.cache', 'onward-tests');
const CHILD = join(OUT_DIR, `notify-child-${process.pid}.mjs`);

async function bundleChild(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    entryPoints: [join(SERVER_DIR, 'test', 'fixtures', 'notify-child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    external: ['@electric-sql/pglite', 'pg', 'pg-native', 'nodemailer'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'silent',
  });
}

interface Child {
  url: string;
  output: () => string;
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

async function startChild(env: Record<string, string>): Promise<Child> {
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start. Output:\n${out}`));
    }, 90_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}). Output:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A client of the child server: the tests' Client, sending its requests over HTTP. */
function clientOf(url: string): Client {
  return new Client({ request: (u: string, init?: RequestInit) => fetch(u.replace('http://localhost', url), init) });
}

async function until(test: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function seed(store: Store): Promise<void> {
  await store.createCouncil({ id: 'c1', name: 'Northshire' });
  await store.createTeam({ id: 't1', councilId: 'c1', name: 'North team' });
  await store.createStaffUser({
    id: 'u-pa',
    councilId: 'c1',
    role: 'pa',
    name: 'Pat Adviser',
    email: 'pat.adviser@northshire.example',
    teamId: 't1',
    password: PASSWORD,
  });
  await store.createYoungPerson({
    id: 'yp1',
    councilId: 'c1',
    name: 'Alex Rivers',
    dateOfBirth: '2007-05-01',
    category: 'former-relevant',
    teamId: 't1',
    paId: 'u-pa',
  });
  await store.createYoungPersonUser({
    councilId: 'c1',
    youngPersonId: 'yp1',
    email: 'alex@example.org',
    password: PASSWORD,
  });
}

const backends = [
  { name: 'PGlite (a folder)', skip: false, postgres: false },
  { name: 'PostgreSQL', skip: !hasPostgres, postgres: true },
];

beforeAll(bundleChild, 60_000);
afterAll(() => rmSync(CHILD, { force: true }));

for (const b of backends) {
  describe.skipIf(b.skip)(`a message survives the server being killed, on ${b.name}`, () => {
    let smtp: TestSmtp;
    let dir: string;
    const schema = `t_notify_kill_${process.pid}_${Date.now()}`;
    const open = () =>
      b.postgres ? openStore({ databaseUrl: postgresUrl as string, schema, poolSize: 2 }) : openStore({ dataDir: dir });
    const env = (): Record<string, string> => ({
      CHILD_SMTP_URL: smtp.url,
      ...(b.postgres ? { CHILD_DATABASE_URL: postgresUrl as string, CHILD_SCHEMA: schema } : { CHILD_DATA_DIR: dir }),
    });
    const children: Child[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'onward-notify-kill-'));
      const store = await open();
      await seed(store);
      await store.close();
      // The mail server's port is chosen, but nothing listens on it yet: the mail server is down.
      smtp = await startTestSmtp({ listening: false });
    }, 120_000);
    afterAll(async () => {
      for (const c of children) await c.kill('SIGKILL');
      await smtp?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('is sent once after a restart, when it was acknowledged, tried and not sent before SIGKILL', async () => {
      const first = await startChild(env());
      children.push(first);
      const yp = clientOf(first.url);
      expect((await yp.signIn('alex@example.org')).status).toBe(200);
      const sent = await yp.post('/api/young-people/yp1/check-ins', {
        id: 'ci-kill-1',
        youngPersonId: 'yp1',
        author: 'young-person',
        at: new Date().toISOString(),
        locale: 'en-GB',
        moods: { housing: { mood: 'bad', help: true, note: 'Please ring me' } },
      });
      expect(sent.status).toBe(201);
      // The worker tried while the mail server was down.
      await until(() => first.output().includes('"notification":"retry"'), 30_000, 'a failed try');
      await first.kill('SIGKILL');
      expect(smtp.received).toHaveLength(0);

      await smtp.start();
      const second = await startChild(env());
      children.push(second);
      const [mail] = await smtp.waitFor(1, 30_000);
      expect(mail?.to).toEqual(['pat.adviser@northshire.example']);
      expect(mail?.text).toContain('A young person you support has asked for help.');
      expect(mail?.raw).not.toMatch(/Alex|Rivers|ring me/);
      await until(() => second.output().includes('"notification":"sent"'), 10_000, 'the sent line');
      // A few more polls and leases go by: still one.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(smtp.received).toHaveLength(1);
      await second.kill('SIGTERM');
      expect(`${first.output()}${second.output()}`).not.toMatch(/pat\.adviser|alex@example|Rivers/);

      const store = await open();
      try {
        const [m, ...more] = await store.outbox.listForYoungPerson('yp1');
        expect(more).toEqual([]);
        expect(m).toMatchObject({ status: 'sent', kind: 'help-asked-check-in', recipientId: 'u-pa' });
        expect(m?.attempts).toBeGreaterThanOrEqual(2);
      } finally {
        await store.close();
      }
    }, 180_000);
  });
}
