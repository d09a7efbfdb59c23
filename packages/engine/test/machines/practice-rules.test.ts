// Issue 12: each rule the lifecycles got wrong against practice, as a property test over many inputs (fast-check).
// Each of these failed before the fix: the numbers are the issue's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  addDays,
  addMonths,
  addWorkingDays,
  birthday,
  type CouncilSettings,
  can,
  careLeaverCategoryName,
  deadlines,
  defaultCouncilSettings,
  eventLabel,
  type LifecycleEvent,
  type LifecycleSnapshot,
  overdueSteps,
  type PathwayPlan,
  type PathwayPlanSnapshot,
  planVoice,
  type StayingPutSnapshot,
  startLifecycle,
  stayingPutRules,
  transition,
  validateCouncilSettings,
  voiceStatement,
} from '../../src/index.js';

const YP: Actor = { id: 'yp-1', role: 'young-person' };
const PA: Actor = { id: 'pa-1', role: 'pa' };
const PA2: Actor = { id: 'pa-2', role: 'pa' };
const SW: Actor = { id: 'sw-1', role: 'social-worker' };
const SSW: Actor = { id: 'ssw-1', role: 'supervising-social-worker' };
const SSW2: Actor = { id: 'ssw-2', role: 'supervising-social-worker' };
const TM: Actor = { id: 'tm-1', role: 'team-manager' };
const IRO: Actor = { id: 'iro-1', role: 'independent-reviewing-officer' };
const CARERS: Actor[] = [
  { id: 'carer-1', role: 'carer' },
  { id: 'carer-2', role: 'carer' },
];
const WORDING = { questionSetVersion: 2, locale: 'en-GB', variant: 'standard' };
const RUNS = { numRuns: 40, ...(process.env.CI ? { seed: 20261212 } : {}) };

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

function go<S extends LifecycleSnapshot>(s: LifecycleSnapshot, actor: Actor, event: LifecycleEvent, day: string): S {
  const r = transition(s.lifecycle, actor, event, s, noon(day));
  if (!r.ok) throw new Error(`${event.type} by ${actor.id} on ${day}: ${r.status} ${r.reason}`);
  return r.snapshot as S;
}

/** A date of birth that makes the young person `age` on `on` (some day of that year of life). */
const dobAged = (age: number, on: string) =>
  fc.integer({ min: 1, max: 360 }).map((back) => addDays(addMonths(on, -12 * age), -back));

function plan(dob: string, on: string, extra: Record<string, unknown> = {}): PathwayPlanSnapshot {
  return startLifecycle(
    'pathway-plan',
    { planId: 'p-1', youngPersonId: 'yp-1', dateOfBirth: dob, paId: 'pa-1', ...extra },
    noon(on),
  ) as PathwayPlanSnapshot;
}

function authorised(dob: string, on: string, extra: Record<string, unknown> = {}): PathwayPlanSnapshot {
  let s: PathwayPlanSnapshot = plan(dob, on, extra);
  s = go(s, YP, { type: 'plan.checklist.update' }, on);
  s = go(s, PA, { type: 'plan.submit' }, on);
  return go(s, TM, { type: 'plan.authorise', wording: WORDING }, on);
}

describe('1. the voice comes from who actually answered', () => {
  it('a young person who answers after the PA went ahead without them is in the plan in their own voice', () => {
    fc.assert(
      fc.property(fc.constantFrom('apart', 'together', 'together-by-phone'), fc.boolean(), (how, byYoungPerson) => {
        let s = plan('2008-06-15', '2026-03-02');
        for (const day of ['2026-03-02', '2026-03-04', '2026-03-06'])
          s = go(s, PA, { type: 'plan.engagement.record', method: 'phone', outcome: 'no-reply' }, day);
        s = go(s, PA, { type: 'plan.completeWithoutYoungPerson' }, '2026-03-06');
        s = go(s, byYoungPerson ? YP : PA, { type: 'plan.checklist.update', how }, '2026-03-07');
        s = go(s, PA, { type: 'plan.submit' }, '2026-03-08');
        const youngPersonInIt = byYoungPerson || how !== 'apart';
        expect(s.context.completedBy === 'worker-without-young-person').toBe(!youngPersonInIt);
      }),
      RUNS,
    );
  });

  const by = fc.constantFrom('young-person', 'together', 'worker');
  const answers = fc.array(fc.tuple(fc.constantFrom('gp', 'appointments', 'emotions', 'heating', 'own-space'), by), {
    maxLength: 5,
  });
  it('planVoice counts each answer by who gave it, whatever the plan was marked as', () => {
    fc.assert(
      fc.property(
        answers,
        fc.constantFrom('young-person', 'together', 'together-by-phone', 'worker-without-young-person'),
        (given, completedBy) => {
          const checklist = { questionSet: 'onward.outcomes', version: 2, answers: {} as Record<string, unknown> };
          const health: Record<string, unknown> = {};
          for (const [q, who] of given)
            health[q] = { value: 'yes', by: who, locale: 'en-GB', variant: 'standard', at: '2026-03-02T10:00:00Z' };
          checklist.answers.health = health;
          const doc = {
            checklist,
            engagement: { attempts: [], completedBy },
            views: {},
          } as unknown as Pick<PathwayPlan, 'checklist' | 'engagement' | 'views'>;
          const v = planVoice(doc);
          const gave = Object.values(health) as { by: string }[];
          const fromYoungPerson = gave.filter((a) => a.by !== 'worker').length;
          expect(v.answers.total).toBe(gave.length);
          if (fromYoungPerson > 0) {
            expect(['young-person', 'together', 'mixed']).toContain(v.mode);
            expect(voiceStatement(v)).not.toMatch(/did not take part/);
            expect(voiceStatement(v, 'cy')).not.toMatch(/Ni chymerodd/);
          } else if (gave.length > 0) {
            expect(v.mode).toBe(
              completedBy === 'worker-without-young-person' ? 'worker-without-young-person' : 'worker',
            );
          } else expect(v.mode).toBe('no-answers');
          if (v.mode === 'mixed') expect(voiceStatement(v)).toContain(`${fromYoungPerson} of the ${gave.length}`);
        },
      ),
      RUNS,
    );
  });
});

describe('2. a review the young person or PA asks for is due, and becomes overdue', () => {
  it('due within the working days the council sets, never later than the six-monthly review', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 170 }),
        fc.constantFrom(YP, PA),
        fc.integer({ min: 5, max: 40 }),
        (after, who, days) => {
          const settings = defaultCouncilSettings();
          settings.pathwayPlan.requestedReviewWorkingDays = days;
          let s = authorised('2007-06-15', '2026-01-05');
          const asked = addDays('2026-01-05', after);
          s = go(s, who, { type: 'plan.review.request' }, asked);
          const due = addWorkingDays(asked, days, settings.bankHolidays);
          const review = deadlines(s, settings).find((d) => d.step === 'review')!;
          const six = s.context.sixMonthReviewOn!;
          const expected = [due, six].sort()[0]!;
          expect(review.dueBy).toBe(expected);
          expect(overdueSteps(s, noon(addDays(expected, 1)), settings).map((o) => o.step)).toContain('review');
          expect(overdueSteps(s, noon(expected), settings).map((o) => o.step)).not.toContain('review');
        },
      ),
      RUNS,
    );
  });

  it('a request on 1 April is overdue long before 4 September', () => {
    let s = authorised('2007-06-15', '2026-03-04'); // six-monthly review due 4 September
    s = go(s, YP, { type: 'plan.review.request' }, '2026-04-01');
    expect(overdueSteps(s, noon('2026-06-01')).map((o) => o.step)).toEqual(['review']);
    expect(overdueSteps(s, noon('2026-06-01'))[0]!.label).toMatch(/being asked for a review/);
  });
});

describe('3. the first plan is due from becoming eligible or relevant, and moved records are not years overdue', () => {
  it('from the later of the 16th birthday and becoming eligible or relevant', () => {
    fc.assert(
      fc.property(dobAged(17, '2026-03-02'), fc.integer({ min: 0, max: 300 }), (dob, daysAfter16) => {
        const eligibleOn = addDays(birthday(dob, 16), daysAfter16);
        fc.pre(eligibleOn <= '2026-03-02');
        const s = plan(dob, '2026-03-02', { eligibleOn, category: 'eligible' });
        const first = deadlines(s).find((d) => d.step === 'first-plan')!;
        expect(first.dueBy).toBe(addMonths(eligibleOn, 3));
      }),
      RUNS,
    );
  });

  it('a record moved from an older system is due from the move', () => {
    fc.assert(
      fc.property(dobAged(20, '2026-03-02'), fc.integer({ min: 0, max: 60 }), (dob, daysAgo) => {
        const migratedOn = addDays('2026-03-02', -daysAgo);
        const s = plan(dob, '2026-03-02', { migratedOn });
        expect(overdueSteps(s, noon('2026-03-02'))).toEqual([]);
        expect(deadlines(s).find((d) => d.step === 'first-plan')!.dueBy).toBe(addMonths(migratedOn, 3));
      }),
      RUNS,
    );
  });
});

/** A Staying Put arrangement up to approval, for a young person born on `dob`. */
function approved(dob: string, extra: Record<string, unknown> = {}): StayingPutSnapshot {
  const b16 = birthday(dob, 16);
  const day = (months: number) => addMonths(b16, months);
  let s = startLifecycle(
    'staying-put',
    {
      arrangementId: 'sp-1',
      youngPersonId: 'yp-1',
      dateOfBirth: dob,
      carerIds: ['carer-1', 'carer-2'],
      paId: 'pa-1',
      socialWorkerId: 'sw-1',
      supervisingSocialWorkerId: 'ssw-1',
      carerFostersOthers: true,
      ...extra,
    },
    noon(day(-3)),
  ) as StayingPutSnapshot;
  s = go(s, SW, { type: 'stayingPut.discuss', youngPersonWants: 'yes', carerWilling: 'yes' }, day(-2));
  s = go(s, SW, { type: 'stayingPut.plans.include' }, day(-1));
  s = go(s, SW, { type: 'stayingPut.meeting.record', attendees: ALL_ATTENDEES }, day(20));
  s = go(s, PA, { type: 'stayingPut.agreement.draft', agreementId: 'lta-1', parties: ALL_PARTIES }, day(20));
  for (const who of [YP, ...CARERS, SW, SSW, PA]) s = go(s, who, { type: 'stayingPut.agreement.sign' }, day(21));
  s = go(s, TM, { type: 'stayingPut.approve' }, day(22));
  s = go(s, SSW, { type: 'stayingPut.panel.approve' }, day(22));
  return go(s, SSW, { type: 'stayingPut.checks.record', carerApproved: true }, day(23));
}
const ALL_ATTENDEES = ['young-person', 'carer', 'social-worker', 'supervising-social-worker', 'pa', 'benefits-adviser'];
const ALL_PARTIES = [
  { party: 'young-person', id: 'yp-1' },
  { party: 'carer', id: 'carer-1' },
  { party: 'carer', id: 'carer-2' },
  { party: 'social-worker', id: 'sw-1' },
  { party: 'supervising-social-worker', id: 'ssw-1' },
  { party: 'pa', id: 'pa-1' },
];
const dob = fc
  .date({ min: new Date('2007-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('4. Staying Put starts on the day it happened, from the 18th birthday, with the DBS check its own task', () => {
  it('starts on the 18th birthday with the DBS check outstanding; the check is then overdue', () => {
    fc.assert(
      fc.property(dob, fc.integer({ min: 0, max: 20 }), (birth, lateBy) => {
        const b18 = birthday(birth, 18);
        let s = approved(birth);
        expect(s.context.dbsDoneOn).toBeUndefined();
        // Recorded `lateBy` days afterwards, on the date it happened.
        s = go(s, PA, { type: 'stayingPut.start', on: b18 }, addDays(b18, lateBy));
        expect(s.state).toBe('active');
        expect(s.context.startedOn).toBe(b18);
        expect(overdueSteps(s, noon(addDays(b18, 1))).map((o) => o.step)).toContain('complete-dbs');
        s = go(s, SSW, { type: 'stayingPut.checks.record', dbsDone: true }, addDays(b18, lateBy + 1));
        expect(overdueSteps(s, noon(addDays(b18, 2))).map((o) => o.step)).not.toContain('complete-dbs');
        // The first review counts from the start.
        expect(deadlines(s).find((d) => d.step === 'first-review')!.dueBy).toBe(addDays(b18, 28));
      }),
      RUNS,
    );
  });

  it('never before the 18th birthday, and never in the future', () => {
    fc.assert(
      fc.property(dob, fc.integer({ min: 1, max: 60 }), (birth, early) => {
        const b18 = birthday(birth, 18);
        const s = approved(birth);
        expect(
          transition('staying-put', PA, { type: 'stayingPut.start', on: addDays(b18, -early) }, s, noon(b18)),
        ).toMatchObject({ ok: false, status: 409 });
        expect(
          transition('staying-put', PA, { type: 'stayingPut.start', on: addDays(b18, early) }, s, noon(b18)),
        ).toMatchObject({ ok: false, status: 422, field: 'on' });
      }),
      RUNS,
    );
  });
});

describe('5. the agreement names its parties, every named party signs, and the meeting has everyone required', () => {
  const subsetMissing = fc.subarray(ALL_ATTENDEES, { minLength: 1 });
  it('a meeting without someone the council requires is not recorded', () => {
    fc.assert(
      fc.property(subsetMissing, (missing) => {
        const s = meetingDue();
        const attendees = ALL_ATTENDEES.filter((a) => !missing.includes(a));
        const r = transition(
          'staying-put',
          SW,
          { type: 'stayingPut.meeting.record', attendees },
          s,
          noon('2025-01-02'),
        );
        expect(r.ok).toBe(false);
        if (!r.ok) expect([409, 422]).toContain(r.status);
      }),
      RUNS,
    );
  });

  it('under a council rule that needs fewer people, fewer is enough', () => {
    const settings = defaultCouncilSettings();
    settings.stayingPut.meetingAttendees = ['young-person', 'carer'];
    const s = meetingDue(settings);
    const r = transition(
      'staying-put',
      SW,
      { type: 'stayingPut.meeting.record', attendees: ['young-person', 'carer'] },
      s,
      noon('2025-01-02'),
    );
    expect(r.ok).toBe(true);
  });

  it('an agreement that leaves out a required party cannot be drafted; every named party must sign', () => {
    fc.assert(
      fc.property(
        fc.subarray(ALL_PARTIES, { minLength: 1, maxLength: 5 }),
        fc.subarray([YP, ...CARERS, SW, SSW, PA]),
        (left, signing) => {
          let s = meetingHeld();
          const parties = ALL_PARTIES.filter((p) => !left.includes(p));
          const r = transition(
            'staying-put',
            PA,
            { type: 'stayingPut.agreement.draft', agreementId: 'lta-1', parties },
            s,
            noon('2025-01-03'),
          );
          expect(r.ok).toBe(false);
          s = go(
            s,
            PA,
            { type: 'stayingPut.agreement.draft', agreementId: 'lta-1', parties: ALL_PARTIES },
            '2025-01-03',
          );
          for (const who of signing) s = go(s, who, { type: 'stayingPut.agreement.sign' }, '2025-01-04');
          expect(s.state).toBe(signing.length === 6 ? 'signed' : 'agreementDrafted');
        },
      ),
      RUNS,
    );
  });

  function meetingDue(settings?: CouncilSettings): StayingPutSnapshot {
    let s = startLifecycle(
      'staying-put',
      {
        arrangementId: 'sp-1',
        youngPersonId: 'yp-1',
        dateOfBirth: '2007-06-15',
        carerIds: ['carer-1', 'carer-2'],
        paId: 'pa-1',
        socialWorkerId: 'sw-1',
        supervisingSocialWorkerId: 'ssw-1',
        ...(settings ? { rules: stayingPutRules(settings) } : {}),
      },
      noon('2024-12-01'),
    ) as StayingPutSnapshot;
    s = go(s, SW, { type: 'stayingPut.discuss', youngPersonWants: 'yes', carerWilling: 'yes' }, '2024-12-02');
    return go(s, SW, { type: 'stayingPut.plans.include' }, '2024-12-03');
  }
  function meetingHeld(): StayingPutSnapshot {
    return go(meetingDue(), SW, { type: 'stayingPut.meeting.record', attendees: ALL_ATTENDEES }, '2025-01-02');
  }
});

describe('6. contact attempts count only on different days (a council setting), each with its method', () => {
  it('any number of attempts in one day is one attempt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 600 }), (n, minutes) => {
        let s = plan('2008-06-15', '2026-03-02');
        for (let i = 0; i < n; i++) {
          const at = new Date(noon('2026-03-02').getTime() - minutes * 60_000 + i * 1000);
          const r = transition(
            'pathway-plan',
            PA,
            { type: 'plan.engagement.record', method: 'phone', outcome: 'no-reply' },
            s,
            at,
          );
          if (!r.ok) throw new Error(r.reason);
          s = r.snapshot as PathwayPlanSnapshot;
        }
        expect(
          can('pathway-plan', PA, { type: 'plan.completeWithoutYoungPerson' }, s, noon('2026-03-02')),
        ).toMatchObject({
          ok: false,
          status: 409,
        });
      }),
      RUNS,
    );
  });

  it('the council sets how far apart: attempts closer than that count once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 8 }),
        (spacing, gaps) => {
          const settings = defaultCouncilSettings();
          settings.pathwayPlan.attemptSpacingDays = spacing;
          let s = plan('2008-06-15', '2026-01-01', {
            rules: { nation: 'england', attemptsBeforeProceeding: 3, attemptSpacingDays: spacing },
          });
          let day = '2026-01-01';
          const days: string[] = [];
          for (const g of gaps) {
            day = addDays(day, g);
            days.push(day);
            s = go(s, PA, { type: 'plan.engagement.record', method: 'letter', outcome: 'missed' }, day);
          }
          let counted = 0;
          let last: string | undefined;
          for (const d of days) {
            if (last === undefined || (Date.parse(d) - Date.parse(last)) / 86_400_000 >= spacing) {
              counted++;
              last = d;
            }
          }
          expect(can('pathway-plan', PA, { type: 'plan.completeWithoutYoungPerson' }, s, noon(day)).ok).toBe(
            counted >= 3,
          );
        },
      ),
      RUNS,
    );
  });

  it('an attempt without its method is refused', () => {
    const r = transition(
      'pathway-plan',
      PA,
      { type: 'plan.engagement.record', outcome: 'missed' },
      plan('2008-06-15', '2026-03-02'),
      noon('2026-03-02'),
    );
    expect(r).toMatchObject({ ok: false, status: 422, field: 'method' });
  });
});

describe('7. the Staying Put timeline is the practice, and the council sets it', () => {
  const fresh = (birth: string) =>
    startLifecycle(
      'staying-put',
      {
        arrangementId: 'sp-1',
        youngPersonId: 'yp-1',
        dateOfBirth: birth,
        carerIds: ['carer-1'],
        identifiedOn: '2020-01-01',
      },
      noon('2020-01-01'),
    );
  it('by default: discussion and the plans by 16, managers told, conversion tasks before 17', () => {
    fc.assert(
      fc.property(dob, (birth) => {
        const d = Object.fromEntries(deadlines(fresh(birth)).map((x) => [x.step, x.dueBy]));
        const before16 = addDays(birthday(birth, 16), -1);
        expect(d.discuss).toBe(before16);
        expect(d['include-in-plans']).toBe(before16);
        expect(d['tell-managers']).toBe(addMonths(birthday(birth, 16), 3));
        expect(d['list-conversion-tasks']).toBe(addDays(birthday(birth, 17), -1));
      }),
      RUNS,
    );
  });

  it('changing a deadline in the settings changes the deadline shown', () => {
    fc.assert(
      fc.property(
        dob,
        fc.constantFrom('discuss', 'include-in-plans', 'tell-managers', 'list-conversion-tasks', 'hold-meeting'),
        fc.record({
          age: fc.integer({ min: 15, max: 17 }),
          months: fc.integer({ min: 0, max: 11 }),
          before: fc.boolean(),
        }),
        (birth, step, rule) => {
          const settings = defaultCouncilSettings();
          (settings.stayingPut.timeline as Record<string, unknown>)[step] = rule;
          expect(validateCouncilSettings(settings).ok).toBe(true);
          const shown = deadlines(fresh(birth), settings).find((x) => x.step === step)!;
          const on = addMonths(birthday(birth, rule.age), rule.months);
          expect(shown.dueBy).toBe(rule.before ? addDays(on, -1) : on);
        },
      ),
      RUNS,
    );
  });

  it('the tasks are recordable, and stop being due', () => {
    let s = approved('2008-06-15');
    s = go(s, SW, { type: 'stayingPut.managers.tell', on: '2024-08-01' }, '2026-05-01');
    s = go(s, PA, { type: 'stayingPut.conversionTasks.list' }, '2026-05-01');
    const steps = overdueSteps(s, noon('2026-05-02')).map((o) => o.step);
    expect(steps).not.toContain('tell-managers');
    expect(steps).not.toContain('list-conversion-tasks');
  });
});

describe('8. Wales: When I am Ready, the Welsh categories, and 25 only with the education condition', () => {
  const wales = stayingPutRules(defaultCouncilSettings('wales'));
  it('past 21 only once the education or training condition is recorded, and only in Wales', () => {
    fc.assert(
      fc.property(dob, fc.integer({ min: 0, max: 400 }), (birth, afterTwentyOne) => {
        let s = approved(birth, { rules: wales });
        const b21 = birthday(birth, 21);
        const late = addDays(b21, afterTwentyOne);
        expect(can('staying-put', PA, { type: 'stayingPut.start', on: late }, s, noon(late))).toMatchObject({
          status: 409,
        });
        s = go(s, PA, { type: 'stayingPut.education.record' }, addDays(b21, -1));
        expect(s.context.upperAge).toBe(25);
        expect(can('staying-put', PA, { type: 'stayingPut.start', on: late }, s, noon(late)).ok).toBe(true);
        const england = approved(birth);
        expect(can('staying-put', PA, { type: 'stayingPut.education.record' }, england, noon(b21))).toMatchObject({
          status: 409,
        });
      }),
      RUNS,
    );
  });

  it('uses the Welsh legal words', () => {
    const s = approved('2008-06-15', { rules: wales });
    expect(
      deadlines({ ...s, state: 'identified' })
        .map((d) => d.label)
        .join(' '),
    ).toContain('When I am Ready');
    expect(
      deadlines({ ...s, state: 'identified' })
        .map((d) => d.label)
        .join(' '),
    ).not.toContain('Staying Put');
    expect(eventLabel('staying-put', 'stayingPut.plans.include', 'wales')).toBe(
      'Record that When I am Ready is in the care and pathway plans',
    );
    const at = { dateOfBirth: '2004-06-15', on: '2026-03-02' };
    expect(careLeaverCategoryName('eligible', 'wales', at)).toBe('Category 1 young person');
    expect(careLeaverCategoryName('relevant', 'wales', at)).toBe('Category 2 young person');
    expect(careLeaverCategoryName('former-relevant', 'wales', { ...at, dateOfBirth: '2006-06-15' })).toBe(
      'Category 3 young person',
    );
    expect(careLeaverCategoryName('former-relevant', 'wales', at)).toBe('Category 4 young person');
    expect(careLeaverCategoryName('former-relevant', 'wales', at, 'cy')).toBe('Person ifanc categori 4');
    expect(careLeaverCategoryName('former-relevant', 'england', at)).toBe('Former relevant');
  });
});

describe('9. the IRO, changes while with a manager, and the allocated people', () => {
  it('an IRO asks for and starts the review of a looked-after (eligible) young person only', () => {
    fc.assert(
      fc.property(fc.constantFrom('eligible', 'relevant', 'former-relevant', 'qualifying'), (category) => {
        const s = authorised('2009-01-10', '2026-03-02', { category });
        const d = can('pathway-plan', IRO, { type: 'plan.review.request' }, s, noon('2026-03-03'));
        expect(d.ok).toBe(category === 'eligible');
        if (!d.ok) expect(d.status).toBe(403);
      }),
      RUNS,
    );
  });

  it('a significant change is recorded while the plan is with a manager, and its review counts from the change', () => {
    let s = plan('2008-06-15', '2026-03-02');
    s = go(s, YP, { type: 'plan.checklist.update' }, '2026-03-02');
    s = go(s, PA, { type: 'plan.submit' }, '2026-03-02');
    s = go(s, SW, { type: 'plan.change.record', on: '2026-03-03' }, '2026-03-03');
    expect(s.state).toBe('submitted');
    s = go(s, TM, { type: 'plan.authorise', wording: WORDING }, '2026-03-20');
    expect(deadlines(s).find((d) => d.step === 'review')!.dueBy).toBe(
      addWorkingDays('2026-03-03', 28, defaultCouncilSettings().bankHolidays),
    );
  });

  it('only the allocated supervising social worker records the panel; only the allocated PA starts it', () => {
    fc.assert(
      fc.property(dob, (birth) => {
        const s = approved(birth);
        const b18 = birthday(birth, 18);
        expect(can('staying-put', PA2, { type: 'stayingPut.start' }, s, noon(b18))).toMatchObject({ status: 403 });
        expect(can('staying-put', SW, { type: 'stayingPut.start' }, s, noon(b18))).toMatchObject({ status: 403 });
        expect(can('staying-put', PA, { type: 'stayingPut.start' }, s, noon(b18)).ok).toBe(true);
        const moved = go<StayingPutSnapshot>(s, TM, { type: 'stayingPut.workers.allocate', paId: 'pa-2' }, b18);
        expect(can('staying-put', PA2, { type: 'stayingPut.start' }, moved, noon(b18)).ok).toBe(true);
        expect(can('staying-put', PA, { type: 'stayingPut.start' }, moved, noon(b18))).toMatchObject({ status: 403 });
      }),
      RUNS,
    );
    let s = approved('2008-06-15');
    s = { ...s, state: 'signed', context: { ...s.context, panelApproval: undefined, approvedOn: undefined } };
    delete s.context.panelApproval;
    delete s.context.approvedOn;
    expect(can('staying-put', SSW2, { type: 'stayingPut.panel.approve' }, s, noon('2026-05-01'))).toMatchObject({
      status: 403,
    });
    expect(can('staying-put', SSW, { type: 'stayingPut.panel.approve' }, s, noon('2026-05-01')).ok).toBe(true);
  });
});

describe('council settings', () => {
  it('the defaults are valid for England and Wales', () => {
    expect(validateCouncilSettings(defaultCouncilSettings('england')).ok).toBe(true);
    expect(validateCouncilSettings(defaultCouncilSettings('wales')).ok).toBe(true);
  });

  it('bad settings are refused, naming the field', () => {
    const s = defaultCouncilSettings() as unknown as Record<string, Record<string, unknown>>;
    s.pathwayPlan!.attemptSpacingDays = -1;
    (s.stayingPut as Record<string, unknown>).meetingAttendees = ['carer'];
    ((s.stayingPut as Record<string, Record<string, unknown>>).timeline as Record<string, unknown>)['hold-meeting'] = {
      age: 18,
      months: 6,
      before: true,
    };
    const r = validateCouncilSettings(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('pathwayPlan.attemptSpacingDays');
    expect(paths).toContain('stayingPut.meetingAttendees');
    expect(paths).toContain('stayingPut.timeline.hold-meeting');
    expect(r.errors.find((e) => e.path === 'stayingPut.meetingAttendees')!.message).toMatch(/young person/);
    const cy = validateCouncilSettings(s, { locale: 'cy' });
    expect(!cy.ok && cy.errors.find((e) => e.path === 'stayingPut.meetingAttendees')!.message).toMatch(/person ifanc/);
  });

  it('a people list without the young person is one problem, not one for each other person on it', () => {
    const s = defaultCouncilSettings();
    s.stayingPut.meetingAttendees = s.stayingPut.meetingAttendees.filter((p) => p !== 'young-person');
    s.stayingPut.signatories = ['social-worker', 'pa'];
    const r = validateCouncilSettings(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual([
      'stayingPut.meetingAttendees',
      'stayingPut.signatories',
      'stayingPut.signatories',
    ]);
    // A person who is not one of the choices is still named by its entry.
    (s.stayingPut as { meetingAttendees: string[] }).meetingAttendees = ['young-person', 'neighbour'];
    const bad = validateCouncilSettings(s);
    expect(!bad.ok && bad.errors.map((e) => e.path)).toContain('stayingPut.meetingAttendees.1');
  });
});
