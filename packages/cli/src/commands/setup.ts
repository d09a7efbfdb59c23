// `onward setup`: the first council and its first admin on an empty database, before anyone can sign in. Opens the
// same database the server uses (DATABASE_URL, else the PGlite folder ONWARD_DATA_DIR), makes the council and the
// admin's account, and prints a one-time link for the admin to choose their own password. Audited as system/setup.
import { ConfigError, configFromEnv, openStore, SetupError, setUpFirstCouncil } from '@onward/server';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT, type Io, UsageError } from '../io.js';

const usage = `Usage: onward setup --council <name> --admin-name <name> --admin-email <email> [--council-id <id>] [--origin <url>]

Sets up Onward from nothing: creates the council and its first admin on an empty database, and prints a one-time
link (valid for 7 days) for the admin to choose their own password. Then the admin adds teams and staff in the app.
It refuses a database that already has a council.

It uses the server's own settings: DATABASE_URL (PostgreSQL), else ONWARD_DATA_DIR (the PGlite folder, default
./data). With PGlite, run it while Onward is stopped: one process at a time can open the folder.

Options:
  --council <name>      The council's name, as staff and young people will see it.
  --council-id <id>     A short id (lower-case letters, digits, dashes). Default: made from the name.
  --admin-name <name>   The first admin's name.
  --admin-email <email> The first admin's work email (they sign in with it).
  --origin <url>        The address people use, for the printed link. Default: ONWARD_PUBLIC_ORIGIN, else
                        http://localhost:<PORT or 3000>.

Exit code: 0 done, 1 refused (the problem is printed, naming the field), 2 for a usage mistake.

Example:
  DATABASE_URL=postgres://onward@db/onward onward setup --council "Northshire County Council" \\
    --admin-name "Ada Jones" --admin-email ada.jones@northshire.gov.uk --origin https://plans.northshire.gov.uk`;

const FLAGS: Record<string, string> = {
  councilName: '--council',
  councilId: '--council-id',
  adminName: '--admin-name',
  adminEmail: '--admin-email',
};

export const setup: Command = {
  name: 'setup',
  summary: 'Create the first council and its admin on an empty database (prints their one-time link)',
  usage,
  async run(args: readonly string[], io: Io): Promise<number> {
    const a = parseArgs(args, { values: ['council', 'council-id', 'admin-name', 'admin-email', 'origin'] });
    if (a.flags.has('help')) {
      io.out(usage);
      return EXIT.ok;
    }
    if (a.positional.length) throw new UsageError(`onward setup takes no "${a.positional[0]}"; use the options.`);
    for (const k of ['council', 'admin-name', 'admin-email'])
      if (!a.values[k]) throw new UsageError(`--${k} is needed.`);
    const env = io.env ?? process.env;
    let config: ReturnType<typeof configFromEnv>;
    try {
      config = configFromEnv(env);
    } catch (e) {
      if (e instanceof ConfigError) {
        io.err(e.message);
        return EXIT.problems;
      }
      throw e;
    }
    const origin = (a.values.origin ?? config.server.publicOrigin ?? `http://localhost:${env.PORT || 3000}`).replace(
      /\/+$/,
      '',
    );
    if (!/^https?:\/\/[^/]+$/.test(origin))
      throw new UsageError(`--origin should be an address like https://plans.example.gov.uk, not "${origin}".`);
    const store = await openStore(config.store);
    try {
      const r = await setUpFirstCouncil(
        store,
        {
          councilName: a.values.council as string,
          ...(a.values['council-id'] ? { councilId: a.values['council-id'] } : {}),
          admin: { name: a.values['admin-name'] as string, email: a.values['admin-email'] as string },
        },
        { now: new Date() },
      );
      const where =
        'databaseUrl' in config.store && config.store.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.store.dataDir}`;
      io.out(`Set up ${r.council.name} (id ${r.council.id}) in ${where}.`);
      io.out(`First admin: ${r.admin.name} <${r.admin.email}>.`);
      io.out('');
      io.out(`Give the admin this link to choose their password. It works once, until ${r.invitation?.expiresAt}:`);
      io.out(`  ${origin}${r.invitation?.path}`);
      io.out('');
      io.out('Then start Onward; the admin signs in and adds teams, staff and young people under Admin.');
      return EXIT.ok;
    } catch (e) {
      if (e instanceof SetupError) {
        io.err(`${FLAGS[e.field] ?? e.field}: ${e.message}`);
        return EXIT.problems;
      }
      throw e;
    } finally {
      await store.close();
    }
  },
};
