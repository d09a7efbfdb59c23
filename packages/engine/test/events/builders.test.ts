// The event builders record what a replay needs: a plan's lifecycle starts with the young person's category, so
// the review rules that depend on it (an Independent Reviewing Officer while the young person is eligible) hold
// for plans made by the server and the demo seed alike.
import { describe, expect, it } from 'vitest';
import { applyRecordEvent, checkRecordEvent, emptyProjection, recordEvents } from '../../src/index.js';
import { validPlan } from '../validation.fixtures.js';

const moment = {
  councilId: 'bridgeford',
  youngPersonId: 'yp-1',
  actor: { id: 'pa-1', role: 'pa' as const },
  at: '2026-03-01T10:00:00.000Z',
};

describe('recordEvents.planCreated', () => {
  it.each(['eligible', 'relevant'] as const)('starts the lifecycle with the category of the plan (%s)', (category) => {
    const base = validPlan();
    const plan = { ...base, youngPerson: { ...base.youngPerson, category } };
    const e = recordEvents.planCreated(moment, plan);
    expect(e.payload.start).toMatchObject({ planId: plan.id, category, startedBy: 'pa-1' });
    expect(() =>
      checkRecordEvent(
        { ...e, id: 'e1', sequence: 1, schemaVersion: 2, facts: { teamId: 't1', category, paId: 'pa-1' } } as never,
        'e1',
      ),
    ).not.toThrow();
    const state = emptyProjection();
    applyRecordEvent(state, e);
    expect(state.plans.get(plan.id)?.lifecycle.context).toMatchObject({ category });
  });
});
