// Hand-made records for the dashboard tests. Expected numbers are worked out in the comments.
import type { InsightsYoungPerson } from '@onward/engine';

type Value = 'yes' | 'no' | 'not-relevant';

function answers(a: Record<string, Value | [Value, 'help']>) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, v] of Object.entries(a)) {
    const [domain, key] = id.split('.') as [string, string];
    const [value, help] = Array.isArray(v) ? v : [v, undefined];
    out[domain] ??= {};
    (out[domain] as Record<string, unknown>)[key] = {
      value,
      by: 'young-person',
      locale: 'en-GB',
      variant: 'standard',
      at: '2025-01-01T10:00:00Z',
      ...(help ? { help: true } : {}),
    };
  }
  return { questionSet: 'onward.outcomes', version: 2, answers: out } as never;
}

/**
 * Ten young people, all team-a except yp-9 (team-b), born 2005-06-01 (20 on 2025-12-31).
 * Plans on 2025-05-10: internet no for yp-0..yp-2 (3 of 10 → 30%), yes for the rest.
 * Plans on 2025-11-10: internet no for yp-0..yp-5 (6 of 10 → 60%); yp-0 also ticks help.
 * yp-0..yp-3 are in Staying Put from 2023-06-01 (open). ssda903: yp-0 G5 (NEET) Z1, others F5 U1; yp-9 S2.
 * Check-ins in November 2025: housing good for yp-0..yp-5, bad for yp-6.
 */
export function dashboardCohort(): InsightsYoungPerson[] {
  const out: InsightsYoungPerson[] = [];
  for (let i = 0; i < 10; i++) {
    const base = {
      council: 'leeds',
      team: i === 9 ? 'team-b' : 'team-a',
      paId: i < 5 ? 'pa-1' : 'pa-2',
      dateOfBirth: '2005-06-01',
      category: 'former-relevant' as const,
    };
    const ssda903 = {
      inTouch: 'YES' as const,
      activity: (i === 0 ? 'G5' : 'F5') as 'G5' | 'F5',
      accommodation: i === 9 ? 'S2' : i < 4 ? 'Z1' : 'U1',
    };
    out.push({
      youngPersonId: `yp-${i}`,
      plans: [
        {
          ...base,
          planId: `yp-${i}-a`,
          authorised: '2025-05-10',
          checklist: answers({ 'housing.internet': i < 3 ? 'no' : 'yes' }),
          ssda903,
        },
        {
          ...base,
          planId: `yp-${i}-b`,
          authorised: '2025-11-10',
          checklist: answers({ 'housing.internet': i === 0 ? ['no', 'help'] : i < 6 ? 'no' : 'yes' }),
          ssda903,
        },
      ],
      stayingPut: i < 4 ? [{ start: '2023-06-01' }] : [],
      checkIns: i < 7 ? [{ at: '2025-11-20', moods: { housing: { mood: i < 6 ? 'good' : 'bad' } } }] : [],
    });
  }
  return out;
}
