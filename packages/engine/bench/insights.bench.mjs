// Insights benchmark: synthetic young people with two years of history (same seed, same data every run), timed at
// 1,000, 10,000 and 100,000. Runs against the built package: `pnpm --filter @onward/engine bench` (after a build).
// Prints a table and writes bench/results/insights.json. Times are the median of several runs, in milliseconds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aggregates,
  buildInsightsIndex,
  compareCohorts,
  estimateCostAvoidance,
  moodTrends,
  rawCohortComparison,
  syntheticRecords,
  trends,
} from '../dist/index.js';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const here = dirname(fileURLToPath(import.meta.url));
const analyst = { role: 'analyst' };
const TO = '2025-12-31';
const FROM = '2024-01-01';

function time(fn, runs) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

const rows = [];
for (const n of sizes) {
  const gen = time(() => syntheticRecords({ seed: 42, people: n, to: TO, councils: ['north', 'south'] }), 1);
  const records = gen.result;
  const build = time(() => buildInsightsIndex(records), n >= 100000 ? 3 : 5);
  const index = build.result;
  const runs = n >= 100000 ? 7 : 15;
  const asAt = time(() => aggregates(index, { asAt: TO }, analyst), runs);
  const filtered = time(
    () =>
      aggregates(
        index,
        { asAt: TO, filters: { ageBand: ['18-20'], stayingPut: false, team: ['north-team-1', 'south-team-2'] } },
        analyst,
      ),
    runs,
  );
  const trend = time(() => trends(index, { from: FROM, to: TO }, analyst), runs);
  const moods = time(() => moodTrends(index, { from: FROM, to: TO }, analyst), runs);
  const cohorts = time(() => {
    compareCohorts(index, { asAt: TO }, analyst);
    return estimateCostAvoidance(
      rawCohortComparison(index, { asAt: TO, filters: { ages: { min: 19, max: 21 } } }),
      analyst,
    );
  }, runs);
  const row = {
    people: n,
    plans: index.planCount,
    checkIns: index.personCheckInStart[index.personCount],
    generateMs: gen.ms,
    buildIndexMs: build.ms,
    aggregatesMs: asAt.ms,
    filteredAggregatesMs: filtered.ms,
    trends24MonthsMs: trend.ms,
    moodTrends24MonthsMs: moods.ms,
    cohortsAndCostsMs: cohorts.ms,
  };
  rows.push(row);
  console.log(
    `${String(n).padStart(7)} people, ${String(row.plans).padStart(7)} plans, ${String(row.checkIns).padStart(8)} check-ins | index ${row.buildIndexMs.toFixed(0).padStart(5)} ms | as at ${row.aggregatesMs.toFixed(1).padStart(6)} ms | filtered ${row.filteredAggregatesMs.toFixed(1).padStart(6)} ms | 24-month trends ${row.trends24MonthsMs.toFixed(1).padStart(6)} ms | moods ${row.moodTrends24MonthsMs.toFixed(1).padStart(6)} ms | cohorts+costs ${row.cohortsAndCostsMs.toFixed(1).padStart(6)} ms`,
  );
}
const base = rows[0];
const last = rows[rows.length - 1];
if (base && last && base !== last) {
  const f = (k) => (last[k] / base[k]).toFixed(0);
  console.log(
    `Growth ${base.people} → ${last.people} people (×${last.people / base.people}): as at ×${f('aggregatesMs')}, trends ×${f('trends24MonthsMs')}, index ×${f('buildIndexMs')}`,
  );
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(
  join(here, 'results', 'insights.json'),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2)}\n`,
);
