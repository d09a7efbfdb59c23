// The demo seed: deterministic, valid by the engine's own validators, plausible proportions, and loadable into
// the server's store with every lifecycle step accepted.
import { type AnyChecklist, getAnswer, validateAgreement, validateCheckIn, validatePlan } from '@onward/engine';
import { openStore } from '@onward/server';
import { describe, expect, it } from 'vitest';
import { loadSeed } from '../src/load-seed.js';
import { buildSeed, demoSignIns, seedSummary } from '../src/seed.js';

const TODAY = '2026-11-25';
const data = buildSeed({ today: TODAY });
const northbridge = data.councils[0]!;
const afon = data.councils[1]!;
const all = data.councils.flatMap((c) => c.youngPeople);

describe('demo seed', () => {
  it('is the same for the same seed and day, and different for another seed', () => {
    expect(JSON.stringify(buildSeed({ today: TODAY, size: 40 }))).toBe(
      JSON.stringify(buildSeed({ today: TODAY, size: 40 })),
    );
    expect(JSON.stringify(buildSeed({ today: TODAY, size: 40, seed: 7 }))).not.toBe(
      JSON.stringify(buildSeed({ today: TODAY, size: 40 })),
    );
  });

  it('refuses bad options with a message naming the option', () => {
    expect(() => buildSeed({ today: '25/11/2026' })).toThrow(/today/);
    expect(() => buildSeed({ size: 0 })).toThrow(/size/);
  });

  it('builds two councils: about 400 care leavers aged 16 to 25 and a small Welsh council', () => {
    expect(northbridge.youngPeople).toHaveLength(400);
    expect(afon.nation).toBe('wales');
    for (const y of all) {
      const age = Number(TODAY.slice(0, 4)) - Number(y.dateOfBirth.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(16);
      expect(age).toBeLessThanOrEqual(26);
    }
    const s = seedSummary(data);
    expect(s.plans).toBeGreaterThan(1000);
    expect(s.checkIns).toBeGreaterThan(500);
    expect(s.stayingPut).toBeGreaterThan(30);
    expect(s.submitted).toBeGreaterThan(0);
  });

  it('has staff in every role and a demo sign-in for each role in each council', () => {
    const roles = new Set(demoSignIns(data).map((d) => `${d.council}|${d.role}`));
    for (const c of data.councils)
      for (const r of [
        'young person',
        'pa',
        'team manager',
        'social worker',
        'supervising social worker',
        'carer',
        'analyst',
        'admin',
      ])
        expect(roles.has(`${c.name}|${r}`), `${c.name} ${r}`).toBe(true);
    // Demo emails are unique across councils.
    const emails = data.councils.flatMap((c) => c.staff.map((s) => s.email));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('makes only documents the engine accepts', () => {
    for (const y of all) {
      for (const p of y.plans) expect(validatePlan(p.plan).ok, p.plan.id).toBe(true);
      for (const c of y.checkIns) expect(validateCheckIn(c).ok, c.id).toBe(true);
      if (y.stayingPut?.agreement) expect(validateAgreement(y.stayingPut.agreement).ok).toBe(true);
    }
  });

  it('has plausible answers: a quarter to a third without internet at home, notes in young people’s words', () => {
    const latest = northbridge.youngPeople
      .map((y) => y.plans.filter((p) => p.status === 'authorised').at(-1))
      .filter((p) => p !== undefined);
    const internet = latest
      .map((p) => getAnswer(p.plan.checklist as AnyChecklist, 'housing.internet')?.value)
      .filter(Boolean);
    const without = internet.filter((v) => v === 'no').length / internet.length;
    expect(without).toBeGreaterThan(0.2);
    expect(without).toBeLessThan(0.35);
    const json = JSON.stringify(data);
    expect(json.split('<script>').length - 1).toBeGreaterThanOrEqual(1);
    // Welsh notes from young people who chose Welsh.
    expect(JSON.stringify(afon)).toMatch(/dw i|mae'r|does dim/);
  });

  it('completes some plans without the young person, only after three unsuccessful attempts', () => {
    const without = all
      .flatMap((y) => y.plans)
      .filter((p) => p.plan.engagement.completedBy === 'worker-without-young-person');
    expect(without.length).toBeGreaterThan(20);
    for (const p of without) {
      const failed = p.plan.engagement.attempts.filter((a) => a.outcome !== 'engaged');
      expect(failed.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('codes SSDA903 consistently: all three or none; RHOM, NREQ and NO give 0; YES never 0', () => {
    for (const p of all.flatMap((y) => y.plans)) {
      const s = p.plan.ssda903;
      if (!s) continue;
      expect(s.inTouch && s.activity && s.accommodation).toBeTruthy();
      if (s.inTouch === 'YES') {
        expect(s.activity).not.toBe('0');
        expect(s.accommodation).not.toBe('0');
      } else {
        expect(s.activity).toBe('0');
        expect(s.accommodation).toBe('0');
      }
    }
  });

  it('loads into the server store with every lifecycle step accepted', async () => {
    const small = buildSeed({ today: new Date().toISOString().slice(0, 10), size: 30, secondSize: 6 });
    const store = await openStore({});
    try {
      const report = await loadSeed(store, small, { youngPersonAccounts: 2 });
      expect(report.refused).toBe(0);
      expect(report.events).toBeGreaterThan(300);
      const plans = await store.listPlans({ councilId: 'northbridge' });
      expect(plans.some((p) => p.state === 'active')).toBe(true);
      expect(plans.some((p) => p.state === 'superseded')).toBe(true);
      // Tenancy: the second council's records are its own.
      const afonPlans = await store.listPlans({ councilId: 'afon' });
      expect(afonPlans.every((p) => p.councilId === 'afon')).toBe(true);
      // The demo's past (help asked for, plans authorised) is history: no PA is emailed about it.
      expect(await store.outbox.summary()).toEqual({ queued: 0, sent: 0, undeliverable: 0 });
    } finally {
      await store.close();
    }
  }, 170_000);
});
