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

export interface RateLimiter {
  /** Spends `cost` units of `key`'s budget; rejects with `limits:rate_limited` when it is empty. */
  take(key: string, cost?: number): Promise<void>;
}

/** The refusal every limiter throws: what was limited, and when to try again. */
export function rateLimited(what: string, retryAfterSeconds: number): RateLimitError {
  return new RateLimitError(`Too many ${what}. Try again in ${describeWait(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

/**
 * A token bucket per key (session, client address) in this process: `limit` events per
 * `windowMs`, refilled continuously, with a burst of the same size.
 */
export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const rate = opts.limit / opts.windowMs;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = opts.maxKeys ?? 50_000;
  return {
    async take(key, cost = 1) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: opts.limit, at: t };
      b.tokens = Math.min(opts.limit, b.tokens + (t - b.at) * rate);
      b.at = t;
      buckets.delete(key);
      buckets.set(key, b);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (b.tokens < cost) {
        opts.onRefused?.(opts.what);
        throw rateLimited(opts.what, Math.max(1, Math.ceil((cost - b.tokens) / rate / 1000)));
      }
      b.tokens -= cost;
    },
  };
}

/** Makes a limiter; `name` tells limiters that share a `what` apart (a shared store keys by it). */
export type LimiterFactory = (opts: RateLimiterOptions & { name: string }) => RateLimiter;

/** Limiters in this process' memory (one instance, or no Redis). */
export const memoryLimiters: LimiterFactory = (opts) => createRateLimiter(opts);

/** A limiter of `perMinute` events a minute. */
export const perMinute = (limit: number, what: string, extra: Partial<RateLimiterOptions> = {}) =>
  createRateLimiter({ limit, windowMs: 60_000, what, ...extra });
