import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { ReadinessCheck } from '../shared/readiness.js';

export type { ReadinessCheck } from '../shared/readiness.js';

export interface RedisConnection {
  /** For rate limits and the readiness check: fails fast while Redis is away (no offline queue). */
  commands: Redis;
  /** The socket.io adapter's publisher and subscriber. */
  pub: Redis;
  sub: Redis;
  /** Key and channel prefix, so several deployments (or test runs) can share one Redis. */
  prefix: string;
  readiness: ReadinessCheck;
  /** Broadcasts not passed on to the other instances because Redis was away too long (see `maxHeldPublishes`). */
  droppedPublishes(): number;
  close(): Promise<void>;
}

/** How long a command may take before the limiter falls back to memory and readiness fails. */
const COMMAND_TIMEOUT_MS = 1_000;
/** About 10 MB of events: a few minutes of a busy shop. */
const DEFAULT_MAX_HELD_PUBLISHES = 10_000;

/**
 * Bounds the publishes `pub` queues while Redis is away (socket.io's adapter never awaits them, so
 * they cannot fail): past `max`, a publish is dropped until Redis is ready again, instead of
 * holding memory for as long as the outage lasts. Returns the count of dropped publishes.
 */
function holdPublishesUpTo(pub: Redis, max: number, onFirstDrop: () => void): () => number {
  const publish = pub.publish.bind(pub) as (channel: string, message: string | Buffer) => Promise<number>;
  let held = 0;
  let dropped = 0;
  let dropping = false;
  pub.on('ready', () => {
    held = 0;
    dropping = false;
  });
  const bounded = (channel: string, message: string | Buffer): Promise<number> => {
    if (pub.status === 'ready') return publish(channel, message);
    if (held < max) {
      held++;
      return publish(channel, message);
    }
    dropped++;
    if (!dropping) onFirstDrop();
    dropping = true;
    return Promise.resolve(0);
  };
  Object.assign(pub, { publish: bounded });
  return () => dropped;
}

/**
 * The connections to a Redis shared by every instance. Each client reconnects on its own after
 * Redis goes away; the log says once when it went and once when it came back. The adapter's
 * clients queue while Redis is away (socket.io does not await its publishes, so a publish must
 * never reject), and the command client fails at once (limits then use memory).
 */
export function createRedisConnection(opts: {
  url: string;
  prefix: string;
  logger: Logger;
  /** Broadcasts held for the other instances while Redis is away; past it they reach this instance's sockets only. */
  maxHeldPublishes?: number;
}): RedisConnection {
  const { logger } = opts;
  const maxHeld = opts.maxHeldPublishes ?? DEFAULT_MAX_HELD_PUBLISHES;
  const retryStrategy = (attempt: number) => Math.min(attempt * 100, 2_000);
  const commands = new Redis(opts.url, {
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy,
  });
  const pub = new Redis(opts.url, { maxRetriesPerRequest: null, retryStrategy });
  const sub = pub.duplicate();
  let away = false;
  commands.on('error', (err: unknown) => {
    if (away) return;
    away = true;
    logger.warn('Redis is unreachable: rate limits use memory, live events reach this instance only', { err });
  });
  commands.on('ready', () => {
    if (!away) return;
    away = false;
    logger.info('Redis is back: rate limits and live events are shared again');
  });
  // Errors of the adapter's clients repeat what the command client already said.
  for (const c of [pub, sub]) c.on('error', () => {});
  const dropped = holdPublishesUpTo(pub, maxHeld, () =>
    logger.warn(
      `Redis has been away for ${maxHeld} broadcasts: live events now reach this instance's sockets only, ` +
        "until Redis is back (the other instances' shoppers catch up when they rejoin)",
    ),
  );

  return {
    commands,
    pub,
    sub,
    prefix: opts.prefix,
    readiness: {
      name: 'redis',
      async check() {
        try {
          await commands.ping();
          return { ok: true };
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          return { ok: false, detail: `unreachable (${reason}); rate limits use memory` };
        }
      },
    },
    droppedPublishes: dropped,
    async close() {
      await Promise.all(
        [commands, pub, sub].map(async (c) => {
          // QUIT would wait in the offline queue while Redis is away: then just drop the connection.
          if (c.status === 'ready') await c.quit().catch(() => c.disconnect());
          else c.disconnect();
        }),
      );
    },
  };
}
