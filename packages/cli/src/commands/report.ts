// `onward report`: the insights from an export file, as JSON, CSV or a spreadsheet. Reads NDJSON (one young person
// per line, schemas/events/insights-young-person.schema.json), works everything out with @onward/engine for the
// given role (small numbers hidden unless the role may see individuals) and writes it out.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDashboardData, dashboardTables, toXlsx } from '@onward/dashboard/node';
import {
  AGE_BANDS,
  type AgeBand,
  buildInsightsIndex,
  CATEGORIES,
  type Category,
  caseManagementCsv,
  caseManagementJson,
  caseManagementRecords,
  dfeRounding,
  type ExportTable,
  exactFor,
  helpList,
  helpListTable,
  INSIGHTS_ROLES,
  InsightsAccessError,
  type InsightsFilters,
  InsightsInputError,
  type InsightsRole,
  type InsightsYoungPerson,
  NATIONAL_AGE_BANDS,
  peopleTable,
  personList,
  type Rounding,
  seesIndividuals,
  tablesToJson,
  tableToCsv,
  type Viewer,
  validateInsightsRecord,
} from '@onward/engine';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Io, UsageError } from '../io.js';

const TABLES = [
  'domains',
  'questions',
  'trends',
  'moods',
  'cohorts',
  'costs',
  'national',
  'engagement',
  'people',
  'help-list',
  'case-management',
];

const BANDS: readonly AgeBand[] = [...AGE_BANDS, ...NATIONAL_AGE_BANDS];

const usage = `Usage: onward report --input <plans.ndjson> --format json|csv|xlsx [--as-at YYYY-MM-DD] [--from YYYY-MM-DD]
                     [--role analyst] [--pa-id ID] [--team ID] [--age-band BAND] [--category CATEGORY]
                     [--period month|quarter] [--rounding dfe|none] [--table NAME] [--question ID]
                     [--output FILE]

Works out the insights (answers per question and area of life, month-by-month trends, check-in moods, Staying Put
against other care leavers of the same ages, estimated costs avoided, the national care-leaver measures by the
DfE's definitions, and how young people take part) from an export file, one young person per line.

Options:
  --input <file>     NDJSON, one record per line (schemas/events/insights-young-person.schema.json).
  --format <f>       json (every table), csv (one table: see --table) or xlsx (every table, one sheet each).
  --as-at <date>     The day the figures are for (default today). Each young person's latest plan on or before it.
  --from <date>      First month of the trends (default 23 months before --as-at).
  --role <role>      Who the report is for (default analyst): ${INSIGHTS_ROLES.join(', ')}.
                     Numbers from 1 to 4 are written "fewer than 5" unless the role may see young people
                     (pa, social-worker, team-manager, admin).
  --pa-id <id>       A personal adviser's own id (needed with --role pa for person-level tables).
  --team <id>        Only this team.
  --age-band <band>  Only young people of these ages on --as-at: ${BANDS.join(', ')} (commas between more than one).
                     The national table always shows its own bands (17-18, 19-21).
  --category <c>     Only this care-leaver category: ${CATEGORIES.join(', ')} (commas between more than one).
  --period <p>       The reporting period (default month): for roles that see totals only, the figures are as at the
                     end of the last whole month or quarter on or before --as-at.
  --rounding <r>     The national table (default dfe) as the DfE publishes it: whole-number percentages, and counts
                     to the nearest 10 when the input holds more than one council (regional or national figures;
                     one council's counts are not rounded). none: exact counts, percentages to one decimal place.
  --table <name>     For csv: ${TABLES.join(', ')} (default questions).
                     people, help-list and case-management hold young people's ids: permitted roles only.
  --question <id>    For the help-list table: a question id (housing.internet) or area (housing); default all areas.
  --output <file>    Write here instead of standard output (needed for xlsx).

Exit code: 0 done, 1 the input has problems (one line each, with its line number), 2 a usage mistake.

Examples:
  onward report --input plans.ndjson --format xlsx --output insights.xlsx
  onward report --input plans.ndjson --format csv --table trends --as-at 2025-12-31
  onward report --input plans.ndjson --format csv --table national --as-at 2025-03-31 --period quarter
  onward report --input plans.ndjson --format json --age-band 19-21 --category former-relevant
  onward report --input plans.ndjson --format csv --table help-list --role team-manager --question housing.internet`;

/** Read NDJSON records, checking each against its schema. Problems name the line and the field. */
export function readRecords(text: string): { records: InsightsYoungPerson[]; problems: string[] } {
  const records: InsightsYoungPerson[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: is not valid JSON`);
      continue;
    }
    const r = validateInsightsRecord(doc);
    if (r.ok) records.push(r.value);
    else for (const p of r.problems) problems.push(`line ${i + 1}: ${p.path || 'record'}: ${p.message}`);
  }
  return { records, problems };
}

export const report: Command = {
  name: 'report',
  summary: 'Insights from an export file, as JSON, CSV or a spreadsheet.',
  usage,
  async run(args: readonly string[], io: Io): Promise<number> {
    const parsed = parseArgs(args, {
      values: [
        'input',
        'format',
        'as-at',
        'from',
        'role',
        'pa-id',
        'team',
        'age-band',
        'category',
        'period',
        'rounding',
        'table',
        'question',
        'output',
      ],
    });
    if (parsed.flags.has('help')) {
      io.out(usage);
      return EXIT.ok;
    }
    if (parsed.positional.length) throw new UsageError(`Unexpected "${parsed.positional[0]}".`);
    const v = parsed.values;
    if (!v.input) throw new UsageError('--input is required.');
    const format = v.format ?? 'json';
    if (!['json', 'csv', 'xlsx'].includes(format))
      throw new UsageError(`--format must be json, csv or xlsx, not "${format}".`);
    if (format === 'xlsx' && !v.output) throw new UsageError('--format xlsx needs --output <file>.');
    const role = (v.role ?? 'analyst') as InsightsRole;
    if (!INSIGHTS_ROLES.includes(role)) throw new UsageError(`--role must be one of ${INSIGHTS_ROLES.join(', ')}.`);
    const table = v.table ?? (format === 'csv' ? 'questions' : undefined);
    if (table !== undefined && !TABLES.includes(table))
      throw new UsageError(`--table must be one of ${TABLES.join(', ')}.`);
    if (table !== undefined && format === 'xlsx')
      throw new UsageError('--table is for csv and json; xlsx holds every table.');
    const asAt = v['as-at'] ?? new Date().toISOString().slice(0, 10);
    const listOf = (name: string) => (v[name] ? v[name].split(',').map((x) => x.trim()) : []);
    const ageBands = listOf('age-band');
    for (const b of ageBands)
      if (!BANDS.includes(b as AgeBand))
        throw new UsageError(`--age-band must be one of ${BANDS.join(', ')}, not "${b}".`);
    const categories = listOf('category');
    for (const c of categories)
      if (!CATEGORIES.includes(c as Category))
        throw new UsageError(`--category must be one of ${CATEGORIES.join(', ')}, not "${c}".`);
    const period = v.period ?? 'month';
    if (period !== 'month' && period !== 'quarter')
      throw new UsageError(`--period must be month or quarter, not "${period}".`);
    const settings = { reportingPeriod: period } as const;
    const roundingChoice = v.rounding ?? 'dfe';
    if (roundingChoice !== 'dfe' && roundingChoice !== 'none')
      throw new UsageError(`--rounding must be dfe or none, not "${roundingChoice}".`);
    const viewer: Viewer = { role, ...(v['pa-id'] ? { paId: v['pa-id'] } : {}), ...(v.team ? { team: v.team } : {}) };

    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, v.input), 'utf8');
    } catch {
      io.err(`Cannot read ${v.input}.`);
      return EXIT.problems;
    }
    const { records, problems } = readRecords(text);
    if (problems.length) {
      for (const p of problems) io.out(p);
      io.err(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${v.input}; nothing was written.`);
      return EXIT.problems;
    }

    try {
      const index = buildInsightsIndex(records);
      // A PA's report covers their own young people; a team's report, that team.
      const filters: InsightsFilters = {
        ...(v.team ? { team: [v.team] } : {}),
        ...(role === 'pa' && v['pa-id'] ? { pa: [v['pa-id']] } : {}),
        ...(ageBands.length ? { ageBand: ageBands as AgeBand[] } : {}),
        ...(categories.length ? { category: categories as Category[] } : {}),
      };
      const personal = table === 'people' || table === 'help-list' || table === 'case-management';
      if (personal && !seesIndividuals(viewer))
        throw new InsightsAccessError(`The ${role} role sees totals only: the ${table} table lists young people.`);
      let out: string | Uint8Array;
      // The day the figures are as at: for a role that sees totals only, the end of the last reporting period.
      let shownAt = asAt;
      let nationalRounding: Rounding | undefined;
      if (table === 'case-management') {
        const all = caseManagementRecords(index);
        const scope =
          role === 'pa' ? new Set(personList(index, { asAt }, viewer).map((p) => p.youngPersonId)) : undefined;
        const recs = all.filter(
          (r) => (!scope || scope.has(r.young_person_id)) && (!v.team || r.team === v.team) && r.authorised <= asAt,
        );
        out = format === 'csv' ? caseManagementCsv(recs) : caseManagementJson(recs);
      } else {
        let tables: ExportTable[];
        if (table === 'people') tables = [peopleTable(personList(index, { asAt, filters }, viewer))];
        else if (table === 'help-list')
          tables = [
            helpListTable(
              v.question
                ? helpList(index, { question: v.question, asAt, filters }, viewer)
                : [
                    'housing',
                    'health',
                    'relationships',
                    'activities',
                    'money',
                    'careers',
                    'independence',
                    'identity',
                  ].flatMap((d) => helpList(index, { question: d, asAt, filters }, viewer)),
            ),
          ];
        else {
          const data = buildDashboardData(
            index,
            { asAt, ...(v.from ? { from: v.from } : {}), filters, settings },
            viewer,
          );
          shownAt = data.asAt;
          // The DfE rounds a council's own figures differently from a region's or the country's.
          nationalRounding = roundingChoice === 'dfe' ? dfeRounding(index.councils.length) : 'standard';
          tables = dashboardTables(data, undefined, { nationalRounding });
          if (table) tables = tables.filter((t) => t.name === table);
        }
        const exact = exactFor(viewer, filters);
        if (format === 'csv') out = tableToCsv(tables[0]!);
        else if (format === 'json')
          out = tablesToJson(tables, { asAt: shownAt, role, exact, ...(nationalRounding ? { nationalRounding } : {}) });
        else out = await toXlsx(tables, { asAt: shownAt, exact });
      }
      if (v.output) {
        writeFileSync(resolve(io.cwd, v.output), out);
        io.err(`Wrote ${v.output} (${records.length} young people, as at ${shownAt}).`);
      } else io.out(typeof out === 'string' ? out.replace(/\r?\n$/, '') : Buffer.from(out).toString('base64'));
      return EXIT.ok;
    } catch (e) {
      if (e instanceof InsightsInputError || e instanceof InsightsAccessError) {
        io.err(e.message);
        return e instanceof InsightsAccessError ? EXIT.usage : EXIT.problems;
      }
      throw e;
    }
  },
};
