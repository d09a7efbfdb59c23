// Sign-in rate limiting, in memory (per process): a fixed number of tries per key in a sliding window.
// Behind several processes each keeps its own count; docs/deployment.md says to put a shared limiter in the
// reverse proxy for that case.

export interface RateLimitRule {
  /** Tries allowed in the window. */
  readonly limit: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(readonly rule: RateLimitRule) {}

  /** Seconds to wait before the next try, or 0 when a try is allowed now. */
  retryAfter(key: string, now: number): number {
    const list = this.recent(key, now);
    if (list.length < this.rule.limit) return 0;
    return Math.max(1, Math.ceil(((list[0] as number) + this.rule.windowMs - now) / 1000));
  }

  hit(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 100_000) this.sweep(now);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = this.hits.get(key) ?? [];
    const from = now - this.rule.windowMs;
    while (list.length && (list[0] as number) <= from) list.shift();
    return list;
  }

  private sweep(now: number): void {
    for (const key of this.hits.keys()) if (!this.recent(key, now).length) this.hits.delete(key);
  }
}
