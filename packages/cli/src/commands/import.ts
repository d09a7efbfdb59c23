// `onward import young-people <file.csv>`: onboarding from the case-management system, straight into the server's
// database (DATABASE_URL, else the PGlite folder ONWARD_DATA_DIR). The same import as POST /api/imports/young-people
// (importYoungPeople in @onward/server): all or nothing in one transaction, a re-import updates rather than
// duplicates, every bad row and field named, audited under the admin named with --as.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, configFromEnv, importYoungPeople, openStore, randomToken } from '@onward/server';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Io, UsageError } from '../io.js';

const usage = `Usage: onward import young-people <file.csv> --as <admin email> [--dry-run] [--json]

Imports young people from a case-management CSV (LCS, Mosaic, Eclipse) into the council of the admin named with
--as: the columns external_id, name, preferred_name, date_of_birth, category, team_id, pa_id, social_worker_id and
language (docs/deployment.md, section 10). The whole file is imported in one transaction, or nothing is: every bad
row and field is printed. Importing the same file again changes nothing; a changed row updates the young person's
team, PA, social worker, preferred name or language rather than adding them twice. Each import is audited under
the admin's name.

It uses the server's own settings: DATABASE_URL (PostgreSQL), else ONWARD_DATA_DIR (the PGlite folder, default
./data). With PGlite, run it while Onward is stopped: one process at a time can open the folder.

Options:
  --as <email>   The admin doing the import (an admin account in the council, not disabled).
  --dry-run      Check the file against the council's teams, staff and records; save nothing.
  --json         Print the result as JSON, the same document the API answers with.

Exit code: 0 imported (or the dry run passed), 1 refused (each problem is printed), 2 for a usage mistake.

Example:
  DATABASE_URL=postgres://onward@db/onward onward import young-people lcs-export.csv --as ada.jones@northshire.gov.uk --dry-run`;

export const importCommand: Command = {
  name: 'import young-people',
  summary: 'Import young people from a case-management CSV (all or nothing; a re-import updates)',
  usage,
  async run(args: readonly string[], io: Io): Promise<number> {
    const a = parseArgs(args, { values: ['as'], flags: ['dry-run', 'json'] });
    if (a.flags.has('help')) {
      io.out(usage);
      return EXIT.ok;
    }
    const [path, extra] = a.positional;
    if (!path) throw new UsageError('Name the CSV file to import.');
    if (extra !== undefined) throw new UsageError(`One file at a time; "${extra}" is one too many.`);
    if (!a.values.as) throw new UsageError('--as is needed: the email of the admin doing the import.');
    let text: string;
    try {
      const bytes = await readFile(resolve(io.cwd, path));
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (e) {
      const code = (e as { code?: string }).code;
      io.err(
        code === 'ENOENT'
          ? `${path}: no such file.`
          : code
            ? `${path}: cannot be read (${code}).`
            : `${path}: not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8".`,
      );
      return EXIT.problems;
    }
    let config: ReturnType<typeof configFromEnv>;
    try {
      config = configFromEnv(io.env ?? process.env);
    } catch (e) {
      if (e instanceof ConfigError) {
        io.err(e.message);
        return EXIT.problems;
      }
      throw e;
    }
    const store = await openStore(config.store);
    try {
      const admin = await store.getUserByEmail(a.values.as);
      if (admin?.role !== 'admin' || admin.disabled) {
        io.err(`--as: ${a.values.as} is not an admin account here (or it is disabled).`);
        return EXIT.problems;
      }
      const result = await importYoungPeople(store, text, {
        councilId: admin.councilId,
        actor: { id: admin.id, role: admin.role },
        requestId: `cli:${randomToken(9)}`,
        now: new Date(),
        dryRun: a.flags.has('dry-run'),
      });
      if (a.flags.has('json')) io.out(JSON.stringify(result, null, 2));
      else if (result.ok) {
        const { rows, created, updated, unchanged } = result.counts;
        const verb = result.dryRun ? 'Dry run (nothing saved): would import' : 'Imported';
        io.out(
          `${verb} ${rows} rows: ${created} new, ${updated} updated, ${unchanged} unchanged (import ${result.importId}).`,
        );
        for (const r of result.rows.filter((x) => x.outcome === 'updated'))
          io.out(`  line ${r.line}, ${r.externalId}: ${r.changed.join(', ')} changed`);
      }
      if (!result.ok) {
        for (const p of result.problems)
          io.err(`${p.line ? `line ${p.line}` : 'file'}${p.column ? `, ${p.column}` : ''}: ${p.message}`);
        io.err(`${result.problems.length} problem(s) in ${path}; nothing was imported.`);
        return EXIT.problems;
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
