import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited, type LimiterFactory } from './rate-limiter.js';

/**
 * A limiter and a counter in Redis, shared by every instance, with the same budget in memory as
 * insurance: while Redis is away (or slow) each instance counts alone, and Redis is used again as
 * soon as it answers.
 */
export function redisStore(client: Redis, keyPrefix: string, points: number, durationSeconds: number) {
  return new RateLimiterRedis({
    storeClient: client,
    keyPrefix,
    points,
    duration: durationSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds }),
  });
}

/**
 * Rate limiters in Redis (`rate-limiter-flexible`): `limit` events per window, counted in fixed
 * windows of `windowMs`, the budget shared by every instance.
 */
export function redisLimiters(client: Redis, prefix: string): LimiterFactory {
  return (opts) => {
    const store = redisStore(client, `${prefix}limit:${opts.name}`, opts.limit, Math.ceil(opts.windowMs / 1000));
    return {
      async take(key, cost = 1) {
        try {
          await store.consume(key, cost);
        } catch (res) {
          if (!(res instanceof RateLimiterRes)) throw res;
          opts.onRefused?.(opts.what);
          throw rateLimited(opts.what, Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
        }
      },
    };
  };
}
