// The young person's page shows when their plan's review is due by the engine's rule, not the six-month date stored
// in the plan when it was authorised: after the young person asks for a review on 2 March 2026, it is due 28
// working days later (13 April 2026, skipping Good Friday and Easter Monday), while the plan still holds
// 2 September 2026. Before the request both say 2 September, so the page is checked against both dates.
import { questionSet, setAnswer } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, isBuilt, makeWorld, type World } from './support/world.js';

/** The date the young person's page shows next to "Next review" (its machine-readable value and its words). */
function shownReview(html: string): { value?: string; words?: string } {
  const m = /<strong data-review-due="([^"]*)">([^<]*)<\/strong>/.exec(html);
  return m ? { value: m[1]!, words: m[2]! } : {};
}

describe.skipIf(!isBuilt)('the review date on the young person’s page', () => {
  let w: World;
  let yp: Client;
  let planId = '';

  beforeAll(async () => {
    w = await makeWorld();
    const pa = await w.as('pa');
    const tm = await w.as('tm');
    yp = await w.as('yp');
    const plan = await pa.call('POST', '/api/young-people/nb.yp1/plans', {});
    expect(plan.status, plan.text).toBe(201);
    planId = plan.json().plan.id;
    // The young person gives one answer, so the plan can go forward with their voice in it.
    const set = questionSet();
    const checklist = setAnswer(
      set,
      plan.json().plan.checklist,
      set.questions[0]!.id,
      { value: 'yes' },
      { by: 'young-person', locale: 'en-GB', variant: 'standard', at: '2026-03-02T09:30:00.000Z' },
    );
    const answered = await yp.call('PUT', `/api/plans/${planId}/checklist`, checklist);
    expect(answered.status, answered.text).toBe(200);
    expect((await pa.call('POST', `/api/plans/${planId}/events`, { type: 'plan.submit' })).status).toBe(200);
    const ok = await tm.call('POST', `/api/plans/${planId}/events`, { type: 'plan.authorise' });
    expect(ok.status, ok.text).toBe(200);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('is six months after authorisation until a review is asked for', async () => {
    const page = await yp.call('GET', '/me');
    expect(page.status).toBe(200);
    expect(shownReview(page.text)).toEqual({ value: '2026-09-02', words: '2 September 2026' });
  });

  it('comes forward to 28 working days after the young person asks, though the plan still holds six months', async () => {
    const asked = await yp.call('POST', `/api/plans/${planId}/events`, { type: 'plan.review.request' });
    expect(asked.status, asked.text).toBe(200);
    const me = (await yp.call('GET', '/api/young-people/nb.yp1')).json();
    expect(me.currentPlan.nextReview).toBe('2026-09-02');
    expect(me.reviewDue).toBe('2026-04-13');
    const page = await yp.call('GET', '/me');
    expect(shownReview(page.text)).toEqual({ value: '2026-04-13', words: '13 April 2026' });
    expect(page.text).not.toContain('2 September 2026');
  });
});
