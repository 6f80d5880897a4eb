import { RateLimitError } from '../errors.js';

/**
 * A token bucket per key (session, IP): `perMinute` events, refilled continuously, with a burst
 * of the same size. `take()` throws a clear "slow down" error when the bucket is empty.
 */
export function createRateLimiter(opts: { perMinute: number; now?: () => number; maxKeys?: number }) {
  const now = opts.now ?? Date.now;
  const rate = opts.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = opts.maxKeys ?? 50_000;
  return {
    take(key: string, cost = 1): void {
      const t = now();
      const b = buckets.get(key) ?? { tokens: opts.perMinute, at: t };
      b.tokens = Math.min(opts.perMinute, b.tokens + (t - b.at) * rate);
      b.at = t;
      if (b.tokens < cost) {
        buckets.set(key, b);
        throw new RateLimitError('Slow down: you are sending messages too fast. Try again in a few seconds.', {
          retryAfterSeconds: Math.ceil((cost - b.tokens) / rate / 1000),
        });
      }
      b.tokens -= cost;
      buckets.delete(key);
      buckets.set(key, b);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
