// Sign-in tries counted in the database, so every server process on one database shares the count. A rule allows
// `limit` tries per key in a sliding window. Keys (an email address, an IP address) are stored only as hashes.
// Reads and writes are separate statements here; making "check and count" one atomic step is issue 11's work.
import { sha256 } from '../auth/crypto.js';
import type { Db } from './db.js';
import { iso } from './rows.js';

export interface RateLimitRule {
  /** Names the counter, e.g. `sign-in-account`; one key counts separately under each rule. */
  readonly name: string;
  /** Tries allowed in the window. */
  readonly limit: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
}

/** One rule's counter, with the same methods as the in-memory RateLimiter (but async). */
export interface Limiter {
  readonly rule: RateLimitRule;
  /** Seconds to wait before the next try, or 0 when a try is allowed now. */
  retryAfter(key: string, now: number): Promise<number>;
  hit(key: string, now: number): Promise<void>;
  reset(key: string): Promise<void>;
}

export class RateLimits {
  constructor(private readonly db: Db) {}

  private bucket(rule: RateLimitRule, key: string): string {
    return `${rule.name}:${sha256(key)}`;
  }

  async retryAfter(rule: RateLimitRule, key: string, now: number): Promise<number> {
    const [r] = await this.db.query(
      'SELECT count(*)::int AS n, min(at) AS first FROM rate_limit_hits WHERE bucket = $1 AND at > $2',
      [this.bucket(rule, key), new Date(now - rule.windowMs).toISOString()],
    );
    if (!r || Number(r.n) < rule.limit) return 0;
    return Math.max(1, Math.ceil((Date.parse(iso(r.first)) + rule.windowMs - now) / 1000));
  }

  async hit(rule: RateLimitRule, key: string, now: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Tries that no window can count any more go, for every key (the index on expires_at keeps this cheap).
      await tx.query('DELETE FROM rate_limit_hits WHERE expires_at <= $1', [new Date(now).toISOString()]);
      await tx.query('INSERT INTO rate_limit_hits (bucket, at, expires_at) VALUES ($1, $2, $3)', [
        this.bucket(rule, key),
        new Date(now).toISOString(),
        new Date(now + rule.windowMs).toISOString(),
      ]);
    });
  }

  async reset(rule: RateLimitRule, key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limit_hits WHERE bucket = $1', [this.bucket(rule, key)]);
  }

  /** A counter for one rule. */
  limiter(rule: RateLimitRule): Limiter {
    return {
      rule,
      retryAfter: (key, now) => this.retryAfter(rule, key, now),
      hit: (key, now) => this.hit(rule, key, now),
      reset: (key) => this.reset(rule, key),
    };
  }
}
