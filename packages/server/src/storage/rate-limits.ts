// Sign-in tries counted in the database, so every server process on one database shares the count. A rule allows
// `limit` tries per key in a sliding window. Keys (an email address, an IP address) are stored only as hashes.
// `take` checks and counts in one step, atomic in the database: a try is counted (reserved) before the password is
// checked, under a per-bucket lock, so of any number of parallel tries at most `limit` get through per window,
// whichever process or connection they arrive on.
import { sha256 } from '../auth/crypto.js';
import type { Db } from './db.js';
import { iso } from './rows.js';

/** The rule counting sign-in tries per account (the email, lower-cased). A destruction forgets its counts. */
export const SIGN_IN_ACCOUNT_RULE = 'sign-in-account';

/** The name a key's counter is stored under: the rule and a hash of the key, never the key itself. */
export function bucketName(ruleName: string, key: string): string {
  return `${ruleName}:${sha256(key)}`;
}

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

/** Tries counted by `take`; a try that should not count after all (a sign-in that succeeded) is given back. */
export interface Taken {
  /** 0: the try may go ahead (and was counted under every rule); otherwise seconds to wait (nothing counted). */
  readonly retryAfter: number;
  /** Un-counts this try under the rules named (all when none are named). */
  release(...rules: RateLimitRule[]): Promise<void>;
}

export class RateLimits {
  constructor(private readonly db: Db) {}

  private bucket(rule: RateLimitRule, key: string): string {
    return bucketName(rule.name, key);
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

  /**
   * Checks and counts one try under several rules at once, atomically: the buckets are locked (a transaction-scoped
   * advisory lock each, in a fixed order), counted, and the try is recorded under every rule only when every rule
   * allows it. Parallel callers on one bucket queue on its lock, so at most `limit` of them are allowed per window.
   */
  async take(entries: readonly { limiter: Limiter; key: string }[], now: number): Promise<Taken> {
    const list = entries
      .map((e) => ({ rule: e.limiter.rule, bucket: this.bucket(e.limiter.rule, e.key) }))
      .sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
    const at = new Date(now).toISOString();
    const wait = await this.db.transaction(async (tx) => {
      for (const e of list) await tx.query('SELECT pg_advisory_xact_lock(727002, hashtext($1))', [e.bucket]);
      let longest = 0;
      for (const e of list) {
        const [r] = await tx.query(
          'SELECT count(*)::int AS n, min(at) AS first FROM rate_limit_hits WHERE bucket = $1 AND at > $2',
          [e.bucket, new Date(now - e.rule.windowMs).toISOString()],
        );
        if (r && Number(r.n) >= e.rule.limit)
          longest = Math.max(longest, Math.ceil((Date.parse(iso(r.first)) + e.rule.windowMs - now) / 1000), 1);
      }
      if (longest > 0) return longest;
      await tx.query('DELETE FROM rate_limit_hits WHERE expires_at <= $1', [at]);
      for (const e of list)
        await tx.query('INSERT INTO rate_limit_hits (bucket, at, expires_at) VALUES ($1, $2, $3)', [
          e.bucket,
          at,
          new Date(now + e.rule.windowMs).toISOString(),
        ]);
      return 0;
    });
    return {
      retryAfter: wait,
      release: async (...rules) => {
        if (wait > 0) return;
        for (const e of list) {
          if (rules.length && !rules.some((r) => r.name === e.rule.name)) continue;
          await this.db.query(
            'DELETE FROM rate_limit_hits WHERE ctid IN (SELECT ctid FROM rate_limit_hits WHERE bucket = $1 AND at = $2 LIMIT 1)',
            [e.bucket, at],
          );
        }
      },
    };
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
