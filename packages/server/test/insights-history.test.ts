// The figures' history comes from the record of each moment: a plan counts in the team the young person was in when
// it was authorised, so moving a young person to another team afterwards changes no past figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFactsFromEvents } from '../src/routes/insights.js';
import type { StoredEvent } from '../src/storage/projection.js';
import { checklistWithAnswers, makeWorld, type World } from './helpers.js';

describe('insights history: team and category of each plan', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
    const yp = await w.as('yp');
    const pa = await w.as('pa');
    const tm = await w.as('tm');
    const saved = await yp.put(`/api/plans/${w.ids.planId}/checklist`, checklistWithAnswers());
    expect(saved.status).toBe(200);
    // The PA adds one answer of their own: the plan's checklist is then partly the young person's, partly theirs.
    const checklist = structuredClone(saved.json.plan.checklist);
    checklist.answers.housing.internet = {
      value: 'yes',
      by: 'worker',
      locale: 'en-GB',
      variant: 'standard',
      at: '2026-03-03T10:00:00.000Z',
    };
    const added = await pa.put(`/api/plans/${w.ids.planId}/checklist`, checklist);
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    expect((await pa.post(`/api/plans/${w.ids.planId}/events`, { type: 'plan.submit' })).status).toBe(200);
    expect((await tm.post(`/api/plans/${w.ids.planId}/events`, { type: 'plan.authorise' })).status).toBe(200);
  }, 120_000);
  afterAll(() => w.close());

  it('keeps trends by team unchanged after a young person moves team', async () => {
    const query = '/api/insights/dashboard?asAt=2026-03-31&from=2026-01-01';
    const tm = await w.as('tm');
    const tm2 = await w.as('tm2');
    const before = (await tm.get(query)).json;
    const before2 = (await tm2.get(query)).json;
    // yp1's plan was authorised in March in North team (t1).
    expect(before.trends.map((p: { population: { value: number } }) => p.population.value)).toEqual([0, 0, 1]);
    expect(before.trends[2].questions.find((q: { id: string }) => q.id === 'housing.heating').no.value).toBe(1);
    expect(before2.trends.map((p: { population: { value: number } }) => p.population.value)).toEqual([0, 0, 0]);

    // The admin moves yp1 to East team (t2) in April.
    w.clock.now = new Date('2026-04-10T10:00:00.000Z');
    const admin = await w.as('admin');
    const moved = await admin.patch('/api/young-people/yp1', { teamId: 't2' });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    expect(moved.json.teamId).toBe('t2');

    // Signed in again: the clock moved past the sessions' idle time.
    const after = (await (await w.as('tm')).get(query)).json;
    const after2 = (await (await w.as('tm2')).get(query)).json;
    expect(after.trends).toEqual(before.trends);
    expect(after.aggregates).toEqual(before.aggregates);
    expect(after2.trends).toEqual(before2.trends);
  }, 120_000);

  it('counts the plan under the voice the engine reads from its answers (planVoice): partly each', async () => {
    const data = (await (await w.as('tm')).get('/api/insights/dashboard?asAt=2026-03-31&from=2026-01-01')).json;
    const quarter = data.engagement.find((p: { from: string }) => p.from === '2026-01-01');
    const all = quarter.rows.find((r: { team: string | null }) => r.team === null);
    const voices = Object.fromEntries(
      Object.entries(all.voice as Record<string, { count: { value: number } }>).map(([k, v]) => [k, v.count.value]),
    );
    // One plan authorised in the quarter: one answer by yp1, one by the PA. The plan's own mark (completedBy
    // "young-person", set when it was submitted, since the young person took part) counted it as theirs alone.
    expect(voices).toMatchObject({ mixed: 1, 'together-in-person': 0, 'young-person': 0 });
  }, 120_000);

  it('reads team and category from the events, preferring facts an event records itself', () => {
    const ev = (sequence: number, type: string, payload: Record<string, unknown>, extra: object = {}) =>
      ({
        id: `e${sequence}`,
        councilId: 'c',
        youngPersonId: 'y',
        sequence,
        actorId: 'a',
        actorRole: 'pa',
        type,
        payload,
        at: '2026-01-01T00:00:00Z',
        ...extra,
      }) as unknown as StoredEvent;
    const events = [
      ev(1, 'young-person.registered', { youngPerson: { teamId: 'north', category: 'relevant' } }),
      ev(2, 'plan.created', { plan: { id: 'p1', youngPerson: { category: 'relevant' } } }),
      ev(3, 'plan.transition', { planId: 'p1', event: { type: 'plan.authorise' } }),
      ev(4, 'young-person.allocated', { teamId: 'east' }),
      ev(5, 'plan.created', { plan: { id: 'p2', youngPerson: { category: 'former-relevant' } } }),
      ev(6, 'plan.transition', { planId: 'p2', event: { type: 'plan.authorise' } }),
      ev(7, 'plan.created', { plan: { id: 'p3', youngPerson: { category: 'former-relevant' } } }),
      ev(
        8,
        'plan.transition',
        { planId: 'p3', event: { type: 'plan.authorise' } },
        {
          facts: { teamId: 'west', category: 'qualifying' },
        },
      ),
    ];
    // Given out of order on purpose: the sequence decides.
    const facts = planFactsFromEvents([...events].reverse());
    expect(facts.get('p1')).toEqual({ team: 'north', category: 'relevant' });
    expect(facts.get('p2')).toEqual({ team: 'east', category: 'former-relevant' });
    expect(facts.get('p3')).toEqual({ team: 'west', category: 'qualifying' });
  });
});
