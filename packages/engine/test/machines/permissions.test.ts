// Table-driven permission checks over every role. EXPECTED is written by hand from the issue and the domain facts,
// not read from the code: for each event, the roles that may send it. For every state the machine can reach, every
// other role is refused with a 403; each allowed role (as the rightful person) can send it in some reachable state;
// wrong people of an allowed role (another young person, a carer outside the arrangement, a PA who is not the named
// one, a manager who wrote the plan) are refused with a 403 too.
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  allowedEvents,
  can,
  eventLabel,
  LIFECYCLES,
  type LifecycleName,
  permissionTable,
  ROLES,
  type Role,
  rolesFor,
  stateTitle,
} from '../../src/index.js';
import { CAST, NOW, reachableSnapshots, rightful } from './fixtures.js';

const EXPECTED: Record<LifecycleName, Record<string, Role[]>> = {
  'pathway-plan': {
    'plan.checklist.update': ['young-person', 'pa', 'social-worker'],
    'plan.engagement.record': ['pa', 'social-worker'],
    'plan.completeWithoutYoungPerson': ['pa'],
    'plan.submit': ['pa'],
    'plan.authorise': ['team-manager'],
    'plan.return': ['team-manager'],
    'plan.change.record': ['pa', 'social-worker', 'team-manager'],
    // The IRO takes part in the reviews of a young person who is still looked after (eligible).
    'plan.review.request': ['young-person', 'pa', 'independent-reviewing-officer'],
    'plan.review.start': ['pa', 'social-worker', 'independent-reviewing-officer'],
    'plan.supersede': ['team-manager'],
    'plan.close': ['team-manager', 'admin'],
    'plan.rules.adopt': ['admin'],
  },
  'staying-put': {
    'stayingPut.discuss': ['pa', 'social-worker', 'supervising-social-worker'],
    'stayingPut.plans.include': ['pa', 'social-worker'],
    'stayingPut.progress.record': ['pa', 'social-worker', 'supervising-social-worker'],
    'stayingPut.meeting.record': ['pa', 'social-worker'],
    'stayingPut.agreement.draft': ['pa', 'social-worker', 'supervising-social-worker'],
    'stayingPut.agreement.sign': ['young-person', 'pa', 'social-worker', 'supervising-social-worker', 'carer'],
    'stayingPut.approve': ['team-manager'],
    'stayingPut.panel.approve': ['supervising-social-worker'],
    'stayingPut.checks.record': ['supervising-social-worker'],
    // The allocated PA; a social worker only for an arrangement recorded before council rules (its old rule).
    'stayingPut.start': ['pa', 'social-worker'],
    'stayingPut.review.record': ['pa', 'social-worker', 'supervising-social-worker'],
    'stayingPut.end': ['pa', 'social-worker', 'team-manager'],
    'stayingPut.withdraw': ['social-worker', 'team-manager'],
    'stayingPut.managers.tell': ['pa', 'social-worker', 'supervising-social-worker'],
    'stayingPut.conversionTasks.list': ['pa', 'social-worker', 'supervising-social-worker'],
    'stayingPut.education.record': ['pa', 'social-worker'],
    'stayingPut.workers.allocate': ['team-manager'],
    'stayingPut.rules.adopt': ['admin'],
  },
  'check-in': {
    'checkIn.submit': ['young-person'],
    'checkIn.acknowledge': ['pa', 'team-manager'],
  },
};

/** People of an allowed role who are still the wrong person, per lifecycle and event. */
const WRONG_PEOPLE: Record<LifecycleName, Record<string, Actor[]>> = {
  'pathway-plan': {
    'plan.checklist.update': [{ id: 'yp-2', role: 'young-person' }],
    'plan.review.request': [{ id: 'yp-2', role: 'young-person' }],
  },
  'staying-put': {
    'stayingPut.agreement.sign': [
      { id: 'yp-2', role: 'young-person' },
      { id: 'carer-9', role: 'carer' },
      { id: 'pa-2', role: 'pa' },
    ],
  },
  'check-in': {
    'checkIn.submit': [{ id: 'yp-2', role: 'young-person' }],
    'checkIn.acknowledge': [{ id: 'pa-2', role: 'pa' }],
  },
};

for (const name of Object.keys(EXPECTED) as LifecycleName[]) {
  describe(`${name}: who may do what`, () => {
    const snapshots = reachableSnapshots(name);

    it('lists exactly the events the machine has', () => {
      expect(Object.keys(EXPECTED[name]).sort()).toEqual(Object.keys(LIFECYCLES[name].events).sort());
    });

    const rows = Object.entries(EXPECTED[name]).flatMap(([event, allowed]) =>
      ROLES.map((role) => [event, role, allowed.includes(role)] as const),
    );
    it.each(rows)('%s by %s: allowed = %s', (event, role, allowed) => {
      expect(rolesFor(name, event).includes(role)).toBe(allowed);
      const people = CAST.filter((a) => a.role === role);
      if (!allowed) {
        for (const snap of snapshots) {
          for (const actor of people) {
            const d = can(name, actor, { type: event }, snap, NOW);
            expect(d).toMatchObject({ ok: false, status: 403 });
            if (!d.ok) expect(d.reason).toMatch(/^Only .+ can .+\.$/);
            expect(allowedEvents(name, actor, snap, NOW)).not.toContain(event);
          }
        }
        return;
      }
      const actor = rightful(role);
      const somewhere = snapshots.find((snap) => can(name, actor, { type: event }, snap, NOW).ok);
      expect(somewhere, `${role} can ${event} in some reachable state`).toBeDefined();
      if (somewhere) expect(allowedEvents(name, actor, somewhere, NOW)).toContain(event);
    });

    const wrong = Object.entries(WRONG_PEOPLE[name]).flatMap(([event, actors]) =>
      actors.map((a) => [event, a] as const),
    );
    it.each(wrong)('%s by the wrong %o is refused with 403 in every state', (event, actor) => {
      for (const snap of snapshots) {
        const d = can(name, actor, { type: event }, snap, NOW);
        expect(d).toMatchObject({ ok: false, status: 403 });
      }
    });

    it('the generated permissions table says the same', () => {
      for (const row of permissionTable(name)) {
        const roles = ROLES.filter((r) => row.roles[r].length > 0);
        expect(roles.sort()).toEqual([...EXPECTED[name][row.event]!].sort());
      }
    });
  });
}

describe('plain-English refusals', () => {
  const plan = reachableSnapshots('pathway-plan');
  const draft = plan.find((s) => s.state === 'draft')!;
  it('names who can, for a role that never can', () => {
    expect(can('pathway-plan', { id: 'yp-1', role: 'young-person' }, { type: 'plan.submit' }, draft, NOW)).toEqual({
      ok: false,
      status: 403,
      reason: 'Only a PA can submit the plan to a manager.',
    });
    expect(can('pathway-plan', { id: 'an-1', role: 'analyst' }, { type: 'plan.close' }, draft, NOW)).toEqual({
      ok: false,
      status: 403,
      reason: 'Only a team manager or an admin can close the plan.',
    });
  });
  it('says why not now, for a role that can later', () => {
    expect(can('pathway-plan', { id: 'tm-2', role: 'team-manager' }, { type: 'plan.authorise' }, draft, NOW)).toEqual({
      ok: false,
      status: 409,
      reason: 'You cannot authorise the plan while the plan is still being written.',
    });
  });
  it('refuses an event no process has', () => {
    expect(can('pathway-plan', { id: 'pa-1', role: 'pa' }, { type: 'plan.delete' }, draft, NOW)).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('odd event types', () => {
  it('are refused plainly, even ones that look like object properties', () => {
    const draft = reachableSnapshots('pathway-plan')[0]!;
    for (const type of ['constructor', '__proto__', 'toString', '']) {
      expect(can('pathway-plan', { id: 'pa-1', role: 'pa' }, { type }, draft, NOW)).toEqual({
        ok: false,
        status: 403,
        reason: `There is no step called "${type}" in a pathway plan.`,
      });
    }
  });
});

describe('labels for people', () => {
  it('names steps and states in plain words', () => {
    expect(eventLabel('pathway-plan', 'plan.submit')).toBe('Submit the plan to a manager');
    expect(eventLabel('check-in', 'checkIn.acknowledge')).toBe('Mark the check-in as seen');
    expect(stateTitle('staying-put', 'agreementDrafted')).toBe('Agreement drafted, being signed');
    expect(() => eventLabel('pathway-plan', 'plan.fly')).toThrow(/plan\.fly/);
    expect(() => stateTitle('check-in', 'constructor')).toThrow(/constructor/);
  });
});

describe('the allocated people, under council rules', () => {
  const ruled = (name: LifecycleName) =>
    reachableSnapshots(name).filter((s) => (s.context as { rules?: unknown }).rules !== undefined);

  it('only the allocated PA starts an arrangement; a social worker or another PA cannot', () => {
    for (const snap of ruled('staying-put')) {
      for (const actor of [
        { id: 'pa-2', role: 'pa' },
        { id: 'sw-1', role: 'social-worker' },
      ] as Actor[]) {
        expect(can('staying-put', actor, { type: 'stayingPut.start' }, snap, NOW)).toMatchObject({ status: 403 });
      }
    }
    expect(
      ruled('staying-put').some((s) => can('staying-put', rightful('pa'), { type: 'stayingPut.start' }, s, NOW).ok),
    ).toBe(true);
  });

  it("only the carer's allocated supervising social worker records the panel's approval", () => {
    for (const snap of ruled('staying-put')) {
      const d = can(
        'staying-put',
        { id: 'ssw-2', role: 'supervising-social-worker' },
        { type: 'stayingPut.panel.approve' },
        snap,
        NOW,
      );
      expect(d).toMatchObject({
        status: 403,
        reason: "Only the carer's allocated supervising social worker can do this.",
      });
    }
  });

  it('an IRO takes part only while the young person is looked after (eligible)', () => {
    const iro: Actor = { id: 'iro-1', role: 'independent-reviewing-officer' };
    const active = ruled('pathway-plan').find((s) => s.state === 'active')!;
    expect(can('pathway-plan', iro, { type: 'plan.review.request' }, active, NOW).ok).toBe(true);
    const leftCare = { ...active, context: { ...active.context, category: 'former-relevant' } } as typeof active;
    expect(can('pathway-plan', iro, { type: 'plan.review.request' }, leftCare, NOW)).toMatchObject({
      ok: false,
      status: 403,
      reason: expect.stringContaining('still looked after'),
    });
    expect(allowedEvents('pathway-plan', iro, leftCare, NOW)).toEqual([]);
  });
});
