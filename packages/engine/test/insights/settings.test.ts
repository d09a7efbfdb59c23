// The insights read the council's own settings for what both need (the nation, the months between plan reviews),
// so a Welsh council's figures follow Welsh law without anyone setting it twice.
import { describe, expect, it } from 'vitest';
import {
  aggregates,
  buildInsightsIndex,
  DEFAULT_INSIGHTS_SETTINGS,
  defaultCouncilSettings,
  insightsSettingsFor,
  type Viewer,
} from '../../src/index.js';
import { plan } from './fixtures.js';

const ADMIN: Viewer = { role: 'admin' };

describe('insights settings from the council settings', () => {
  it('takes the nation and the months between reviews from the council, the rest from the defaults', () => {
    const wales = defaultCouncilSettings('wales');
    wales.pathwayPlan.reviewMonths = 4;
    expect(insightsSettingsFor(wales)).toEqual({ ...DEFAULT_INSIGHTS_SETTINGS, nation: 'wales', reviewMonths: 4 });
    expect(insightsSettingsFor(defaultCouncilSettings('england'), { reportingPeriod: 'quarter' })).toMatchObject({
      nation: 'england',
      reviewMonths: 6,
      reportingPeriod: 'quarter',
    });
  });

  it("counts a 22 year old as the council's nation's law says", () => {
    // Born 10 January 2003: 22 on 31 March 2025. A plan authorised after their 21st birthday, not in education or
    // training (G5), no recorded request for support after 21. England: still a care leaver (a plan made after 21 is
    // support they asked for). Wales: no longer (after 21 only in education or training, or asking).
    const index = buildInsightsIndex([
      {
        youngPersonId: 'x',
        plans: [
          plan({
            planId: 'x-1',
            authorised: '2025-02-01',
            dateOfBirth: '2003-01-10',
            ssda903: { inTouch: 'YES', activity: 'G5', accommodation: 'Z1' },
          }),
        ],
      },
    ]);
    const population = (nation: 'england' | 'wales') =>
      aggregates(index, { asAt: '2025-03-31', settings: insightsSettingsFor(defaultCouncilSettings(nation)) }, ADMIN)
        .population.value;
    expect(population('england')).toBe(1);
    expect(population('wales')).toBe(0);
  });
});
