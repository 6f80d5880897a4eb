import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineModel } from '../../src/agent/models/offline-model.js';
import { SHOPPER_NAMESPACE, type ConversationEvent } from '../../src/chat/protocol.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { agentLogin } from '../helpers/agent-client.js';
import {
  connectShopper,
  mswModel,
  newSession,
  request,
  seedTestShop,
  signedIn,
  startTestApp,
  TEST_CONFIG,
  waitFor,
} from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { createChatScript, LOCAL_SERVER_ONLY, setupOpenAIMockServer, streamReply } from '../msw/openai-chat.js';

const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  mock.listen(LOCAL_SERVER_ONLY);
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  app = await startTestApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  mock.close();
});

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of several shapes
  const json = (await res.json()) as Record<string, any>;
  return { status: res.status, headers: res.headers, body: json };
}

const say = (url: string, s: { token: string; conversationId: string }, text: string) =>
  post(url, `/api/conversations/${s.conversationId}/messages`, { text }, { authorization: `Bearer ${s.token}` });

describe('retries', () => {
  it('runs again only a failed answer, never a finished one', async () => {
    const s = await newSession(app.url);
    const { socket, events } = await connectShopper(app.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId: s.body.conversationId });
    await request(socket, 'message:send', {
      conversationId: s.body.conversationId,
      clientMessageId: 'retry-0001',
      text: 'hi',
    });
    const done = await waitFor(() => events.find((e: ConversationEvent) => e.type === 'message.completed'));
    const retry = await request(socket, 'turn:retry', {
      conversationId: s.body.conversationId,
      messageId: done.type === 'message.completed' ? done.messageId : '',
    });
    expect(retry).toMatchObject({ ok: false, error: { code: 'message:not_found' } });
    socket.close();
  });
});

describe('handoff requests', () => {
  it('let 40 sessions from one address put at most 10 conversations in the queue', async () => {
    const ids: string[] = [];
    const answers: string[] = [];
    for (let i = 0; i < 40; i++) {
      const s = await newSession(app.url);
      const r = await say(app.url, s.body, 'I want to talk to a person');
      expect(r.status).toBe(200);
      answers.push(r.body.messages.at(-1).text);
      ids.push(s.body.conversationId);
    }
    const queued = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversations WHERE id = ANY($1::text[]) AND status = 'queued'`,
      [ids],
    );
    expect(queued.rows[0].n).toBe(10);
    expect(answers.at(-1)).toMatch(/too many requests from your network/i);
  });

  it('never makes a conversation urgent from punctuation alone', async () => {
    const s = await newSession(app.url);
    await say(app.url, s.body, 'where are the socks!!!');
    const conv = await db.query<{ status: string }>('SELECT status FROM conversations WHERE id = $1', [
      s.body.conversationId,
    ]);
    expect(conv.rows[0].status).toBe('bot');
  });
});

describe('socket events', () => {
  it('limit joins, cart changes and typing per session, each refusal with a retry-after', async () => {
    const s = await newSession(app.url);
    const { socket } = await connectShopper(app.url, s.body.token);
    // Sent at once, so the refills of a slow machine never add a token mid-burst.
    const burst = <T>(n: number, send: (i: number) => Promise<T>) =>
      Promise.all(Array.from({ length: n }, (_, i) => send(i)));
    const joins = await burst(31, () =>
      request(socket, 'conversation:join', { conversationId: s.body.conversationId }),
    );
    expect(joins.slice(0, 30).every((j) => j.ok)).toBe(true);
    expect(joins[30]).toMatchObject({
      ok: false,
      error: { code: 'limits:rate_limited', details: { retryAfterSeconds: 2 } },
    });
    const typing = await burst(121, (i) =>
      request(socket, 'typing:set', { conversationId: s.body.conversationId, isTyping: i % 2 === 0 }),
    );
    expect(typing.filter((t) => !t.ok)).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'limits:rate_limited' }) }),
    ]);
    const carts = await burst(61, (i) => request(socket, i % 2 === 0 ? 'cart:add' : 'cart:remove', { sku: 'SOCK-1' }));
    expect(carts.filter((c) => !c.ok).map((c) => c.error?.code)).toEqual(['limits:rate_limited']);
    socket.close();
  });

  it('cap open sockets per session', async () => {
    const s = await newSession(app.url);
    const open = [];
    for (let i = 0; i < TEST_CONFIG.limits.socketsPerSession; i++)
      open.push(await connectShopper(app.url, s.body.token));
    const sixth = await connectShopper(app.url, s.body.token).catch((err: Error & { data?: { code: string } }) => err);
    expect(sixth).toBeInstanceOf(Error);
    expect((sixth as Error & { data?: { code: string } }).data?.code).toBe('limits:rate_limited');
    open[0].socket.close();
    // The slot frees once the server has seen the disconnect.
    const again = await waitFor(() => connectShopper(app.url, s.body.token).catch(() => undefined), 5_000);
    for (const c of [...open, again]) c.socket.close();
  });
});

describe('client addresses behind a proxy (TRUST_PROXY)', () => {
  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const sessionsFrom = async (url: string, ips: string[]) => {
    const out = [];
    for (const ip of ips) out.push((await post(url, '/api/sessions', {}, from(ip))).status);
    return out;
  };

  it('are read from X-Forwarded-For only from trusted proxies, the same way for REST and sockets', async () => {
    const limits = { ...TEST_CONFIG.limits, sessionsPerMinute: 2, socketsPerIp: 1 };
    const trusted = await startTestApp(db, { config: { trustProxy: 'loopback', limits } });
    const direct = await startTestApp(db, { config: { trustProxy: 'false', limits } });
    try {
      expect(await sessionsFrom(trusted.url, ['203.0.113.7', '203.0.113.7', '203.0.113.7', '198.51.100.9'])).toEqual([
        201, 201, 429, 201,
      ]);
      expect(await sessionsFrom(direct.url, ['203.0.113.7', '198.51.100.9', '192.0.2.1'])).toEqual([201, 201, 429]);

      const s = { body: (await post(trusted.url, '/api/sessions', {}, from('192.0.2.50'))).body as { token: string } };
      const socketFrom = (url: string, ip: string) =>
        new Promise<{ ok: boolean; close(): void }>((resolve) => {
          const socket = connect(`${url}${SHOPPER_NAMESPACE}`, {
            auth: { token: s.body.token },
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
            extraHeaders: from(ip),
          });
          socket.once('connect', () => resolve({ ok: true, close: () => socket.close() }));
          socket.once('connect_error', () => resolve({ ok: false, close: () => socket.close() }));
        });
      const a1 = await socketFrom(trusted.url, '203.0.113.7');
      const a2 = await socketFrom(trusted.url, '203.0.113.7');
      const b1 = await socketFrom(trusted.url, '198.51.100.9');
      expect([a1.ok, a2.ok, b1.ok]).toEqual([true, false, true]);
      const d1 = await socketFrom(direct.url, '203.0.113.7');
      const d2 = await socketFrom(direct.url, '198.51.100.9');
      expect([d1.ok, d2.ok]).toEqual([true, false]);
      for (const c of [a1, a2, b1, d1, d2]) c.close();
    } finally {
      await trusted.close();
      await direct.close();
    }
  });
});

describe('API requests per address', () => {
  it('refuse past the budget with 429 and Retry-After, per address, and never reach the route', async () => {
    const limited = await startTestApp(db, {
      config: { trustProxy: 'loopback', limits: { ...TEST_CONFIG.limits, requestsPerMinute: 3 } },
    });
    try {
      const search = (ip: string) =>
        fetch(`${limited.url}/api/products/search?q=socks`, { headers: { 'x-forwarded-for': ip } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await search('203.0.113.20')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await search('203.0.113.20');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: { code: 'limits:rate_limited' } });
      expect((await search('198.51.100.20')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('approval thresholds', () => {
  it('apply to the resulting cart line: four parallel adds of five reach twenty only with approval', async () => {
    const scripted = await startTestApp(db, { model: mswModel() });
    try {
      const s = await newSession(scripted.url);
      const add = (n: number) => ({
        id: `call_add_${n}`,
        name: 'add_to_cart',
        arguments: '{"sku":"SOCK-1","quantity":5}',
      });
      script.reply(streamReply({ toolCalls: [add(1), add(2), add(3), add(4)] }), streamReply({ text: 'Done.' }));
      expect((await say(scripted.url, s.body, 'twenty pairs of socks please')).status).toBe(200);
      const cart = await (
        await fetch(`${scripted.url}/api/cart`, { headers: { authorization: `Bearer ${s.body.token}` } })
      ).json();
      expect(cart.items).toEqual([expect.objectContaining({ sku: 'SOCK-1', quantity: 5 })]);
      const held = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM approvals WHERE conversation_id = $1 AND status = 'pending'`,
        [s.body.conversationId],
      );
      expect(held.rows[0].n).toBe(3);
      // A later turn adding one more to the line of five is held as well.
      script.reply(
        streamReply({
          toolCalls: [{ id: 'call_one', name: 'add_to_cart', arguments: '{"sku":"SOCK-1","quantity":1}' }],
        }),
        streamReply({ text: 'Asked.' }),
      );
      await say(scripted.url, s.body, 'one more');
      const tool = await db.query<{ content: string }>(
        `SELECT content FROM messages WHERE conversation_id = $1 AND tool_call_id = 'call_one'`,
        [s.body.conversationId],
      );
      expect(JSON.parse(tool.rows[0].content)).toMatchObject({ ok: false, reason: 'pending_approval' });
    } finally {
      await scripted.close();
    }
  });
});

describe('model spend caps', () => {
  it('hand a conversation past its token budget to the offline model, and say so in the reply meta and the log', async () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (l) => lines.push(l));
    const capped = await startTestApp(db, {
      model: mswModel(),
      fallbackModel: createOfflineModel(),
      logger,
      config: { spend: { tokensPerConversation: 30, tokensPerDay: 0 } },
    });
    try {
      const s = await newSession(capped.url);
      script.reply(streamReply({ text: 'First.' }), streamReply({ text: 'Second.' }));
      expect((await say(capped.url, s.body, 'hello')).body.messages.at(-1).text).toBe('First.');
      expect((await say(capped.url, s.body, 'hello again')).body.messages.at(-1).text).toBe('Second.');
      const third = await say(capped.url, s.body, 'hi');
      expect(third.body.messages.at(-1).text).not.toMatch(/First|Second/);
      const meta = await db.query<{ meta: { model: string; budgetFallback?: string } }>(
        `SELECT meta FROM messages WHERE conversation_id = $1 AND role = 'assistant' AND meta ? 'model' ORDER BY id`,
        [s.body.conversationId],
      );
      expect(meta.rows.map((r) => r.meta.budgetFallback ?? null)).toEqual([null, null, 'conversation']);
      expect(meta.rows[2].meta.model).toMatch(/^offline:/);
      expect(lines.some((l) => l.includes('model spend cap reached (conversation)'))).toBe(true);
      expect(await capped.metrics.registry.getSingleMetricAsString('concierge_model_budget_fallbacks_total')).toMatch(
        /scope="conversation"} 1/,
      );
    } finally {
      await capped.close();
    }
  });
});

describe('the agent queue', () => {
  it('pages instead of cutting off, and puts signed-in customers before anonymous sessions', async () => {
    const login = await agentLogin(app.url, 'alex@example.com', 'agent-password-1');
    const auth = { authorization: `Bearer ${login.token}` };
    const page = async (q: string) => await (await fetch(`${app.url}/api/agent/queue?${q}`, { headers: auth })).json();
    const customer = await newSession(app.url, signedIn('cus_2'));
    await app.services.ownership.requestHuman(customer.body.conversationId, {
      reason: 'wants a person',
      urgency: 'normal',
      source: 'shopper',
    });
    const first = await page('filter=waiting&limit=4');
    expect(first.items[0]).toMatchObject({ conversationId: customer.body.conversationId, customer: { id: 'cus_2' } });
    expect(first.items).toHaveLength(4);
    expect(first.total).toBeGreaterThanOrEqual(10);
    expect(first.counts.waiting).toBe(first.total);
    const second = await page('filter=waiting&limit=4&offset=4');
    expect(second.items.map((i: { conversationId: string }) => i.conversationId)).not.toContain(
      first.items[0].conversationId,
    );
    expect((await fetch(`${app.url}/api/agent/queue?limit=500`, { headers: auth })).status).toBe(400);
  });
});

describe('response headers', () => {
  it('forbid MIME sniffing on every response', async () => {
    for (const path of ['/healthz', '/api/products/search?q=socks', '/nope']) {
      expect((await fetch(`${app.url}${path}`)).headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
