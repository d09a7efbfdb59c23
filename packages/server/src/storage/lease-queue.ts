// The claim of a leased work queue in a table, shared by the freeze queue (plan_pdf_queue) and the notification
// outbox: a worker takes up to `limit` rows that are free now, oldest first, and marks them taken until now + lease,
// in one statement. `FOR UPDATE SKIP LOCKED` makes two workers on one PostgreSQL (two server processes) take
// different rows, never one row twice; PGlite runs the same SQL on its one connection, where claims simply queue.
// A worker that dies leaves its rows taken until the lease runs out, then the next claim takes them again: work is
// done at least once, and a worker that finishes within its lease is the only one doing it.
import type { Queryable } from './db.js';

export interface LeaseQueue {
  /** The table (a constant of ours, never input). */
  readonly table: string;
  /** Its primary key column. */
  readonly key: string;
  /** The column that says until when a row is taken (NULL: free); a row is free once it is in the past. */
  readonly leaseColumn: string;
  /** More conditions a free row must meet (SQL over the table's columns, constant), e.g. "status = 'queued'". */
  readonly where?: string;
  /** The order rows are taken in, e.g. "queued_at, plan_id". */
  readonly order: string;
  /** Extra assignments made with the claim, e.g. "attempts = attempts + 1". */
  readonly set?: string;
}

/**
 * Takes up to `limit` free rows for `leaseMs` and returns their keys in queue order. Run it inside the
 * transaction that reads the rows it took, or on its own: the statement is atomic either way.
 */
export async function claimLeased(q: Queryable, queue: LeaseQueue, limit: number, leaseMs: number): Promise<string[]> {
  const { table, key, leaseColumn: lease } = queue;
  const rows = await q.query(
    `UPDATE ${table} SET ${lease} = now() + make_interval(secs => $2::double precision / 1000)
            ${queue.set ? `, ${queue.set}` : ''}
      WHERE ${key} IN (
        SELECT ${key} FROM ${table}
         WHERE (${lease} IS NULL OR ${lease} < now()) ${queue.where ? `AND (${queue.where})` : ''}
         ORDER BY ${queue.order} LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING ${key} AS key`,
    [limit, leaseMs],
  );
  const taken = new Set(rows.map((r) => String(r.key)));
  if (!taken.size) return [];
  // UPDATE ... RETURNING gives no order: read it back in the queue's.
  const ordered = await q.query(
    `SELECT ${key} AS key FROM ${table} WHERE ${key} = ANY($1::text[]) ORDER BY ${queue.order}`,
    [[...taken]],
  );
  return ordered.map((r) => String(r.key));
}

/** Frees a row after `waitMs` (a failure's back-off, or 0 to free it now), keeping what `set` says. */
export async function releaseLeased(
  q: Queryable,
  queue: LeaseQueue,
  id: string,
  waitMs: number,
  set?: { sql: string; params: readonly unknown[] },
): Promise<void> {
  await q.query(
    `UPDATE ${queue.table} SET ${queue.leaseColumn} = now() + make_interval(secs => $2::double precision / 1000)
            ${set ? `, ${set.sql}` : ''}
      WHERE ${queue.key} = $1`,
    [id, waitMs, ...(set?.params ?? [])],
  );
}
