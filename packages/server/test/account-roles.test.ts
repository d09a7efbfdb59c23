// The checks on another account's role (access.ts `holdsRole`, `isYoungPersonAccount`), which say who can be named
// on an arrangement and what an admin may do to a young person's sign-in. Nothing is saved when one refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from './helpers.js';

describe('another account’s role', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  }, 120_000);
  afterAll(() => w.close());

  it('names only a carer as the carer and only a supervising social worker as the SSW, in the same council', async () => {
    const pa = await w.as('pa');
    const before = await w.store.db.query('SELECT count(*)::int AS n FROM events');
    const r = await pa.post('/api/young-people/yp1/staying-put', {
      carerUserIds: ['u-ssw', 'u-carer', 'u-otherPa'],
      supervisingSocialWorkerId: 'u-carer',
    });
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'carerUserIds.0',
      'carerUserIds.2',
      'supervisingSocialWorkerId',
    ]);
    expect(await w.store.db.query('SELECT count(*)::int AS n FROM events')).toEqual(before);
  });

  it('keeps a young person’s sign-in out of staff roles and staff invitations', async () => {
    const admin = await w.as('admin');
    const role = await admin.patch('/api/users/u-yp', { role: 'pa' });
    expect(role.status).toBe(409);
    expect((await w.store.getUser('u-yp'))?.role).toBe('young-person');
    const invite = await admin.post('/api/users/u-yp/invitations', {});
    expect(invite.status).toBe(409);
    expect(invite.json.detail).toContain('invited by their PA');
    // A staff account is neither: the same admin can invite a PA.
    expect((await admin.post('/api/users/u-spare/invitations', {})).status).toBe(201);
  });
});
