// Council settings on the server (issue 12): stored per council, GET/PUT /api/council/settings for admins only,
// checked against the JSON Schema and the rules between fields (each problem naming its field), audited; the
// deadlines shown change at once and new plans and arrangements keep the rules in force when they start. On
// PGlite and, when ONWARD_TEST_DATABASE_URL is set, PostgreSQL.
import { type CouncilSettings, defaultCouncilSettings } from '@onward/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/storage/store.js';
import { makeWorld, type World } from './helpers.js';

const postgresUrl = process.env.ONWARD_TEST_DATABASE_URL;
const DATABASES: { name: string; open: () => Promise<Store> }[] = [
  { name: 'PGlite', open: () => openStore({}) },
  ...(postgresUrl
    ? [
        {
          name: 'PostgreSQL',
          open: () =>
            openStore({ databaseUrl: postgresUrl, schema: `t_council_settings_${process.pid}_${Date.now()}` }),
        },
      ]
    : []),
];

type Deadline = { step: string; due: string; label: string };

describe.each(DATABASES)('council settings ($name)', ({ open }) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.close();
    w = undefined;
  });

  it('starts on the defaults, is for admins only, and another council keeps its own', async () => {
    w = await makeWorld({ store: await open() });
    const admin = await w.as('admin');
    const r = await admin.get('/api/council/settings');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ defaults: true, settings: defaultCouncilSettings('england') });
    for (const who of ['pa', 'tm', 'analyst', 'yp']) {
      const c = await w.as(who);
      expect((await c.get('/api/council/settings')).status, who).toBe(403);
      expect((await c.put('/api/council/settings', defaultCouncilSettings())).status, who).toBe(403);
    }
    const wales: CouncilSettings = { ...defaultCouncilSettings('wales') };
    const saved = await admin.put('/api/council/settings', wales);
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ defaults: false, updatedBy: 'u-admin', settings: { nation: 'wales' } });
    expect((await admin.get('/api/council/settings')).json.settings.nation).toBe('wales');
    const other = await w.as('otherAdmin');
    expect((await other.get('/api/council/settings')).json).toMatchObject({
      defaults: true,
      settings: { nation: 'england' },
    });
    const audit = await w.store.queryAudit({ councilId: 'c1', limit: 100 });
    const mine = audit.filter((a) => a.recordType === 'council-settings').map((a) => `${a.actorId} ${a.action}`);
    expect(mine.sort()).toEqual(['u-admin read', 'u-admin read', 'u-admin update']);
  });

  it('refuses a bad document naming each field, and keeps what was there', async () => {
    w = await makeWorld({ store: await open() });
    const admin = await w.as('admin');
    const bad = defaultCouncilSettings() as unknown as Record<string, Record<string, unknown>>;
    (bad.pathwayPlan as Record<string, unknown>).reviewMonths = 'six';
    (bad.stayingPut as Record<string, unknown>).meetingAttendees = ['carer'];
    const r = await admin.put('/api/council/settings', bad);
    expect(r.status).toBe(400);
    const errors = (r.json.errors ?? []) as { path: string; message: string }[];
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('stayingPut.meetingAttendees');
    expect(paths.some((p) => p.includes('reviewMonths'))).toBe(true);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(5);
    expect((await admin.get('/api/council/settings')).json.defaults).toBe(true);
  });

  it('changes the deadlines shown at once, and new plans keep the attempt rules in force when they start', async () => {
    w = await makeWorld({ store: await open() });
    const admin = await w.as('admin');
    const pa = await w.as('pa');
    const before = (await pa.get(`/api/staying-put/${w.ids.arrangementId}`)).json.deadlines as Deadline[];
    expect(before.length).toBeGreaterThan(0);
    const first = before[0] as Deadline;
    const s = defaultCouncilSettings();
    const step = first.step as keyof CouncilSettings['stayingPut']['timeline'];
    const rule = s.stayingPut.timeline[step];
    s.stayingPut.timeline[step] = { age: rule.age - 1, months: rule.months, before: rule.before };
    s.pathwayPlan.attemptsBeforeProceeding = 2;
    expect((await admin.put('/api/council/settings', s)).status).toBe(200);
    const after = (await pa.get(`/api/staying-put/${w.ids.arrangementId}`)).json.deadlines as Deadline[];
    const moved = after.find((d) => d.step === first.step) as Deadline;
    expect(Number(moved.due.slice(0, 4))).toBe(Number(first.due.slice(0, 4)) - 1);
    const tracker = await pa.get('/api/staying-put-tracker');
    const row = tracker.json.items.find((x: { youngPersonId: string }) => x.youngPersonId === 'yp1');
    expect(row.deadlines.find((d: Deadline) => d.step === first.step).due).toBe(moved.due);

    const pa2 = await w.as('pa2');
    const plan = await pa2.post('/api/young-people/yp2/plans', {});
    expect(plan.status).toBe(201);
    const planId = String(plan.json.plan.id);
    const stored = await w.store.getPlan(planId);
    const rules = {
      nation: 'england',
      attemptsBeforeProceeding: 2,
      attemptSpacingDays: s.pathwayPlan.attemptSpacingDays,
    };
    expect((stored?.lifecycle.context as { rules?: unknown } | undefined)?.rules).toEqual(rules);
    // The event keeps them too, so a replay starts the plan under the same rules whatever the council changes later.
    const created = (await w.store.listEvents('yp2')).find(
      (e) => e.type === 'plan.created' && (e.payload as { plan: { id: string } }).plan.id === planId,
    );
    expect((created?.payload as { start?: { rules?: unknown } } | undefined)?.start?.rules).toEqual(rules);
  });
});
