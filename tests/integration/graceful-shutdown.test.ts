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
import { connectShopper, newSession, request, seedTestShop, waitFor } from '../helpers/test-app.js';
import { fakeStreamingModel, startMain } from '../helpers/child-app.js';

/**
 * SIGTERM to `src/main.ts` in the middle of a streamed answer: the answer gets the grace period
 * to complete, then the sockets close (so their clients reconnect elsewhere) and the process
 * exits 0. The server runs as a child process on a database served over the wire and a fake
 * OpenAI-compatible server whose stream the test holds and releases.
 */
const REPLY = 'This answer finishes while the server shuts down.';

let pglite: PGlite;
let dbUrl: string;
let stopDb: () => Promise<void>;
let dataDir: string;
const model = fakeStreamingModel(REPLY);

beforeAll(async () => {
  pglite = await openMigratedPglite();
  const db = createPgliteDatabase(pglite);
  await migrate(db);
  await seedTestShop(db);
  const served = await servePgliteOverWire(pglite, { maxConnections: 10 });
  dbUrl = served.url;
  stopDb = served.stop;
  dataDir = mkdtempSync(path.join(tmpdir(), 'concierge-shutdown-'));
  await model.listen();
});
afterAll(async () => {
  await model.close();
  await stopDb?.();
  await pglite?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** This file's server: the shared database, the fake model, and `env`. */
const startMainHere = (env: Record<string, string>) =>
  startMain({
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl,
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: model.url(),
    SESSION_SECRET: 'shutdown-test-session-secret-0123456789',
    ...env,
  });

async function shopperMidAnswer(url: string) {
  const s = await newSession(url);
  const shopper = await connectShopper(url, s.body.token);
  const closed = new Promise<string>((resolve) => shopper.socket.once('disconnect', resolve));
  await request(shopper.socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
  const heldBefore = model.held.count;
  await request(shopper.socket, 'message:send', {
    conversationId: s.body.conversationId,
    clientMessageId: `shutdown-${Date.now()}`,
    text: 'tell me about running shoes',
  });
  await waitFor(() => model.held.count > heldBefore && shopper.events.some((e) => e.type === 'message.delta'));
  return { ...shopper, conversationId: s.body.conversationId, closed };
}

const completions = (events: ConversationEvent[]) => events.filter((e) => e.type === 'message.completed');

describe('SIGTERM', () => {
  it('lets the answer being written complete, closes the sockets and exits 0', async () => {
    const main = await startMainHere({ SHUTDOWN_GRACE_MS: '20000' });
    const shopper = await shopperMidAnswer(main.url);
    main.child.kill('SIGTERM');
    await waitFor(() => main.log().includes('SIGTERM: shutting down'));
    // Shutting down: no new connection is accepted.
    await expect(fetch(`${main.url}/healthz`)).rejects.toThrow();
    model.release();
    expect(await main.exited).toBe(0);
    // A closed transport: socket.io clients (the widget too) reconnect by themselves and rejoin after their last seq.
    expect(await shopper.closed).toBe('transport close');
    const done = completions(shopper.events);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ text: REPLY });
    expect(done[0]).not.toHaveProperty('failed');
  }, 90_000);

  it('stops waiting at SHUTDOWN_GRACE_MS, closes the sockets and still exits 0', async () => {
    const main = await startMainHere({ SHUTDOWN_GRACE_MS: '300' });
    const shopper = await shopperMidAnswer(main.url);
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(await shopper.closed).toBe('transport close');
    // Left unfinished: the instance that takes over (or the next start) ends it as interrupted.
    expect(completions(shopper.events)).toEqual([]);
    expect(main.log()).toMatch(/still writing 1 reply at the deadline/);
    model.release();
  }, 90_000);
});
