import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/chat/protocol.js';
import { migrate } from '../../src/db/migrate.js';
import { createPgliteDatabase } from '../../src/db/pglite-database.js';
import { openMigratedPglite } from '../helpers/pglite-template.js';
import { servePgliteOverWire } from '../../src/db/serve-over-wire.js';
import { fakeStreamingModel, startMain } from '../helpers/child-app.js';
import { connectShopper, newSession, request, seedTestShop, waitFor } from '../helpers/test-app.js';
import { requireRedis, TEST_REDIS_URL, testRedisPrefix } from '../helpers/test-redis.js';

/**
 * Two instances of `src/main.ts` as separate processes on one database (served over the wire) and
 * one Redis. Instance A is killed with SIGKILL in the middle of a streamed answer; the shopper
 * reconnects to B from their last sequence number, and B, once A's lease on the turn expired, ends
 * the half-written answer as interrupted: every event of the conversation arrives exactly once.
 */
const REPLY = 'An answer that instance A never gets to finish.';
const LEASE_MS = 2_000;
const redisUp = await requireRedis();

let pglite: PGlite;
let dbUrl: string;
let stopDb: () => Promise<void>;
const dataDirs: string[] = [];
const model = fakeStreamingModel(REPLY);
const prefix = testRedisPrefix();

beforeAll(async () => {
  pglite = await openMigratedPglite();
  const db = createPgliteDatabase(pglite);
  await migrate(db);
  await seedTestShop(db);
  const served = await servePgliteOverWire(pglite, { maxConnections: 30 });
  dbUrl = served.url;
  stopDb = served.stop;
  await model.listen();
});
afterAll(async () => {
  await model.close();
  await stopDb?.();
  await pglite?.close();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function instance() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'concierge-killed-'));
  dataDirs.push(dataDir);
  return startMain({
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: model.url(),
    SESSION_SECRET: 'killed-test-session-secret-0123456789abc',
    TURN_LEASE_MS: String(LEASE_MS),
  });
}

// Needs a Redis: skipped on a laptop without one; under CI requireRedis throws instead, so CI never skips it.
describe.skipIf(!redisUp)('an instance killed mid-answer', () => {
  it('leaves no turn half-written: the shopper reconnects to B and gets every event exactly once', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    try {
      const s = await newSession(a.url);
      const onA = await connectShopper(a.url, s.body.token);
      const conversationId = s.body.conversationId;
      await request(onA.socket, 'conversation:join', { conversationId, afterSeq: 0 });
      await request(onA.socket, 'message:send', {
        conversationId,
        clientMessageId: 'killed-mid-answer-1',
        text: 'tell me about running shoes',
      });
      await waitFor(() => onA.events.some((e) => e.type === 'message.delta'));
      a.child.kill('SIGKILL');
      expect(await a.exited).toBeNull();

      // The widget reconnects to whichever instance answers and asks for what it missed.
      const lastSeq = Math.max(...onA.events.map((e) => e.seq));
      const onB = await connectShopper(b.url, s.body.token);
      const joined = await request<{ events: ConversationEvent[] }>(onB.socket, 'conversation:join', {
        conversationId,
        afterSeq: lastSeq,
      });
      const later = () => [...(joined.data?.events ?? []), ...onB.events];
      const ended = await waitFor(
        () => later().find((e) => e.type === 'message.completed' && e.role === 'assistant'),
        LEASE_MS * 10,
      );
      expect(ended).toMatchObject({ failed: true, retryable: true });
      expect(ended.type === 'message.completed' && ended.text).toMatch(/interrupted/i);

      // Every sequence number from 1 to the last, once, across both connections.
      const seqs = [...onA.events, ...later()].map((e) => e.seq).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      onA.socket.close();
      onB.socket.close();
    } finally {
      model.release();
      b.child.kill('SIGTERM');
      await b.exited;
    }
  }, 120_000);
});
