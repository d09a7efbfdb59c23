// Saving one answer sends one answer (issues 11 and 13): PATCH /api/plans/:planId/checklist takes some answers by
// question id and merges them, under the young person's row lock in one transaction, into the checklist as it is
// then (the engine's mergeAnswerPatch). A young person and their PA saving different answers never conflict; the
// same answer saved from a stale base gets 409 with the answer saved now, and sending it again with that answer as
// the base goes through. On PGlite, on a real PostgreSQL and with two server processes on one PostgreSQL.
import { questionSet } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { createOnwardServer } from '../src/app.js';
import { openStore, type Store } from '../src/storage/store.js';
import { Client, makeWorld, PASSWORD, type World } from './helpers.js';

const set = questionSet();
const QUESTIONS = set.questions.map((q) => q.id);
type Answer = { value: string; note?: string; help?: boolean; by?: string; at?: string; [k: string]: unknown };

interface Setup {
  name: string;
  skip: boolean;
  open: () => Promise<Store>;
  second?: () => Promise<Store>;
}
const schema = (tag: string) => `t_answers_${tag}_${process.pid}_${Date.now()}`;
const setups: Setup[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () => openStore({ databaseUrl: postgresUrl as string, schema: schema('one'), poolSize: 10 }),
  },
  (() => {
    const s = schema('two');
    return {
      name: 'two server processes on one PostgreSQL',
      skip: !hasPostgres,
      open: () => openStore({ databaseUrl: postgresUrl as string, schema: s, poolSize: 10 }),
      second: () => openStore({ databaseUrl: postgresUrl as string, schema: s, poolSize: 10 }),
    };
  })(),
];

const shown = { locale: 'en-GB', variant: 'standard' };
const ans = (value: string, extra: Partial<Answer> = {}): Answer => ({ value, ...shown, ...extra });
const tally = (rs: { status: number }[]) =>
  rs.reduce<Record<number, number>>((m, r) => {
    m[r.status] = (m[r.status] ?? 0) + 1;
    return m;
  }, {});

for (const s of setups) {
  describe.skipIf(s.skip)(`saving some answers on ${s.name}`, () => {
    let w: World;
    let pa: Client;
    let yp: Client;
    let second: Store | undefined;
    let path: string;
    let planId: string;

    beforeAll(async () => {
      w = await makeWorld({ store: await s.open() });
      pa = await w.as('pa');
      if (s.second) {
        second = await s.second();
        const other = createOnwardServer({
          store: second,
          clock: () => w.clock.now,
          secureCookies: false,
          logger: () => {},
        });
        yp = new Client(other.app);
        expect((await yp.signIn('yp@example.org', PASSWORD)).status).toBe(200);
      } else yp = await w.as('yp');
      planId = w.ids.planId;
      path = `/api/plans/${planId}/checklist`;
    }, 120_000);
    afterAll(async () => {
      await second?.close();
      await w?.close();
    });

    const stored = async (id: string): Promise<Answer | undefined> => {
      const [d, k] = id.split('.') as [string, string];
      const doc = (await w.store.getPlan(planId))?.doc.checklist as unknown as {
        answers: Record<string, Record<string, Answer>>;
      };
      return doc.answers[d]?.[k];
    };
    const patch = (c: Client, answers: Record<string, Answer | null>, base?: Record<string, unknown>, h = {}) =>
      c.patch(path, { version: set.version, answers, ...(base ? { base } : {}) }, h);

    it('a young person and their PA each saving 20 different answers, all at once: all 40 kept, no 409', async () => {
      const mine = QUESTIONS.slice(0, 20);
      const theirs = QUESTIONS.slice(20, 40);
      const rs = await Promise.all([
        ...mine.map((id) => patch(yp, { [id]: ans('yes', { note: 'mine' }) }, { [id]: null })),
        ...theirs.map((id) => patch(pa, { [id]: ans('no', { note: 'theirs' }) }, { [id]: null })),
      ]);
      expect(tally(rs)).toEqual({ 200: 40 });
      for (const id of mine)
        expect(await stored(id), id).toMatchObject({ value: 'yes', note: 'mine', by: 'young-person' });
      for (const id of theirs)
        expect(await stored(id), id).toMatchObject({ value: 'no', note: 'theirs', by: 'worker' });
      // The answer is small: the saved answers sent, the plan's version and state, not the whole plan.
      const r = rs[0] as (typeof rs)[number];
      expect(Object.keys(r.json).sort()).toEqual(['allowedEvents', 'answers', 'state', 'version']);
      expect(r.json.answers[mine[0] as string]).toMatchObject({ value: 'yes', by: 'young-person' });
    }, 120_000);

    it('the same answer from one base, five writers at once: exactly one is saved, the others get 409 with it', async () => {
      for (let round = 0; round < 3; round++) {
        const q = QUESTIONS[50 + round] as string;
        const values = ['yes', 'no', 'not-relevant', 'yes', 'no'];
        const rs = await Promise.all(
          values.map((v, i) => patch(i % 2 ? pa : yp, { [q]: ans(v, { note: `writer ${i}` }) }, { [q]: null })),
        );
        expect(tally(rs), q).toEqual({ 200: 1, 409: 4 });
        const won = rs.find((r) => r.status === 200) as (typeof rs)[number];
        const saved = await stored(q);
        expect(saved).toMatchObject(won.json.answers[q]);
        for (const lost of rs.filter((r) => r.status === 409)) {
          expect(lost.json.type).toMatch(/conflict$/);
          expect(lost.json.errors).toEqual([{ path: `answers.${q}`, message: expect.any(String) }]);
          const [conflict] = lost.json.conflicts;
          expect(conflict.questionId).toBe(q);
          expect(conflict.base).toBeUndefined();
          expect(conflict.theirs).toMatchObject({ value: saved?.value, note: saved?.note });
        }
        // The merge path: the loser chooses, and sends again with the saved answer as the base.
        const lost = rs.find((r) => r.status === 409) as (typeof rs)[number];
        const again = await patch(
          pa,
          { [q]: ans('not-relevant', { note: 'chosen' }) },
          { [q]: lost.json.conflicts[0].theirs },
        );
        expect(again.status).toBe(200);
        expect(await stored(q)).toMatchObject({ value: 'not-relevant', note: 'chosen' });
      }
    }, 120_000);

    it('who answered and when are the server’s, never the body’s', async () => {
      const q = QUESTIONS[45] as string;
      const r = await patch(pa, { [q]: ans('yes', { by: 'young-person', at: '2020-01-01T00:00:00.000Z' }) });
      expect(r.status).toBe(200);
      expect(await stored(q)).toMatchObject({ value: 'yes', by: 'worker', at: w.clock.now.toISOString() });
      const together = await pa.patch(`${path}?how=together`, { version: set.version, answers: { [q]: ans('no') } });
      expect(together.status).toBe(200);
      expect((await stored(q))?.by).toBe('together');
    });

    it('answers are checked with the checklist’s schema, each problem naming its field; nothing is saved', async () => {
      const before = (await w.store.listEvents('yp1')).length;
      const cases: [unknown, string][] = [
        [{ version: set.version, answers: { 'housing.heating': ans('maybe') } }, 'answers.housing.heating.value'],
        [{ version: set.version, answers: { 'housing.no-such': ans('yes') } }, 'answers.housing.no-such'],
        [
          { version: set.version, answers: { 'housing.heating': ans('yes', { note: 'x'.repeat(501) }) } },
          'answers.housing.heating.note',
        ],
        [{ version: set.version, answers: {} }, 'answers'],
        [{ version: set.version, answers: { 'housing.heating': ans('yes') }, by: 'young-person' }, 'by'],
      ];
      for (const [b, field] of cases) {
        const r = await pa.patch(path, b);
        expect(r.status, field).toBe(400);
        expect(
          r.json.errors.map((e: { path: string }) => e.path),
          field,
        ).toContain(field);
      }
      const old = await pa.patch(path, { version: 1, answers: { 'housing.heating': ans('yes') } });
      expect([400, 409]).toContain(old.status);
      expect((await w.store.listEvents('yp1')).length).toBe(before);
    });

    it('an Idempotency-Key: the same save sent five times at once is stored once; another body under it is 409', async () => {
      const q = QUESTIONS[46] as string;
      const events = async () => (await w.store.listEvents('yp1')).length;
      const before = await events();
      const h = { 'idempotency-key': `save-${s.name.length}-1` };
      const rs = await Promise.all(
        [1, 2, 3, 4, 5].map(() => patch(yp, { [q]: ans('yes', { note: 'once' }) }, { [q]: null }, h)),
      );
      expect(tally(rs)).toEqual({ 200: 5 });
      expect(rs.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
      expect(await events()).toBe(before + 1);
      const other = await patch(yp, { [q]: ans('no') }, undefined, h);
      expect(other.status).toBe(409);
      // A retry after someone else changed the answer is still told it was saved (it was), not 409.
      expect((await patch(pa, { [q]: ans('not-relevant') })).status).toBe(200);
      const retry = await patch(yp, { [q]: ans('yes', { note: 'once' }) }, { [q]: null }, h);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect((await patch(yp, { [q]: ans('yes') }, undefined, { 'idempotency-key': 'no spaces' })).status).toBe(400);
    });

    it('a carer and an analyst are refused (403); a PA of another council sees no such plan (404)', async () => {
      const body = { version: set.version, answers: { 'housing.heating': ans('yes') } };
      expect((await (await w.as('carer')).patch(path, body)).status).toBe(403);
      expect((await (await w.as('analyst')).patch(path, body)).status).toBe(403);
      expect((await (await w.as('otherPa')).patch(path, body)).status).toBe(404);
    });

    it('every save that changed something is one event with one audit row; the projections equal a replay', async () => {
      const audit = await w.store.queryAudit({ councilId: 'c1', limit: 5000 });
      const updates = audit.filter((e) => e.recordType === 'plan' && e.action === 'update' && e.recordId === planId);
      const saves = (await w.store.listEvents('yp1')).filter((e) => e.type === 'plan.checklist-saved');
      expect(saves.length).toBeGreaterThan(40);
      expect(updates.length).toBe(saves.length);
      const before = await w.store.getPlan(planId);
      await w.store.rebuildProjections();
      expect(await w.store.getPlan(planId)).toEqual(before);
    });
  });
}
