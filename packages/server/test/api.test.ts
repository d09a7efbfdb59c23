// The main journey through the API: a PA starts a plan, the young person answers and checks in asking for help,
// the PA sees it, submits; a manager returns then authorises; the PDF is stored and the webhook fires.

import { schemas } from '@onward/engine';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { openStore } from '../src/storage/store.js';
import { verifyWebhook } from '../src/webhooks/webhooks.js';
import { checklistWithAnswers, makeWorld, type World } from './helpers.js';

// The whole journey runs on both databases.
const BACKENDS = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () => openStore({ databaseUrl: postgresUrl as string, schema: `t_api_${process.pid}_${Date.now()}` }),
  },
];

for (const backend of BACKENDS)
  describe.skipIf(backend.skip)(`pathway plan journey on ${backend.name}`, () => {
    let w: World;
    const delivered: { url: string; headers: Record<string, string>; body: string }[] = [];
    beforeAll(async () => {
      w = await makeWorld({
        store: await backend.open(),
        webhooks: {
          retryDelaysMs: [],
          fetch: (async (url: string, init: RequestInit) => {
            delivered.push({ url, headers: init.headers as Record<string, string>, body: String(init.body) });
            return new Response(null, { status: 204 });
          }) as unknown as typeof fetch,
        },
      });
    }, 120_000);
    afterAll(() => w.close());

    it('walks draft → submitted → returned → submitted → authorised, with the PDF and webhook', async () => {
      const { planId } = w.ids;
      const admin = await w.as('admin');
      const hook = await admin.post('/api/webhooks', {
        url: 'https://vendor.example/hooks',
        events: ['plan.authorised'],
      });
      expect(hook.status).toBe(201);
      const token = await admin.post('/api/api-tokens', { name: 'Case system' });
      expect(token.status).toBe(201);

      const yp = await w.as('yp');
      const mine = await yp.get(`/api/plans/${planId}`);
      expect(mine.status).toBe(200);
      expect(mine.json.allowedEvents).toContain('plan.checklist.update');
      const saved = await yp.put(`/api/plans/${planId}/checklist`, checklistWithAnswers());
      expect(saved.status).toBe(200);
      expect(saved.json.plan.checklist.answers.housing.heating.note).toBe(
        '<script>alert("x")</script> radiator broken',
      );
      const views = await yp.put(`/api/plans/${planId}/views`, {
        youngPerson: 'I want to live near my sister & <her> kids',
      });
      expect(views.status).toBe(200);

      const pa = await w.as('pa');
      const help = await pa.get('/api/help-requests');
      expect(help.json.items).toHaveLength(1);
      expect(help.json.items[0].domains[0]).toEqual({
        domain: 'housing',
        mood: 'bad',
        note: 'The heating is broken <b>again</b>',
      });

      const tm = await w.as('tm');
      const early = await tm.post(`/api/plans/${planId}/events`, { type: 'plan.authorise' });
      expect(early.status).toBe(409);
      expect(early.json.detail).toMatch(/cannot authorise the plan while/i);

      const byYp = await yp.post(`/api/plans/${planId}/events`, { type: 'plan.submit' });
      expect(byYp.status).toBe(403);
      expect(byYp.json.detail).toMatch(/Only a PA/);

      expect((await pa.post(`/api/plans/${planId}/events`, { type: 'plan.submit' })).status).toBe(200);
      const queue = await tm.get('/api/authorisation-queue');
      expect(queue.json.items.map((x: { planId: string }) => x.planId)).toEqual([planId]);
      // Each with its PA and how long it has waited, in whole UK days (the clock moves two days on, then back).
      expect(queue.json.items[0]).toMatchObject({ pa: expect.any(String), daysWaiting: 0 });
      expect(queue.json.items[0].pa.length).toBeGreaterThan(0);
      const submittedAt = w.clock.now;
      w.clock.now = new Date(submittedAt.getTime() + 2 * 86_400_000);
      // (a sign-in of that day: the first one has timed out by then)
      const tmLater = await w.as('tm');
      expect((await tmLater.get('/api/authorisation-queue')).json.items[0].daysWaiting).toBe(2);
      w.clock.now = submittedAt;
      const noComment = await tm.post(`/api/plans/${planId}/events`, { type: 'plan.return' });
      expect(noComment.status).toBe(422);
      expect(noComment.json.errors[0].path).toBe('comment');
      const returned = await tm.post(`/api/plans/${planId}/events`, {
        type: 'plan.return',
        comment: 'Add a goal for housing.',
      });
      expect(returned.status).toBe(200);
      expect(returned.json.state).toBe('returned');
      expect(returned.json.plan.returns[0].comment).toBe('Add a goal for housing.');

      const plan = (await pa.get(`/api/plans/${planId}`)).json;
      plan.plan.domains = {
        housing: {
          needs: 'Heating fixed',
          goals: [
            {
              id: 'g1',
              goal: 'Warm flat by winter',
              actions: [{ id: 'a1', what: 'Call the landlord', who: 'PA', byWhen: '2026-04-01' }],
            },
          ],
        },
      };
      const put = await pa.put(`/api/plans/${planId}`, plan.plan, { 'if-match': String(plan.version) });
      expect(put.status).toBe(200);
      const stale = await pa.put(`/api/plans/${planId}`, plan.plan, { 'if-match': String(plan.version) });
      expect(stale.status).toBe(409);
      expect(put.json.plan.views.youngPerson).toBe('I want to live near my sister & <her> kids');

      expect((await pa.post(`/api/plans/${planId}/events`, { type: 'plan.submit' })).status).toBe(200);
      const pdfBefore = await pa.get(`/api/plans/${planId}/pdf`);
      expect(pdfBefore.status).toBe(404);
      const ok = await tm.post(`/api/plans/${planId}/events`, { type: 'plan.authorise' });
      expect(ok.status).toBe(200);
      expect(ok.json.state).toBe('active');
      expect(ok.json.plan.authorised).toBe('2026-03-02');
      expect(ok.json.plan.nextReview).toBe('2026-09-02');

      const pdf = await yp.get(`/api/plans/${planId}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(new TextDecoder().decode(pdf.bytes)).toContain('I want to live near my sister & <her> kids');

      await w.server.webhooks.drain();
      expect(delivered).toHaveLength(1);
      const d = delivered[0] as (typeof delivered)[number];
      const secret = String(hook.json.secret);
      expect(
        verifyWebhook({
          secret,
          body: d.body,
          signature: d.headers['onward-webhook-signature'],
          timestamp: d.headers['onward-webhook-timestamp'],
          now: w.clock.now,
        }),
      ).toEqual({ ok: true });
      const payload = JSON.parse(d.body);
      expect(payload.data.planId).toBe(planId);
      // The body is what schemas/events/webhook-event.schema.json promises vendors.
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule)(
        ajv as never,
      );
      const check = ajv.compile(schemas.webhookEventSchema);
      expect(check(payload), JSON.stringify(check.errors)).toBe(true);

      // The integration fetches the export and the PDF with its token; it cannot write.
      const bearer = { authorization: `Bearer ${token.json.token}` };
      const anon = w.anon();
      const exp = await anon.get(new URL(payload.data.exportUrl).pathname, bearer);
      expect(exp.status).toBe(200);
      expect(exp.json.plan_id).toBe(planId);
      expect(JSON.stringify(exp.json)).not.toContain('Alex');
      expect((await anon.get(new URL(payload.data.pdfUrl).pathname, bearer)).status).toBe(200);
      expect(
        (await anon.post(`/api/plans/${planId}/events`, { type: 'plan.close', reason: 'other' }, bearer)).status,
      ).toBe(403);

      const deliveries = await admin.get(`/api/webhooks/${hook.json.id}/deliveries`);
      expect(deliveries.json.items[0].status).toBe('delivered');
      expect(deliveries.json.items[0].log[0].responseStatus).toBe(204);

      const auditTrail = await tm.get('/api/audit?youngPersonId=yp1');
      expect(auditTrail.status).toBe(200);
      const actions = auditTrail.json.items.map(
        (a: { action: string; recordType: string; actorId: string }) => `${a.actorId}:${a.action}:${a.recordType}`,
      );
      expect(actions).toContain('u-tm:event:plan');
      expect(actions).toContain('u-yp:read:plan-pdf');
      expect(actions).toContain(`token:${token.json.id}:export:plan-export`);
    }, 120_000);

    it('lets a PA go ahead without the young person only after three unsuccessful attempts, and the plan says so', async () => {
      const pa2 = await w.as('pa2');
      const started = await pa2.post('/api/young-people/yp2/plans', {});
      expect(started.status).toBe(201);
      const id = String(started.json.plan.id);
      const attempt = (n: number) =>
        pa2.post(`/api/plans/${id}/engagement-attempts`, {
          at: `2026-02-0${n}T10:00:00Z`,
          method: 'phone',
          outcome: 'no-reply',
          note: `Tried ${n}`,
        });
      expect((await attempt(1)).status).toBe(200);
      expect((await attempt(2)).status).toBe(200);
      const tooSoon = await pa2.post(`/api/plans/${id}/events`, { type: 'plan.completeWithoutYoungPerson' });
      expect(tooSoon.status).toBe(409);
      expect(tooSoon.json.detail).toMatch(/3 unsuccessful attempts/);
      expect((await pa2.post(`/api/plans/${id}/events`, { type: 'plan.submit' })).status).toBe(409);
      expect((await attempt(3)).status).toBe(200);
      expect((await pa2.post(`/api/plans/${id}/events`, { type: 'plan.completeWithoutYoungPerson' })).status).toBe(200);
      const submitted = await pa2.post(`/api/plans/${id}/events`, { type: 'plan.submit' });
      expect(submitted.status).toBe(200);
      expect(submitted.json.plan.engagement.completedBy).toBe('worker-without-young-person');
      expect(submitted.json.plan.engagement.attempts.map((a: { note: string }) => a.note)).toEqual([
        'Tried 1',
        'Tried 2',
        'Tried 3',
      ]);
    }, 120_000);

    it('serves the young person their record as a story, in order', async () => {
      const yp = await w.as('yp');
      const r = await yp.get('/api/young-people/yp1/events');
      expect(r.status).toBe(200);
      const seqs = r.json.items.map((e: { sequence: number }) => e.sequence);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(r.json.items[0].type).toBe('young-person.registered');
    }, 120_000);

    it('gives suppressed aggregates to an analyst and refuses a young person', async () => {
      const analyst = await w.as('analyst');
      const r = await analyst.get('/api/insights');
      expect(r.status).toBe(200);
      expect(r.json.exact).toBe(false);
      const yp = await w.as('yp');
      expect((await yp.get('/api/insights')).status).toBe(403);
    }, 120_000);
  });
