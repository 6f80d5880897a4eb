import { RateLimitError } from '../errors.js';
import { describeWait } from '../shared/describe-wait.js';

interface Rule {
  /** Failures allowed before the back-off starts. */
  free: number;
  /** The longest wait it grows to. */
  maxSeconds: number;
}

/**
 * After a few failed logins, further attempts wait, doubling with each failure. Three keys: the
 * client address, the account from that address, and the account from anywhere. The last has a
 * short ceiling, so a stranger guessing passwords slows an account down but can never lock its
 * agent out; the first two grow long, so one address cannot keep guessing.
 */
export const LOGIN_RULES: Record<'ip' | 'accountFromIp' | 'account', Rule> = {
  ip: { free: 10, maxSeconds: 15 * 60 },
  accountFromIp: { free: 5, maxSeconds: 15 * 60 },
  account: { free: 20, maxSeconds: 60 },
};

export function createLoginBackoff(opts: { now?: () => number; maxKeys?: number } = {}) {
  const now = opts.now ?? Date.now;
  const failures = new Map<string, { count: number; lastAt: number }>();
  const maxKeys = opts.maxKeys ?? 50_000;
  const keys = (email: string, ip: string) =>
    [
      [`ip:${ip}`, LOGIN_RULES.ip],
      [`account-ip:${email}:${ip}`, LOGIN_RULES.accountFromIp],
      [`account:${email}`, LOGIN_RULES.account],
    ] as const;
  const waitFor = (key: string, rule: Rule) => {
    const f = failures.get(key);
    if (!f || f.count < rule.free) return 0;
    const seconds = Math.min(rule.maxSeconds, 2 ** Math.min(f.count - rule.free + 1, 20));
    return Math.max(0, f.lastAt + seconds * 1000 - now());
  };
  return {
    /** Throws `limits:rate_limited` while any of the keys must still wait. */
    check(email: string, ip: string): void {
      const waitMs = Math.max(...keys(email, ip).map(([k, r]) => waitFor(k, r)));
      if (waitMs > 0) {
        const retryAfterSeconds = Math.ceil(waitMs / 1000);
        throw new RateLimitError(`Too many failed logins. Try again in ${describeWait(retryAfterSeconds)}.`, {
          retryAfterSeconds,
        });
      }
    },
    failed(email: string, ip: string): void {
      for (const [k] of keys(email, ip)) {
        const f = failures.get(k) ?? { count: 0, lastAt: 0 };
        failures.delete(k);
        failures.set(k, { count: f.count + 1, lastAt: now() });
      }
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    succeeded(email: string, ip: string): void {
      for (const [k] of keys(email, ip)) failures.delete(k);
    },
  };
}

export type LoginBackoff = ReturnType<typeof createLoginBackoff>;
