// The demo seed's plan PDFs, on PGlite and on a real PostgreSQL: the seed freezes every plan it authorises and
// queues its PDF (it renders none itself, so seeding is quick); the server's freeze queue makes them in the
// background, or one on the spot when it is asked for first. Each PDF has exactly the bytes the app's renderer
// gives when called directly, as the seed and the server called it before the queue, for the same plan and date.
import type { PathwayPlan } from '@onward/engine';
import { createOnwardServer, openStore, type Store } from '@onward/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { planPdfRenderer } from '../src/app.js';
import { loadSeed } from '../src/load-seed.js';
import { buildSeed } from '../src/seed.js';

const backends: { name: string; skip: boolean; open: () => Promise<Store> }[] = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () =>
      openStore({ databaseUrl: postgresUrl as string, schema: `t_seedpdf_${process.pid}_${Date.now()}`, poolSize: 4 }),
  },
];

for (const b of backends) {
  describe.skipIf(b.skip)(`the demo seed's plan PDFs on ${b.name}`, () => {
    const seed = buildSeed({ size: 12, secondSize: 3 });
    const render = planPdfRenderer();
    let store: Store;
    let frozen = 0;
    let planIds: string[] = [];

    beforeAll(async () => {
      store = await b.open();
      frozen = (await loadSeed(store, seed, { youngPersonAccounts: 0, queuePlanPdfs: true })).frozen;
      planIds = (
        await store.db.query<{ plan_id: string }>('SELECT plan_id FROM frozen_plans ORDER BY authorised_at, plan_id')
      ).map((r) => r.plan_id);
    }, 170_000);
    afterAll(() => store?.close());

    /** The app's renderer called directly for the frozen plan, dated its authorisation, as before the queue. */
    async function direct(planId: string): Promise<Uint8Array> {
      const f = await store.getFrozenPlan(planId);
      const doc = f?.doc as PathwayPlan;
      const council = seed.councils.find((c) => c.id === f?.councilId)!;
      return render(doc, {
        council: { id: council.id, name: council.name },
        locale: doc.wording?.locale ?? 'en-GB',
        createdAt: new Date(f?.authorisedAt as string),
      });
    }

    it('freezes every authorised plan with its PDF queued, and renders none itself', async () => {
      expect(frozen).toBeGreaterThan(3);
      expect(planIds).toHaveLength(frozen);
      expect(await store.pendingPdfCount()).toBe(frozen);
      for (const id of planIds) expect((await store.getFrozenPlan(id))?.pdf).toBeUndefined();
    });

    it('one asked for first is made on the spot; the server makes the rest, each with the same bytes as directly', async () => {
      const server = createOnwardServer({ store, secureCookies: false, logger: () => {}, renderPlanPdf: render });
      const first = planIds.at(-1) as string;
      const pending = (await store.getFrozenPlan(first))?.pending;
      expect(pending).toBeDefined();
      const onTheSpot = await server.pdfFreezes!.pdfFor(pending!);
      await server.pdfFreezes!.drain();
      server.webhooks.stop();
      expect(await store.pendingPdfCount()).toBe(0);
      expect(Buffer.from(onTheSpot).equals(Buffer.from(await direct(first)))).toBe(true);
      for (const id of planIds) {
        const pdf = (await store.getFrozenPlan(id))?.pdf as Uint8Array;
        expect(new TextDecoder().decode(pdf.slice(0, 5)), id).toBe('%PDF-');
        expect(Buffer.from(pdf).equals(Buffer.from(await direct(id))), id).toBe(true);
      }
    }, 170_000);
  });
}
