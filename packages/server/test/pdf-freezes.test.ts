// The freeze queue, on PGlite and on a real PostgreSQL: authorising freezes the plan and queues its PDF in one
// transaction; the server's worker makes it in the background; a PDF asked for first is made on the spot and
// stored; a queue left by a stopped server is worked through by the next one; two workers store one PDF; a failed
// render is kept and tried again. Every PDF is made from the frozen document, dated the authorisation, with the
// council's name and locale, so its bytes are the same however and whenever it is made.
import { defaultCouncilSettings, type PathwayPlan } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { createOnwardServer, type RenderContext } from '../src/app.js';
import { PdfFreezes } from '../src/pdf-freezes.js';
import { openStore, type Store } from '../src/storage/store.js';
import { Client, checklistWithAnswers, makeWorld, PASSWORD, type World } from './helpers.js';

/** A stand-in for @onward/pdf that depends on exactly what the real one is given, and counts its calls. */
function renderer() {
  const calls: string[] = [];
  const nations: (string | undefined)[] = [];
  let failNext = 0;
  const render = async (plan: PathwayPlan, ctx: RenderContext) => {
    calls.push(plan.id);
    nations.push(ctx.council.nation);
    if (failNext > 0) {
      failNext--;
      throw new Error('the font would not load');
    }
    return new TextEncoder().encode(
      `%PDF-1.7 ${plan.id} ${plan.authorised} ${ctx.council.name} ${ctx.locale} ${ctx.createdAt?.toISOString()} ${plan.views.youngPerson ?? ''}`,
    );
  };
  return {
    render,
    calls,
    nations,
    failOnce: () => {
      failNext = 1;
    },
  };
}

const backends: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () =>
      openStore({ databaseUrl: postgresUrl as string, schema: `t_pdfq_${process.pid}_${Date.now()}`, poolSize: 8 }),
  },
];

for (const b of backends) {
  describe.skipIf(b.skip)(`the freeze queue on ${b.name}`, () => {
    let w: World;
    const r = renderer();
    let n = 0;
    const queued = async () =>
      Number((await w.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_pdf_queue'))[0]?.n);

    /** A new young person whose plan the PA submits with their answers and the manager authorises. */
    async function authorise(server: { app: ConstructorParameters<typeof Client>[0] } = w.server) {
      n++;
      const id = `ypq${n}`;
      await w.store.createYoungPeople([
        {
          id,
          councilId: 'c1',
          name: `Queue Person ${n}`,
          dateOfBirth: '2007-05-01',
          category: 'former-relevant',
          teamId: 't1',
          paId: 'u-pa',
          at: '2026-01-05T09:00:00.000Z',
        },
      ]);
      await w.store.createYoungPersonUser({
        councilId: 'c1',
        youngPersonId: id,
        email: `${id}@example.org`,
        password: PASSWORD,
      });
      const as = async (who: string) => {
        const c = new Client(server.app);
        expect((await c.signIn(`${who}@example.org`)).status).toBe(200);
        return c;
      };
      const pa = await as('pa');
      const created = await pa.post(`/api/young-people/${id}/plans`, {});
      expect(created.status).toBe(201);
      const planId = String(created.json.plan.id);
      const yp = await as(id);
      expect((await yp.put(`/api/plans/${planId}/checklist`, checklistWithAnswers())).status).toBe(200);
      expect((await yp.put(`/api/plans/${planId}/views`, { youngPerson: `My plan ${n}` })).status).toBe(200);
      expect((await pa.post(`/api/plans/${planId}/events`, { type: 'plan.submit' })).status).toBe(200);
      const tm = await as('tm');
      const ok = await tm.post(`/api/plans/${planId}/events`, { type: 'plan.authorise' });
      expect(ok.status, JSON.stringify(ok.json)).toBe(200);
      return { planId, yp };
    }

    /** What the renderer gives for the frozen plan when called directly, as it was called before the queue. */
    async function direct(planId: string) {
      const f = await w.store.getFrozenPlan(planId);
      return r.render(f?.doc as PathwayPlan, {
        council: { id: 'c1', name: 'Northshire' },
        locale: 'en-GB',
        createdAt: new Date(f?.authorisedAt as string),
      });
    }

    beforeAll(async () => {
      w = await makeWorld({ store: await b.open(), renderPlanPdf: r.render });
    }, 120_000);
    afterAll(async () => {
      w?.server.pdfFreezes?.stop();
      await w?.server.pdfFreezes?.drain();
      await w?.close();
    });

    it('authorising freezes the plan and queues its PDF; the worker makes it in the background', async () => {
      const { planId, yp } = await authorise();
      const frozen = await w.store.getFrozenPlan(planId);
      expect(frozen?.authorisedAt).toBe('2026-03-02T10:00:00.000Z');
      await w.server.pdfFreezes?.drain();
      expect(await queued()).toBe(0);
      const [row] = await w.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM frozen_plan_pdfs WHERE plan_id = $1',
        [planId],
      );
      expect(row?.n).toBe(1);
      const pdf = await yp.get(`/api/plans/${planId}/pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(pdf.bytes as Uint8Array).equals(Buffer.from(await direct(planId)))).toBe(true);
      expect(new TextDecoder().decode(pdf.bytes)).toContain('Northshire en-GB 2026-03-02T10:00:00.000Z My plan');
    });

    it('the renderer is told the council’s nation, so a Welsh council’s plan says When I am Ready', async () => {
      await authorise();
      await w.server.pdfFreezes?.drain();
      expect(r.nations.at(-1)).toBe('england');
      const at = '2026-03-01T09:00:00.000Z';
      await w.store.councilSettings.put({ councilId: 'c1', settings: defaultCouncilSettings('wales'), by: 'u-pa', at });
      try {
        await authorise();
        await w.server.pdfFreezes?.drain();
        expect(r.nations.at(-1)).toBe('wales');
      } finally {
        await w.store.councilSettings.put({
          councilId: 'c1',
          settings: defaultCouncilSettings('england'),
          by: 'u-pa',
          at,
        });
      }
    });

    it('a PDF asked for before the worker gets to it is made then and there, stored, and not made again', async () => {
      w.server.pdfFreezes?.stop();
      const { planId, yp } = await authorise();
      expect(await queued()).toBe(1);
      const before = r.calls.length;
      const first = await yp.get(`/api/plans/${planId}/pdf`);
      expect(first.status).toBe(200);
      expect(await queued()).toBe(0);
      const again = await yp.get(`/api/plans/${planId}/pdf`);
      expect(again.status).toBe(200);
      expect(r.calls.length - before).toBe(1);
      expect(Buffer.from(again.bytes as Uint8Array).equals(Buffer.from(first.bytes as Uint8Array))).toBe(true);
      expect(Buffer.from(first.bytes as Uint8Array).equals(Buffer.from(await direct(planId)))).toBe(true);
    });

    it('a queue left by a stopped server is worked through by the next server started on the database', async () => {
      w.server.pdfFreezes?.stop(); // only the workers made here work the queue
      const { planId } = await authorise();
      expect(await queued()).toBe(1);
      const next = createOnwardServer({
        store: w.store,
        clock: () => w.clock.now,
        secureCookies: false,
        logger: () => {},
        renderPlanPdf: r.render,
      });
      await next.pdfFreezes?.drain();
      next.webhooks.stop();
      expect(await queued()).toBe(0);
      const f = await w.store.getFrozenPlan(planId);
      expect(Buffer.from(f?.pdf as Uint8Array).equals(Buffer.from(await direct(planId)))).toBe(true);
    });

    it('two workers at once store one PDF per plan, each plan rendered once', async () => {
      w.server.pdfFreezes?.stop(); // only the workers made here work the queue
      const ids = [(await authorise()).planId, (await authorise()).planId, (await authorise()).planId];
      expect(await queued()).toBe(3);
      const before = r.calls.length;
      const log: string[] = [];
      const a = new PdfFreezes(w.store, r.render, (l) => log.push(l), { batch: 1 });
      const c = new PdfFreezes(w.store, r.render, (l) => log.push(l), { batch: 1 });
      a.kick();
      c.kick();
      await Promise.all([a.drain(), c.drain()]);
      expect(log).toEqual([]);
      expect(await queued()).toBe(0);
      expect(r.calls.length - before).toBe(3);
      const rows = await w.store.db.query<{ plan_id: string }>(
        'SELECT plan_id FROM frozen_plan_pdfs WHERE plan_id = ANY($1::text[])',
        [ids],
      );
      expect(rows.map((x) => x.plan_id).sort()).toEqual([...ids].sort());
      // Storing again (a worker that lost its claim and rendered anyway) keeps the first PDF.
      const kept = await w.store.storePlanPdf(ids[0] as string, new TextEncoder().encode('%PDF-1.7 other'));
      expect(Buffer.from(kept).equals(Buffer.from(await direct(ids[0] as string)))).toBe(true);
    });

    it('a render that fails stays queued with its reason and is tried again', async () => {
      w.server.pdfFreezes?.stop(); // only the workers made here work the queue
      const { planId } = await authorise();
      r.failOnce();
      const log: string[] = [];
      const worker = new PdfFreezes(w.store, r.render, (l) => log.push(l), { retryDelaysMs: [60_000] });
      worker.kick();
      await worker.drain();
      expect(log.join('\n')).toContain('render-failed');
      const [row] = await w.store.db.query<{ attempts: number; last_error: string }>(
        'SELECT attempts, last_error FROM plan_pdf_queue WHERE plan_id = $1',
        [planId],
      );
      expect(row).toEqual({ attempts: 1, last_error: 'Error: the font would not load' });
      // Not claimable until its retry is due; made when it is.
      expect(await w.store.claimPendingPdfs(10, 1000)).toEqual([]);
      await w.store.db.query("UPDATE plan_pdf_queue SET claimed_until = now() - interval '1 second'");
      worker.kick();
      await worker.drain();
      expect(await queued()).toBe(0);
      expect((await w.store.getFrozenPlan(planId))?.pdf?.length).toBeGreaterThan(10);
    });

    it('a server with no PDF renderer freezes with nothing queued; made PDFs cannot be changed', async () => {
      const bare = createOnwardServer({
        store: w.store,
        clock: () => w.clock.now,
        secureCookies: false,
        logger: () => {},
      });
      expect(bare.pdfFreezes).toBeUndefined();
      const { planId, yp } = await authorise(bare);
      expect(await queued()).toBe(0);
      expect(await w.store.getFrozenPlan(planId)).toMatchObject({ planId, authorisedAt: '2026-03-02T10:00:00.000Z' });
      expect((await w.store.getFrozenPlan(planId))?.pdf).toBeUndefined();
      expect((await yp.get(`/api/plans/${planId}/pdf`)).status).toBe(404);
      await expect(w.store.db.query("UPDATE frozen_plan_pdfs SET pdf = '\\x00'")).rejects.toThrow(/append-only/);
      await expect(w.store.db.query('DELETE FROM frozen_plan_pdfs')).rejects.toThrow(/append-only/);
      bare.webhooks.stop();
    });
  });
}
