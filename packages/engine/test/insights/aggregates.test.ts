import { describe, expect, it } from 'vitest';
import {
  aggregates,
  buildInsightsIndex,
  exactFor,
  FEWER_THAN_5,
  formatCount,
  formatPercent,
  helpList,
  InsightsAccessError,
  InsightsInputError,
  moodTrends,
  OutputCells,
  PRIMARY,
  personList,
  rawAggregates,
  rawTrends,
  SECONDARY,
  SECONDARY_HIDDEN,
  SHOWN,
  syntheticRecords,
  trends,
} from '../../src/index.js';
import { checklist, plan, smallCohort } from './fixtures.js';

const index = buildInsightsIndex(smallCohort());
const manager = { role: 'team-manager' } as const;
const analyst = { role: 'analyst' } as const;

describe('aggregates as at a date', () => {
  it('counts each young person once, with their latest plan authorised on or before the date', () => {
    const raw = rawAggregates(index, { asAt: '2025-06-30' });
    // yp1, yp2, yp4; yp3's plan comes later.
    expect(raw.population).toBe(3);
    // internet: yp1 yes (second plan), yp2 no; yp4 did not answer.
    expect(raw.questions.get('housing.internet')).toEqual({
      yes: 1,
      no: 1,
      notRelevant: 0,
      answered: 2,
      help: 0,
      needsHelp: 0,
    });
    // enough-help "no" counts as needing help without the help tick.
    expect(raw.questions.get('housing.enough-help')).toMatchObject({ no: 1, help: 0, needsHelp: 1, answered: 1 });
    // The version-1 plan was migrated: id-documents yes → passport yes and birth-certificate yes.
    expect(raw.questions.get('independence.passport')).toMatchObject({ yes: 1, answered: 1 });
    expect(raw.questions.get('independence.birth-certificate')).toMatchObject({ yes: 1, answered: 1 });
    // Housing: yp1 internet yes + enough-help no, yp2 internet no.
    expect(raw.domains.get('housing')).toEqual({
      yes: 1,
      no: 2,
      notRelevant: 0,
      answered: 3,
      help: 0,
      needsHelp: 1,
      peopleAnswered: 2,
      peopleNeedingHelp: 1,
    });
    // Nobody answered a health question on their latest plan (yp1's gp answer was on the older one).
    expect(raw.domains.get('health')).toMatchObject({ answered: 0, peopleAnswered: 0 });
  });

  it('goes back in time: as at 2024-12-31 only yp1 (first plan) and yp4 count', () => {
    const raw = rawAggregates(index, { asAt: '2024-12-31' });
    expect(raw.population).toBe(2);
    expect(raw.questions.get('housing.internet')).toEqual({
      yes: 0,
      no: 1,
      notRelevant: 0,
      answered: 1,
      help: 1,
      needsHelp: 1,
    });
    expect(raw.questions.get('health.gp')).toMatchObject({ notRelevant: 1, answered: 1 });
  });

  it('gives percentages of those who answered, and no percentage when nobody answered', () => {
    const a = aggregates(index, { asAt: '2025-06-30' }, manager);
    const internet = a.questions.find((q) => q.id === 'housing.internet')!;
    expect(internet.percent.yes.value).toBe(50);
    expect(internet.percent.no.value).toBe(50);
    const heating = a.questions.find((q) => q.id === 'housing.heating')!;
    expect(heating.answered.value).toBe(0);
    expect(heating.percent.yes).toEqual({ value: null, suppressed: false });
    expect(formatPercent(heating.percent.yes)).toBe('no data');
  });

  it('hides every count from 1 to 4, and percentages built on them, from analysts', () => {
    const a = aggregates(index, { asAt: '2025-06-30' }, analyst);
    expect(a.exact).toBe(false);
    expect(a.population).toEqual({ value: null, suppressed: true });
    for (const q of a.questions) {
      for (const f of [q.answered, q.yes, q.no, q.notRelevant, q.help, q.needsHelp]) {
        // All suppressed or zero: this cohort is too small to show anything else.
        expect(f.suppressed || f.value === 0).toBe(true);
      }
      for (const f of Object.values(q.percent)) expect(f.value).toBeNull();
    }
    const internet = a.questions.find((q) => q.id === 'housing.internet')!;
    expect(formatPercent(internet.percent.yes)).toBe(FEWER_THAN_5);
    // Zero identifies nobody and stays visible.
    expect(internet.notRelevant).toEqual({ value: 0, suppressed: false });
  });

  it('hides a second number where one small number could be worked out from the total', () => {
    // Changed on purpose (issue 19): suppression is now one step over a whole output (OutputCells), replacing the
    // per-row `complementary` helper, which could still give a small number away: with yes 1, no 10, not relevant 5
    // it hid the 5, but a "hidden" number is at least 5, so 16 - 10 - 5 leaves the 1 with no other value.
    const hide = (yes: number, no: number, nr: number) => {
      const cells = new OutputCells(5);
      const ids = [cells.count(yes + no + nr), cells.count(yes), cells.count(no), cells.count(nr)];
      cells.sum(ids[0]!, ids.slice(1));
      cells.protect(false);
      return ids.map((id) => cells.statusOf(id));
    };
    const [S, P, H] = [SHOWN, PRIMARY, SECONDARY_HIDDEN];
    // yes 3, no 10, not relevant 6: the 3 is hidden, and so is the 6 (the smaller other), else 19 - 10 - 6 = 3.
    expect(hide(3, 10, 6)).toEqual([S, P, S, H]);
    // Two small numbers already protect each other.
    expect(hide(3, 10, 2)).toEqual([S, P, S, P]);
    // Zeros are never picked: hiding a zero protects nothing.
    expect(hide(4, 0, 9)).toEqual([S, P, S, H]);
    expect(hide(5, 10, 6)).toEqual([S, S, S, S]);
    // 1 + 5: hiding the 5 is not enough (it would be at least 5, so the 1 is pinned), so the 10 is hidden instead:
    // 16 - 5 = yes + no, with no at least 5, leaves yes anywhere from 1 to 4.
    expect(hide(1, 10, 5)).toEqual([S, P, H, S]);
    expect(formatCount(SECONDARY)).toBe('hidden');
    expect(formatPercent(SECONDARY)).toBe('hidden');
  });

  it('shows exact numbers to a PA or team manager only for their own young people', () => {
    const pa = { role: 'pa', paId: 'pa-1' } as const;
    expect(exactFor(pa, { pa: ['pa-1'] })).toBe(true);
    expect(exactFor(pa, {})).toBe(false);
    expect(exactFor(pa, { pa: ['pa-1', 'pa-2'] })).toBe(false);
    expect(exactFor({ role: 'pa' }, { pa: ['pa-1'] })).toBe(false);
    expect(exactFor({ role: 'team-manager', team: 'team-a' }, { team: ['team-a'] })).toBe(true);
    expect(exactFor({ role: 'team-manager', team: 'team-a' }, {})).toBe(false);
    expect(exactFor({ role: 'team-manager' }, {})).toBe(true);
    expect(exactFor({ role: 'analyst' }, { pa: ['pa-1'] })).toBe(false);
    // yp1 and yp4 are pa-1's: population 2 is exact for them, hidden council-wide.
    expect(aggregates(index, { asAt: '2025-06-30', filters: { pa: ['pa-1'] } }, pa).population.value).toBe(2);
    expect(aggregates(index, { asAt: '2025-06-30' }, pa).population.suppressed).toBe(true);
  });

  it('filters by team, PA, age band (on the date), category, Staying Put and council', () => {
    const pop = (filters: object, asAt = '2025-06-30') => rawAggregates(index, { asAt, filters }).population;
    expect(pop({ team: ['team-a'] })).toBe(2); // yp1, yp4
    expect(pop({ pa: ['pa-2'] })).toBe(1);
    expect(pop({ ageBand: ['16-17'] })).toBe(1); // yp4 is 16
    expect(pop({ ageBand: ['18-20'] })).toBe(1); // yp1 is 18
    expect(pop({ ageBand: ['21-25'] })).toBe(1); // yp2 is 21
    expect(pop({ ageBand: ['21-25'] }, '2024-12-31')).toBe(0); // yp2 was 20 and had no plan yet
    expect(pop({ ages: { min: 19, max: 21 } })).toBe(1);
    // Category comes from the plan in force: yp1's first plan said eligible, the second former-relevant.
    expect(pop({ category: ['eligible'] })).toBe(1); // yp4
    expect(pop({ category: ['eligible'] }, '2024-12-31')).toBe(2);
    expect(pop({ stayingPut: true }, '2025-04-30')).toBe(1);
    expect(pop({ stayingPut: true })).toBe(0); // yp1's arrangement ended on 15 May
    expect(pop({ stayingPut: false })).toBe(3);
    expect(pop({ council: ['leeds'] })).toBe(3);
    expect(pop({ council: ['bradford'] })).toBe(0);
  });

  it('names the field when a filter or date is wrong', () => {
    expect(() => rawAggregates(index, { asAt: '2025-02-30' })).toThrow(/asAt: "2025-02-30" is not a real date/);
    expect(() => rawAggregates(index, { asAt: '2025-06-30', filters: { ageBand: ['15-16' as never] } })).toThrow(
      InsightsInputError,
    );
    expect(() => aggregates(index, {}, { role: 'young-person' })).toThrow(InsightsAccessError);
  });
});

describe('trends month by month', () => {
  it('counts each month as at its last day, from the history', () => {
    const t = rawTrends(index, { from: '2024-09-01', to: '2025-07-31' });
    expect(t.map((p) => p.asAt)).toEqual([
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
    ]);
    // yp1 from September, yp4 from December, yp2 from January, yp3 from July.
    expect(t.map((p) => p.population)).toEqual([1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 4]);
    // internet "no": yp1 until February; yp2 from January; yp3 in July.
    expect(t.map((p) => p.questions.get('housing.internet')!.no)).toEqual([1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 2]);
    expect(t.map((p) => p.questions.get('housing.internet')!.help)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('moves a young person between cohorts when their Staying Put arrangement starts and ends', () => {
    const inSp = rawTrends(index, { from: '2025-01-01', to: '2025-06-30', filters: { stayingPut: true } });
    const notSp = rawTrends(index, { from: '2025-01-01', to: '2025-06-30', filters: { stayingPut: false } });
    // yp1 is in Staying Put on 31 March and 30 April only.
    expect(inSp.map((p) => p.population)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(notSp.map((p) => p.population)).toEqual([3, 3, 2, 2, 3, 3]);
    // yp1's answers move with them.
    expect(inSp.map((p) => p.questions.get('housing.internet')!.yes)).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('moves a young person between age bands on their birthday', () => {
    const t = rawTrends(index, { from: '2024-12-01', to: '2025-02-28', filters: { ageBand: ['21-25'] } });
    // yp2 turns 21 on 1 January 2025 and has a plan from 15 January.
    expect(t.map((p) => p.population)).toEqual([0, 1, 1]);
  });

  it('uses "to" for a month that has not ended', () => {
    const t = trends(index, { from: '2025-06-01', to: '2025-07-20' }, manager);
    expect(t.map((p) => [p.month, p.asAt])).toEqual([
      ['2025-06', '2025-06-30'],
      ['2025-07', '2025-07-20'],
    ]);
    expect(t[1]!.population.value).toBe(4);
  });

  it('gives the same numbers as counting each month on its own', () => {
    const months = rawTrends(index, { from: '2024-08-01', to: '2025-08-31', filters: { team: ['team-a'] } });
    for (const m of months) {
      const single = rawAggregates(index, { asAt: m.asAt, filters: { team: ['team-a'] } });
      expect(m).toEqual(single);
    }
  });
});

describe('trends on synthetic data', () => {
  it('match counting each month on its own, with filters that change over time', () => {
    const ix = buildInsightsIndex(syntheticRecords({ seed: 5, people: 300, to: '2025-12-31' }));
    const filterSets = [
      {},
      { stayingPut: true },
      { ageBand: ['18-20' as const] },
      { team: ['council-a-team-1'], stayingPut: false },
    ];
    for (const filters of filterSets) {
      const months = rawTrends(ix, { from: '2024-01-01', to: '2025-12-31', filters });
      expect(months).toHaveLength(24);
      for (const m of months) expect(m).toEqual(rawAggregates(ix, { asAt: m.asAt, filters }));
    }
  });
});

describe('check-in moods over time', () => {
  it('counts each young person once a month, with their last check-in that month', () => {
    const m = moodTrends(index, { from: '2024-11-01', to: '2025-04-30' }, manager);
    const housing = (k: number) => m[k]!.domains.find((d) => d.id === 'housing')!;
    // November: yp4's check-in came before their first plan, so nobody counts.
    expect(m[0]!.people.value).toBe(0);
    // March (index 4): yp1's last March check-in said good; the earlier "bad, help" is replaced.
    expect(m[4]!.month).toBe('2025-03');
    expect(housing(4)).toMatchObject({ good: { value: 1 }, bad: { value: 0 }, help: { value: 0 } });
    expect(housing(4).percent.good.value).toBe(100);
    expect(housing(5)).toMatchObject({ ok: { value: 1 }, responded: { value: 1 } });
  });
});

describe('drill-down: who needs help', () => {
  it('lists young people needing help with a question, for permitted roles', () => {
    const list = helpList(index, { question: 'housing.internet', asAt: '2024-12-31' }, { role: 'pa', paId: 'pa-1' });
    expect(list).toEqual([
      expect.objectContaining({
        youngPersonId: 'yp1',
        planId: 'yp1-a',
        questionId: 'housing.internet',
        answer: 'no',
        reasons: ['asked-for-help'],
        age: 17,
        ageBand: '16-17',
        stayingPut: false,
      }),
    ]);
  });

  it('limits a PA to their own young people', () => {
    expect(helpList(index, { question: 'housing.internet', asAt: '2024-12-31' }, { role: 'pa', paId: 'pa-2' })).toEqual(
      [],
    );
    expect(() => helpList(index, { question: 'housing.internet' }, { role: 'pa' })).toThrow(/give paId/);
  });

  it('takes a domain to mean any question in it', () => {
    const list = helpList(index, { question: 'housing', asAt: '2025-06-30' }, manager);
    expect(list.map((e) => [e.youngPersonId, e.questionId, e.reasons])).toEqual([
      ['yp1', 'housing.enough-help', ['not-enough-help']],
    ]);
  });

  it('refuses analysts and unknown questions', () => {
    expect(() => helpList(index, { question: 'housing.internet' }, analyst)).toThrow(InsightsAccessError);
    expect(() => personList(index, {}, analyst)).toThrow(InsightsAccessError);
    expect(() => helpList(index, { question: 'housing.wifi' }, manager)).toThrow(/not a question or domain/);
  });

  it('gives person-level rows with the return codes', () => {
    const rows = personList(index, { asAt: '2025-06-30' }, { role: 'team-manager', team: 'team-b' });
    expect(rows).toEqual([
      expect.objectContaining({
        youngPersonId: 'yp2',
        inTouch: 'YES',
        activity: 'G5',
        accommodation: 'U2',
        needsHelp: [],
        age: 21,
      }),
    ]);
  });
});

describe('input errors name the field', () => {
  it('rejects bad dates, codes, answers and repeated ids', () => {
    const bad = (mutate: (r: ReturnType<typeof smallCohort>) => void) => {
      const r = smallCohort();
      mutate(r);
      return () => buildInsightsIndex(r);
    };
    expect(
      bad((r) => {
        r[1]!.plans[0]!.authorised = '15/01/2025';
      }),
    ).toThrow('records[1].plans[0].authorised: "15/01/2025" is not a date written as YYYY-MM-DD.');
    expect(
      bad((r) => {
        (r[1]!.plans[0]!.ssda903 as { accommodation: string }).accommodation = 'S1';
      }),
    ).toThrow(/records\[1\]\.plans\[0\]\.ssda903\.accommodation/);
    expect(
      bad((r) => {
        r[2]!.youngPersonId = 'yp1';
      }),
    ).toThrow(/records\[2\]\.youngPersonId: "yp1" appears more than once/);
    expect(
      bad((r) => {
        r[0]!.plans[0]!.checklist = checklist({ 'housing.wifi': 'yes' });
      }),
    ).toThrow(/housing\.wifi: is not a question/);
    expect(
      bad((r) => {
        r[3]!.plans.push(plan({ planId: 'x', authorised: '2000-01-01', dateOfBirth: '2009-05-05' }));
      }),
    ).toThrow(/dateOfBirth: is after the plan was authorised/);
  });

  it('copes with no young people at all', () => {
    const empty = buildInsightsIndex([]);
    const a = aggregates(empty, { asAt: '2025-01-01' }, analyst);
    expect(a.population).toEqual({ value: 0, suppressed: false });
    expect(a.questions.every((q) => q.percent.yes.value === null && !q.percent.yes.suppressed)).toBe(true);
  });
});
