// Small helpers every storage module shares: turning driver values into our types, and multi-row inserts.
import type { Queryable } from './db.js';

export type Row = Record<string, unknown>;

export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
export const isoOrUndef = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : iso(v));
export const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
/** jsonb arrives parsed from both drivers; this guards the odd driver that hands back text. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** Multi-row INSERT in chunks (PostgreSQL allows 65,535 parameters per statement). */
export async function insertRows(
  tx: Queryable,
  head: string,
  columns: number,
  rows: unknown[][],
  tail = '',
): Promise<void> {
  const per = Math.max(1, Math.floor(30000 / columns));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map(
      (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
    );
    await tx.query(`${head} VALUES ${values.join(', ')} ${tail}`, chunk.flat());
  }
}

/** A write refused because the records changed or do not fit (the API answers 409). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}
