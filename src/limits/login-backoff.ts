import type { Redis } from 'ioredis';
import { RateLimitError } from '../errors.js';
import { describeWait } from '../shared/describe-wait.js';
import { redisStore } from './redis-limiters.js';

interface Rule {
  /** Failures allowed before the back-off starts. */
  free: number;
  /** The longest wait it grows to. */
  maxSeconds: number;
}

type RuleName = 'ip' | 'accountFromIp' | 'account';

/**
 * After a few failed logins, further attempts wait, doubling with each failure. Three keys: the
 * client address, the account from that address, and the account from anywhere. The last has a
 * short ceiling, so a stranger guessing passwords slows an account down but can never lock its
 * agent out; the first two grow long, so one address cannot keep guessing.
 */
export const LOGIN_RULES: Record<RuleName, Rule> = {
  ip: { free: 10, maxSeconds: 15 * 60 },
  accountFromIp: { free: 5, maxSeconds: 15 * 60 },
  account: { free: 20, maxSeconds: 60 },
};

export interface LoginBackoff {
  /** Rejects with `limits:rate_limited` while any of the keys must still wait. */
  check(email: string, ip: string): Promise<void>;
  failed(email: string, ip: string): Promise<void>;
  succeeded(email: string, ip: string): Promise<void>;
}

const keysOf = (email: string, ip: string): [RuleName, string][] => [
  ['ip', `ip:${ip}`],
  ['accountFromIp', `account-ip:${email}:${ip}`],
  ['account', `account:${email}`],
];

/** The wait after `count` failures under `rule`, in seconds (0: none yet). */
const waitSeconds = (rule: Rule, count: number) =>
  count < rule.free ? 0 : Math.min(rule.maxSeconds, 2 ** Math.min(count - rule.free + 1, 20));

function refuse(waitMs: number): never {
  const retryAfterSeconds = Math.ceil(waitMs / 1000);
  throw new RateLimitError(`Too many failed logins. Try again in ${describeWait(retryAfterSeconds)}.`, {
    retryAfterSeconds,
  });
}

/** The back-off in this process' memory. */
export function createLoginBackoff(opts: { now?: () => number; maxKeys?: number } = {}): LoginBackoff {
  const now = opts.now ?? Date.now;
  const failures = new Map<string, { count: number; lastAt: number }>();
  const maxKeys = opts.maxKeys ?? 50_000;
  const waitFor = (key: string, rule: Rule) => {
    const f = failures.get(key);
    const seconds = f ? waitSeconds(rule, f.count) : 0;
    return f && seconds > 0 ? Math.max(0, f.lastAt + seconds * 1000 - now()) : 0;
  };
  return {
    async check(email, ip) {
      const waitMs = Math.max(...keysOf(email, ip).map(([r, k]) => waitFor(k, LOGIN_RULES[r])));
      if (waitMs > 0) refuse(waitMs);
    },
    async failed(email, ip) {
      for (const [, k] of keysOf(email, ip)) {
        const f = failures.get(k) ?? { count: 0, lastAt: 0 };
        failures.delete(k);
        failures.set(k, { count: f.count + 1, lastAt: now() });
      }
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    async succeeded(email, ip) {
      for (const [, k] of keysOf(email, ip)) failures.delete(k);
    },
  };
}

/** Failures are forgotten a day after the first (memory forgets them only on success). */
const FORGET_AFTER_SECONDS = 24 * 60 * 60;

/**
 * The back-off in Redis, shared by every instance (memory while Redis is away): per key a failure
 * count, and a block for the current wait.
 */
export function createRedisLoginBackoff(client: Redis, prefix: string): LoginBackoff {
  const storesOf = (name: RuleName) => ({
    failures: redisStore(client, `${prefix}login:${name}:failures`, 1e9, FORGET_AFTER_SECONDS),
    wait: redisStore(client, `${prefix}login:${name}:wait`, 1, LOGIN_RULES[name].maxSeconds),
  });
  const stores = { ip: storesOf('ip'), accountFromIp: storesOf('accountFromIp'), account: storesOf('account') };
  return {
    async check(email, ip) {
      const waits = await Promise.all(
        keysOf(email, ip).map(async ([r, k]) => {
          const res = await stores[r].wait.get(k);
          return res && res.consumedPoints > 1 ? res.msBeforeNext : 0;
        }),
      );
      const waitMs = Math.max(...waits);
      if (waitMs > 0) refuse(waitMs);
    },
    async failed(email, ip) {
      for (const [r, k] of keysOf(email, ip)) {
        const res = await stores[r].failures.penalty(k, 1);
        const seconds = waitSeconds(LOGIN_RULES[r], res.consumedPoints);
        if (seconds > 0) await stores[r].wait.block(k, seconds);
      }
    },
    async succeeded(email, ip) {
      for (const [r, k] of keysOf(email, ip)) {
        await Promise.all([stores[r].failures.delete(k), stores[r].wait.delete(k)]);
      }
    },
  };
}
