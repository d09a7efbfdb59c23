// Settings from environment variables, with the names docs/deployment.md lists. Bad values are refused at start
// with a message naming the variable, rather than half-working later.

export interface EnvConfig {
  store: { databaseUrl?: string; dataDir?: string };
  server: { secureCookies: boolean; publicOrigin?: string; trustProxy: boolean };
  listen: { port: number; hostname: string };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function bool(env: Record<string, string | undefined>, name: string, fallback: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (/^(1|true|yes)$/i.test(v)) return true;
  if (/^(0|false|no)$/i.test(v)) return false;
  throw new ConfigError(`${name} should be true or false, not "${v}".`);
}

/**
 * DATABASE_URL (PostgreSQL; unset = PGlite), ONWARD_DATA_DIR (PGlite folder, default ./data), PORT (3000),
 * HOST (127.0.0.1), ONWARD_PUBLIC_ORIGIN, ONWARD_SECURE_COOKIES (true), ONWARD_TRUST_PROXY (false).
 */
export function configFromEnv(env: Record<string, string | undefined> = process.env): EnvConfig {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT should be a whole number from 0 to 65535, not "${env.PORT}".`);
  const origin = env.ONWARD_PUBLIC_ORIGIN || undefined;
  if (origin !== undefined) {
    let u: URL;
    try {
      u = new URL(origin);
    } catch {
      throw new ConfigError(
        `ONWARD_PUBLIC_ORIGIN should be an origin like https://plans.example.gov.uk, not "${origin}".`,
      );
    }
    if (u.origin !== origin)
      throw new ConfigError(
        `ONWARD_PUBLIC_ORIGIN should be just the origin (${u.origin}), with no path or trailing slash.`,
      );
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError('DATABASE_URL should start with postgres:// or postgresql://.');
  return {
    store: databaseUrl ? { databaseUrl } : { dataDir: env.ONWARD_DATA_DIR || './data' },
    server: {
      secureCookies: bool(env, 'ONWARD_SECURE_COOKIES', true),
      ...(origin ? { publicOrigin: origin } : {}),
      trustProxy: bool(env, 'ONWARD_TRUST_PROXY', false),
    },
    listen: { port, hostname: env.HOST || '127.0.0.1' },
  };
}
