// `onward setup`: the first council and admin in the server's own database (a PGlite folder here), a one-time
// link printed for the admin, a refusal naming the option when something is wrong, and a refusal on a database
// that already has a council.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@onward/server';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Io, run } from '../src/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onward-setup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture(env: Record<string, string>) {
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

const ARGS = ['setup', '--council', 'Northshire County Council', '--admin-name', 'Ada Jones'];

it('creates the council and admin on an empty database and prints their one-time link', async () => {
  const env = { ONWARD_DATA_DIR: join(dir, 'data'), ONWARD_PUBLIC_ORIGIN: 'https://plans.northshire.example' };
  const c = capture(env);
  expect(await run([...ARGS, '--admin-email', 'ada@northshire.example'], c.io)).toBe(0);
  const link = c.stdout.find((l) => l.includes('/staff-invitation/'))?.trim();
  expect(link).toMatch(/^https:\/\/plans\.northshire\.example\/staff-invitation\/[A-Za-z0-9_-]{40,}$/);
  expect(c.stdout.join('\n')).toContain('Set up Northshire County Council (id northshire-county-council)');

  // A second run refuses, naming the council already there, and changes nothing.
  const again = capture(env);
  expect(await run([...ARGS, '--admin-email', 'other@northshire.example'], again.io)).toBe(1);
  expect(again.stderr.join('\n')).toMatch(/already has a council \(Northshire County Council\)/);

  const store = await openStore({ dataDir: join(dir, 'data') });
  try {
    expect(await store.listCouncils()).toEqual([
      { id: 'northshire-county-council', name: 'Northshire County Council' },
    ]);
    const users = await store.listUsers('northshire-county-council');
    expect(users.map((u) => `${u.role} ${u.email}`)).toEqual(['admin ada@northshire.example']);
    const token = decodeURIComponent(link!.split('/').pop()!);
    expect(await store.staffInvitations.get(token, new Date())).toMatchObject({ userId: users[0]!.id });
  } finally {
    await store.close();
  }
}, 60_000);

it('names the option that is wrong or missing', async () => {
  const env = { ONWARD_DATA_DIR: join(dir, 'data') };
  const bad = capture(env);
  expect(await run([...ARGS, '--admin-email', 'not-an-email'], bad.io)).toBe(1);
  expect(bad.stderr[0]).toMatch(/^--admin-email: /);
  const missing = capture(env);
  expect(await run(['setup', '--council', 'Northshire'], missing.io)).toBe(2);
  expect(missing.stderr[0]).toBe('--admin-name is needed.');
  const badDb = capture({ DATABASE_URL: 'mysql://nope' });
  expect(await run([...ARGS, '--admin-email', 'ada@x.example'], badDb.io)).toBe(1);
  expect(badDb.stderr[0]).toMatch(/DATABASE_URL should start with postgres/);
}, 60_000);
