// Authorship is recorded by the server from the session, never taken from the body: a PA cannot label answers as
// the young person's own, a young person's answers are always theirs, and the whole-plan save cannot rewrite who
// the plan names as PA, social worker or manager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistWithAnswers, makeWorld, type World } from './helpers.js';

type Answers = Record<string, Record<string, { by: string; at: string; value: string; note?: string }>>;

describe('authorship from the session', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  }, 120_000);
  afterAll(() => w.close());

  const stored = async () => (await w.store.getPlan(w.ids.planId))?.doc.checklist.answers as unknown as Answers;
  const version = async () => String((await w.store.getPlan(w.ids.planId))?.version);

  it("records a young person's answers as theirs whatever the body says", async () => {
    const yp = await w.as('yp');
    const c = checklistWithAnswers() as { answers: Answers };
    (c.answers.housing as Answers[string]).heating = {
      ...(c.answers.housing?.heating as Answers[string][string]),
      by: 'worker',
    };
    const r = await yp.put(`/api/plans/${w.ids.planId}/checklist`, c, { 'if-match': await version() });
    expect(r.status).toBe(200);
    expect((await stored()).housing?.heating?.by).toBe('young-person');
    expect((await stored()).housing?.heating?.at).toBe(w.clock.now.toISOString());
  });

  it("stops a PA labelling answers as the young person's own, and keeps the young person's untouched ones", async () => {
    const pa = await w.as('pa');
    const mine = (await stored()).housing?.heating;
    const c = { ...(await w.store.getPlan(w.ids.planId))?.doc.checklist } as unknown as { answers: Answers };
    c.answers = JSON.parse(JSON.stringify(c.answers));
    (c.answers.housing as Answers[string]).essentials = {
      value: 'yes',
      by: 'young-person',
      locale: 'en-GB',
      variant: 'standard',
      at: '2026-01-01T00:00:00.000Z',
    } as Answers[string][string];
    // The forged label on an existing answer whose words change too.
    c.answers.money = {
      'bank-account': {
        value: 'no',
        by: 'young-person',
        locale: 'en-GB',
        variant: 'standard',
        at: '2026-01-01T00:00:00.000Z',
      },
    } as unknown as Answers[string];
    w.clock.now = new Date('2026-03-02T11:00:00.000Z');
    const r = await pa.put(`/api/plans/${w.ids.planId}/checklist`, c, { 'if-match': await version() });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const after = await stored();
    expect(after.housing?.essentials).toMatchObject({ by: 'worker', at: '2026-03-02T11:00:00.000Z' });
    expect(after.money?.['bank-account']?.by).toBe('worker');
    // The young person's own answer, sent back unchanged, is still theirs, with its time.
    expect(after.housing?.heating).toEqual(mine);
    // Working together (the PA says so, and the plan's lifecycle records it): "together", never "young-person".
    (c.answers.housing as Answers[string]).essentials = {
      ...(after.housing?.essentials as Answers[string][string]),
      value: 'no',
    };
    const t = await pa.put(`/api/plans/${w.ids.planId}/checklist?how=together`, c, { 'if-match': await version() });
    expect(t.status).toBe(200);
    expect((await stored()).housing?.essentials?.by).toBe('together');
  });

  it('keeps who the plan names as PA, social worker and manager whatever a whole-plan save says', async () => {
    const pa = await w.as('pa');
    const before = (await w.store.getPlan(w.ids.planId))?.doc;
    const doc = {
      ...before,
      pa: { id: 'u-spare', name: 'Somebody Else' },
      socialWorker: { id: 'u-pa2', name: 'Not Them' },
      manager: { id: 'u-tm2', name: 'Another Manager' },
      started: '2026-02-01',
    };
    const r = await pa.put(`/api/plans/${w.ids.planId}`, doc, { 'if-match': await version() });
    expect(r.status).toBe(200);
    const after = (await w.store.getPlan(w.ids.planId))?.doc;
    expect(after?.pa).toEqual(before?.pa);
    expect(after?.socialWorker).toEqual(before?.socialWorker);
    expect(after?.manager).toBeUndefined();
    expect(after?.started).toBe('2026-02-01');
  });
});
