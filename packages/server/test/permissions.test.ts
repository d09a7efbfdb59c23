// The permission table (permissions.ts) against the app: every route the app serves has exactly one entry, and
// every role × every route, sent as a real request, is refused by the guard (401 signed out, 403 otherwise, with
// the permission's words) exactly where the table says no, and never where it says yes. The callers, the routes'
// URLs and bodies come from the security test's world (security-world.ts); security.test.ts checks who gets
// through each route once the guard has let them by, record by record.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/http/context.js';
import { ROUTE_PERMISSIONS } from '../src/openapi.js';
import { PERMISSIONS, permits, refusalOf } from '../src/permissions.js';
import { ROLES } from '../src/storage/projection.js';
import type { Client, World } from './helpers.js';
import {
  countRows,
  EVERYONE,
  makeSecurityWorld,
  type Row,
  type SecurityWorld,
  TABLE,
  type Who,
} from './security-world.js';

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('permissions: one table for every route', () => {
  let world: SecurityWorld;
  let w: World;

  beforeAll(async () => {
    world = await makeSecurityWorld();
    w = world.w;
    // The signed-out caller holds a CSRF token, so its writes reach the guard (without one, the CSRF check
    // refuses them first, with 403).
    const anon = world.clients.get('anon') as Client;
    anon.csrf = String((await anon.get('/api/auth/csrf')).json.csrfToken);
  }, 120_000);
  afterAll(() => w.close());

  /** The caller as the guard sees it: no one, an API token of a council, or a signed-in user. */
  const callerOf = (who: Who): Principal | undefined => {
    if (who === 'anon') return undefined;
    if (who === 'token' || who === 'otherToken')
      return { kind: 'token', councilId: who === 'token' ? 'c1' : 'c2', tokenId: who, name: who };
    const user = w.users[who];
    if (!user) throw new Error(`no user for ${who}`);
    return { kind: 'user', user, sessionId: '', csrfToken: '' };
  };
  const permissionOf = (row: Row) => {
    const name = ROUTE_PERMISSIONS[key(row.method, row.path)];
    if (!name) throw new Error(`${key(row.method, row.path)} has no permission`);
    return PERMISSIONS[name];
  };

  it('has one entry for each route the app serves, and none for a route it does not', () => {
    const served = w.server.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL')
      .map((r) => key(r.method, r.path));
    expect([...new Set(served)].sort()).toEqual(Object.keys(ROUTE_PERMISSIONS).sort());
    expect(TABLE.map((r) => key(r.method, r.path)).sort()).toEqual(Object.keys(ROUTE_PERMISSIONS).sort());
    // Every permission is used by some route.
    expect([...new Set(Object.values(ROUTE_PERMISSIONS))].sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it('is tried by a caller of every role an account can hold, a signed-out caller and an API token', () => {
    // Accounts are young people's or created by an admin (api-user-create's roles); no account is an IRO's yet.
    const schema = JSON.parse(
      readFileSync(new URL('../../../schemas/api/api-user-create.schema.json', import.meta.url), 'utf8'),
    );
    const accountRoles = ['young-person', ...(schema.properties.role.enum as string[])];
    expect(accountRoles.every((r) => (ROLES as readonly string[]).includes(r))).toBe(true);
    const tried = new Set(EVERYONE.map(callerOf).flatMap((c) => (c?.kind === 'user' ? [c.user.role] : [])));
    expect([...tried].sort()).toEqual(accountRoles.sort());
    expect(EVERYONE).toContain('anon');
    expect(EVERYONE).toContain('token');
  });

  it('lets API tokens through read routes only', () => {
    const tokenRoutes = Object.entries(ROUTE_PERMISSIONS).filter(([, name]) => 'token' in PERMISSIONS[name]);
    expect(tokenRoutes.length).toBeGreaterThan(0);
    expect(tokenRoutes.filter(([route]) => !route.startsWith('GET '))).toEqual([]);
  });

  it('admits everyone the security table lets through each route', () => {
    const missing: string[] = [];
    for (const row of TABLE)
      for (const who of row.allowed)
        if (!permits(permissionOf(row), callerOf(who)))
          missing.push(`${key(row.method, row.path)} (${ROUTE_PERMISSIONS[key(row.method, row.path)]}) refuses ${who}`);
    expect(missing).toEqual([]);
  });

  it('refuses with 401 or 403 exactly where the permission says no, and saves nothing', async () => {
    const before = await countRows(w);
    const failures: string[] = [];
    let refused = 0;
    let passed = 0;
    for (const row of TABLE) {
      const permission = permissionOf(row);
      for (const who of EVERYONE) {
        const expected = refusalOf(permission, callerOf(who));
        // A caller the table admits and the security table lets through changes things (signs out, saves a plan):
        // security.test.ts sends those. Every other caller the table admits is refused by the record's own
        // checks, which must not answer with the guard's refusal.
        if (!expected && row.allowed.includes(who)) continue;
        const r = await world.send(row, who);
        const got = `${r.status} ${String(r.json?.detail ?? '')}`;
        if (expected) {
          refused++;
          if (r.status !== expected.status || r.json?.detail !== expected.detail)
            failures.push(
              `${key(row.method, row.path)} as ${who}: ${got}, expected ${expected.status} ${expected.detail}`,
            );
        } else {
          passed++;
          const asGuard = r.status === 403 && permission.refusal !== '' && r.json?.detail === permission.refusal;
          if (asGuard || r.status === 401)
            failures.push(`${key(row.method, row.path)} as ${who}: ${got}, but the permission admits them`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await countRows(w)).toEqual(before);
    // 19 callers × 68 routes: most refusals come from the table.
    expect(refused).toBeGreaterThan(700);
    expect(passed).toBeGreaterThan(50);
  }, 300_000);
});
