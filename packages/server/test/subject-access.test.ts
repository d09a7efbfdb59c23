// A subject access request through the API, on PGlite and PostgreSQL: the zip is unpacked (with the system's
// unzip when there is one, so a zip our own library reads but others cannot would fail) and checked: its index
// lists exactly the files in it, each document, PDF, event and audit entry about the young person is there, the
// carer's allowance hidden from them is not, and nothing of another young person is, in any file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, postgresUrl } from '#test-support/postgres.js';
import { openStore } from '../src/storage/store.js';
import { checklistWithAnswers, makeWorld, type World } from './helpers.js';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function unpack(zip: Uint8Array): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!hasUnzip) {
    for (const [k, v] of Object.entries(unzipSync(zip))) out.set(k, Buffer.from(v));
    return out;
  }
  const dir = mkdtempSync(join(tmpdir(), 'onward-sar-'));
  try {
    const file = join(dir, 'sar.zip');
    writeFileSync(file, zip);
    execFileSync('unzip', ['-q', file, '-d', join(dir, 'out')]);
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else out.set(relative(join(dir, 'out'), p), readFileSync(p));
      }
    };
    walk(join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const AGREEMENT = {
  schemaVersion: 1,
  id: 'lta-sar',
  council: 'c1',
  youngPerson: { id: 'yp1', name: 'Alex Rivers', dateOfBirth: '2007-05-01' },
  carers: [{ id: 'u-carer', name: 'carer name' }],
  address: '1 Example Road, Northtown',
  dates: { agreed: '2026-03-01', starts: '2026-05-01' },
  houseRules: { visitors: 'Friends welcome until 10pm' },
  money: {
    contribution: { amountPence: 2500, period: 'week' },
    carerAllowance: { amountPence: 31337, period: 'week' },
  },
  support: [{ from: 'carer', what: 'Cooking together on Sundays' }],
  responsibilities: {},
  ending: {},
  signOffs: [],
};

const backends = [
  { name: 'PGlite', skip: false, open: () => openStore({}) },
  {
    name: 'PostgreSQL',
    skip: !hasPostgres,
    open: () => openStore({ databaseUrl: postgresUrl as string, schema: `t_sar_${process.pid}_${Date.now()}` }),
  },
];

for (const b of backends) {
  describe.skipIf(b.skip)(`subject access on ${b.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await makeWorld({ store: await b.open() });
      const pa = await w.as('pa');
      const tm = await w.as('tm');
      // Alex (yp1): an authorised plan (its PDF frozen), a check-in (the world's), Staying Put with an agreement
      // whose carer's allowance is hidden from them, and their record read by their PA.
      const planId = w.ids.planId;
      const yp = await w.as('yp');
      expect((await yp.put(`/api/plans/${planId}/views`, { youngPerson: 'Near my sister' })).status).toBe(200);
      expect((await yp.put(`/api/plans/${planId}/checklist`, checklistWithAnswers())).status).toBe(200);
      const submitted = await pa.post(`/api/plans/${planId}/events`, { type: 'plan.submit' });
      expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
      const ok = await tm.post(`/api/plans/${planId}/events`, { type: 'plan.authorise' });
      expect(ok.status, JSON.stringify(ok.json)).toBe(200);
      const sp = `/api/staying-put/${w.ids.arrangementId}`;
      for (const step of [
        { type: 'stayingPut.discuss', youngPersonWants: 'yes', carerWilling: 'yes' },
        { type: 'stayingPut.plans.include' },
        {
          type: 'stayingPut.meeting.record',
          attendees: ['young-person', 'carer', 'pa', 'social-worker', 'supervising-social-worker', 'benefits-adviser'],
        },
      ])
        expect((await pa.post(`${sp}/events`, step)).status).toBe(200);
      const saved = await pa.put(`${sp}/agreement`, AGREEMENT);
      expect(saved.status, JSON.stringify(saved.json)).toBe(200);
      expect((await pa.get('/api/young-people/yp1')).status).toBe(200);
      // Bo (yp2), in another team of the same council: a plan and a check-in of their own.
      const pa2 = await w.as('pa2');
      expect((await pa2.post('/api/young-people/yp2/plans', {})).status).toBe(201);
      const yp2 = await w.as('yp2');
      const ci = await yp2.post('/api/young-people/yp2/check-ins', {
        id: 'ci-bo',
        youngPersonId: 'yp2',
        author: 'young-person',
        at: w.clock.now.toISOString(),
        locale: 'en-GB',
        moods: { money: { mood: 'bad', help: true, note: 'Bo needs a food bank voucher' } },
      });
      expect(ci.status).toBe(201);
      expect((await pa2.get('/api/young-people/yp2')).status).toBe(200);
    }, 120_000);
    afterAll(() => w.close());

    it('gives an admin a zip whose index lists every file, with all of their record and nobody else’s', async () => {
      const admin = await w.as('admin');
      const r = await admin.get('/api/young-people/yp1/subject-access');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/zip');
      expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="subject-access-yp1-2026-03-02\.zip"/);
      const files = unpack(r.bytes ?? new Uint8Array());
      const index = JSON.parse(files.get('index.json')!.toString('utf8'));
      const listed = index.files.map((f: { path: string }) => f.path).sort();
      expect([...files.keys()].filter((p) => !p.startsWith('index.')).sort()).toEqual(listed);
      const readable = files.get('index.txt')!.toString('utf8');
      for (const p of listed) expect(readable).toContain(p);
      expect(readable).toContain('Everything Northshire holds in Onward about Alex Rivers');

      // Every document of theirs, as JSON and the PDFs.
      const plans = await w.store.listPlans({ youngPersonIds: ['yp1'] });
      const checkIns = await w.store.listCheckIns({ youngPersonIds: ['yp1'] });
      const arrangements = await w.store.listArrangements({ youngPersonIds: ['yp1'] });
      expect(plans.length).toBe(1);
      for (const p of plans) expect(JSON.parse(files.get(`plans/${p.id}.json`)!.toString()).id).toBe(p.id);
      for (const ci of checkIns) expect(JSON.parse(files.get(`check-ins/${ci.id}.json`)!.toString()).id).toBe(ci.id);
      for (const a of arrangements) {
        const doc = JSON.parse(files.get(`staying-put/${a.id}.json`)!.toString());
        expect(doc.agreement.houseRules.visitors).toBe('Friends welcome until 10pm');
        expect(doc.agreement.money.contribution.amountPence).toBe(2500);
        expect(doc.agreement.money.carerAllowance).toBeUndefined();
        expect(files.get(`staying-put/${a.id}-agreement.pdf`)!.toString()).toContain('%PDF');
      }
      const pdf = [...files.keys()].find((p) => /^plans\/.*-authorised-2026-03-02\.pdf$/.test(p));
      expect(pdf).toBeDefined();
      expect(files.get(pdf!)!.toString()).toContain('Near my sister');
      expect(index.counts).toMatchObject({ plans: 1, checkIns: 1, arrangements: 1, pdfs: 2 });
      expect(index.withheld).toEqual(['carerAllowance']);
      expect(readable).toContain('Left out: the allowance the council pays the carer');

      // Their event history, every event, and the audit trail: who saw their record.
      const events = JSON.parse(files.get('event-history.json')!.toString());
      expect(events.length).toBe((await w.store.listEvents('yp1')).length);
      expect(events.map((e: { type: string }) => e.type)).toContain('staying-put.agreement-saved');
      const seen = JSON.parse(files.get('who-saw-their-record.json')!.toString());
      expect(seen).toContainEqual(
        expect.objectContaining({ who: 'pa name', action: 'read', record: 'young-person', recordId: 'yp1' }),
      );
      // The messages about them: authorising the plan told their PA (by name; the message itself is only a link).
      const messages = JSON.parse(files.get('messages-about-them.json')!.toString());
      expect(messages).toContainEqual(
        expect.objectContaining({ about: 'Their personal adviser was told their plan was authorised', to: 'pa name' }),
      );
      expect(messages.length).toBe((await w.store.outbox.listForYoungPerson('yp1')).length);
      expect(index.counts.messages).toBe(messages.length);
      expect(readable).toContain(`Messages to people about them: ${messages.length}.`);
      const record = JSON.parse(files.get('young-person.json')!.toString());
      expect(record).toMatchObject({ id: 'yp1', name: 'Alex Rivers', personalAdviser: 'pa name' });
      expect(record.signIn.email).toBe('yp@example.org');

      // Nothing of anyone else: not Bo's id, name or check-in, nor the hidden allowance, in any file.
      for (const [path, bytes] of files) {
        const text = bytes.toString('latin1');
        for (const other of ['yp2', 'Bo Lane', 'food bank', 'ypx', 'Cal Other', '31337'])
          expect(text.includes(other), `${other} in ${path}`).toBe(false);
      }
    });

    it('is audited as an export, which the next zip shows', async () => {
      const tm = await w.as('tm');
      const r = await tm.get('/api/young-people/yp1/subject-access');
      expect(r.status).toBe(200);
      const seen = JSON.parse(
        unpack(r.bytes ?? new Uint8Array())
          .get('who-saw-their-record.json')!
          .toString(),
      );
      expect(seen).toContainEqual(
        expect.objectContaining({ who: 'admin name', role: 'admin', action: 'export', record: 'subject-access' }),
      );
      const audit = await w.store.queryAudit({ councilId: 'c1', youngPersonIds: ['yp1'], limit: 100 });
      expect(audit.filter((a) => a.action === 'export' && a.recordType === 'subject-access').length).toBe(2);
    });

    it('is refused to staff who are not an admin or their team manager, and hidden from other councils', async () => {
      for (const [who, status] of [
        ['pa', 403],
        ['sw', 403],
        ['yp', 403],
        ['tm2', 404],
        // The permission table refuses an analyst's role before any record is looked up: 403 for every id.
        ['analyst', 403],
        ['otherAdmin', 404],
      ] as const) {
        const c = await w.as(who);
        expect((await c.get('/api/young-people/yp1/subject-access')).status, who).toBe(status);
      }
    });
  });
}
