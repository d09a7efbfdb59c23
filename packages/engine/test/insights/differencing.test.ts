// Suppression as a property of one output, tried the way an analyst holding that output would try to undo it.
//
// For the dashboard's data (what the API sends and the dashboard draws) and for the CSV of every export table (the
// JSON and xlsx exports are written from the same tables), every cell is read back from the analyst's output, and
// every pair of shown counts is differenced against every hidden small count: if a shown a minus a shown b is a
// hidden count, whatever the cohort, the output gives it away. Which cells are tied together ("a - b = h, whatever
// the cohort") is found from the figures themselves, not from the engine's own list of sums: each cell's exact
// values over thirteen synthetic cohorts are its signature, and a relation holds when the signatures do (checked on the
// full vectors, so a chance match in one cohort is not taken for a rule). A shown cell that is the same number as a
// hidden one, or a fixed multiple of it (a cost line is the count times a published unit cost), gives it away too.
//
// The same attack on outputs hidden cell by cell (every count from 1 to 4 hidden, nothing else) must find leaks:
// that is the check that the attack can fail.
import { describe, expect, it } from 'vitest';
import {
  buildDashboardData,
  buildInsightsIndex,
  dashboardTables,
  type InsightsFilters,
  parseCsv,
  syntheticRecords,
  tableToCsv,
  type Viewer,
} from '../../src/index.js';

const AS_AT = '2025-12-31';
const FROM = '2025-09-01';
// Small cohorts are attacked (small numbers are hidden in them); they and ten larger ones, where figures are large
// and varied, give each cell its signature. With tens of thousands of pairs of cells, a few chance matches over six
// cohorts are expected; over thirteen, a relation that holds in all of them is a rule of the output.
const ATTACKED = [70, 100, 140];
const COHORTS = [...ATTACKED, 200, 260, 330, 420, 520, 640, 780, 940, 1100, 1300].map((people, i) => ({
  seed: 101 + i * 7,
  people,
  attacked: i < ATTACKED.length,
}));
const ANALYST: Viewer = { role: 'analyst' };
const ADMIN: Viewer = { role: 'admin' };
const THRESHOLD = 5;

/** One output as cells: `null` where the output hides the number. */
type Cells = Map<string, number | null>;

function isFigure(x: object): x is { value: number | null; suppressed: boolean } {
  return 'value' in x && 'suppressed' in x;
}

/** Every number of a dashboard's data by its path; a hidden figure is null. */
function dataCells(data: unknown): Cells {
  const out: Cells = new Map();
  const walk = (x: unknown, path: string) => {
    if (x && typeof x === 'object') {
      if (isFigure(x)) out.set(path, x.suppressed ? null : x.value);
      else for (const [k, v] of Object.entries(x)) walk(v, `${path}.${k}`);
    } else if (typeof x === 'number') out.set(path, x);
  };
  walk(data, '');
  return out;
}

/** Every cell of every export table, read back from its CSV text: a number, or null for "fewer than 5" / "hidden". */
function csvCells(tables: ReturnType<typeof dashboardTables>): Cells {
  const out: Cells = new Map();
  for (const t of tables) {
    const [header, ...rows] = parseCsv(tableToCsv(t));
    rows.forEach((row, i) => {
      row.forEach((cell, j) => {
        const key = `${t.name}:${i}:${header![j]}`;
        if (/^-?\d+(\.\d+)?$/.test(cell)) out.set(key, Number(cell));
        else if (/^(fewer than \d+|hidden)$/i.test(cell)) out.set(key, null);
      });
    });
  }
  return out;
}

interface Output {
  readonly exact: Cells;
  /** The analyst's output, for the cohorts attacked. */
  readonly shown?: Cells;
}

/** Cells whose exact value is a count in every cohort (percentages and rates are left to the counts they rest on). */
function countKeys(outputs: readonly Output[]): string[] {
  const keys = [...outputs[0]!.exact.keys()];
  return keys.filter((k) =>
    outputs.every((o) => {
      const v = o.exact.get(k);
      return typeof v === 'number' && Number.isInteger(v) && v >= 0;
    }),
  );
}

interface Leak {
  readonly cohort: number;
  readonly hidden: string;
  readonly value: number;
  readonly how: string;
}

/** Every way one analyst's output gives back a hidden small count, in each cohort. */
function attack(outputs: readonly Output[]): Leak[] {
  const keys = countKeys(outputs);
  const m = outputs.length;
  const sig = new Map<string, number[]>(keys.map((k) => [k, outputs.map((o) => o.exact.get(k) as number)]));
  // An integer fingerprint of each signature: a - b = h for every cohort makes fp(a) - fp(b) = fp(h) exactly.
  // Weights below 2^53 / (cohorts × largest count), so the sums stay exact.
  const weights = Array.from({ length: m }, (_, i) => 1 + ((i * 2_654_435_761) % 99_991));
  const fp = (s: readonly number[]) => s.reduce((acc, v, i) => acc + v * weights[i]!, 0);
  const fps = new Map(keys.map((k) => [k, fp(sig.get(k)!)]));
  // Direction of each signature (for "a fixed multiple of"): the vector over its sum, rounded.
  const direction = (s: readonly number[]) => {
    const total = s.reduce((a, b) => a + b, 0);
    return total === 0 ? '' : s.map((v) => (v / total).toFixed(9)).join(',');
  };
  const dirs = new Map(keys.map((k) => [k, direction(sig.get(k)!)]));
  const same = (a: readonly number[], b: readonly number[], h: readonly number[]) =>
    a.every((v, i) => v - b[i]! === h[i]);
  const leaks: Leak[] = [];
  let tried = 0;
  let skipped = 0;
  outputs.forEach((o, cohort) => {
    const view = o.shown;
    if (!view) return;
    const shown = keys.filter((k) => view.get(k) !== null && view.get(k) !== undefined);
    const byFp = new Map<number, string[]>();
    const byDir = new Map<string, string[]>();
    for (const k of shown) {
      byFp.set(fps.get(k)!, [...(byFp.get(fps.get(k)!) ?? []), k]);
      const d = dirs.get(k)!;
      if (d) byDir.set(d, [...(byDir.get(d) ?? []), k]);
    }
    for (const h of keys) {
      const value = o.exact.get(h) as number;
      if (view.get(h) !== null || value < 1 || value >= THRESHOLD) continue;
      const hs = sig.get(h)!;
      // A count with fewer than three values over the cohorts tells too little about which cells it is tied to.
      if (new Set(hs).size < 3) {
        skipped++;
        continue;
      }
      tried++;
      // The same number, or a fixed multiple of it, shown somewhere else.
      const d = dirs.get(h)!;
      for (const a of (d && byDir.get(d)) || []) leaks.push({ cohort, hidden: h, value, how: `${a} is a multiple` });
      // a - b = h.
      for (const a of shown) {
        for (const b of byFp.get(fps.get(a)! - fps.get(h)!) ?? []) {
          if (same(sig.get(a)!, sig.get(b)!, hs)) leaks.push({ cohort, hidden: h, value, how: `${a} - ${b}` });
        }
      }
    }
  });
  // Most hidden counts are tried: the rule above leaves out only the few that barely change with the cohort.
  expect(tried, `${tried} hidden counts tried, ${skipped} left out`).toBeGreaterThan(skipped * 3);
  return leaks;
}

/** A percentage's cells: named so in the output (`percent`, `yes_percent`, `percentOfAll`, `stayingPutPercent`). */
const isPercent = (key: string) => /percent/i.test(key);

/**
 * Every way one analyst's output gives back a hidden small count from a shown percentage and a shown count: a
 * percentage p of a denominator d says the count is p × d / 100, to within the percentage's rounding (`halfUnit`:
 * half its last shown decimal place). Which percentage is which count over which denominator is again found from
 * the figures: over every cohort, the count's exact value over the denominator's must round to the percentage.
 * A leak is a hidden count whose percentage and denominator are both shown and pin it to one whole number.
 */
function percentAttack(outputs: readonly Output[], halfUnit: number): Leak[] {
  // Cells by number, and each cohort's exact figures as an array (NaN where there is no number), for speed.
  const keys = [...outputs[0]!.exact.keys()];
  const at = new Map(keys.map((k, i) => [k, i]));
  const asArray = (cells: Cells) => Float64Array.from(keys, (k) => cells.get(k) ?? Number.NaN);
  const exact = outputs.map((o) => asArray(o.exact));
  const percents = keys.filter(isPercent).map((k) => at.get(k)!);
  const counts = countKeys(outputs)
    .filter((k) => !isPercent(k))
    .map((k) => at.get(k)!);
  const tol = halfUnit + 1e-9;
  // The whole numbers a shown percentage p of a shown count d can stand for: one, or none pinned.
  const pinned = (p: number, d: number) => {
    const lo = Math.ceil(((p - tol) * d) / 100 - 1e-9);
    const hi = Math.floor(((p + tol) * d) / 100 + 1e-9);
    return lo === hi ? lo : undefined;
  };
  // h over d rounds to p in every cohort where p has a value, and p has one in all but at most two of them.
  const related = (pk: number, h: number, dk: number) => {
    let held = 0;
    for (const e of exact) {
      const p = e[pk]!;
      if (Number.isNaN(p)) continue;
      const d = e[dk]!;
      if (!(d > 0) || Math.abs(p - (e[h]! / d) * 100) > tol) return false;
      held++;
    }
    return held >= exact.length - 2;
  };
  const leaks: Leak[] = [];
  outputs.forEach((o, cohort) => {
    if (!o.shown) return;
    const view = asArray(o.shown);
    const shownCounts = counts.filter((k) => view[k]! > 0).sort((a, b) => view[a]! - view[b]!);
    const values = Float64Array.from(shownCounts, (k) => view[k]!);
    const firstAtLeast = (x: number) => {
      let lo = 0;
      let hi = values.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (values[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const shownPercents = percents.filter((k) => view[k]! > 0);
    const e = exact[cohort]!;
    for (const h of counts) {
      const value = e[h]!;
      if (o.shown.get(keys[h]!) !== null || value < 1 || value >= THRESHOLD) continue;
      for (const pk of shownPercents) {
        const p = view[pk]!;
        // The denominators p could be h's percentage of, in this cohort.
        const dMax = p - tol > 0 ? (value * 100) / (p - tol) : Number.POSITIVE_INFINITY;
        for (let i = firstAtLeast((value * 100) / (p + tol)); i < values.length && values[i]! <= dMax; i++) {
          const dk = shownCounts[i]!;
          if (pinned(p, values[i]!) === value && related(pk, h, dk))
            leaks.push({
              cohort,
              hidden: keys[h]!,
              value,
              how: `${keys[pk]} (${p}) × ${keys[dk]} (${values[i]}) / 100`,
            });
        }
      }
    }
  });
  return leaks;
}

/** The same exact output with every count from 1 to 4 hidden and nothing else: suppression cell by cell. */
function cellByCell(exact: Cells): Cells {
  const out: Cells = new Map();
  for (const [k, v] of exact) out.set(k, v !== null && Number.isInteger(v) && v > 0 && v < THRESHOLD ? null : v);
  return out;
}

const built = new Map<string, { data: Output[]; csv: Output[] }>();

/** The outputs for one set of filters, over every cohort (built once for all the attacks). */
function outputsFor(filters: InsightsFilters) {
  const key = JSON.stringify(filters);
  const cached = built.get(key);
  if (cached) return cached;
  const data: Output[] = [];
  const csv: Output[] = [];
  for (const c of COHORTS) {
    const index = buildInsightsIndex(syntheticRecords({ seed: c.seed, people: c.people, to: AS_AT }));
    const query = { asAt: AS_AT, from: FROM, filters };
    const admin = buildDashboardData(index, query, ADMIN);
    expect(admin.exact).toBe(true);
    const exactTables = dashboardTables(admin);
    if (!c.attacked) {
      data.push({ exact: dataCells(admin) });
      csv.push({ exact: csvCells(exactTables) });
      continue;
    }
    const analyst = buildDashboardData(index, query, ANALYST);
    expect(analyst.exact).toBe(false);
    expect(analyst.asAt).toBe(AS_AT);
    data.push({ exact: dataCells(admin), shown: dataCells(analyst) });
    const shownTables = dashboardTables(analyst);
    expect(shownTables.map((t) => [t.name, t.rows.length])).toEqual(exactTables.map((t) => [t.name, t.rows.length]));
    csv.push({ exact: csvCells(exactTables), shown: csvCells(shownTables) });
  }
  built.set(key, { data, csv });
  return { data, csv };
}

const describeLeaks = (leaks: readonly Leak[]) =>
  leaks
    .slice(0, 8)
    .map((l) => `cohort ${l.cohort}: ${l.hidden} (${l.value}) = ${l.how}`)
    .join('\n');

describe('suppression cannot be undone within one output', () => {
  for (const [name, filters] of [
    ['the whole council', {}],
    ['young people aged 19 to 21 (the Staying Put comparison is all of them)', { ageBand: ['19-21'] }],
    ['one team', { team: ['council-a-team-1'] }],
  ] as const) {
    it(`differencing any two shown counts never gives back a hidden one: ${name}`, () => {
      const { data, csv } = outputsFor(filters as InsightsFilters);
      for (const outputs of [data, csv]) {
        // Shown numbers are the true numbers: protection hides, it never changes a figure.
        for (const o of outputs) for (const [k, v] of o.shown ?? []) if (v !== null) expect(v, k).toBe(o.exact.get(k));
        const hidden = outputs.reduce((n, o) => n + [...(o.shown?.values() ?? [])].filter((v) => v === null).length, 0);
        expect(hidden).toBeGreaterThan(0);
        const leaks = attack(outputs);
        expect(leaks, describeLeaks(leaks)).toEqual([]);
        // The attack finds what cell-by-cell hiding gives away, so it is not an attack that cannot succeed.
        const naiveOutputs = outputs.map((o) => (o.shown ? { exact: o.exact, shown: cellByCell(o.exact) } : o));
        const naive = attack(naiveOutputs);
        expect(naive.length).toBeGreaterThan(0);
      }
    }, 240_000);

    it(`no shown percentage times a shown count gives back a hidden one: ${name}`, () => {
      const { data, csv } = outputsFor(filters as InsightsFilters);
      // The dashboard's data holds percentages exactly; the CSV to one decimal place.
      for (const [outputs, halfUnit] of [
        [data, 1e-7],
        [csv, 0.05],
      ] as const) {
        const leaks = percentAttack(outputs, halfUnit);
        expect(leaks, describeLeaks(leaks)).toEqual([]);
        // Hiding the small counts alone, and leaving their percentages shown, gives them back through the percentage.
        const naive = percentAttack(
          outputs.map((o) => (o.shown ? { exact: o.exact, shown: cellByCell(o.exact) } : o)),
          halfUnit,
        );
        expect(naive.length).toBeGreaterThan(0);
      }
    }, 240_000);
  }
});
