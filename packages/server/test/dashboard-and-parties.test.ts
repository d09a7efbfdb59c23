// The dashboard's figures per role (a team manager's own team, exact; an analyst's council, suppressed; no one
// else's council), the arrangements a carer or supervising social worker is named on, and a closed plan that has
// no review to be overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistWithAnswers, makeWorld, type World } from './helpers.js';

describe('dashboard figures, parties’ arrangements, closed plans', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
    const yp = await w.as('yp');
    const pa = await w.as('pa');
    const tm = await w.as('tm');
    expect((await yp.put(`/api/plans/${w.ids.planId}/checklist`, checklistWithAnswers())).status).toBe(200);
    expect((await pa.post(`/api/plans/${w.ids.planId}/events`, { type: 'plan.submit' })).status).toBe(200);
    expect((await tm.post(`/api/plans/${w.ids.planId}/events`, { type: 'plan.authorise' })).status).toBe(200);
  }, 120_000);
  afterAll(() => w.close());

  it('gives a team manager their own team, exact, with every part the dashboard draws', async () => {
    const tm = await w.as('tm');
    const r = await tm.get('/api/insights/dashboard');
    expect(r.status).toBe(200);
    expect(r.json.exact).toBe(true);
    // Teams by name, for people to read.
    expect(r.json.filters).toEqual({ team: ['North team'] });
    expect(r.json.teams).toEqual(['North team']);
    expect(r.json.aggregates.population).toEqual({ value: 1, suppressed: false });
    expect(r.json.trends.length).toBe(24);
    expect(r.json.asAt).toBe('2026-03-02');
    expect(r.json.from).toBe('2024-04-01');
    for (const k of ['moods', 'cohorts', 'costs']) expect(r.json).toHaveProperty(k);
    // The other team's manager sees none of team t1's young people.
    const tm2 = await w.as('tm2');
    const r2 = await tm2.get('/api/insights/dashboard');
    expect(r2.status).toBe(200);
    expect(r2.json.teams).toEqual([]);
    expect(r2.json.aggregates.population.value).toBe(0);
  }, 120_000);

  it('hides small numbers from an analyst, and never shows another council', async () => {
    const analyst = await w.as('analyst');
    // An analyst's figures are as at the end of the last whole month (the council's reporting period), so the plan
    // authorised on 2 March is not in them yet, and two days of one month give the same figures.
    const r = await analyst.get('/api/insights/dashboard?asAt=2026-03-02');
    expect(r.status).toBe(200);
    expect(r.json.exact).toBe(false);
    expect(r.json.asAt).toBe('2026-02-28');
    expect(r.json.aggregates.population).toEqual({ value: 0, suppressed: false });
    const saved = w.clock.now;
    w.clock.now = new Date('2026-04-02T10:00:00.000Z');
    const april = await (await w.as('analyst')).get('/api/insights/dashboard?asAt=2026-04-02');
    w.clock.now = saved;
    expect(april.status, JSON.stringify(april.json)).toBe(200);
    expect(april.json.asAt).toBe('2026-03-31');
    // One young person: hidden, and not given away by any total beside it.
    expect(april.json.aggregates.population).toEqual({ value: null, suppressed: true });
    expect(JSON.stringify(april.json)).not.toMatch(/"value":1[,}]/);
    const other = await w.as('otherAdmin');
    const o = await other.get('/api/insights/dashboard');
    expect(o.status).toBe(200);
    expect(o.json.aggregates.population.value).toBe(0);
    expect((await analyst.get('/api/insights/dashboard?asAt=2026-13-40')).status).toBe(400);
    expect((await analyst.get('/api/insights/dashboard?asAt=2026-01-01&from=2026-02-01')).status).toBe(400);
    for (const who of ['pa', 'yp', 'carer', 'ssw'])
      expect((await (await w.as(who)).get('/api/insights/dashboard')).status).toBe(403);
  }, 120_000);

  it('lists the arrangements a carer or supervising social worker is named on, and only those', async () => {
    const carer = await w.as('carer');
    const r = await carer.get('/api/my-arrangements');
    expect(r.status).toBe(200);
    expect(r.json.items.map((i: { id: string }) => i.id)).toEqual([w.ids.arrangementId]);
    expect(r.json.items[0].name).toBe('Alex Rivers');
    const ssw = await w.as('ssw');
    expect((await ssw.get('/api/my-arrangements')).json.items).toHaveLength(1);
    const carer2 = await w.as('carer2');
    expect((await carer2.get('/api/my-arrangements')).json.items).toEqual([]);
    expect((await (await w.as('pa')).get('/api/my-arrangements')).status).toBe(403);
  }, 120_000);

  it('does not count a closed plan’s review as overdue', async () => {
    w.clock.now = new Date('2026-12-01T10:00:00.000Z');
    const pa = await w.as('pa');
    const yp1 = async () => (await pa.get('/api/young-people')).json.items.find((y: { id: string }) => y.id === 'yp1');
    const before = await yp1();
    expect(before.reviewOverdue).toBe(true);
    expect(before.reviewStatus).toBe('overdue');
    const closed = await pa.post(`/api/plans/${w.ids.planId}/events`, { type: 'plan.close', reason: 'moved-away' });
    expect([200, 403, 409, 422]).toContain(closed.status);
    if (closed.status !== 200) {
      const tm = await w.as('tm');
      const byTm = await tm.post(`/api/plans/${w.ids.planId}/events`, { type: 'plan.close', reason: 'moved-away' });
      expect(byTm.status, JSON.stringify(byTm.json)).toBe(200);
    }
    const after = await yp1();
    expect(after.currentPlan.state).toBe('closed');
    expect(after.reviewOverdue).toBe(false);
    expect(after.reviewStatus).toBeUndefined();
  }, 120_000);
});
