// The one rule of due, overdue and "due soon", for the caseload, the record page, the tracker and the API.
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  DUE_SOON_DAYS,
  dueDates,
  dueStatus,
  type LifecycleSnapshot,
  overdueSteps,
  planReview,
  startLifecycle,
  transition,
} from '../../src/index.js';

const YP: Actor = { id: 'yp-1', role: 'young-person' };
const PA: Actor = { id: 'pa-1', role: 'pa' };
const SW: Actor = { id: 'sw-1', role: 'social-worker' };
const TM: Actor = { id: 'tm-1', role: 'team-manager' };
const at = (iso: string) => new Date(iso);

function step(s: LifecycleSnapshot, who: Actor, event: { type: string; [k: string]: unknown }, when: Date) {
  const r = transition(s.lifecycle, who, event, s, when);
  if (!r.ok) throw new Error(`${event.type}: ${r.reason}`);
  return r.snapshot;
}

/** A plan authorised on 31 October 2025: its six-month review is due on 30 April 2026. */
function authorised(): LifecycleSnapshot {
  let s = startLifecycle(
    'pathway-plan',
    { planId: 'plan-1', youngPersonId: 'yp-1', dateOfBirth: '2008-06-15', paId: 'pa-1' },
    at('2025-10-01T10:00:00Z'),
  );
  s = step(s, YP, { type: 'plan.checklist.update' }, at('2025-10-01T10:00:00Z'));
  s = step(s, PA, { type: 'plan.submit' }, at('2025-10-01T10:00:00Z'));
  return step(
    s,
    TM,
    { type: 'plan.authorise', wording: { questionSetVersion: 2, locale: 'en-GB', variant: 'standard' } },
    at('2025-10-31T12:00:00Z'),
  );
}

describe('dueStatus', () => {
  it('is due on the day, overdue from the next, and due soon within four weeks', () => {
    expect(DUE_SOON_DAYS).toBe(28);
    expect(dueStatus('2026-04-30', '2026-05-01')).toBe('overdue');
    expect(dueStatus('2026-04-30', '2026-04-30')).toBe('due-soon');
    expect(dueStatus('2026-04-30', '2026-04-02')).toBe('due-soon');
    expect(dueStatus('2026-04-30', '2026-04-01')).toBe('not-due-yet');
    expect(dueStatus('2026-04-30', '2026-04-20', 7)).toBe('not-due-yet');
  });

  it('counts calendar days across a leap day and the clocks going forward', () => {
    expect(dueStatus('2028-03-28', '2028-02-29')).toBe('due-soon'); // 28 days, 29 February counted
    expect(dueStatus('2028-03-29', '2028-02-29')).toBe('not-due-yet');
    expect(dueStatus('2026-04-25', '2026-03-28')).toBe('due-soon'); // across 29 March (BST)
  });

  it('refuses a date that is not real, naming it', () => {
    expect(() => dueStatus('2026-02-29', '2026-01-01')).toThrow(/2026-02-29/);
  });
});

describe('planReview', () => {
  it('gives the six-month review and where it stands, in UK time', () => {
    const s = authorised();
    expect(planReview(s, at('2026-03-01T12:00:00Z'))).toEqual({
      dueOn: '2026-04-30',
      because: 'six-months',
      status: 'not-due-yet',
      daysLeft: 60,
    });
    expect(planReview(s, at('2026-04-10T12:00:00Z'))?.status).toBe('due-soon');
    expect(planReview(s, at('2026-04-30T22:30:00Z'))?.status).toBe('due-soon'); // 23:30 in London, still the 30th
    expect(planReview(s, at('2026-04-30T23:30:00Z'))?.status).toBe('overdue'); // 00:30 on 1 May in London
    expect(planReview(s, at('2026-05-02T12:00:00Z'))).toMatchObject({ status: 'overdue', daysLeft: -2 });
  });

  it('agrees with the lifecycle’s overdue steps on every day around the due date', () => {
    const s = authorised();
    for (let d = 0; d < 70; d++) {
      const now = new Date(Date.parse('2026-03-20T12:00:00Z') + d * 86_400_000);
      const overdue = overdueSteps(s, now).some((o) => o.step === 'review');
      expect(planReview(s, now)?.status === 'overdue', now.toISOString()).toBe(overdue);
    }
  });

  it('comes sooner after a significant change', () => {
    const s = step(authorised(), SW, { type: 'plan.change.record', on: '2026-01-05' }, at('2026-01-05T09:00:00Z'));
    expect(planReview(s, at('2026-01-06T09:00:00Z'))).toMatchObject({
      because: 'significant-change',
      dueOn: '2026-02-12',
    });
  });

  it('is undefined for a plan not yet authorised, and for a closed one', () => {
    const draft = startLifecycle(
      'pathway-plan',
      { planId: 'plan-2', youngPersonId: 'yp-1', dateOfBirth: '2008-06-15', paId: 'pa-1' },
      at('2025-10-01T10:00:00Z'),
    );
    expect(planReview(draft, at('2026-06-01T10:00:00Z'))).toBeUndefined();
    const closed = step(authorised(), TM, { type: 'plan.close', reason: 'moved-away' }, at('2026-06-01T10:00:00Z'));
    expect(planReview(closed, at('2026-06-02T10:00:00Z'))).toBeUndefined();
  });
});

describe('dueDates', () => {
  it('classifies every deadline of the process, as the lifecycle lists them', () => {
    const sp = startLifecycle(
      'staying-put',
      {
        arrangementId: 'sp-1',
        youngPersonId: 'yp-1',
        dateOfBirth: '2008-09-01',
        carerIds: ['carer-1'],
        paId: 'pa-1',
      },
      at('2025-09-01T10:00:00Z'),
    );
    const now = at('2026-03-02T10:00:00Z');
    const list = dueDates(sp, now);
    expect(list.length).toBeGreaterThan(3);
    const overdue = new Set(overdueSteps(sp, now).map((o) => o.step));
    for (const d of list) {
      expect(d.status === 'overdue').toBe(overdue.has(d.step));
      expect(d.label).toMatch(/\S/);
    }
    expect(list.find((d) => d.step === 'hold-meeting')).toMatchObject({ dueBy: '2026-08-31', status: 'not-due-yet' });
  });
});
