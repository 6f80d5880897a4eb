import { RateLimitError } from '../errors.js';

/**
 * Caps open connections per key (client address, session) in this process. `open()` throws
 * `limits:rate_limited` at the cap; the returned function releases the slot once.
 */
export function createConnectionCaps(opts: { limits: Record<string, number>; onRefused?: (what: string) => void }) {
  const counts = new Map<string, number>();
  return {
    open(keys: Record<string, string>): () => void {
      const entries = Object.entries(keys).map(([kind, id]) => [kind, `${kind}:${id}`] as const);
      for (const [kind, key] of entries) {
        if ((counts.get(key) ?? 0) >= (opts.limits[kind] ?? Infinity)) {
          opts.onRefused?.(`connections per ${kind}`);
          throw new RateLimitError(
            `Too many open chat connections from this ${kind}. Close another chat window first.`,
            {
              retryAfterSeconds: 30,
            },
          );
        }
      }
      for (const [, key] of entries) counts.set(key, (counts.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const [, key] of entries) {
          const n = (counts.get(key) ?? 1) - 1;
          if (n <= 0) counts.delete(key);
          else counts.set(key, n);
        }
      };
    },
  };
}

export type ConnectionCaps = ReturnType<typeof createConnectionCaps>;
