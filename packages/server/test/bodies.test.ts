// Bad bodies are refused with a problem document naming each field, and nothing already saved is lost.
// The logs carry request ids, routes, statuses and times only: never names, notes or ids from paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../src/http/context.js';
import { checklistWithAnswers, makeWorld, type World } from './helpers.js';

describe('bad bodies', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  }, 120_000);
  afterAll(() => w.close());

  const snapshot = async () => ({
    plan: await w.store.getPlan(w.ids.planId),
    events: (await w.store.listEvents('yp1')).length,
  });

  it('keeps a young person’s words exactly, script and all, and refuses what does not fit', async () => {
    const yp = await w.as('yp');
    const words = '<script>alert("hi")</script> I\'d like a flat — near "Mum" & my dog 🐶';
    const saved = await yp.put(`/api/plans/${w.ids.planId}/views`, { youngPerson: words });
    expect(saved.status).toBe(200);
    expect(saved.json.plan.views.youngPerson).toBe(words);
    const before = await snapshot();

    const cases: {
      name: string;
      method: string;
      path: string;
      body: unknown;
      headers?: Record<string, string>;
      status: number;
      paths?: string[];
    }[] = [
      {
        name: 'wrong type',
        method: 'PUT',
        path: `/api/plans/${w.ids.planId}/views`,
        body: { youngPerson: 42 },
        status: 400,
        paths: ['youngPerson'],
      },
      {
        name: 'unknown field',
        method: 'PUT',
        path: `/api/plans/${w.ids.planId}/views`,
        body: { youngPerson: 'ok', isAdmin: true },
        status: 400,
        paths: ['isAdmin'],
      },
      {
        name: 'too long',
        method: 'PUT',
        path: `/api/plans/${w.ids.planId}/views`,
        body: { youngPerson: 'x'.repeat(4001) },
        status: 400,
        paths: ['youngPerson'],
      },
      { name: 'empty object', method: 'PUT', path: `/api/plans/${w.ids.planId}/views`, body: {}, status: 400 },
      {
        name: 'not JSON',
        method: 'PUT',
        path: `/api/plans/${w.ids.planId}/views`,
        body: '{"youngPerson": ',
        status: 400,
      },
      { name: 'array', method: 'PUT', path: `/api/plans/${w.ids.planId}/views`, body: [1, 2], status: 400 },
      {
        name: 'oversize',
        method: 'PUT',
        path: `/api/plans/${w.ids.planId}/views`,
        body: { youngPerson: 'y'.repeat(BODY_LIMIT) },
        status: 413,
      },
      {
        name: 'not JSON type',
        method: 'PUT',
        path: `/api/plans/${w.ids.planId}/views`,
        body: 'youngPerson=hi',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        status: 415,
      },
      {
        name: 'checklist with a bad answer and an unknown question',
        method: 'PUT',
        path: `/api/plans/${w.ids.planId}/checklist`,
        body: {
          ...checklistWithAnswers(),
          answers: {
            housing: {
              heating: {
                value: 'maybe',
                by: 'young-person',
                locale: 'en-GB',
                variant: 'standard',
                at: '2026-03-02T10:00:00Z',
              },
              'made-up': {},
            },
          },
        },
        status: 400,
        paths: ['answers.housing.heating.value', 'answers.housing.made-up'],
      },
    ];
    for (const c of cases) {
      const r = await yp.req(c.method, c.path, c.body, c.headers);
      expect(r.status, c.name).toBe(c.status);
      expect(r.headers.get('content-type'), c.name).toContain('application/problem+json');
      expect(r.json.title, c.name).toBeTruthy();
      expect(r.json.detail, c.name).toBeTruthy();
      if (c.paths) {
        const got = (r.json.errors ?? []).map((e: { path: string }) => e.path);
        for (const p of c.paths) expect(got, `${c.name}: ${JSON.stringify(r.json.errors)}`).toContain(p);
        for (const e of r.json.errors) expect(e.message.length, c.name).toBeGreaterThan(5);
      }
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('refuses a check-in with wrong types, naming each field, and keeps the earlier one', async () => {
    const yp = await w.as('yp');
    const r = await yp.post('/api/young-people/yp1/check-ins', {
      id: 'ci-bad',
      youngPersonId: 'yp1',
      author: 'pa',
      at: 'yesterday',
      locale: 'en-GB',
      moods: { housing: { mood: 'great', note: 7 } },
    });
    expect(r.status).toBe(400);
    const paths = r.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['author', 'at', 'moods.housing.mood', 'moods.housing.note']));
    expect(await w.store.getCheckIn('ci-bad')).toBeUndefined();
    expect((await w.store.getCheckIn(w.ids.checkInId))?.doc.moods.housing?.note).toBe(
      'The heating is broken <b>again</b>',
    );
  });

  it('accepts the same check-in twice (a retry) but not a different one under the same id', async () => {
    const yp = await w.as('yp');
    const first = (await w.store.getCheckIn(w.ids.checkInId))?.doc;
    expect((await yp.post('/api/young-people/yp1/check-ins', first)).status).toBe(200);
    const changed = { ...first, moods: { health: { mood: 'good' } } };
    expect((await yp.post('/api/young-people/yp1/check-ins', changed)).status).toBe(409);
    expect((await w.store.getCheckIn(w.ids.checkInId))?.doc).toEqual(first);
  });

  it('refuses a whole plan with bad fields, naming them, and keeps the saved plan', async () => {
    const pa = await w.as('pa');
    const current = (await pa.get(`/api/plans/${w.ids.planId}`)).json.plan;
    const before = await snapshot();
    const bad = {
      ...current,
      started: 'soon',
      domains: { housing: { goals: [{ id: 'g1', goal: '', actions: 'none' }] } },
      secret: 1,
    };
    const r = await pa.put(`/api/plans/${w.ids.planId}`, bad);
    expect(r.status).toBe(400);
    const paths = r.json.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['started', 'domains.housing.goals.0.goal', 'domains.housing.goals.0.actions', 'secret']),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('writes no personal data to the log', async () => {
    const marker = 'Zebedee-Quartz';
    const yp = await w.as('yp');
    w.logs.length = 0;
    await yp.put(`/api/plans/${w.ids.planId}/views`, { youngPerson: `my name is ${marker}` });
    await yp.put(`/api/plans/${w.ids.planId}/views`, { youngPerson: 7, name: marker });
    await yp.get('/api/young-people/yp1');
    const admin = await w.as('admin');
    await admin.post('/api/users', {
      email: `${marker}@example.org`,
      name: marker,
      role: 'pa',
      password: 'a long enough password',
    });
    await w.anon().post('/api/auth/sign-in', { email: `${marker}@example.org`, password: 'nope' });
    const text = w.logs.join('\n');
    expect(w.logs.length).toBeGreaterThan(5);
    for (const secret of [marker, 'Alex', 'Rivers', 'yp1', 'yp@example.org', w.ids.planId, 'u-yp'])
      expect(text).not.toContain(secret);
    for (const line of w.logs) {
      const o = JSON.parse(line);
      expect(Object.keys(o).sort()).toEqual(expect.arrayContaining(['at', 'requestId']));
      if (o.route) expect(o.route).toMatch(/^\/[^\s]*$/);
    }
    expect(text).toContain('/api/plans/:planId/views');
  });
});
