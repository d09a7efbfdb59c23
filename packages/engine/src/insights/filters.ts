// Filters, compiled once per query into lookup tables so testing a young person is a few array reads.

import { CATEGORIES, type Category, type InsightsIndex, inStayingPutOn } from './build-index.js';
import { ageOn } from './dates.js';
import { InsightsInputError } from './errors.js';
import { isCounted } from './population.js';
import { DEFAULT_INSIGHTS_SETTINGS, type InsightsSettings } from './settings.js';

/** Age bands the dashboards use, computed on the "as at" date. */
export const AGE_BANDS = ['16-17', '18-20', '21-25'] as const;
/** The bands the national care-leaver statistics publish (DfE, children looked after in England). */
export const NATIONAL_AGE_BANDS = ['17-18', '19-21'] as const;
export type NationalAgeBand = (typeof NATIONAL_AGE_BANDS)[number];
export type AgeBand = (typeof AGE_BANDS)[number] | NationalAgeBand;
const BAND_RANGES: Record<AgeBand, [number, number]> = {
  '16-17': [16, 17],
  '18-20': [18, 20],
  '21-25': [21, 25],
  '17-18': [17, 18],
  '19-21': [19, 21],
};

/** The youngest and oldest age of a band. */
export function ageBandRange(band: AgeBand): readonly [number, number] {
  const r = BAND_RANGES[band];
  if (!r)
    throw new InsightsInputError(
      'ageBand',
      `"${band}" is not one of ${[...AGE_BANDS, ...NATIONAL_AGE_BANDS].join(', ')}`,
    );
  return r;
}

/** Which young people to count. Every filter left out means "everyone". Lists mean "any of these". */
export interface InsightsFilters {
  readonly council?: readonly string[];
  readonly team?: readonly string[];
  /** Personal advisers' staff ids. */
  readonly pa?: readonly string[];
  readonly ageBand?: readonly AgeBand[];
  /** An age range in whole years on the "as at" date, both ends included (e.g. 19-21 for national figures). */
  readonly ages?: { readonly min: number; readonly max: number };
  readonly category?: readonly Category[];
  /** true: only young people in a Staying Put arrangement on the date; false: only those not in one. */
  readonly stayingPut?: boolean;
}

/** A filter ready to test plan rows: `matches(planRow, person, day)`. */
export interface CompiledFilter {
  readonly matches: (row: number, person: number, day: number) => boolean;
  /** True when it depends on the date (age or Staying Put), so trends must test it again each month. */
  readonly dateDependent: boolean;
}

function lookup(values: readonly string[] | undefined, dictionary: readonly string[], field: string) {
  if (values === undefined) return null;
  if (!Array.isArray(values)) throw new InsightsInputError(`filters.${field}`, 'must be a list');
  const table = new Uint8Array(Math.max(dictionary.length, 1));
  const wanted = new Set(values);
  dictionary.forEach((v, i) => {
    if (wanted.has(v)) table[i] = 1;
  });
  return table;
}

export interface CompileOptions {
  /** The council's rules for who is counted; default DEFAULT_INSIGHTS_SETTINGS. */
  readonly settings?: InsightsSettings;
  /**
   * true (default): only young people counted as current on the day (population.ts: open, not stale, not died or
   * returned home, under the upper age). false: filters only (the national return chooses its own people).
   */
  readonly current?: boolean;
}

export function compileFilter(
  index: InsightsIndex,
  filters: InsightsFilters = {},
  options: CompileOptions = {},
): CompiledFilter {
  const settings = options.settings ?? DEFAULT_INSIGHTS_SETTINGS;
  const current = options.current !== false;
  const council = lookup(filters.council, index.councils, 'council');
  const team = lookup(filters.team, index.teams, 'team');
  const pa = lookup(filters.pa, index.pas, 'pa');
  for (const c of filters.category ?? [])
    if (!CATEGORIES.includes(c)) throw new InsightsInputError('filters.category', `"${c}" is not a category`);
  const category = lookup(filters.category, CATEGORIES, 'category');
  // Ages allowed, as a table 0..130.
  let ages: Uint8Array | null = null;
  if (filters.ageBand !== undefined || filters.ages !== undefined) {
    ages = new Uint8Array(131);
    const bandTable = new Uint8Array(131);
    if (filters.ageBand !== undefined) {
      for (const b of filters.ageBand) {
        const r = BAND_RANGES[b];
        if (!r)
          throw new InsightsInputError(
            'filters.ageBand',
            `"${b}" is not one of ${[...AGE_BANDS, ...NATIONAL_AGE_BANDS].join(', ')}`,
          );
        for (let a = r[0]; a <= r[1]; a++) bandTable[a] = 1;
      }
    } else bandTable.fill(1);
    const min = filters.ages?.min ?? 0;
    const max = filters.ages?.max ?? 130;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min > max)
      throw new InsightsInputError('filters.ages', 'must have whole-number min and max, min no more than max');
    for (let a = Math.max(0, min); a <= Math.min(130, max); a++) ages[a] = bandTable[a]!;
  }
  const sp = filters.stayingPut;
  if (sp !== undefined && typeof sp !== 'boolean')
    throw new InsightsInputError('filters.stayingPut', 'must be true or false');
  const { planCouncil, planTeam, planPa, planCategory, planDateOfBirth } = index;
  const matches = (row: number, person: number, day: number): boolean => {
    if (council && !council[planCouncil[row]!]) return false;
    if (team && !team[planTeam[row]!]) return false;
    if (pa && !pa[planPa[row]!]) return false;
    if (category && !category[planCategory[row]!]) return false;
    if (ages) {
      const age = ageOn(planDateOfBirth[row]!, day);
      if (age < 0 || age > 130 || !ages[age]) return false;
    }
    if (sp !== undefined && inStayingPutOn(index, person, day) !== sp) return false;
    if (current && !isCounted(index, row, day, settings)) return false;
    return true;
  };
  return { matches, dateDependent: current || ages !== null || sp !== undefined };
}

/** The age band of an age, or undefined outside 16-25. */
export function ageBandOf(age: number): AgeBand | undefined {
  return age >= 16 && age <= 17
    ? '16-17'
    : age >= 18 && age <= 20
      ? '18-20'
      : age >= 21 && age <= 25
        ? '21-25'
        : undefined;
}
