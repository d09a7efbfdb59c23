// One small database interface over PGlite (embedded, WebAssembly) and PostgreSQL (node-postgres), so the same
// SQL (one dialect: PostgreSQL's) and the same migrations run on both.
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; rolls back when it throws. Nested calls reuse the outer transaction. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
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
  return {
    kind: 'pglite',
    query: (sql, params) => queued(() => direct.query(sql, params)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return queued(() => pg.transaction((tx) => fn(wrap(tx))));
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

export async function openPostgres(url: string, schema?: string): Promise<Db> {
  const pg = await import('pg');
  const PoolCtor = (pg.default?.Pool ?? (pg as unknown as { Pool: typeof Pool }).Pool) as typeof Pool;
  const types = pg.default?.types ?? (pg as unknown as { types: typeof import('pg').types }).types;
  // int8 (count, bigserial) as numbers: our counts stay far below 2^53.
  types.setTypeParser(20, (v: string) => Number(v));
  // dates as plain YYYY-MM-DD strings, like PGlite gives after our ::text casts.
  types.setTypeParser(1082, (v: string) => v);
  if (schema) {
    const admin = new PoolCtor({ connectionString: url, max: 1 });
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    await admin.end();
  }
  const pool = new PoolCtor({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path="${schema.replace(/"/g, '')}"` } : {}),
  });
  const wrap = (c: Pool | PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, params as unknown[]);
      return r.rows as T[];
    },
  });
  return {
    kind: 'postgres',
    query: (sql, params) => wrap(pool).query(sql, params),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
