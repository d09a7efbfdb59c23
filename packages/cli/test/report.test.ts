// `onward report`, run in-process on a temporary NDJSON file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv, syntheticRecords } from '@onward/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DFE_COHORT, DFE_PUBLISHED_19_21 } from '#test-support/dfe-cohort.js';
import { type Io, run } from '../src/index.js';

let dir: string;
function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, cwd: dir, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'onward-report-'));
  const records = syntheticRecords({ seed: 11, people: 120, to: '2025-12-31' });
  writeFileSync(join(dir, 'plans.ndjson'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(join(dir, 'dfe.ndjson'), `${DFE_COHORT.map((r) => JSON.stringify(r)).join('\n')}\n`);
  // Two councils' young people in one file: regional figures, as the DfE would call them.
  const region = syntheticRecords({ seed: 12, people: 400, to: '2025-12-31', councils: ['council-a', 'council-b'] });
  writeFileSync(join(dir, 'region.ndjson'), `${region.map((r) => JSON.stringify(r)).join('\n')}\n`);
  writeFileSync(
    join(dir, 'bad.ndjson'),
    '{"youngPersonId":"x","plans":[{"planId":"p","authorised":"2025-02-30"}]}\nnot json\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('onward report', () => {
  it('writes the questions table as CSV, with small numbers hidden for the default analyst role', async () => {
    const io = capture();
    expect(await run(['report', '--input', 'plans.ndjson', '--format', 'csv', '--as-at', '2025-12-31'], io)).toBe(0);
    const rows = parseCsv(`${io.stdout.join('\n')}\n`);
    expect(rows[0]!.slice(0, 4)).toEqual(['as_at', 'population', 'domain', 'question_id']);
    expect(rows).toHaveLength(67);
    const cells = rows.slice(1).flat();
    expect(cells.some((c) => /^[1-4]$/.test(c))).toBe(false);
  });

  it('writes every table as JSON, and every table to an xlsx file', async () => {
    const io = capture();
    expect(await run(['report', '--input', 'plans.ndjson', '--format', 'json', '--as-at', '2025-12-31'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.tables.map((t: { name: string }) => t.name)).toEqual([
      'domains',
      'questions',
      'trends',
      'moods',
      'cohorts',
      'costs',
      'national',
      'engagement',
    ]);
    expect(json.exact).toBe(false);
    const x = capture();
    expect(
      await run(
        ['report', '--input', 'plans.ndjson', '--format', 'xlsx', '--output', 'out.xlsx', '--as-at', '2025-12-31'],
        x,
      ),
    ).toBe(0);
    // An xlsx is a zip file; the dashboard's tests open its spreadsheets with exceljs and check the values.
    const bytes = readFileSync(join(dir, 'out.xlsx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('xl/worksheets/sheet9.xml'))).toBe(true);
    expect(x.stderr.join('\n')).toMatch(/Wrote out.xlsx \(120 young people, as at 2025-12-31\)/);
  });

  it('gives person-level tables to permitted roles only', async () => {
    const analyst = capture();
    expect(await run(['report', '--input', 'plans.ndjson', '--format', 'csv', '--table', 'people'], analyst)).toBe(2);
    expect(analyst.stderr.join('\n')).toMatch(/sees totals only/);
    const manager = capture();
    expect(
      await run(
        [
          'report',
          '--input',
          'plans.ndjson',
          '--format',
          'csv',
          '--table',
          'case-management',
          '--role',
          'team-manager',
        ],
        manager,
      ),
    ).toBe(0);
    expect(manager.stdout[0]).toMatch(/^record_version,plan_id,young_person_id/);
  });

  it('names the line and field of every problem in the input', async () => {
    const io = capture();
    expect(await run(['report', '--input', 'bad.ndjson', '--format', 'json'], io)).toBe(1);
    expect(io.stdout).toContain('line 1: plans[0]: "team" is missing');
    expect(io.stdout).toContain('line 2: is not valid JSON');
    expect(io.stderr.join('\n')).toMatch(/nothing was written/);
  });

  it('explains usage mistakes', async () => {
    const io = capture();
    expect(await run(['report', '--format', 'pdf', '--input', 'plans.ndjson'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/--format must be json, csv or xlsx/);
  });

  it('filters by age band and category, and gives figures as at the end of the reporting period', async () => {
    const all = capture();
    const args = ['report', '--input', 'plans.ndjson', '--format', 'json', '--as-at', '2025-11-20'];
    expect(await run(args, all)).toBe(0);
    const everyone = JSON.parse(all.stdout.join('\n'));
    // An analyst asking for 20 November gets the figures as at the end of October (the last whole month) ...
    expect(everyone.asAt).toBe('2025-10-31');
    const quarter = capture();
    expect(await run([...args, '--period', 'quarter'], quarter)).toBe(0);
    // ... or of September, when the council reports by quarter.
    expect(JSON.parse(quarter.stdout.join('\n')).asAt).toBe('2025-09-30');
    const some = capture();
    expect(await run([...args, '--age-band', '19-21', '--category', 'former-relevant'], some)).toBe(0);
    const filtered = JSON.parse(some.stdout.join('\n'));
    const population = (j: { tables: { name: string; rows: { population: number | string }[] }[] }) =>
      j.tables.find((t) => t.name === 'domains')!.rows[0]!.population;
    expect(Number(population(filtered))).toBeGreaterThan(0);
    expect(Number(population(filtered))).toBeLessThan(Number(population(everyone)));
    const bad = capture();
    expect(await run([...args, '--age-band', '16-30'], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toMatch(/--age-band must be one of 16-17, 18-20, 21-25, 17-18, 19-21/);
    const badCategory = capture();
    expect(await run([...args, '--category', 'adopted'], badCategory)).toBe(2);
    expect(badCategory.stderr.join('\n')).toMatch(/--category must be one of/);
  });

  it('rounds the national table as the DfE does: counts exact for one council, to the nearest 10 for a region', async () => {
    const national = async (input: string, ...extra: string[]) => {
      const io = capture();
      const args = ['report', '--input', input, '--format', 'csv', '--table', 'national', '--as-at', '2025-12-31'];
      expect(await run([...args, '--role', 'admin', ...extra], io)).toBe(0);
      const [header, ...rows] = parseCsv(`${io.stdout.join('\n')}\n`);
      const column = (name: string) => rows.map((r) => r[header!.indexOf(name)]!).filter((c) => /^\d/.test(c));
      const counts = ['care_leavers', 'in_touch', 'count', 'count_in_touch'].flatMap(column).map(Number);
      const percents = ['in_touch_percent', 'percent_of_all', 'percent_of_in_touch'].flatMap(column).map(Number);
      expect(counts.length).toBeGreaterThan(20);
      expect(percents.length).toBeGreaterThan(20);
      return { counts, percents };
    };
    const whole = (xs: number[]) => xs.every((x) => Number.isInteger(x));
    const tens = (xs: number[]) => xs.every((x) => x % 10 === 0);
    // One council: a local authority's figures. Counts as they are, percentages as whole numbers.
    const council = await national('plans.ndjson');
    expect(tens(council.counts)).toBe(false);
    expect(whole(council.percents)).toBe(true);
    // Two councils: regional figures. Counts to the nearest 10, percentages (of the exact counts) whole numbers.
    const region = await national('region.ndjson');
    expect(tens(region.counts)).toBe(true);
    expect(region.counts.some((x) => x > 0)).toBe(true);
    expect(whole(region.percents)).toBe(true);
    // Without rounding: exact counts and one decimal place.
    const exact = await national('region.ndjson', '--rounding', 'none');
    expect(tens(exact.counts)).toBe(false);
    expect(whole(exact.percents)).toBe(false);
    const json = capture();
    expect(await run(['report', '--input', 'region.ndjson', '--format', 'json', '--as-at', '2025-12-31'], json)).toBe(
      0,
    );
    expect(JSON.parse(json.stdout.join('\n')).nationalRounding).toBe('national');
    const bad = capture();
    expect(await run(['report', '--input', 'plans.ndjson', '--rounding', 'ten'], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toMatch(/--rounding must be dfe or none/);
  });

  it('writes a published DfE table (care leavers aged 19 to 21) exactly, from a cohort built to it', async () => {
    const io = capture();
    const args = ['report', '--input', 'dfe.ndjson', '--format', 'csv', '--table', 'national', '--as-at', '2025-06-30'];
    expect(await run([...args, '--role', 'admin'], io)).toBe(0);
    const [header, ...rows] = parseCsv(`${io.stdout.join('\n')}\n`);
    const at = (r: string[], name: string) => r[header!.indexOf(name)]!;
    const band = rows.filter((r) => at(r, 'age') === '19-21');
    // The year ending 31 March 2025: the last whole year as at 30 June 2025.
    expect(at(band[0]!, 'reporting_year')).toBe('2025');
    const shown: Record<string, unknown> = { care_leavers: Number(at(band[0]!, 'care_leavers')) };
    for (const r of band) {
      const m = at(r, 'measure');
      shown[m] = { ...(shown[m] as object), [at(r, 'outcome')]: Number(at(r, 'percent_of_all')) };
    }
    expect(shown).toEqual(DFE_PUBLISHED_19_21);
  });
});
