// Text PostgreSQL cannot store: a NUL character, or a lone surrogate (half an emoji, as a JSON escape). Anywhere in a
// body, in a field name, or in the address, it is refused with 400 naming the field, before anything is saved;
// before this, each of these gave a 500 from the database. Run on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { openStore } from '../src/storage/store.js';
import { checklistWithAnswers, makeWorld, PASSWORD, type World } from './helpers.js';

const NUL = '\u0000';
const HIGH = '\uD83D'; // the first half of 🐶, alone
const LOW = '\uDC36'; // the second half, alone

const backends = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () => openStore({ databaseUrl: postgresUrl as string, schema: `t_hostile_${process.pid}_${Date.now()}` }),
  },
];

for (const b of backends) {
  describe.skipIf(b.skip)(`unstorable text on ${b.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await makeWorld({ store: await b.open() });
    }, 120_000);
    afterAll(() => w?.close());

    const saved = async () => ({
      events: (await w.store.listEvents('yp1')).length,
      users: (await w.store.listUsers('c1')).length,
      teams: (await w.store.listTeams('c1')).length,
    });

    for (const [label, bad] of [
      ['a NUL character', `before${NUL}after`],
      ['a lone high surrogate', `dog ${HIGH}`],
      ['a lone low surrogate', `${LOW} dog`],
    ] as const) {
      it(`refuses ${label} in any text field with 400 naming the field`, async () => {
        const yp = await w.as('yp');
        const pa = await w.as('pa');
        const admin = await w.as('admin');
        const before = await saved();
        const checklist = checklistWithAnswers() as { answers: { housing: { heating: { note: string } } } };
        checklist.answers.housing.heating.note = bad;
        const cases: { who: typeof yp; method: string; path: string; body: unknown; field: string }[] = [
          {
            who: yp,
            method: 'PUT',
            path: `/api/plans/${w.ids.planId}/views`,
            body: { youngPerson: bad },
            field: 'youngPerson',
          },
          {
            who: yp,
            method: 'PUT',
            path: `/api/plans/${w.ids.planId}/checklist`,
            body: checklist,
            field: 'answers.housing.heating.note',
          },
          {
            who: yp,
            method: 'POST',
            path: '/api/young-people/yp1/check-ins',
            body: {
              id: 'ci-hostile',
              youngPersonId: 'yp1',
              author: 'young-person',
              at: '2026-03-02T10:00:00.000Z',
              locale: 'en-GB',
              moods: { money: { mood: 'ok', note: bad } },
            },
            field: 'moods.money.note',
          },
          {
            who: pa,
            method: 'POST',
            path: `/api/plans/${w.ids.planId}/engagement-attempts`,
            body: { at: '2026-03-01T10:00:00.000Z', method: 'phone', outcome: 'no-reply', note: bad },
            field: 'note',
          },
          { who: admin, method: 'POST', path: '/api/teams', body: { name: bad }, field: 'name' },
          {
            who: admin,
            method: 'POST',
            path: '/api/users',
            body: { email: 'new.pa@example.org', name: bad, role: 'pa', password: PASSWORD },
            field: 'name',
          },
          {
            who: w.anon(),
            method: 'POST',
            path: '/api/auth/sign-in',
            body: { email: `pa${bad}@example.org`, password: PASSWORD },
            field: 'email',
          },
        ];
        for (const c of cases) {
          if (c.who === cases.at(-1)?.who) c.who.csrf = String((await c.who.get('/api/auth/csrf')).json.csrfToken);
          const r = await c.who.req(c.method, c.path, c.body);
          expect(r.status, `${c.method} ${c.path}: ${JSON.stringify(r.json)}`).toBe(400);
          expect(
            r.json.errors.map((e: { path: string }) => e.path),
            c.path,
          ).toContain(c.field);
          expect(r.json.errors[0].message).toMatch(/character we cannot store/);
        }
        expect(await saved()).toEqual(before);
      });
    }

    it('refuses a NUL character in a field name, naming it with the character escaped', async () => {
      const yp = await w.as('yp');
      const r = await yp.put(`/api/plans/${w.ids.planId}/views`, { [`young${NUL}Person`]: 'hello' });
      expect(r.status).toBe(400);
      expect(r.json.errors[0].path).toBe('young\\u0000Person');
    });

    it('refuses a NUL character in an id or a filter in the address with 400, not 500', async () => {
      const pa = await w.as('pa');
      const tm = await w.as('tm');
      for (const path of ['/api/plans/%00', '/api/young-people/yp1%00', '/api/staying-put/sp%00x']) {
        const r = await pa.get(path);
        expect(r.status, path).toBe(400);
        expect(r.json.errors[0].path).toBe('address');
      }
      const q = await tm.get('/api/audit?actorId=%00');
      expect(q.status).toBe(400);
      expect(q.json.errors[0].path).toBe('actorId');
    });

    it('keeps whole emoji, accents and right-to-left text exactly', async () => {
      const yp = await w.as('yp');
      const words = 'Mum 🐶 café — مرحبا 👩🏽‍🦱';
      const r = await yp.put(`/api/plans/${w.ids.planId}/views`, { youngPerson: words });
      expect(r.status).toBe(200);
      expect((await w.store.getPlan(w.ids.planId))?.doc.views.youngPerson).toBe(words);
    });
  });
}
