// Starts the BUILT reference app (examples/reference-app/dist/main.js) on a free port with a throwaway PGlite
// folder and a small demo seed, the way `pnpm start` runs it, and stops it afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('../../examples/reference-app/', import.meta.url));
export const APP_MAIN = join(APP_DIR, 'dist', 'main.js');
export const isBuilt = existsSync(APP_MAIN);
/** How long the app may take to start; a test's beforeAll should allow this plus its own setup. */
export const START_MS = 300_000;
if (!isBuilt)
  console.warn('\n*** SKIPPING reference-app end-to-end tests: the app is not built. Run pnpm build first. ***\n');

export interface RunningApp {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
  /** Ends the process with `signal` (SIGKILL: no chance to tidy up) and keeps its data folder for a restart. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts the app; `dataDir` is a PGlite folder made beforehand (e.g. by `onward setup`), removed at stop. */
export async function startApp(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'onward-e2e-')),
): Promise<RunningApp> {
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [APP_MAIN], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ONWARD_DATA_DIR: dataDir,
      ONWARD_SEED_SIZE: '24',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    // Seeding the demo councils takes about a minute on a quiet machine and over three on a busy shared one.
    const timer = setTimeout(() => {
      // Stop it: left running, a half-seeded app keeps the machine busy long after the test has failed.
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`The app did not start in time. Output:\n${out}`));
    }, START_MS);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited with code ${code}. Output:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill(signal);
        await exited;
      }
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
