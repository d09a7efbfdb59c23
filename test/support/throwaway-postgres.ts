// A PostgreSQL server of a test's own, for tests that stop, restart or cut off the database (never the shared one).
// Made with initdb in a temporary folder, on a free port on 127.0.0.1; as root it runs as the `postgres` user (as
// scripts/test.mjs does). The binaries come from ONWARD_TEST_PG_BIN (scripts/test.mjs sets it) or the newest
// /usr/lib/postgresql/<version>/bin.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function postgresBin(): string | undefined {
  const given = process.env.ONWARD_TEST_PG_BIN;
  if (given && existsSync(join(given, 'initdb'))) return given;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  for (const v of readdirSync(base).sort((a, b) => Number(b) - Number(a)))
    if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  return undefined;
}

export const hasPostgresBinaries = postgresBin() !== undefined;
if (!hasPostgresBinaries)
  console.warn(
    '\n*** SKIPPING tests that need their own PostgreSQL server: no initdb found. apt-get install -y postgresql (pnpm test does). ***\n',
  );

export interface ThrowawayPostgres {
  url: string;
  port: number;
  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash (recovery runs at the next start). */
  stop: (mode?: 'fast' | 'immediate') => void;
  start: () => void;
  /** `pg_ctl restart` (the postmaster goes away and comes back). */
  restart: (mode?: 'fast' | 'immediate') => void;
  /** Stops it and deletes its folder. */
  destroy: () => void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (apt-get install -y postgresql).');
  const dir = mkdtempSync(join(tmpdir(), 'onward-own-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const root = process.getuid?.() === 0;
  if (root) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const run = (cmd: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'onward', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => void run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', opts, 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => void run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  return {
    url: `postgres://onward@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    restart: (mode = 'fast') =>
      void run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-m', mode, '-w', '-o', opts, 'restart']),
    destroy: () => {
      try {
        stop('immediate');
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
