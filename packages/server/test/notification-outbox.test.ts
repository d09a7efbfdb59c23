// The notification outbox, on PGlite and on a real PostgreSQL: a check-in asking for help writes one message to
// the young person's named PA in the transaction of its event (rolled back with it, never written for a refused
// event, once for a retried one); a plan returned or authorised tells the PA; the demo's past tells nobody; the
// message names an account and a kind, nothing of the young person. Claims: a lease keeps other workers off, two
// workers take different messages, a lost claim cannot mark a message sent.
import { recordEvents } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { momentOf } from '../src/lifecycle.js';
import { openStore, type Store } from '../src/storage/store.js';
import { checklistWithAnswers, makeWorld, type World } from './helpers.js';

const backends: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () =>
      openStore({ databaseUrl: postgresUrl as string, schema: `t_outbox_${process.pid}_${Date.now()}`, poolSize: 8 }),
  },
];

for (const b of backends) {
  describe.skipIf(b.skip)(`the notification outbox on ${b.name}`, () => {
    let w: World;
    let n = 0;
    const rows = async (youngPersonId: string) => w.store.outbox.listForYoungPerson(youngPersonId);
    const checkIn = (help: boolean) => {
      n++;
      return {
        id: `ci-outbox-${n}`,
        youngPersonId: 'yp1',
        author: 'young-person',
        at: w.clock.now.toISOString(),
        locale: 'en-GB',
        moods: { housing: help ? { mood: 'bad', help: true, note: 'Alex: my landlord is back' } : { mood: 'good' } },
      };
    };

    beforeAll(async () => {
      w = await makeWorld({ store: await b.open() });
    }, 120_000);
    afterAll(async () => {
      await w?.close();
    });

    it('a check-in asking for help writes one message to the named PA, with no personal data', async () => {
      // The world's own check-in (ci-1) asked for help.
      const [m, ...more] = await rows('yp1');
      expect(more).toEqual([]);
      expect(m).toMatchObject({
        kind: 'help-asked-check-in',
        recipientId: 'u-pa',
        youngPersonId: 'yp1',
        subjectId: 'ci-1',
        status: 'queued',
        attempts: 0,
        language: 'en',
      });
      const [raw] = await w.store.db.query('SELECT * FROM notification_outbox WHERE id = $1', [m?.id]);
      const text = JSON.stringify(raw);
      for (const personal of ['Alex', 'Rivers', 'heating', 'pa@example.org', '2007-05-01'])
        expect(text).not.toContain(personal);
      // The event that caused it is the check-in's, saved with it.
      const [ev] = await w.store.db.query('SELECT type FROM events WHERE id = $1', [m?.eventId]);
      expect(ev?.type).toBe('check-in.recorded');
    });

    it('a check-in without help, or a retried one, writes nothing more', async () => {
      const yp = await w.as('yp');
      const calm = checkIn(false);
      expect((await yp.post('/api/young-people/yp1/check-ins', calm)).status).toBe(201);
      const help = checkIn(true);
      expect((await yp.post('/api/young-people/yp1/check-ins', help)).status).toBe(201);
      expect((await yp.post('/api/young-people/yp1/check-ins', help)).status).toBe(200);
      const mine = (await rows('yp1')).filter((r) => r.subjectId === help.id || r.subjectId === calm.id);
      expect(mine.map((r) => [r.subjectId, r.kind])).toEqual([[help.id, 'help-asked-check-in']]);
    });

    it('the message is rolled back with its event', async () => {
      const before = (await rows('yp1')).length;
      const yp = (await w.store.getUser('u-yp'))!;
      const doc = checkIn(true);
      const m = momentOf(yp, { councilId: 'c1', youngPersonId: 'yp1' }, w.clock.now);
      await expect(
        w.store.transaction(async (tx) => {
          await w.store.events.append([recordEvents.checkInRecorded(m, doc as never, 'u-pa')], { tx });
          throw new Error('something later in the request failed');
        }),
      ).rejects.toThrow(/later/);
      expect((await rows('yp1')).length).toBe(before);
      expect(await w.store.getCheckIn(doc.id)).toBeUndefined();
    });

    it('past events loaded as history tell nobody', async () => {
      const yp = (await w.store.getUser('u-yp'))!;
      const doc = checkIn(true);
      const m = momentOf(yp, { councilId: 'c1', youngPersonId: 'yp1' }, w.clock.now);
      await w.store.appendHistory([recordEvents.checkInRecorded(m, doc as never, 'u-pa')]);
      expect(await w.store.getCheckIn(doc.id)).toBeDefined();
      expect((await rows('yp1')).some((r) => r.subjectId === doc.id)).toBe(false);
    });

    it('the PA is told when the manager returns the plan and when they authorise it; the young person asking for help in the checklist tells them too', async () => {
      const planId = w.ids.planId;
      const yp = await w.as('yp');
      expect((await yp.put(`/api/plans/${planId}/checklist`, checklistWithAnswers())).status).toBe(200);
      expect((await yp.put(`/api/plans/${planId}/views`, { youngPerson: 'My plan' })).status).toBe(200);
      const pa = await w.as('pa');
      const tm = await w.as('tm');
      const step = async (who: typeof pa, event: Record<string, unknown>) => {
        const r = await who.post(`/api/plans/${planId}/events`, event);
        expect(r.status, JSON.stringify(r.json)).toBe(200);
      };
      await step(pa, { type: 'plan.submit' });
      await step(tm, { type: 'plan.return', comment: 'Please add the contingency plan.' });
      await step(pa, { type: 'plan.submit' });
      await step(tm, { type: 'plan.authorise' });
      const kinds = (await rows('yp1')).filter((r) => r.subjectId === planId).map((r) => [r.kind, r.recipientId]);
      // The clock stands still in the world: the three share their time, so their order is not the point.
      expect(kinds.sort()).toEqual([
        ['help-asked-checklist', 'u-pa'],
        ['plan-authorised', 'u-pa'],
        ['plan-returned', 'u-pa'],
      ]);
    });

    it('a claim keeps other workers off for its lease; two claims at once take different messages', async () => {
      const all = await w.store.outbox.summary();
      expect(all.queued).toBeGreaterThanOrEqual(4);
      const [a, b] = await Promise.all([w.store.outbox.claim(2, 60_000), w.store.outbox.claim(2, 60_000)]);
      const ids = [...(a ?? []), ...(b ?? [])].map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(Math.min(4, all.queued));
      const first = a?.[0] ?? b?.[0];
      expect(first?.to).toBe('pa@example.org');
      expect(first?.attempts).toBe(1);
      // The claims hold: nothing of them is taken again meanwhile.
      const again = await w.store.outbox.claim(100, 60_000);
      expect(again.some((m) => ids.includes(m.id))).toBe(false);
      // A claim that is not the latest cannot mark the message sent.
      expect(await w.store.outbox.markSent(first!.id, 'not-the-token')).toBe(false);
      expect(await w.store.outbox.markSent(first!.id, first!.claimToken)).toBe(true);
      expect(await w.store.outbox.markSent(first!.id, first!.claimToken)).toBe(false);
      const s = await w.store.outbox.summary('c1');
      expect(s.sent).toBe(1);
      expect(s.queued).toBe(all.queued - 1);
    });
  });
}
