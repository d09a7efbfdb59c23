// `onward import young-people`: the same import as the API, into the server's own database (a PGlite folder here):
// a dry run saves nothing, an import registers everyone under the admin named with --as, a second run changes
// nothing, and a bad file is refused line by line with nothing saved.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@onward/server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Io, run } from '../src/index.js';

let dir: string;
let env: Record<string, string>;
const HEADER = 'external_id,name,date_of_birth,category,team_id,pa_id';
const rows = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `MOS-${i},Young Person ${i},2008-02-${String((i % 28) + 1).padStart(2, '0')},relevant,t1,u-pa`,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onward-import-'));
  env = { ONWARD_DATA_DIR: join(dir, 'data') };
  const store = await openStore({ dataDir: env.ONWARD_DATA_DIR });
  await store.createCouncil({ id: 'c1', name: 'Northshire' });
  await store.createTeam({ id: 't1', councilId: 'c1', name: 'North team' });
  await store.createStaffUsers([
    {
      id: 'u-admin',
      councilId: 'c1',
      role: 'admin',
      name: 'Ada',
      email: 'ada@example.org',
      password: 'a long enough password',
    },
    {
      id: 'u-pa',
      councilId: 'c1',
      role: 'pa',
      name: 'Pat',
      email: 'pat@example.org',
      teamId: 't1',
      password: 'a long enough password',
    },
  ]);
  await store.close();
  writeFileSync(join(dir, 'good.csv'), [HEADER, ...rows(50)].join('\n'));
  writeFileSync(
    join(dir, 'bad.csv'),
    [HEADER, 'MOS-900,Sam,2008-02-30,relevant,t1,u-pa', 'MOS-901,Jo,2008-01-01,relevant,t9,u-pa'].join('\n'),
  );
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: Io = {
    cwd: dir,
    env,
    out: (l) => stdout.push(...l.split('\n')),
    err: (l) => stderr.push(...l.split('\n')),
  };
  return { io, stdout, stderr };
}
async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore({ dataDir: env.ONWARD_DATA_DIR });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}
const people = () => withStore(async (s) => (await s.listYoungPeople('c1')).length);

it('a dry run reports what it would do and saves nothing', async () => {
  const c = capture();
  expect(await run(['import', 'young-people', 'good.csv', '--as', 'ada@example.org', '--dry-run'], c.io)).toBe(0);
  expect(c.stdout[0]).toMatch(/^Dry run \(nothing saved\): would import 50 rows: 50 new, 0 updated, 0 unchanged/);
  expect(await people()).toBe(0);
}, 60_000);

it('imports the file under the admin’s name, and a second run changes nothing', async () => {
  const c = capture();
  expect(await run(['import', 'young-people', 'good.csv', '--as', 'ada@example.org'], c.io)).toBe(0);
  expect(c.stdout[0]).toMatch(/^Imported 50 rows: 50 new, 0 updated, 0 unchanged/);
  expect(await people()).toBe(50);
  const again = capture();
  expect(await run(['import', 'young-people', 'good.csv', '--as', 'ada@example.org', '--json'], again.io)).toBe(0);
  expect(JSON.parse(again.stdout.join('\n'))).toMatchObject({ ok: true, counts: { created: 0, unchanged: 50 } });
  expect(await people()).toBe(50);
  const audit = await withStore((s) => s.queryAudit({ councilId: 'c1', actorId: 'u-admin', limit: 500 }));
  const imports = audit.filter((a) => a.recordType === 'young-people-import');
  expect(imports).toHaveLength(2);
  expect(imports[0]?.requestId).toMatch(/^cli:/);
}, 60_000);

it('refuses a bad file line by line, saving nothing, and refuses someone who is not an admin', async () => {
  const c = capture();
  expect(await run(['import', 'young-people', 'bad.csv', '--as', 'ada@example.org'], c.io)).toBe(1);
  expect(c.stderr[0]).toMatch(/^line 2, date_of_birth: /);
  expect(c.stderr).toContain('line 3, team_id: There is no such team in your council.');
  expect(c.stderr.at(-1)).toBe('2 problem(s) in bad.csv; nothing was imported.');
  expect(await people()).toBe(50);
  const pa = capture();
  expect(await run(['import', 'young-people', 'good.csv', '--as', 'pat@example.org'], pa.io)).toBe(1);
  expect(pa.stderr[0]).toMatch(/^--as: pat@example.org is not an admin/);
  const missing = capture();
  expect(await run(['import', 'young-people', 'nope.csv', '--as', 'ada@example.org'], missing.io)).toBe(1);
  expect(missing.stderr[0]).toBe('nope.csv: no such file.');
  const usage = capture();
  expect(await run(['import', 'young-people', 'good.csv'], usage.io)).toBe(2);
}, 60_000);
