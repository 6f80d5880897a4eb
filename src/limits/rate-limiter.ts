import { RateLimitError } from '../errors.js';
import { describeWait } from '../shared/describe-wait.js';

export interface RateLimiterOptions {
  /** Events allowed per window; also the burst size. */
  limit: number;
  windowMs: number;
  /** What is being limited, for the refusal: "messages", "new sessions"… */
  what: string;
  now?: () => number;
  /** Keys kept at most; the least recently used bucket goes first. */
  maxKeys?: number;
  /** Told about every refusal (metrics). */
  onRefused?: (what: string) => void;
}

/**
 * A token bucket per key (session, client address): `limit` events per `windowMs`, refilled
 * continuously, with a burst of the same size. `take()` throws a `limits:rate_limited` error that
 * says what was limited and when to try again.
 */
export function createRateLimiter(opts: RateLimiterOptions) {
  const now = opts.now ?? Date.now;
  const rate = opts.limit / opts.windowMs;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = opts.maxKeys ?? 50_000;
  return {
    take(key: string, cost = 1): void {
      const t = now();
      const b = buckets.get(key) ?? { tokens: opts.limit, at: t };
      b.tokens = Math.min(opts.limit, b.tokens + (t - b.at) * rate);
      b.at = t;
      buckets.delete(key);
      buckets.set(key, b);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (b.tokens < cost) {
        opts.onRefused?.(opts.what);
        const retryAfterSeconds = Math.max(1, Math.ceil((cost - b.tokens) / rate / 1000));
        throw new RateLimitError(`Too many ${opts.what}. Try again in ${describeWait(retryAfterSeconds)}.`, {
          retryAfterSeconds,
        });
      }
      b.tokens -= cost;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** A limiter of `perMinute` events a minute. */
export const perMinute = (limit: number, what: string, extra: Partial<RateLimiterOptions> = {}) =>
  createRateLimiter({ limit, windowMs: 60_000, what, ...extra });
