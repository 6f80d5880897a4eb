import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { createLogger, type Logger } from '../../src/logger.js';
import { createRedisConnection, type RedisConnection } from '../../src/redis/redis-connection.js';

/** The machine's Redis (CI starts one on 6379). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when something answers PING at `url`, within a second. */
export function redisAnswers(url = TEST_REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/**
 * Whether the Redis tests run here: without a Redis they are skipped on a developer's machine,
 * and fail under CI (which starts one), so a missing Redis never passes unnoticed.
 */
export async function requireRedis(): Promise<boolean> {
  if (await redisAnswers()) return true;
  if (process.env.CI) throw new Error(`CI: no Redis answers at ${TEST_REDIS_URL} (.ci/run starts one)`);
  return false;
}

/** A key and channel prefix of its own, so test runs sharing the machine's Redis never meet. */
export const testRedisPrefix = () => `concierge-test:${randomUUID().slice(0, 8)}:`;

export function connectTestRedis(
  prefix: string,
  opts: { url?: string; logger?: Logger; maxHeldPublishes?: number } = {},
): RedisConnection {
  return createRedisConnection({
    url: opts.url ?? TEST_REDIS_URL,
    prefix,
    logger: opts.logger ?? createLogger('silent'),
    maxHeldPublishes: opts.maxHeldPublishes,
  });
}
