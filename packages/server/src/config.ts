// Settings from environment variables, with the names docs/deployment.md lists. Bad values are refused at start
// with a message naming the variable, rather than half-working later.

export interface EnvConfig {
  store: { databaseUrl?: string; dataDir?: string };
  server: { secureCookies: boolean; publicOrigin?: string; trustProxy: boolean };
  listen: { port: number; hostname: string };
  /** Email by SMTP for the notification worker; undefined: not configured (messages stay queued). */
  mail?: { smtpUrl: string; from: string };
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
 * HOST (127.0.0.1), ONWARD_PUBLIC_ORIGIN, ONWARD_SECURE_COOKIES (true), ONWARD_TRUST_PROXY (false),
 * ONWARD_SMTP_URL and ONWARD_MAIL_FROM (email; both, with ONWARD_PUBLIC_ORIGIN for the links, or neither).
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
  const smtpUrl = env.ONWARD_SMTP_URL || undefined;
  const from = env.ONWARD_MAIL_FROM || undefined;
  if (smtpUrl !== undefined) {
    if (!/^smtps?:\/\/[^/]/.test(smtpUrl))
      throw new ConfigError('ONWARD_SMTP_URL should start with smtp:// or smtps:// and name the mail server.');
    if (!from)
      throw new ConfigError(
        'ONWARD_MAIL_FROM should be set with ONWARD_SMTP_URL: the address emails come from, like no-reply@plans.example.gov.uk.',
      );
    if (!origin)
      throw new ConfigError(
        'ONWARD_PUBLIC_ORIGIN should be set with ONWARD_SMTP_URL: every email links to where people sign in.',
      );
  } else if (from) throw new ConfigError('ONWARD_MAIL_FROM is set but ONWARD_SMTP_URL is not: set both, or neither.');
  return {
    ...(smtpUrl && from ? { mail: { smtpUrl, from } } : {}),
    store: databaseUrl ? { databaseUrl } : { dataDir: env.ONWARD_DATA_DIR || './data' },
    server: {
      secureCookies: bool(env, 'ONWARD_SECURE_COOKIES', true),
      ...(origin ? { publicOrigin: origin } : {}),
      trustProxy: bool(env, 'ONWARD_TRUST_PROXY', false),
    },
    listen: { port, hostname: env.HOST || '127.0.0.1' },
  };
}
