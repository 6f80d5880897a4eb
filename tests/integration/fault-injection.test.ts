import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/chat/protocol.js';
import type { ChannelMessage } from '../../src/chat/shopper-routes.js';
import type { Database, Queryable } from '../../src/db/database.js';
import type { QueuePage } from '../../src/handoff/agent-protocol.js';
import { createLogger } from '../../src/logger.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
import { openTestDatabase } from '../helpers/test-database.js';
import {
  connectShopper,
  newSession,
  request,
  seedTestShop,
  startTestApp,
  TEST_CONFIG,
  waitFor,
} from '../helpers/test-app.js';

/** What `pg` reports when Postgres ends the connection under a statement (a restart, a failover). */
function transientError(): Error {
  return Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
    severity: 'FATAL',
  });
}

/**
 * The real database, except that it can be told to fail the next N statements whose SQL matches a
 * pattern, in or out of a transaction, as a transient Postgres error would.
 */
function withFaults(inner: Database) {
  const armed: { pattern: RegExp; remaining: number; skip: number }[] = [];
  const injected: { sql: string; params: unknown[] }[] = [];
  const check = (sql: string, params: unknown[]) => {
    const fault = armed.find((f) => f.remaining > 0 && sql.search(f.pattern) >= 0);
    if (!fault) return;
    if (fault.skip > 0) {
      fault.skip -= 1;
      return;
    }
    fault.remaining -= 1;
    injected.push({ sql, params });
    throw transientError();
  };
  const wrap = (q: Queryable): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      check(sql, params);
      return q.query<T>(sql, params);
    },
    async exec(sql: string) {
      check(sql, []);
      return q.exec(sql);
    },
  });
  const db: Database = {
    engine: inner.engine,
    capabilities: inner.capabilities,
    ...wrap(inner),
    transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
    close: () => inner.close(),
  };
  return {
    db,
    injected,
    /** Fails the next `times` statements matching `pattern`, after letting `skip` of them through. */
    failNext(pattern: RegExp, times = 1, skip = 0) {
      armed.push({ pattern, remaining: times, skip });
    },
    /** Faults armed but not hit yet. */
    pending: () => armed.reduce((n, f) => n + f.remaining, 0),
    reset() {
      armed.length = 0;
      injected.length = 0;
    },
  };
}

const QUEUE_NEXT = /UPDATE messages SET turn_state = 'running'/;
const TURN_STATE = /SELECT turn_state FROM messages WHERE id = \$1/;
const AGENT_QUEUE_PAGE = /count\(\*\) OVER \(\)/;
const CONVERSATION_BY_ID = /SELECT \* FROM conversations WHERE id = \$1/;
const EVENT_INSERT = /INSERT INTO conversation_events/;
const SESSION_BY_ID = /SELECT \* FROM shopper_sessions WHERE id = \$1/;
const ASSISTANT_APPEND = /AND status IN \('bot', 'queued'\) AND epoch = \$2/;

let inner: Database;
let faults: ReturnType<typeof withFaults>;
let app: Awaited<ReturnType<typeof startTestApp>>;
const logLines: string[] = [];

beforeAll(async () => {
  inner = await openTestDatabase('pglite');
  await seedTestShop(inner);
  faults = withFaults(inner);
  app = await startTestApp(faults.db, {
    // A REST message waits at most timeoutMs * (maxSteps + 1): one second here.
    config: { model: { ...TEST_CONFIG.model, timeoutMs: 500, maxSteps: 1 } },
    logger: createLogger('error', (line) => logLines.push(line)),
  });
});
afterAll(async () => {
  await app?.close();
  await inner?.close();
});
afterEach(() => {
  // Every test's fault must have been hit, or it showed nothing.
  expect(faults.pending()).toBe(0);
  faults.reset();
  logLines.length = 0;
});

/** The data of the first error line logged with this message. */
function loggedError(message: string): { err?: Record<string, unknown> } | undefined {
  const line = logLines.find((l) => l.includes(` error ${message} {`));
  return line ? (JSON.parse(line.slice(line.indexOf('{'))) as { err?: Record<string, unknown> }) : undefined;
}

const transientLogged = {
  err: expect.objectContaining({
    message: 'terminating connection due to administrator command',
    code: '57P01',
    stack: expect.stringMatching(/^Error: terminating connection due to administrator command\n\s+at /),
  }),
};

async function expectStillServing() {
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  expect((await newSession(app.url)).status).toBe(201);
}

type Completed = Extract<ConversationEvent, { type: 'message.completed' }>;
const replies = (events: ConversationEvent[]) =>
  events.filter((e): e is Completed => e.type === 'message.completed' && e.role === 'assistant');

describe('a transient database error', () => {
  it('in the turn queue: the pump tries again and the shopper still gets the answer', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    faults.failNext(QUEUE_NEXT);

    const ack = await request(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'fault-queue-0001',
      text: 'hello',
    });
    expect(ack.ok).toBe(true);
    // The pump waits its retry delay (2 s in the app) before reading the queue again.
    await waitFor(() => replies(events).length === 1, 10_000);
    expect(faults.injected).toEqual([
      {
        sql: expect.stringMatching(QUEUE_NEXT),
        // The conversation, then this instance's id and the lease it takes.
        params: [s.body.conversationId, expect.any(String), expect.any(Number)],
      },
    ]);
    expect(loggedError('turn queue failed; trying again shortly')).toMatchObject(transientLogged);

    await request(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'fault-queue-0002',
      text: 'thanks',
    });
    await waitFor(() => replies(events).length === 2);
    expect(replies(events).map((e) => e.failed)).toEqual([undefined, undefined]);
    await expectStillServing();
    socket.close();
  });

  it('reading a turn state: the REST message is still answered', async () => {
    const s = await newSession(app.url);
    const auth = { authorization: `Bearer ${s.body.token}`, 'content-type': 'application/json' };
    const messagesUrl = `${app.url}/api/conversations/${s.body.conversationId}/messages`;
    faults.failNext(TURN_STATE);

    const started = Date.now();
    const res = await fetch(messagesUrl, { method: 'POST', headers: auth, body: JSON.stringify({ text: 'hello' }) });
    expect(res.status).toBe(200);
    // The finished turn ends the wait; had it finished before the wait began, the 1 s timeout would.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(faults.injected).toEqual([{ sql: expect.stringMatching(TURN_STATE), params: [expect.any(Number)] }]);
    expect(loggedError('could not read a turn state')).toMatchObject(transientLogged);

    const log = await waitFor(async () => {
      const r = await fetch(messagesUrl, { headers: auth });
      const body = (await r.json()) as { messages: ChannelMessage[] };
      return body.messages.some((m) => m.role === 'assistant') && body.messages;
    });
    expect(log.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(log[1].failed).toBeUndefined();
    await expectStillServing();
  });

  it('in the agent socket setup: the console connects and can ask for the queue again', async () => {
    const login = await agentLogin(app.url, 'alex@example.com', 'agent-password-1');
    expect(login.status).toBe(201);
    // A console already open sees the new conversation: then no queue push is pending that could meet the fault.
    const watcher = await connectAgent(app.url, login.token);
    const s = await newSession(app.url);
    await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.body.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
    await waitFor(() =>
      watcher.events.some((e) => e.type === 'queue' && e.items.some((i) => i.conversationId === s.body.conversationId)),
    );
    faults.failNext(AGENT_QUEUE_PAGE);

    const { socket } = await connectAgent(app.url, login.token);
    const logged = await waitFor(() => loggedError('agent socket setup failed'));
    expect(logged).toMatchObject(transientLogged);
    expect(faults.injected).toEqual([{ sql: expect.stringMatching(AGENT_QUEUE_PAGE), params: [50, 0] }]);

    const list = await ask<QueuePage>(socket, 'queue:list', {});
    expect(list).toMatchObject({
      ok: true,
      data: { items: expect.any(Array), total: expect.any(Number), counts: expect.any(Object) },
    });
    expect(list.data!.items.map((i) => i.conversationId)).toContain(s.body.conversationId);
    expect(socket.connected).toBe(true);
    await expectStillServing();
    socket.close();
    watcher.socket.close();
  });

  it('in a socket event: the ack is an internal error and the next attempt works', async () => {
    const s = await newSession(app.url);
    const { socket } = await connectShopper(app.url, s.body.token);
    faults.failNext(CONVERSATION_BY_ID);

    const failed = await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    expect(failed).toEqual({
      ok: false,
      error: { code: 'internal:server', message: 'Something went wrong on our side.' },
    });
    expect(faults.injected).toEqual([
      { sql: expect.stringMatching(CONVERSATION_BY_ID), params: [s.body.conversationId] },
    ]);
    expect(loggedError('socket event failed')).toMatchObject(transientLogged);

    const joined = await request<{ conversationId: string }>(socket, 'conversation:join', {
      conversationId: s.body.conversationId,
      afterSeq: 0,
    });
    expect(joined).toMatchObject({ ok: true, data: { conversationId: s.body.conversationId } });
    expect(socket.connected).toBe(true);
    await expectStillServing();
    socket.close();
  });

  it('inside a transaction: nothing is half stored, and the resent message is answered once', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    const message = { conversationId: s.body.conversationId, clientMessageId: 'fault-tx-0001', text: 'hello' };
    // The message row is inserted first; its event insert fails, so the transaction must roll back.
    faults.failNext(EVENT_INSERT);

    const failed = await request(socket, 'message:send', message);
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal:server' } });
    expect(faults.injected).toEqual([{ sql: expect.stringMatching(EVENT_INSERT), params: expect.any(Array) }]);
    expect(faults.injected[0].params[0]).toBe(s.body.conversationId);
    expect(loggedError('socket event failed')).toMatchObject(transientLogged);

    const resent = await request(socket, 'message:send', message);
    expect(resent).toMatchObject({ ok: true });
    await waitFor(() => replies(events).length === 1);
    const log = await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages`, {
      headers: { authorization: `Bearer ${s.body.token}` },
    });
    const body = (await log.json()) as { messages: ChannelMessage[] };
    expect(body.messages.map((m) => [m.role, m.failed])).toEqual([
      ['user', undefined],
      ['assistant', undefined],
    ]);
    await expectStillServing();
    socket.close();
  });

  it('before a turn starts: the turn waits in the queue and is answered, not dropped', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    // The sender's session is read when the turn starts, to know whom the tools act for.
    faults.failNext(SESSION_BY_ID);
    await request(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'fault-start-0001',
      text: 'hello',
    });
    await waitFor(() => replies(events).length === 1, 10_000);
    expect(replies(events)[0].failed).toBeUndefined();
    expect(loggedError('a turn could not start; it waits in the queue')).toMatchObject(transientLogged);
    await expectStillServing();
    socket.close();
  });

  it('while writing a reply: the message ends as failed and retryable, and Retry answers it', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId, afterSeq: 0 });
    // message.started is stored; the next assistant event is not.
    faults.failNext(ASSISTANT_APPEND, 1, 1);
    await request(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'fault-write-0001',
      text: 'hello',
    });
    const [failed] = await waitFor(() => replies(events).length === 1 && replies(events));
    expect(failed).toMatchObject({ failed: true, retryable: true });
    expect(loggedError('could not store an assistant event')).toMatchObject(transientLogged);
    const retry = await request(socket, 'turn:retry', {
      conversationId: s.body.conversationId,
      messageId: failed.messageId,
    });
    expect(retry).toMatchObject({ ok: true });
    await waitFor(() => replies(events).length === 2);
    expect(replies(events)[1].failed).toBeUndefined();
    await expectStillServing();
    socket.close();
  });
});
