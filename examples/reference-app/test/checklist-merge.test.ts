// Two people answering the same checklist at once through the pages (no script): a PA fills in an area's form
// while the young person saves answers from their phone. Answers to different questions are all kept; the same
// question answered differently keeps the answer saved first and the PA is told, with what they had chosen, so
// nothing is overwritten unseen. (The widget page does the same with the engine's mergeChecklists; see the e2e.)
import { type AnyChecklist, getAnswer, questionSet, setAnswer } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, formFields, isBuilt, makeWorld, type World } from './support/world.js';

const set = questionSet();
const housing = set.domains.find((d) => d.id === 'housing')!.questions.map((q) => q.id);
const yp = { by: 'young-person' as const, locale: 'en-GB', variant: 'standard' as const };

describe.skipIf(!isBuilt)('the checklist form after someone else saved', () => {
  let w: World;
  let pa: Client;
  let robin: Client;
  let planId = '';

  beforeAll(async () => {
    w = await makeWorld();
    pa = await w.as('pa');
    robin = await w.as('yp');
    const r = await pa.call('POST', '/api/young-people/nb.yp1/plans', {});
    expect(r.status, r.text).toBe(201);
    planId = r.json().plan.id;
  }, 120_000);
  afterAll(() => w?.close());

  /** Robin saves answers from the API, as their phone would. */
  async function robinAnswers(answers: [string, 'yes' | 'no' | 'not-relevant', string?][]) {
    const view = (await robin.call('GET', `/api/plans/${planId}`)).json();
    let doc = view.plan.checklist as AnyChecklist;
    for (const [id, value, note] of answers) doc = setAnswer(set, doc, id, { value, ...(note ? { note } : {}) }, yp);
    const r = await robin.call('PUT', `/api/plans/${planId}/checklist?how=apart`, doc, {
      'if-match': String(view.version),
    });
    expect(r.status, r.text).toBe(200);
  }
  const saved = async () => (await pa.call('GET', `/api/plans/${planId}`)).json().plan.checklist as AnyChecklist;
  const formPage = () => `/plans/${encodeURIComponent(planId)}/checklist/housing`;

  it('keeps both people’s answers when they answered different questions', async () => {
    const form = formFields((await pa.call('GET', formPage())).text);
    await robinAnswers([[housing[0]!, 'yes', 'My words & mine']]);
    form.set(`${housing[1]}.value`, 'no');
    const r = await pa.call('POST', formPage(), form);
    expect(r.status, r.text.slice(0, 400)).toBe(303);
    const doc = await saved();
    expect(getAnswer(doc, housing[0]!)).toMatchObject({ value: 'yes', note: 'My words & mine', by: 'young-person' });
    expect(getAnswer(doc, housing[1]!)).toMatchObject({ value: 'no', by: 'together' });
  });

  it('keeps the saved answer and tells the PA when both answered the same question differently', async () => {
    const form = formFields((await pa.call('GET', formPage())).text);
    await robinAnswers([[housing[2]!, 'yes']]);
    form.set(`${housing[2]}.value`, 'no');
    form.set(`${housing[2]}.note`, 'Said on the phone it is damp');
    form.set(`${housing[3]}.value`, 'not-relevant');
    const r = await pa.call('POST', formPage(), form);
    // The area again, with the problem at the top: the other answer was saved, the clashing one kept as Robin's.
    expect(r.status).toBe(400);
    expect(r.text).toContain('someone else changed this answer');
    expect(r.text).toContain('Said on the phone it is damp');
    const doc = await saved();
    expect(getAnswer(doc, housing[2]!)).toMatchObject({ value: 'yes', by: 'young-person' });
    expect(getAnswer(doc, housing[3]!)).toMatchObject({ value: 'not-relevant', by: 'together' });
    // Choosing again from the page shown (which now shows Robin's answer) is an ordinary change.
    const again = formFields(r.text);
    again.set(`${housing[2]}.value`, 'no');
    expect((await pa.call('POST', formPage(), again)).status).toBe(303);
    expect(getAnswer(await saved(), housing[2]!)?.value).toBe('no');
  });

  it('changes nothing Robin saved when the PA saves the form without touching it', async () => {
    const form = formFields((await pa.call('GET', formPage())).text);
    await robinAnswers([[housing[4]!, 'yes']]);
    expect((await pa.call('POST', formPage(), form)).status).toBe(303);
    expect(getAnswer(await saved(), housing[4]!)).toMatchObject({ value: 'yes', by: 'young-person' });
  });
});
