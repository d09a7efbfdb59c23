import { describe, expect, it } from 'vitest';
import {
  type Actor,
  allowedEvents,
  can,
  type LifecycleEvent,
  LifecycleInputError,
  type LifecycleSnapshot,
  nextPlanStart,
  overdueSteps,
  type PathwayPlanSnapshot,
  planReviewDue,
  startLifecycle,
  transition,
} from '../../src/index.js';

const YP: Actor = { id: 'yp-1', role: 'young-person' };
const PA: Actor = { id: 'pa-1', role: 'pa' };
const SW: Actor = { id: 'sw-1', role: 'social-worker' };
const TM: Actor = { id: 'tm-1', role: 'team-manager' };
const WORDING = { questionSetVersion: 2, locale: 'en-GB', variant: 'standard' };

function at(iso: string): Date {
  return new Date(iso);
}

/** Takes a step that must succeed. */
function step(
  s: LifecycleSnapshot,
  actor: Actor,
  event: LifecycleEvent,
  now = at('2026-03-02T10:00:00Z'),
): PathwayPlanSnapshot {
  const r = transition('pathway-plan', actor, event, s, now);
  if (!r.ok) throw new Error(`${event.type} by ${actor.role}: ${r.status} ${r.reason}`);
  return r.snapshot as PathwayPlanSnapshot;
}

function newPlan(now = at('2026-03-02T10:00:00Z')): PathwayPlanSnapshot {
  return startLifecycle(
    'pathway-plan',
    { planId: 'plan-1', youngPersonId: 'yp-1', dateOfBirth: '2008-06-15', paId: 'pa-1' },
    now,
  ) as PathwayPlanSnapshot;
}

describe('starting a plan', () => {
  it('starts in draft with the PA as author', () => {
    const s = newPlan();
    expect(s.state).toBe('draft');
    expect(s.context.authorIds).toEqual(['pa-1']);
    expect(s.updatedAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('refuses bad input, naming the field', () => {
    const now = at('2026-03-02T10:00:00Z');
    const base = { planId: 'p', youngPersonId: 'y', dateOfBirth: '2008-06-15', paId: 'pa' };
    expect(() => startLifecycle('pathway-plan', { ...base, planId: '' }, now)).toThrow(/^planId: /);
    expect(() => startLifecycle('pathway-plan', { ...base, dateOfBirth: '2008-02-30' }, now)).toThrow(
      LifecycleInputError,
    );
    expect(() => startLifecycle('pathway-plan', { ...base, dateOfBirth: '2012-01-01' }, now)).toThrow(
      /aged 16 to 24; this young person is 14/,
    );
    expect(() => startLifecycle('pathway-plan', { ...base, dateOfBirth: '2001-03-02' }, now)).toThrow(/is 25/);
    expect(() => startLifecycle('pathway-plan', null, now)).toThrow(/^input: /);
  });

  it('accepts a young person on their 16th birthday but not the day before', () => {
    const base = { planId: 'p', youngPersonId: 'y', dateOfBirth: '2010-03-02', paId: 'pa' };
    expect(startLifecycle('pathway-plan', base, at('2026-03-02T00:30:00Z')).state).toBe('draft');
    expect(() => startLifecycle('pathway-plan', base, at('2026-03-01T23:30:00Z'))).toThrow(/is 15/);
  });
});

describe('completing the checklist', () => {
  it('the young person and PA fill it in together, then the PA submits', () => {
    let s = newPlan();
    expect(can('pathway-plan', PA, { type: 'plan.submit' }, s)).toMatchObject({ ok: false, status: 409 });
    s = step(s, YP, { type: 'plan.checklist.update', how: 'together' });
    s = step(s, PA, { type: 'plan.checklist.update', how: 'together' });
    expect(s.context.youngPersonContributed).toBe(true);
    s = step(s, PA, { type: 'plan.submit' });
    expect(s.state).toBe('submitted');
    expect(s.context.completedBy).toBe('together');
    expect(s.context.submittedBy).toBe('pa-1');
  });

  it('by phone', () => {
    let s = newPlan();
    s = step(s, YP, { type: 'plan.checklist.update', how: 'together-by-phone' });
    s = step(s, PA, { type: 'plan.submit' });
    expect(s.context.completedBy).toBe('together-by-phone');
  });

  it("together on the PA's device or by phone: the answers are the young person's voice, so the PA can submit", () => {
    for (const how of ['together', 'together-by-phone'] as const) {
      let s = newPlan();
      s = step(s, PA, { type: 'plan.checklist.update', how });
      expect(s.context.youngPersonContributed).toBe(true);
      s = step(s, PA, { type: 'plan.submit' });
      expect(s.context.completedBy).toBe(how);
    }
  });

  it("the PA alone (apart) is not the young person's voice: submitting is refused", () => {
    const s = step(newPlan(), PA, { type: 'plan.checklist.update', how: 'apart' });
    expect(s.context.youngPersonContributed).toBe(false);
    expect(can('pathway-plan', PA, { type: 'plan.submit' }, s)).toMatchObject({ ok: false, status: 409 });
  });

  it('apart: the young person on their own', () => {
    let s = newPlan();
    s = step(s, YP, { type: 'plan.checklist.update' });
    s = step(s, PA, { type: 'plan.submit' });
    expect(s.context.completedBy).toBe('young-person');
  });

  it('a young person may contribute but never submit or authorise', () => {
    let s = newPlan();
    s = step(s, YP, { type: 'plan.checklist.update' });
    expect(allowedEvents('pathway-plan', YP, s)).toEqual(['plan.checklist.update']);
    expect(can('pathway-plan', YP, { type: 'plan.submit' }, s)).toMatchObject({ status: 403 });
    s = step(s, PA, { type: 'plan.submit' });
    expect(can('pathway-plan', YP, { type: 'plan.authorise' }, s)).toMatchObject({ status: 403 });
  });

  it('another young person cannot touch the plan', () => {
    const d = can('pathway-plan', { id: 'yp-2', role: 'young-person' }, { type: 'plan.checklist.update' }, newPlan());
    expect(d).toEqual({ ok: false, status: 403, reason: 'Only the young person this plan belongs to can do this.' });
  });
});

describe('three unsuccessful attempts', () => {
  // Changed on purpose (issue 12, rule 6): attempts count only on different days, so each attempt here is a day apart.
  it('lets the PA go ahead without the young person only after three in a row on different days, and the plan says so', () => {
    let s = newPlan();
    const attempt = (outcome: string) => ({ type: 'plan.engagement.record', method: 'phone', outcome });
    const day = (n: number) => at(`2026-03-${String(2 + n).padStart(2, '0')}T10:00:00Z`);
    s = step(s, PA, attempt('no-reply'), day(0));
    s = step(s, PA, attempt('missed'), day(1));
    expect(can('pathway-plan', PA, { type: 'plan.completeWithoutYoungPerson' }, s, day(1))).toEqual({
      ok: false,
      status: 409,
      reason:
        'The plan can go ahead without the young person only after 3 unsuccessful attempts in a row to reach them, each on a different day. So far: 2.',
    });
    s = step(s, PA, attempt('engaged'), day(2)); // a success resets the count
    s = step(s, PA, attempt('no-reply'), day(3));
    s = step(s, SW, attempt('declined'), day(4));
    expect(can('pathway-plan', PA, { type: 'plan.completeWithoutYoungPerson' }, s, day(4)).ok).toBe(false);
    s = step(s, PA, attempt('no-reply'), day(5));
    expect(s.context.engagementAttempts).toHaveLength(6);
    expect(s.context.engagementAttempts[4]).toMatchObject({ by: 'sw-1', method: 'phone', outcome: 'declined' });
    s = step(s, PA, { type: 'plan.completeWithoutYoungPerson' }, day(5));
    expect(s.context.withoutYoungPerson).toBe(true);
    // Once is enough: the page no longer offers it, and a second one is refused.
    expect(can('pathway-plan', PA, { type: 'plan.completeWithoutYoungPerson' }, s, day(5))).toEqual({
      ok: false,
      status: 409,
      reason: 'The plan is already going ahead without the young person. Submit it for authorisation.',
    });
    s = step(s, PA, { type: 'plan.submit' }, day(5));
    expect(s.context.completedBy).toBe('worker-without-young-person');
  });

  it('is not needed once the young person has added answers', () => {
    let s = newPlan();
    for (let i = 0; i < 3; i++)
      s = step(
        s,
        PA,
        { type: 'plan.engagement.record', method: 'letter', outcome: 'no-reply' },
        at(`2026-03-0${3 + i}T10:00:00Z`),
      );
    s = step(s, YP, { type: 'plan.checklist.update' });
    expect(can('pathway-plan', PA, { type: 'plan.completeWithoutYoungPerson' }, s)).toMatchObject({ status: 409 });
  });

  it('checks the attempt payload', () => {
    const r = transition(
      'pathway-plan',
      PA,
      { type: 'plan.engagement.record', method: 'pigeon', outcome: 'no-reply' },
      newPlan(),
      at('2026-03-02T10:00:00Z'),
    );
    expect(r).toMatchObject({ ok: false, status: 422, field: 'method' });
  });
});

function submitted(): PathwayPlanSnapshot {
  let s = newPlan();
  s = step(s, YP, { type: 'plan.checklist.update', how: 'together' });
  return step(s, PA, { type: 'plan.submit' });
}

describe('authorising', () => {
  it('a manager returns the plan with comments, then authorises it', () => {
    let s = submitted();
    const empty = transition('pathway-plan', TM, { type: 'plan.return', comment: '  ' }, s, at('2026-03-02T10:00:00Z'));
    expect(empty).toMatchObject({ ok: false, status: 422, field: 'comment' });
    s = step(s, TM, { type: 'plan.return', comment: 'Add the contingency plan.' });
    expect(s.state).toBe('returned');
    expect(s.context.returns).toEqual([
      { by: 'tm-1', at: '2026-03-02T10:00:00.000Z', comment: 'Add the contingency plan.' },
    ]);
    s = step(s, PA, { type: 'plan.checklist.update' });
    s = step(s, PA, { type: 'plan.submit' });
    s = step(
      s,
      TM,
      { type: 'plan.authorise', wording: WORDING, contentDigest: 'sha256:1' },
      at('2026-03-04T09:00:00Z'),
    );
    expect(s.state).toBe('active');
    expect(s.context.frozen).toEqual({ wording: WORDING, contentDigest: 'sha256:1' });
    expect(s.context.authorisedOn).toBe('2026-03-04');
    expect(s.context.sixMonthReviewOn).toBe('2026-09-04');
  });

  it('a manager cannot authorise a plan they wrote', () => {
    let s = newPlan();
    s = step(s, YP, { type: 'plan.checklist.update' });
    s = step(s, { id: 'tm-1', role: 'social-worker' }, { type: 'plan.checklist.update' }); // same person, earlier role
    s = step(s, PA, { type: 'plan.submit' });
    expect(can('pathway-plan', TM, { type: 'plan.authorise' }, s)).toEqual({
      ok: false,
      status: 403,
      reason: 'You wrote part of this plan, so a different manager must authorise it.',
    });
    expect(can('pathway-plan', { id: 'tm-2', role: 'team-manager' }, { type: 'plan.authorise' }, s).ok).toBe(true);
  });

  it('requires the wording it froze', () => {
    const s = submitted();
    const now = at('2026-03-02T10:00:00Z');
    expect(transition('pathway-plan', TM, { type: 'plan.authorise' }, s, now)).toMatchObject({
      status: 422,
      field: 'wording',
    });
    expect(
      transition('pathway-plan', TM, { type: 'plan.authorise', wording: { ...WORDING, variant: 'fancy' } }, s, now),
    ).toMatchObject({ status: 422, field: 'wording.variant' });
  });

  it('authorised on 31 August: review due on the last day of February', () => {
    const s = step(submitted(), TM, { type: 'plan.authorise', wording: WORDING }, at('2026-08-31T12:00:00Z'));
    expect(s.context.sixMonthReviewOn).toBe('2027-02-28');
    expect(planReviewDue(s.context)).toEqual({ dueOn: '2027-02-28', because: 'six-months' });
  });

  it('an authorised plan is frozen: no more edits or submissions', () => {
    const s = step(submitted(), TM, { type: 'plan.authorise', wording: WORDING });
    expect(can('pathway-plan', PA, { type: 'plan.checklist.update' }, s)).toEqual({
      ok: false,
      status: 409,
      reason: 'You cannot add or change checklist answers while the plan is authorised and in use.',
    });
    expect(can('pathway-plan', YP, { type: 'plan.checklist.update' }, s)).toMatchObject({ status: 409 });
  });

  it('the caller cannot pass a different actor or time in the payload', () => {
    const s = submitted();
    const r = transition(
      'pathway-plan',
      { id: 'tm-2', role: 'team-manager' },
      { type: 'plan.authorise', wording: WORDING, actor: { id: 'x', role: 'admin' }, today: '2020-01-01' },
      s,
      at('2026-03-02T10:00:00Z'),
    );
    expect(r.ok && r.snapshot.context).toMatchObject({ authorisedBy: 'tm-2', authorisedOn: '2026-03-02' });
  });
});

describe('reviews', () => {
  function active(on = '2025-10-31T12:00:00Z'): PathwayPlanSnapshot {
    let s = startLifecycle(
      'pathway-plan',
      { planId: 'plan-1', youngPersonId: 'yp-1', dateOfBirth: '2008-06-15', paId: 'pa-1' },
      at('2025-10-01T10:00:00Z'),
    );
    s = step(s, YP, { type: 'plan.checklist.update' }, at('2025-10-01T10:00:00Z'));
    s = step(s, PA, { type: 'plan.submit' }, at('2025-10-01T10:00:00Z'));
    return step(s, TM, { type: 'plan.authorise', wording: WORDING }, at(on));
  }

  it('is due six months after authorisation, across the year end', () => {
    const s = active();
    expect(s.context.sixMonthReviewOn).toBe('2026-04-30');
    expect(overdueSteps(s, at('2026-04-30T12:00:00Z'))).toEqual([]);
    expect(overdueSteps(s, at('2026-05-02T12:00:00Z'))).toEqual([
      {
        step: 'review',
        dueBy: '2026-04-30',
        label: 'Review the plan, six months after it was authorised',
        daysOverdue: 2,
      },
    ]);
  });

  it('comes sooner after a significant change: 28 working days', () => {
    let s = active();
    s = step(
      s,
      SW,
      { type: 'plan.change.record', on: '2025-12-22', bankHolidays: ['2025-12-25', '2025-12-26', '2026-01-01'] },
      at('2025-12-23T09:00:00Z'),
    );
    expect(s.state).toBe('reviewDue');
    expect(s.context.significantChanges).toEqual([
      { on: '2025-12-22', recordedBy: 'sw-1', recordedAt: '2025-12-23T09:00:00.000Z', reviewBy: '2026-02-03' },
    ]);
    expect(planReviewDue(s.context)).toEqual({ dueOn: '2026-02-03', because: 'significant-change' });
    expect(overdueSteps(s, at('2026-02-04T09:00:00Z'))).toMatchObject([
      { step: 'review', dueBy: '2026-02-03', daysOverdue: 1 },
    ]);
  });

  it('refuses a change dated in the future', () => {
    const r = transition(
      'pathway-plan',
      PA,
      { type: 'plan.change.record', on: '2027-01-01' },
      active(),
      at('2026-01-05T09:00:00Z'),
    );
    expect(r).toMatchObject({ ok: false, status: 422, field: 'on' });
  });

  it('the young person can ask for a review; starting it begins the next plan; the new one replaces it', () => {
    let s = active();
    s = step(s, YP, { type: 'plan.review.request' }, at('2026-01-05T09:00:00Z'));
    expect(s.state).toBe('reviewDue');
    expect(s.context.reviewRequestedBy).toBe('yp-1');
    expect(can('pathway-plan', YP, { type: 'plan.review.start', nextPlanId: 'plan-2' }, s)).toMatchObject({
      status: 403,
    });
    s = step(s, PA, { type: 'plan.review.start', nextPlanId: 'plan-2' }, at('2026-01-06T09:00:00Z'));
    expect(s.state).toBe('underReview');
    expect(s.context).toMatchObject({ nextPlanId: 'plan-2', reviewStartedOn: '2026-01-06' });
    expect(() => nextPlanStart(active())).toThrow(/^state: /);
    const next = startLifecycle('pathway-plan', nextPlanStart(s), at('2026-01-06T09:00:00Z'));
    expect(next.state).toBe('draft');
    expect(next.context).toMatchObject({
      planId: 'plan-2',
      previousPlanId: 'plan-1',
      youngPersonId: 'yp-1',
      paId: 'pa-1',
    });
    s = step(s, TM, { type: 'plan.supersede' }, at('2026-02-01T09:00:00Z'));
    expect(s.state).toBe('superseded');
    expect(allowedEvents('pathway-plan', TM, s)).toEqual([]);
  });

  it('plans run to 25: no review after the 25th birthday, and closing becomes overdue', () => {
    let s = startLifecycle(
      'pathway-plan',
      { planId: 'p', youngPersonId: 'yp-1', dateOfBirth: '2001-06-15', paId: 'pa-1' },
      at('2026-01-05T09:00:00Z'),
    );
    s = step(s, YP, { type: 'plan.checklist.update' }, at('2026-01-05T09:00:00Z'));
    s = step(s, PA, { type: 'plan.submit' }, at('2026-01-05T09:00:00Z'));
    s = step(s, TM, { type: 'plan.authorise', wording: WORDING }, at('2026-01-06T09:00:00Z'));
    const after = at('2026-06-16T09:00:00Z');
    expect(can('pathway-plan', PA, { type: 'plan.review.start' }, s, after)).toMatchObject({
      status: 409,
      reason: expect.stringMatching(/25/),
    });
    expect(can('pathway-plan', PA, { type: 'plan.review.start' }, s, at('2026-06-14T09:00:00Z')).ok).toBe(true);
    expect(overdueSteps(s, after).map((o) => o.step)).toEqual(['close']); // the review is not due until 6 July
    s = step(s, TM, { type: 'plan.close', reason: 'turned-25' }, after);
    expect(s.context).toMatchObject({ closedOn: '2026-06-16', closedReason: 'turned-25' });
    expect(overdueSteps(s, after)).toEqual([]);
  });

  it('the first plan is overdue three months after the 16th birthday', () => {
    const s = startLifecycle(
      'pathway-plan',
      { planId: 'p', youngPersonId: 'y', dateOfBirth: '2009-11-30', paId: 'pa' },
      at('2025-12-01T09:00:00Z'),
    );
    expect(overdueSteps(s, at('2026-02-28T09:00:00Z'))).toEqual([]);
    expect(overdueSteps(s, at('2026-03-02T09:00:00Z'))).toEqual([
      {
        step: 'first-plan',
        dueBy: '2026-02-28',
        label: 'Authorise the first pathway plan, within 3 months of the 16th birthday',
        daysOverdue: 2,
      },
    ]);
  });
});
