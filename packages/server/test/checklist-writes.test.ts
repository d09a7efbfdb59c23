// Checklist saves change only the answers the writer changed (issue 11): the server merges each save into the
// plan as it is under the young person's row lock (the engine's mergeChecklistSave), on PGlite and on a real
// PostgreSQL, and across two server instances on one PostgreSQL. Before, a save replaced the whole checklist: with
// a young person and their PA each answering 15 questions at once without If-Match, about half the acknowledged
// answers were lost; with If-Match, or on PostgreSQL even without it, saves to different questions got 409.
import { emptyChecklist, questionSet } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { createOnwardServer } from '../src/app.js';
import { openStore, type Store } from '../src/storage/store.js';
import { Client, makeWorld, PASSWORD, type World } from './helpers.js';

const set = questionSet();
const QUESTIONS = set.questions.map((q) => q.id);
type Answers = Record<string, Record<string, { value: string; note?: string; help?: boolean; [k: string]: unknown }>>;
/** What a client sends as who answered and when: the server ignores it and records its own. */
const AT = '2026-03-02T10:00:00.000Z';

interface Setup {
  name: string;
  skip: boolean;
  open: () => Promise<Store>;
  /** A second store on the same database: the young person then talks to another server instance. */
  second?: (first: Store) => Promise<Store>;
}

const schema = (tag: string) => `t_checklist_${tag}_${process.pid}_${Date.now()}`;
const setups: Setup[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () => openStore({ databaseUrl: postgresUrl as string, schema: schema('one'), poolSize: 8 }),
  },
  (() => {
    const s = schema('two');
    return {
      name: 'two server instances on one PostgreSQL',
      skip: !hasPostgres,
      open: () => openStore({ databaseUrl: postgresUrl as string, schema: s, poolSize: 8 }),
      second: () => openStore({ databaseUrl: postgresUrl as string, schema: s, poolSize: 8 }),
    };
  })(),
];

function answersOf(plan: { checklist: { answers: Answers } }): Answers {
  return plan.checklist.answers;
}
function answer(checklist: { answers: Answers }, id: string) {
  const [d, k] = id.split('.') as [string, string];
  return checklist.answers[d]?.[k];
}
function withAnswer<T extends { answers: Answers }>(
  checklist: T,
  id: string,
  a: { value: string; note?: string } | undefined,
): T {
  const [d, k] = id.split('.') as [string, string];
  const answers: Answers = structuredClone(checklist.answers);
  if (a) {
    answers[d] ??= {};
    (answers[d] as Answers[string])[k] = { ...a, by: 'young-person', locale: 'en-GB', variant: 'standard', at: AT };
  } else delete answers[d]?.[k];
  return { ...checklist, answers };
}

for (const s of setups) {
  describe.skipIf(s.skip)(`checklist saves on ${s.name}`, () => {
    let w: World;
    let pa: Client;
    let yp: Client;
    let second: Store | undefined;
    let planId: string;
    let path: string;

    beforeAll(async () => {
      w = await makeWorld({ store: await s.open() });
      pa = await w.as('pa');
      if (s.second) {
        second = await s.second(w.store);
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
      path = `/api/plans/${planId}`;
    }, 120_000);
    afterAll(async () => {
      await second?.close();
      await w?.close();
    });

    /** Clears every answer: with If-Match, leaving an answer out clears it. */
    const fresh = async () => {
      const read = await pa.get(path);
      const r = await pa.put(`${path}/checklist`, emptyChecklist(set), { 'if-match': String(read.json.version) });
      expect(r.status).toBe(200);
      expect(Object.keys(answersOf(r.json.plan)).length).toBe(0);
    };

    /** Each writer reads the plan, adds one answer to what it read and saves the whole checklist, n times. */
    const writer = async (c: Client, ids: readonly string[], ifMatch: boolean, note: string) => {
      const statuses: number[] = [];
      for (const id of ids) {
        const read = await c.get(path);
        const doc = withAnswer(read.json.plan.checklist, id, { value: 'yes', note });
        const r = await c.put(`${path}/checklist`, doc, ifMatch ? { 'if-match': String(read.json.version) } : {});
        statuses.push(r.status);
      }
      return statuses;
    };

    for (const ifMatch of [false, true]) {
      it(`a young person and their PA answering 15 questions each at once ${ifMatch ? 'with' : 'without'} If-Match: all 30 answers kept`, async () => {
        await fresh();
        const mine = QUESTIONS.slice(0, 15);
        const theirs = QUESTIONS.slice(15, 30);
        expect(theirs).toHaveLength(15);
        const [a, b] = await Promise.all([writer(yp, mine, ifMatch, 'mine'), writer(pa, theirs, ifMatch, 'theirs')]);
        expect([...a, ...b].every((x) => x === 200)).toBe(true);
        const stored = (await w.store.getPlan(planId))?.doc.checklist as unknown as { answers: Answers };
        for (const id of mine)
          expect(answer(stored, id), id).toMatchObject({ value: 'yes', note: 'mine', by: 'young-person' });
        for (const id of theirs)
          expect(answer(stored, id), id).toMatchObject({ value: 'yes', note: 'theirs', by: 'worker' });
      }, 120_000);
    }

    it('the same question changed by both from one version: one is saved, the other gets 409 naming it', async () => {
      await fresh();
      const q = 'housing.heating';
      const read = await pa.get(path);
      const v = String(read.json.version);
      const [r1, r2] = await Promise.all([
        yp.put(`${path}/checklist`, withAnswer(read.json.plan.checklist, q, { value: 'no', note: 'cold' }), {
          'if-match': v,
        }),
        pa.put(`${path}/checklist`, withAnswer(read.json.plan.checklist, q, { value: 'yes', note: 'fixed' }), {
          'if-match': v,
        }),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      const [won, lost] = r1.status === 200 ? [r1, r2] : [r2, r1];
      expect(lost.json.type).toMatch(/conflict$/);
      expect(lost.json.detail).toContain('Can you keep your home warm enough?');
      expect(lost.json.detail).toContain(q);
      expect(lost.json.errors).toEqual([
        { path: `answers.${q}`, message: expect.stringContaining('Can you keep your home warm enough?') },
      ]);
      expect(lost.json.version).toBe(won.json.version);
      expect(lost.json.conflicts).toEqual([
        {
          questionId: q,
          mine: expect.objectContaining({ value: r1 === lost ? 'no' : 'yes' }),
          theirs: expect.objectContaining({ value: r1 === won ? 'no' : 'yes' }),
        },
      ]);
      const stored = (await w.store.getPlan(planId))?.doc.checklist as unknown as { answers: Answers };
      expect(answer(stored, q)?.value).toBe(r1 === won ? 'no' : 'yes');
      // The merge path: choose, and save again with the version the 409 gave.
      const again = await (lost === r1 ? yp : pa).put(
        `${path}/checklist`,
        withAnswer(won.json.plan.checklist, q, { value: 'not-relevant' }),
        { 'if-match': String(lost.json.version) },
      );
      expect(again.status).toBe(200);
      expect(answer(again.json.plan.checklist, q)?.value).toBe('not-relevant');
    });

    it('an answer another writer changed meanwhile is kept when this writer sends the old one back (If-Match)', async () => {
      await fresh();
      const [q1, q2] = QUESTIONS as [string, string];
      const first = await pa.put(`${path}/checklist`, withAnswer(emptyChecklist(set), q1, { value: 'no' }));
      const v = String(first.json.version);
      // The PA changes q1; the young person, still on the older copy, answers q2 and sends q1 as they saw it.
      expect(
        (await pa.put(`${path}/checklist`, withAnswer(first.json.plan.checklist, q1, { value: 'yes' }))).status,
      ).toBe(200);
      const r = await yp.put(`${path}/checklist`, withAnswer(first.json.plan.checklist, q2, { value: 'yes' }), {
        'if-match': v,
      });
      expect(r.status).toBe(200);
      expect(answer(r.json.plan.checklist, q1)?.value).toBe('yes');
      expect(answer(r.json.plan.checklist, q2)?.value).toBe('yes');
    });

    it('without If-Match an answer not sent is kept; with If-Match leaving it out clears it', async () => {
      await fresh();
      const [q1, q2] = QUESTIONS as [string, string];
      const a = await pa.put(`${path}/checklist`, withAnswer(emptyChecklist(set), q1, { value: 'no' }));
      const b = await yp.put(`${path}/checklist`, withAnswer(emptyChecklist(set), q2, { value: 'yes' }));
      expect(answer(b.json.plan.checklist, q1)?.value).toBe('no');
      expect(answer(b.json.plan.checklist, q2)?.value).toBe('yes');
      const cleared = await yp.put(`${path}/checklist`, withAnswer(b.json.plan.checklist, q1, undefined), {
        'if-match': String(b.json.version),
      });
      expect(cleared.status).toBe(200);
      expect(answer(cleared.json.plan.checklist, q1)).toBeUndefined();
      expect(a.status).toBe(200);
    });

    it('If-Match naming a version the plan never had, or not a number, is 409 and saves nothing', async () => {
      const before = await pa.get(path);
      for (const h of ['9999', 'soon']) {
        const r = await pa.put(
          `${path}/checklist`,
          withAnswer(emptyChecklist(set), 'housing.heating', { value: 'no' }),
          {
            'if-match': h,
          },
        );
        expect(r.status, h).toBe(409);
      }
      expect((await pa.get(path)).json.version).toBe(before.json.version);
    });

    it('every save is audited once, and the projections still equal a replay of the log', async () => {
      const audit = await w.store.queryAudit({ councilId: 'c1', limit: 1000 });
      const updates = audit.filter((e) => e.recordType === 'plan' && e.action === 'update' && e.recordId === planId);
      const saves = (await w.store.listEvents('yp1')).filter((e) => e.type === 'plan.checklist-saved');
      expect(updates.length).toBe(saves.length);
      const before = await w.store.getPlan(planId);
      await w.store.rebuildProjections();
      expect(await w.store.getPlan(planId)).toEqual(before);
    });
  });
}
