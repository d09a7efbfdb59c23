// One small database interface over PGlite (embedded, WebAssembly) and PostgreSQL (node-postgres), so the same
// SQL (one dialect: PostgreSQL's) and the same migrations run on both.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction; rolls back when it throws. Nested calls reuse the outer transaction: while fn runs,
   * every `transaction` and `query` on this Db (from any storage module) joins it, so a change and its audit row
   * commit together or not at all. Work fn starts but does not wait for runs outside it once it has ended.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The transaction the current async call chain is inside, per Db. `open` turns false when it ends, so a promise
 * fn started but did not wait for (a background job) falls back to the pool instead of a finished transaction.
 */
class Ambient {
  private readonly als = new AsyncLocalStorage<{ q: Queryable; open: boolean }>();
  current(): Queryable | undefined {
    const t = this.als.getStore();
    return t?.open ? t.q : undefined;
  }
  async run<T>(q: Queryable, fn: (q: Queryable) => Promise<T>): Promise<T> {
    const t = { q, open: true };
    try {
      return await this.als.run(t, () => fn(q));
    } finally {
      t.open = false;
    }
  }
}

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg: PGlite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  // PGlite is one connection: transactions must not interleave, so they queue here.
  let queue: Promise<unknown> = Promise.resolve();
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, params as unknown[]);
      return r.rows;
    },
  });
  const direct = wrap(pg);
  const ambient = new Ambient();
  return {
    kind: 'pglite',
    query: (sql, params) => {
      const tx = ambient.current();
      return tx ? tx.query(sql, params) : queued(() => direct.query(sql, params));
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const outer = ambient.current();
      if (outer) return fn(outer);
      return queued(() => pg.transaction((tx) => ambient.run(wrap(tx), fn)));
    },
    exec: (sql) => queued(async () => void (await pg.exec(sql))),
    close: () => queued(() => pg.close()),
  };
  function queued<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * Errors that mean "the database could not be reached or dropped the connection" (a restart, a failover,
 * pg_terminate_backend, a network cut), or that PostgreSQL rolled the statement back on its own (serialization
 * failure, deadlock). Work that failed this way can be tried again when it is safe to (see openPostgres).
 */
export function isTransientDbError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | undefined;
  const code = typeof err?.code === 'string' ? err.code : '';
  if (/^(08|57P0[123]|40001|40P01|53300)/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(code))
    return true;
  const message = typeof err?.message === 'string' ? err.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

/** Thrown when the connection dropped while COMMIT was on its way: the change may or may not have been saved. */
export class CommitUnknownError extends Error {
  override readonly name = 'CommitUnknownError';
  constructor(override readonly cause: unknown) {
    super('The database connection dropped during COMMIT; the outcome is unknown.');
  }
}

export interface PostgresOptions {
  /** PostgreSQL schema to use (created if missing). */
  schema?: string;
  /** Connections in the pool (default 10). */
  max?: number;
  /** Told about connection problems (a code, never a message: messages can carry data). Default: console.warn. */
  onConnectionError?: (info: { code: string; where: 'idle' | 'in-use' }) => void;
  /** Waits between tries of work that can be retried, in ms (default 50, 100, 200, 400, 800, 1600: about 3 s). */
  retryDelaysMs?: readonly number[];
}

const READ_ONLY = /^\s*(SELECT|WITH\s+[\s\S]*\bSELECT)\b/i;
const WRITES = /\b(INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|DROP|TRUNCATE|nextval|pg_advisory)/i;

export async function openPostgres(url: string, schemaOrOptions?: string | PostgresOptions): Promise<Db> {
  const o: PostgresOptions =
    typeof schemaOrOptions === 'string' ? { schema: schemaOrOptions } : (schemaOrOptions ?? {});
  const schema = o.schema;
  const delays = o.retryDelaysMs ?? [50, 100, 200, 400, 800, 1600];
  const told =
    o.onConnectionError ??
    ((info: { code: string; where: string }) =>
      console.warn(JSON.stringify({ at: new Date().toISOString(), level: 'warn', db: 'connection-error', ...info })));
  const codeOf = (e: unknown) => String((e as { code?: unknown })?.code ?? (e as Error)?.name ?? 'unknown');
  const pg = await import('pg');
  const PoolCtor = (pg.default?.Pool ?? (pg as unknown as { Pool: typeof Pool }).Pool) as typeof Pool;
  const types = pg.default?.types ?? (pg as unknown as { types: typeof import('pg').types }).types;
  // int8 (count, bigserial) as numbers: our counts stay far below 2^53.
  types.setTypeParser(20, (v: string) => Number(v));
  // dates as plain YYYY-MM-DD strings, like PGlite gives after our ::text casts.
  types.setTypeParser(1082, (v: string) => v);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /** Runs fn, trying again after a transient error while `again(error)` says it is safe. */
  async function withRetry<T>(fn: () => Promise<T>, again: (e: unknown) => boolean): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await fn();
      } catch (e) {
        const wait = delays[i];
        if (wait === undefined || !isTransientDbError(e) || !again(e)) throw e;
        await sleep(wait);
      }
    }
  }
  if (schema) {
    await withRetry(
      async () => {
        const admin = new PoolCtor({ connectionString: url, max: 1, connectionTimeoutMillis: 5000 });
        admin.on('error', (e) => told({ code: codeOf(e), where: 'idle' }));
        try {
          await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
        } finally {
          await admin.end().catch(() => undefined);
        }
      },
      () => true,
    );
  }
  const pool = new PoolCtor({
    connectionString: url,
    max: o.max ?? 10,
    // A database that does not answer is reported within 5 s rather than hanging the request.
    connectionTimeoutMillis: 5000,
    keepAlive: true,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '')}"` } : {}),
  });
  // An idle connection that the server drops (restart, pg_terminate_backend, network) emits 'error' on the pool.
  // Without a listener that is an uncaught exception and the whole process exits. The pool has already thrown the
  // connection away; the next query opens a new one.
  pool.on('error', (e) => told({ code: codeOf(e), where: 'idle' }));
  /** A connection from the pool, with a listener for errors that arrive while it is checked out between queries. */
  async function checkout(): Promise<{ client: PoolClient; done: (broken?: boolean) => void }> {
    const client = await pool.connect();
    let broken = false;
    const onError = (e: Error) => {
      broken = true;
      told({ code: codeOf(e), where: 'in-use' });
    };
    client.on('error', onError);
    return {
      client,
      done: (b) => {
        client.off('error', onError);
        // A broken connection is destroyed, not given back to the pool.
        client.release(b || broken ? true : undefined);
      },
    };
  }
  const wrap = (c: PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, params as unknown[]);
      return r.rows as T[];
    },
  });
  const ambient = new Ambient();
  const pooled = <T>(sql: string, params?: readonly unknown[]) =>
    withRetry(
      async () => {
        let c: Awaited<ReturnType<typeof checkout>>;
        try {
          c = await checkout();
        } catch (e) {
          throw Object.assign(e as object, { onwardNotSent: true });
        }
        try {
          const rows = await wrap(c.client).query<T>(sql, params);
          c.done();
          return rows;
        } catch (e) {
          c.done(isTransientDbError(e));
          throw e;
        }
      },
      (e) =>
        (e as { onwardNotSent?: boolean }).onwardNotSent === true ||
        /^40/.test(codeOf(e)) ||
        (READ_ONLY.test(sql) && !WRITES.test(sql)),
    );
  return {
    kind: 'postgres',
    // A read is tried again after a dropped connection. A write only when it cannot have run: the connection was
    // never made, or PostgreSQL rolled it back itself (serialization failure, deadlock).
    // Inside a transaction a query joins it (and is not retried on its own: the transaction is).
    query: <T>(sql: string, params?: readonly unknown[]) => {
      const tx = ambient.current();
      return tx ? tx.query<T>(sql, params) : pooled<T>(sql, params);
    },
    // A transaction that failed before COMMIT was sent is rolled back by PostgreSQL when the connection dies, so it
    // runs again from the start (fn must not have effects outside the database; ours do not). A connection lost
    // during COMMIT leaves the outcome unknown: that is CommitUnknownError, never retried here.
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const outer = ambient.current();
      if (outer) return fn(outer);
      return withRetry(
        async () => {
          const c = await checkout();
          let out: T;
          try {
            await c.client.query('BEGIN');
            out = await ambient.run(wrap(c.client), fn);
          } catch (e) {
            await c.client.query('ROLLBACK').catch(() => undefined);
            c.done(isTransientDbError(e));
            throw e;
          }
          try {
            await c.client.query('COMMIT');
          } catch (e) {
            c.done(true);
            // An error PostgreSQL sent back (a deferred constraint, a serialization failure) means it rolled back.
            if (isTransientDbError(e) && !/^(40|23)/.test(codeOf(e))) throw new CommitUnknownError(e);
            throw e;
          }
          c.done();
          return out;
        },
        (e) => !(e instanceof CommitUnknownError),
      );
    },
    async exec(sql) {
      await withRetry(
        () => pool.query(sql).then(() => undefined),
        () => false,
      );
    },
    close: () => pool.end(),
  };
}
