import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/chat/protocol.js';
import { migrate } from '../../src/db/migrate.js';
import { createPgliteDatabase, openPglite } from '../../src/db/pglite-database.js';
import { servePgliteOverWire } from '../../src/db/serve-over-wire.js';
import { connectShopper, newSession, request, seedTestShop, waitFor } from '../helpers/test-app.js';
import { chatCompletionChunks } from '../msw/openai-chat.js';

/**
 * SIGTERM to `src/main.ts` in the middle of a streamed answer: the answer gets the grace period
 * to complete, then the sockets close (so their clients reconnect elsewhere) and the process
 * exits 0. The server runs as a child process on a database served over the wire and a fake
 * OpenAI-compatible server whose stream the test holds and releases.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const REPLY = 'This answer finishes while the server shuts down.';

let pglite: PGlite;
let dbUrl: string;
let stopDb: () => Promise<void>;
let dataDir: string;
const model = fakeStreamingModel();

beforeAll(async () => {
  pglite = await openPglite();
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

/** A chat-completions server that streams the first chunks of each answer, then waits for `release()`. */
function fakeStreamingModel() {
  let server: Server;
  let releases: Array<() => void> = [];
  const held = { count: 0 };
  return {
    held,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    listen: () =>
      new Promise<void>((resolve) => {
        server = createServer((req, res) => {
          req.resume();
          req.on('end', () => {
            const chunks = chatCompletionChunks({ text: REPLY }).map((c) => `data: ${JSON.stringify(c)}\n\n`);
            res.writeHead(200, { 'content-type': 'text/event-stream' });
            res.write(chunks.slice(0, 2).join(''));
            held.count++;
            releases.push(() => res.end(`${chunks.slice(2).join('')}data: [DONE]\n\n`));
          });
        });
        server.listen(0, '127.0.0.1', resolve);
      }),
    release() {
      releases.forEach((r) => r());
      releases = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `npm start` as a child process; resolves with its URL once it listens. */
async function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      DATABASE_URL: dbUrl,
      IMPORT_ON_START: 'false',
      EMBEDDINGS: 'local',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: model.url(),
      MODEL_MAX_RETRIES: '0',
      SESSION_SECRET: 'shutdown-test-session-secret-0123456789',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await waitFor(() => /Concierge is running: http:\/\/localhost:(\d+)\//.exec(log)?.[1], 60_000);
  return { child, url: `http://127.0.0.1:${port}`, exited, log: () => log };
}

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
    const main = await startMain({ SHUTDOWN_GRACE_MS: '20000' });
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
    const main = await startMain({ SHUTDOWN_GRACE_MS: '300' });
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
